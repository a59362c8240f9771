"""What stands between a block's lines: a record field's one line (an update date) leaves no
room for additions, a separator in the body is the body's, and a table the bodies copy is
not a block line moved.
"""

from __future__ import annotations

from pathlib import Path

from tests.test_accuracy import run_checker

HEADER = ["Fernside Allotment Society", "  * [Plots](https://plots.example/plots)", "----"]
FOOTER = ["----", "Secretary: Ann Poole", "Phone: 555 0172", "(c) 2024 Fernside Allotments"]
TABLE = ["| 2022 | 41 | 6 |", "| 2023 | 44 | 3 |", "| 2024 | 47 | 2 |"]


ASIDE = [
    "## See also",
    "  * [Seed swap](https://plots.example/swap)",
    "  * [Rules](https://plots.example/rules)",
]


def _body(i: int, tables: bool) -> list[str]:
    """A page's own lines around the sidebar; a separator between paragraphs on every other
    page; and on most pages a table copied into the body, usually before the sidebar, on some
    pages after it, with a paragraph of the page's own between."""
    first = [f"Plot {i} was dug over in week {i + 3}."]
    first += ["* * *"] if i % 2 else []
    first += [f"Water butts on row {i + 20} are full again."]
    last = [f"The shed key for plot {i} is with the warden.", f"Beans on plot {i} are up."]
    if tables and i % 4 == 3:
        last[1:1] = TABLE
    elif tables and i % 4:
        first[1:1] = TABLE
    return [f"# Notes on plot {i}", *first, *ASIDE, *last]


def _site(
    root: Path, extra: dict[int, str] | None = None, tables: bool = False, pages: int = 12
) -> Path:
    for i in range(pages):
        updated = [f"Updated: 2024-{i % 12 + 1:02d}-{i + 3:02d}"]
        if extra and i in extra:
            updated.append(extra[i])
        lines = HEADER + _body(i, tables) + FOOTER[:2] + updated + FOOTER[2:]
        (root / f"plot{i:02d}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def test_the_body_s_separators_and_copied_tables_give_no_finding(tmp_path: Path) -> None:
    _, findings, err = run_checker(_site(tmp_path, tables=True))
    assert findings == [], err


def test_a_line_added_beside_a_field_s_one_line_is_found(tmp_path: Path) -> None:
    _, findings, err = run_checker(_site(tmp_path, extra={4: "Fax: 555 0199"}))
    assert [(f["snapshot"][-9:], f["kind"]) for f in findings] == [("plot04.md", "line-added")], err


def test_a_field_two_pages_wrap_is_content(tmp_path: Path) -> None:
    extra = {4: "and again after the storm", 9: "by the warden"}
    _, findings, err = run_checker(_site(tmp_path, extra=extra))
    assert findings == [], err


def test_lines_two_pages_add_beside_a_field_s_one_line_are_found(tmp_path: Path) -> None:
    """Two pages of 30 each add a line beside the update date: a `Fax:` line and a sentence
    that starts anew. Neither continues the date, and too few pages hold lines there for it
    to be per-page content (CONTENT_PAGES), so both are added (gen2 seed 125)."""
    extra = {4: "Fax: 555 0199", 9: "Follow us on social media."}
    _, findings, err = run_checker(_site(tmp_path, extra=extra, pages=30))
    found = sorted((f["snapshot"][-9:], f["kind"]) for f in findings)
    assert found == [("plot04.md", "line-added"), ("plot09.md", "line-added")], err


def test_a_field_one_page_wraps_is_content(tmp_path: Path) -> None:
    """One page's update line runs on onto a line of its own, in small letters: the field's
    value, not a line added beside it."""
    _, findings, err = run_checker(_site(tmp_path, extra={4: "and again after the storm"}))
    assert findings == [], err
