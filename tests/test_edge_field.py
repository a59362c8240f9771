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


def _site(
    root: Path,
    added: dict[int, str],
    trails: dict[int, str] | None = None,
    folders: dict[int, str] | None = None,
) -> Path:
    for i in range(12):
        trail = (trails or {}).get(i, f"You are here: Home > {SECTIONS[i % 3]} > Note {i}")
        body = [
            f"# Note {i}",
            *(f"Row {r} of plot {i} was dug in week {i + r}." for r in range(14)),
        ]
        own = [added[i]] if i in added else []
        lines = [*HEADER, *own, trail, *body, *FOOTER]
        page = root / (folders or {}).get(i, "") / f"note{i:02d}.md"
        page.parent.mkdir(exist_ok=True)
        page.write_text("\n".join(lines) + "\n", encoding="utf-8")
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


def test_a_trail_value_three_pages_share_at_the_edge_is_the_field_s(tmp_path: Path) -> None:
    """Three pages of one section name only their section (`Home > News`): the one text that
    recurs where the body begins, yet one value of the trail's key, which comes in many."""
    trails = dict.fromkeys((0, 4, 8), "You are here: Home > News")
    _, findings, err = run_checker(_site(tmp_path, {}, trails))
    assert findings == [], err


def test_a_trail_wrapped_at_the_edge_is_the_field_s(tmp_path: Path) -> None:
    """Most pages' trails name their section alone (`Home > About` in about/), so the trail
    is a line of the block with a value per folder; four pages wrap theirs before its last part, and
    `> Team` on a line of its own is the trail's, not a line added after the block."""
    trails = {i: "You are here: Home > About" for i in range(12)}
    trails |= {i: "You are here: Home > News" for i in (2, 9)}
    trails |= {i: f"You are here: Home > Note {i}" for i in (3, 11)}
    trails |= {i: "You are here: Home > About\n> Team" for i in (1, 5, 7, 10)}
    folders = {i: "about" for i in range(12)} | {2: "news", 9: "news", 3: "", 11: ""}
    _, findings, err = run_checker(_site(tmp_path, {}, trails, folders))
    assert findings == [], err
