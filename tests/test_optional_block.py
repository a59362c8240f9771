"""A block none of whose lines nearly every page carries is not missing from a page.

An electoral commission's result pages hold, between their own lines, a few rows they
share (`Labour Party`, `Recheck votes`, `Total enrolment:`); its vote-centre pages hold
another table. Each row stands on fewer than nine pages in ten, yet the block the rows made
stood on more than the share that makes a block required (a page holds a block when it holds
a third of its lines), so each vote-centre page got a block-missing error (10 of 97 pages).
A block none of whose lines is required is an optional section, left out whole by a page
of another kind.
"""

from __future__ import annotations

from pathlib import Path

from tests.test_accuracy import kinds_by_page

MENU = ["Home", "Results", "Candidates", "Contact"]
ROWS = ["Labour Party", "Recheck votes", "Total enrolment:"]
DISTRICTS = ["Kew", "Lara", "Bass", "Hawthorn", "Mildura", "Ripon", "Polwarth", "Evelyn"]
DISTRICTS += ["Gembrook", "Benambra", "Bayswater", "Kororoit"]


def _page(title: str, rows: list[str], footer: str = "(c) 2022 Electoral Commission") -> str:
    lines = ["Electoral Commission", "", *(f"  * [{m}]({m.lower()}.html)" for m in MENU), ""]
    lines += [f"# {title}", "", *(f"Count {n} in {title} is complete." for n in range(6)), ""]
    lines += [*rows, "", *(f"Turnout at booth {n} of {title} was {n + 60}%." for n in range(6))]
    lines += [""]
    lines += ["Contact the commission", footer]
    return "\n".join(lines) + "\n"


def _site(root: Path, footer: str = "(c) 2022 Electoral Commission") -> Path:
    root.mkdir()
    for district in DISTRICTS:
        (root / f"{district.lower()}.md").write_text(_page(district, ROWS, footer), "utf-8")
    for place in ["kew-centres", "lara-centres"]:
        table = [f"{place} hall | {n} votes" for n in (120, 340)]
        (root / f"{place}.md").write_text(_page(place, table), encoding="utf-8")
    return root


def test_pages_of_another_table_lack_no_block(tmp_path: Path) -> None:
    assert kinds_by_page(_site(tmp_path / "site")) == []


def test_a_drifted_footer_is_still_found_on_such_a_site(tmp_path: Path) -> None:
    site = _site(tmp_path / "site")
    (site / "kew.md").write_text(_page("Kew", ROWS, "(c) 2021 Electoral Commission"), "utf-8")
    assert kinds_by_page(site) == [("kew.md", "number-changed")]
