"""A block line lost right after the page's own lines is reported where it stood.

A box (`## Also on this site` and its links) opens after the page's title and text. A page
that lost the box's heading had the loss reported right after the menu's last entry, above
the page's own lines, because that is the block line before it (gen2 seeds 226, 230 and 408
at 0891c26: a finding a reader looks for in the wrong place, and the scorer's miss plus false
location). Per-page lines stay the page's whichever block line is missing (M4): where pages
hold lines of their own between the line before the lost one and it, and none between it and
the line after it, the lost line would stand right before the line after it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_accuracy import run_checker

TOPICS = ["dykes", "pumps", "levies", "ditches", "sluices", "reeds", "tides", "banks"]
BOX = ["## Also on this site", "  * [Archive](archive.html)", "  * [Jobs](jobs.html)"]


def _site(root: Path, lost: str) -> Path:
    root.mkdir()
    for i, topic in enumerate(TOPICS):
        lines = ["Fen Drainage Board", "", "  * [Home](index.html)", "  * [Agenda](agenda.html)"]
        lines += ["", f"# Meeting on {topic}", "", f"The board heard {i + 3} reports.", ""]
        lines += [*BOX, "", f"{i + 11} questions on {topic} were answered.", ""]
        lines += ["Chair: Mr. Olu Reed", "(c) 2026 fen.example"]
        if i == 3:
            lines.remove(lost)
        (root / f"meeting{i}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("lost", "line"),
    [
        # After the page's own text, before the box's first link (line 10 once it is gone).
        ("## Also on this site", 10),
        # Inside the box: right after the heading, as before.
        ("  * [Archive](archive.html)", 11),
        # The footer's first line, after the page's own lines: where it stood, line 16.
        ("Chair: Mr. Olu Reed", 16),
    ],
)
def test_a_lost_line_is_reported_where_it_stood(tmp_path: Path, lost: str, line: int) -> None:
    _, findings, err = run_checker(_site(tmp_path / "site", lost))
    assert [(Path(f["snapshot"]).name, f["kind"], f["line"]) for f in findings] == [
        ("meeting3.md", "line-missing", line)
    ], err
