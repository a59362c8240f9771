"""A page type's line lost on a page that carries the rest of its section is lost.

A library's event pages end their block with a back link and two lines of their own; its
other pages carry none of them. The three lines are a page type's section, known by its
lines alone (no `Key: value` field marks the type). A section known that way was never
counted missing on a page, since a line some pages lack may only show that they are of
another type (a sub-folder's extra breadcrumb line looks just like a lost one). But a page
that holds every other line of the section is of that type: the one line it lacks was lost
(gen2 seed 760: a profile page that lost `Member data are checked every 6 weeks.`).
"""

from __future__ import annotations

from pathlib import Path

from tests.test_accuracy import kinds_by_page

MENU = ["Home", "Catalogue", "Events", "Opening hours", "Contact"]
EVENTS = ["Poetry night", "Chess club", "Story time", "Film evening", "Repair cafe"]
OTHER = ["Borrowing rules", "Our branches", "Library history", "Study rooms", "E-books"]
OTHER += ["Newspapers", "Local archive", "Friends of the library"]
SECTION = [
    "  * [Back to the calendar](/events.html)",
    "Events are confirmed every Monday.",
    "Bring your library card to every event.",
]


def _page(title: str, section: list[str]) -> str:
    lines = [f"# {title}", ""]
    lines += [
        f"Paragraph {n} on {title.lower()}, written for this page ({n * 3})." for n in range(6)
    ]
    lines += ["", "Millbrook Public Library", "12 Mill Lane, Millbrook"]
    lines += [f"  * [{m}](/{m.lower().replace(' ', '-')}.html)" for m in MENU]
    return "\n".join([*lines, *section]) + "\n"


def _site(root: Path, lost: str | None = None) -> Path:
    root.mkdir()
    for title in EVENTS:
        section = [line for line in SECTION if not (title == "Chess club" and line == lost)]
        (root / f"{title.lower().replace(' ', '-')}.md").write_text(_page(title, section), "utf-8")
    for title in OTHER:
        (root / f"{title.lower().replace(' ', '-')}.md").write_text(_page(title, []), "utf-8")
    return root


def test_the_clean_site_is_clean(tmp_path: Path) -> None:
    assert kinds_by_page(_site(tmp_path / "site")) == []


def test_a_line_lost_from_a_held_section_is_reported(tmp_path: Path) -> None:
    found = kinds_by_page(_site(tmp_path / "site", lost=SECTION[1]))
    assert found == [("chess-club.md", "line-missing")]
