"""A line of marks alone out of the block's order is the body's own rule, not the block's.

Invented board pages end with a footer whose last line is a rule (`* * *`); half the bodies
end with a rule of their own, right above the footer. Where a page lost the footer's rule,
the body's rule was taken for it, moved: an info, and the loss went unreported (gen2 305 at
521a2d2). A rule says nothing where it stands, so it is never placed out of order.
"""

from __future__ import annotations

from pathlib import Path

from tests.test_accuracy import run_checker

FOOTER = ["Questions? Write to us.", "Chair: Ms. Ada Thorne", "Tel. +44 20 7946 0321"]
FOOTER += ["(c) 2026 marsh.example", "* * *"]
TOPICS = ["dykes", "pumps", "levies", "ditches", "sluices", "reeds", "tides", "banks", "weirs"]
TOPICS += ["eels", "locks", "mills"]


def _site(root: Path, lost_on: int = -1, swapped_on: int = -1) -> Path:
    for i, topic in enumerate(TOPICS):
        body = [f"# Meeting on {topic}", "", f"The board heard {i + 4} reports on {topic}."]
        body += ["", f"{i + 12} questions on {topic} were answered."]
        if i % 2:
            body += ["", "* * *"]
        footer = FOOTER[:-1] if i == lost_on else list(FOOTER)
        if i == swapped_on:
            footer[1], footer[2] = footer[2], footer[1]
        lines = [*body, "", *footer]
        (root / f"meeting{i:02d}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def _found(findings: list[dict]) -> list[tuple[str, str, int]]:
    return [(Path(f["snapshot"]).name, f["kind"], f["line"]) for f in findings]


def test_the_footer_s_lost_rule_is_reported_beside_the_body_s_own(tmp_path: Path) -> None:
    _, findings, err = run_checker(_site(tmp_path, lost_on=3))
    assert _found(findings) == [("meeting03.md", "line-missing", 13)], err


def test_pages_with_and_without_a_body_rule_give_no_finding(tmp_path: Path) -> None:
    _, findings, err = run_checker(_site(tmp_path))
    assert findings == [], err


def test_a_worded_line_out_of_order_is_still_moved(tmp_path: Path) -> None:
    _, findings, err = run_checker(_site(tmp_path, swapped_on=5))
    assert {(name, kind) for name, kind, _ in _found(findings)} == {
        ("meeting05.md", "line-moved")
    }, err
