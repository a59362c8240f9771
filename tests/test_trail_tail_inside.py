"""A block's trail wrapped onto a line of its own is the trail going on, inside the block too.

Every page of a small site's `about/` folder holds `You are here: Home > About` inside its
header, so the trail is a line of the block; the pages one folder deeper wrap the rest of
their trail onto a line of its own, `> Team`. At a block's end such a line was already the
trail's; inside the block it read as a line added (gen2 seed 345 at 1dff6fe: two warnings
on the drift-free copy). A line added after the trail that does not continue it is still
added.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_accuracy import run_checker

TOPICS = ["dykes", "pumps", "levies", "ditches", "sluices", "reeds", "tides", "banks"]


def _site(root: Path, after_trail: str) -> Path:
    for i, topic in enumerate(TOPICS):
        folder = root / "about" / ("team" if i in (2, 5) else "")
        folder.mkdir(parents=True, exist_ok=True)
        trail = ["You are here: Home > About", *([after_trail] if i in (2, 5) else [])]
        lines = [
            "Fen Drainage Board",
            "  * [Home](/index.html)",
            "  * [About](/about/index.html)",
            *trail,
            "* * *",
            "",
            f"# About the {topic}",
            "",
            f"The board heard {i + 3} reports on {topic}.",
            "",
            "Chair: Mr. Olu Reed",
            "(c) 2026 fen.example",
        ]
        (folder / f"{topic}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def test_a_trail_wrapped_inside_the_block_is_no_addition(tmp_path: Path) -> None:
    _, findings, err = run_checker(_site(tmp_path / "site", "> Team"))
    assert findings == [], err


@pytest.mark.parametrize("added", ["Offices close at noon on Fridays."])
def test_a_line_added_after_the_trail_is_still_added(tmp_path: Path, added: str) -> None:
    _, findings, err = run_checker(_site(tmp_path / "site", added))
    assert sorted((Path(f["snapshot"]).name, f["kind"]) for f in findings) == [
        ("levies.md", "line-added"),
        ("reeds.md", "line-added"),
    ], err
