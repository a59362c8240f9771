"""Captures of one page are no page types: a news front page fetched again and again drifts
apart from its older captures as headlines come and go, and clusters into slices of time.
Each slice would take the headlines that stayed a while for its block and flag every capture
that dropped one. Groups of copies whose bodies overlap are one family; the captures of two
different pages stay apart.

The sites are invented: a news aggregator's front page, each capture holding a masthead, the
forty newest headlines (five new ones per capture, the five oldest dropped) and a footer.
"""

from __future__ import annotations

from pathlib import Path

from tests.test_accuracy import run_checker

MASTHEAD = [
    "# THE MORNING LEDGER",
    "[Home](https://ledger.example/) | [About](https://ledger.example/about)",
    "* * *",
]
FOOTER = [
    "* * *",
    "(c) 2026 The Morning Ledger | Editor: [Jo Ames](mailto:jo@ledger.example)",
    "[Send us a tip](mailto:tips@ledger.example)",
    "No ads, no tracking, reader-funded: [Support us](https://pay.example/ledger)",
]
OLD_FOOTER_LINE = "Reader-funded: [Support us](https://pay.example/ledger)"
WORDS = [
    "harbour",
    "council",
    "budget",
    "bridge",
    "school",
    "rail",
    "storm",
    "library",
    "market",
    "museum",
    "ferry",
    "park",
    "tram",
    "clinic",
    "court",
    "dock",
    "forest",
    "garden",
    "hospital",
    "island",
    "lake",
    "mill",
    "opera",
    "pier",
    "quarry",
    "river",
    "square",
    "tower",
    "valley",
    "wharf",
]


def _headline(n: int) -> str:
    """The n-th story: its words name it (a skeleton masks numbers, so words must differ)."""
    a, b = WORDS[n % 30], WORDS[(n // 30 + n) % 30]
    return f"  * [{a.title()} vote delays {b} plan](https://news{n % 7}.example/s/{n})"


def _capture(k: int, footer: list[str] = FOOTER, masthead: list[str] = MASTHEAD) -> str:
    newest = 5 * k + 40
    headlines = [_headline(n) for n in range(newest, newest - 40, -1)]
    return "\n".join([*masthead, "", *headlines, "", *footer]) + "\n"


def _write(root: Path, captures: int, stale: tuple[int, ...] = ()) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for k in range(captures):
        footer = [*FOOTER[:-1], OLD_FOOTER_LINE] if k in stale else FOOTER
        (root / f"2026-03-{k + 1:02d}T0900_{k:04x}.md").write_text(_capture(k, footer))


def test_a_front_pages_captures_are_one_family_without_drift(tmp_path: Path) -> None:
    _write(tmp_path / "front", 30)
    code, findings, err = run_checker(tmp_path / "front")
    assert code == 0, (err, findings[:5])
    assert findings == []


def test_an_older_footer_on_early_captures_is_still_flagged(tmp_path: Path) -> None:
    _write(tmp_path / "front", 30, stale=(0, 1, 2))
    code, findings, err = run_checker(tmp_path / "front")
    flagged = {Path(f["snapshot"]).name for f in findings if f["severity"] != "info"}
    assert flagged == {f"2026-03-{k + 1:02d}T0900_{k:04x}.md" for k in (0, 1, 2)}, findings


def test_two_pages_captures_keep_their_own_bodies_apart(tmp_path: Path) -> None:
    """The front page's captures and an about page's (the same each time) share the masthead
    and footer only: the about page's captures tell nothing against joining the front page's
    family, and its own lines are then a section only its captures carry, never drift."""
    root = tmp_path / "site"
    _write(root, 24)
    about = ["## About the Ledger", "Founded in 1998 by harbour workers.", "Owned by readers."]
    page = "\n".join([*MASTHEAD, "", *about, "", *FOOTER]) + "\n"
    for k in range(12):
        (root / f"2026-03-{k + 1:02d}T1000_about{k:02d}.md").write_text(page)
    code, findings, err = run_checker(root)
    assert code == 0, (err, findings[:5])
    assert findings == []
