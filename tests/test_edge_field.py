"""A record field at a block's edge is where the page's own lines begin: every page opens
its body with a `You are here:` trail right after the header, so a line that one page holds
between the header and its trail was added (gen2's "added near page"). The bodies are
long, so header and footer are blocks of their own. Lines that two pages
hold there (a menu's links before its `Current:` item) are the pages' own.
"""

from __future__ import annotations

from pathlib import Path

from tests.test_accuracy import run_checker

HEADER = ["Marsh Lane Allotments", "  * [Plots](https://marsh.example/plots)"]
HEADER += ["  * [Rules](https://marsh.example/rules)", "  * [Contact](https://marsh.example/c)"]
FOOTER = ["Secretary: Ann Poole", "Phone: 555 0172", "(c) 2024 Marsh Lane Allotments"]
SECTIONS = ["Plots", "Rules", "News"]


def _site(root: Path, added: dict[int, str]) -> Path:
    for i in range(12):
        trail = f"You are here: Home > {SECTIONS[i % 3]} > Note {i}"
        body = [
            f"# Note {i}",
            *(f"Row {r} of plot {i} was dug in week {i + r}." for r in range(14)),
        ]
        own = [added[i]] if i in added else []
        lines = [*HEADER, *own, trail, *body, *FOOTER]
        (root / f"note{i:02d}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def test_the_site_as_it_is_has_no_finding(tmp_path: Path) -> None:
    _, findings, err = run_checker(_site(tmp_path, {}))
    assert findings == [], err


def test_a_line_one_page_holds_before_its_trail_is_added(tmp_path: Path) -> None:
    _, findings, err = run_checker(_site(tmp_path, {5: "Fax: 555 0199"}))
    assert [(f["snapshot"][-9:], f["kind"]) for f in findings] == [("note05.md", "line-added")], err


def test_lines_two_pages_hold_before_their_trails_are_their_own(tmp_path: Path) -> None:
    added = {2: "  * [Volunteer](https://marsh.example/v)", 7: "Closed on Sundays."}
    _, findings, err = run_checker(_site(tmp_path, added))
    assert findings == [], err
