"""A page type's section known by its record: member pages carry a back link and a "data
checked" line inside the block, and a member's record (`Party: …`, a value of each page's
own) further down the body. A member page that lacks the section whole lost it; a news page
lacks it because it is of another type.
"""

from __future__ import annotations

from pathlib import Path

from tests.test_accuracy import run_checker

HEADER = ["Lakeside Water Board", "", "  * [Home](index.md)", "  * [News](news.md)", "* * *"]
SECTION = ["  * [Back to the list of members](members.md)", "The data are checked every 4 weeks."]
FOOTER = ["", "Questions? Phone 555 0142", "(c) 2024 Lakeside Water Board"]
PARTIES = ["Green Shore", "Harbour League", "Valley Alliance", "Lake First"]


def _member(i: int, section: list[str]) -> str:
    trail = f"You are here: Home > Members > Member {i}"
    body = ["", f"# Member {i}", f"Member {i} sits for ward {i + 2}.", ""]
    record = [f"Party: {PARTIES[i % 4]}", f"Ward: North {i + 2}", ""]
    return "\n".join([*HEADER, trail, *section, *body, *record, *FOOTER]) + "\n"


def _news(i: int) -> str:
    trail = f"You are here: Home > News > Item {i}"
    body = ["", f"# Item {i}", f"The pumping station {i} reopens in week {i + 5}.", ""]
    return "\n".join([*HEADER, trail, *body, *FOOTER]) + "\n"


def _site(root: Path, lost: int | None = None) -> Path:
    for i in range(8):
        section = [] if i == lost else SECTION
        (root / f"member-{i:02d}.md").write_text(_member(i, section), encoding="utf-8")
    for i in range(8):
        (root / f"news-{i:02d}.md").write_text(_news(i), encoding="utf-8")
    return root


def test_a_member_page_that_lost_its_section_whole_is_flagged(tmp_path: Path) -> None:
    code, findings, err = run_checker(_site(tmp_path, lost=5))
    assert code == 1, err
    assert sorted((Path(f["snapshot"]).name, f["kind"], f["expected"]) for f in findings) == [
        ("member-05.md", "line-missing", "* [Back to the list of members](site:///members.md)"),
        ("member-05.md", "line-missing", "The data are checked every 4 weeks."),
    ], err


def test_pages_of_another_type_lack_the_section_freely(tmp_path: Path) -> None:
    code, findings, err = run_checker(_site(tmp_path))
    assert (code, findings) == (0, []), err
