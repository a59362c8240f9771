"""A gap inside the block on some pages only: the share of pages holding their own lines there
counts only the pages where the gap is inside the block.

Invented drainage-board pages: a header ending in a rule, then each page's own trail line
("You are here: ...") and its body. Six pages of forty also carry their page type's two lines
after the trail (a member profile's back link, a member list's sort line), so on those six
the trail stands inside the block; on the other 34 the trail and the body stand between
the rule and the footer, too many lines for a gap, so the block splits at the rule there
and the trail is the body's. Three trails are the profiles' own, three lists share one. At
521a2d2 the three own trails were weighed against all 40 pages holding the rule (fewer than
one in ten), so the gap was no content gap and the profiles' trails read as lines added to
the block (the lists' shared one as well, where the block ended at the rule instead).
"""

from __future__ import annotations

from pathlib import Path

from tests.test_accuracy import run_checker

MENU = ["  * [Home](index.html)", "  * [Agenda](agenda.html)"]
MENU += ["  * [Members](members/index.html)", "  * [Press](press.html)"]
MENU += ["  * [Contact](contact.html)"]
FOOTER = ["Questions? Write to us.", "Chair: Ms. Ada Thorne", "(c) 2026 marsh.example"]
TOPICS = ["dykes", "pumps", "levies", "ditches", "sluices", "reeds", "tides", "banks", "weirs"]
TOPICS += ["eels"]
NAMES = ["Ada Moss", "Ben Hale", "Cy Reed", "Dee Fenn", "Eli Marsh", "Flo Dyke"]
PROFILE = ["[Back to the member list](members/index.html)", "Member data are checked weekly."]
LISTING = ["Sort by: name | group | ward", "[Download the list](members/list.csv)"]


def _site(root: Path, added_on: int = -1) -> Path:
    for i in range(40):
        report = [
            f"The {TOPICS[(i + k) % 10]} report of week {i * 3 + k} was read; "
            f"{k + i % 4} objections were heard."
            for k in range(4 + i % 5)
        ]
        typed = i % 7 == 3 and i < 42
        if typed and i < 21:
            name = NAMES[i // 7]
            own = [f"You are here: Home > Members > {name}", *PROFILE]
            body = [f"# {name}", f"Seat: Ward {i}", *report[:2]]
        elif typed:
            own = ["You are here: Home > Members > Lists", *LISTING]
            body = [
                "# Members of the board",
                *(f"[{n}](members/m{k}.html)" for k, n in enumerate(NAMES)),
            ]
        else:
            topic = TOPICS[i % 10]
            own = [f"You are here: Home > Meeting on {topic} ({i})"]
            body = [f"# Meeting on {topic} ({i})", *report]
        menu = list(MENU)
        if i == added_on:
            menu.insert(3, "  * [Tenders](tenders.html)")
        lines = ["Marsh Drainage Board", *menu, "* * *", *own, "", *body, "", *FOOTER]
        (root / f"page{i:02d}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def test_a_trail_inside_the_block_on_a_few_pages_is_their_own(tmp_path: Path) -> None:
    _, findings, err = run_checker(_site(tmp_path))
    assert findings == [], err


def test_a_line_added_to_the_menu_is_still_reported(tmp_path: Path) -> None:
    _, findings, err = run_checker(_site(tmp_path, added_on=10))
    assert [(Path(f["snapshot"]).name, f["kind"]) for f in findings] == [
        ("page10.md", "line-added")
    ], err
