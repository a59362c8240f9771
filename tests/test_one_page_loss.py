"""Links lost from the middle of a menu on one page are that page's loss.

On a site of fewer than ten pages, lines all pages but one carry were below the required
share (nine in ten), so two neighbouring menu entries lost on one page read as an optional
section left out, and nothing was reported (gen2 seeds 279 and 310 at 521a2d2). Entries
standing between entries the page holds are one menu, not a box of their own: lost on the
one page that lacks them, they are reported. A box of its own (a notice) that one page or
two leave out is still optional on a site this small: one page in nine is too few to tell.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_accuracy import run_checker

MENU = ["Home", "Agenda", "Members", "Documents", "Press", "Contact"]
NOTICES = ["## Notices", "Offices close at noon on Fridays.", "Send questions to the clerk."]
FOOTER = ["Marsh Drainage Board", "Chair: Ms. Ada Thorne", "(c) 2026 marsh.example"]
TOPICS = ["dykes", "pumps", "levies", "ditches", "sluices", "reeds", "tides", "banks", "weirs"]


def _site(
    root: Path, pages: int, lost_on: int = -1, boxless: tuple[int, ...] = (), lost=slice(2, 4)
) -> Path:
    for i in range(pages):
        menu = [f"  * [{entry}]({entry.lower()}.html)" for entry in MENU]
        if i == lost_on:
            del menu[lost]
        topic = TOPICS[i]
        body = [f"# Meeting on {topic}", f"The board heard {i + 4} reports on {topic}."]
        body += [f"{i + 12} questions on {topic} were answered."]
        box = [] if i in boxless else ["", *NOTICES]
        lines = ["Marsh Drainage Board", *menu, "", *body, *box, "", *FOOTER]
        (root / f"meeting{i}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


@pytest.mark.parametrize("pages", [6, 7, 8, 9])
def test_two_menu_lines_one_page_lost_are_reported(tmp_path: Path, pages: int) -> None:
    _, findings, err = run_checker(_site(tmp_path, pages, lost_on=3))
    assert sorted((Path(f["snapshot"]).name, f["kind"], f["slot"]) for f in findings) == [
        ("meeting3.md", "line-missing", 3),
        ("meeting3.md", "line-missing", 4),
    ], err


@pytest.mark.parametrize("boxless", [(1, 4), (4,)])
@pytest.mark.parametrize("pages", [6, 9])
def test_a_box_of_its_own_left_out_is_optional(
    tmp_path: Path, pages: int, boxless: tuple[int, ...]
) -> None:
    _, findings, err = run_checker(_site(tmp_path, pages, boxless=boxless))
    assert findings == [], err


def test_a_box_two_pages_leave_out_beside_a_loss_is_still_optional(tmp_path: Path) -> None:
    """The page that lost its menu lines also leaves out the box: only the menu is lost."""
    _, findings, err = run_checker(_site(tmp_path, 9, lost_on=4, boxless=(1, 4)))
    assert sorted((Path(f["snapshot"]).name, f["kind"], f["slot"]) for f in findings) == [
        ("meeting4.md", "line-missing", 3),
        ("meeting4.md", "line-missing", 4),
    ], err


def test_the_first_two_menu_entries_one_page_lost_are_reported(tmp_path: Path) -> None:
    """The run opens the menu: the site's name stands before it, a link after it."""
    _, findings, err = run_checker(_site(tmp_path, 8, lost_on=5, lost=slice(0, 2)))
    assert sorted((Path(f["snapshot"]).name, f["kind"], f["slot"]) for f in findings) == [
        ("meeting5.md", "line-missing", 1),
        ("meeting5.md", "line-missing", 2),
    ], err
