"""A rule the body repeats is not the block's because it stands next to a box pages write after.

A footer opens with `* * *`; above it stands a box (`Read also`) after which most pages hold
lines of their own. One page's body, right after the box, holds a rule, a paragraph and a
rule, and then the footer's rule. Which copy is the footer's was decided by nearness to the
footer rule's neighbours, and the box counted as one: the body's first rule stood as near to
the box as the footer's own rule to the footer, the tie kept the first, and the paragraph
read as a line added inside the footer (gen2 seed 504 at 0891c26). A neighbour across lines
pages hold of their own says nothing of where the rule stands: the footer's rule is the copy
next to the footer.
"""

from __future__ import annotations

from pathlib import Path

from tests.test_accuracy import run_checker

MENU = ["Home", "Agenda", "Members", "Contact"]
TOPICS = ["dykes", "pumps", "levies", "ditches", "sluices", "reeds", "tides", "banks"]
RULED = 3  # the page whose body holds rules right after the box


def _page(i: int, chair: str) -> str:
    topic = TOPICS[i]
    lines = ["Fen Drainage Board", "", *(f"  * [{m}]({m.lower()}.html)" for m in MENU)]
    lines += ["* * *", "", f"# Meeting on {topic}", "", f"The board heard {i + 3} reports.", ""]
    lines += ["Read also", "  * [Archive](archive.html)", "  * [Jobs](jobs.html)", ""]
    if i == RULED:
        lines += ["* * *", "", f"{i + 11} questions on {topic} were answered.", "", "* * *", ""]
    elif i % 2:
        lines += [f"Next meeting on {topic}: {i + 2} May.", ""]
    lines += ["* * *", "Fen Drainage Board", chair, "(c) 2026 fen.example"]
    return "\n".join(lines) + "\n"


def _site(root: Path, chair_on_ruled: str = "Chair: Mr. Olu Reed") -> Path:
    root.mkdir()
    for i in range(len(TOPICS)):
        chair = chair_on_ruled if i == RULED else "Chair: Mr. Olu Reed"
        (root / f"meeting{i}.md").write_text(_page(i, chair), encoding="utf-8")
    return root


def _found(root: Path) -> list[tuple[str, str, int]]:
    _, findings, _ = run_checker(root)
    return sorted((Path(f["snapshot"]).name, f["kind"], f["line"]) for f in findings)


def test_the_body_rules_after_a_box_leave_the_footer_clean(tmp_path: Path) -> None:
    assert _found(_site(tmp_path / "site")) == []


def test_a_drifted_footer_line_there_is_its_only_finding(tmp_path: Path) -> None:
    site = _site(tmp_path / "site", chair_on_ruled="Chair: Ms. Ada Lamb")
    assert _found(site) == [("meeting3.md", "value-changed", 25)]
