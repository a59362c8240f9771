"""A rule that closes a block, lost, is not the body's rule further down.

A page whose header lost its closing `* * *` and whose body ends in a `* * *` of its own had
that body rule taken for the header's: the header then reached down to it, and every body
line above it read as a line added inside the header (gen2 seeds 400 and 433 at 474ecb9, and
430 on a footer's opening rule). A line of marks alone says nothing of which rule it is; taken
past two page lines or more where pages hold none of their own, it is left to the body, and
the block's rule is one line missing. A line added right before the rule still reads added.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_accuracy import run_checker

MENU = ["Home", "Agenda", "Members", "Contact"]
FOOTER = ["Fen Drainage Board", "Chair: Mr. Olu Reed", "(c) 2026 fen.example"]
TOPICS = ["dykes", "pumps", "levies", "ditches", "sluices", "reeds", "tides", "banks"]


def _page(
    i: int,
    *,
    header_rule: bool = True,
    body_rule: bool = False,
    added: str = "",
    footer_rule: bool = True,
    rule_inside: bool = False,
) -> str:
    header = ["Fen Drainage Board", "", *(f"  * [{m}]({m.lower()}.html)" for m in MENU)]
    if added:
        header.append(added)
    if header_rule:
        header.append("* * *")
    topic = TOPICS[i]
    body = ["", f"# Meeting on {topic}", "", f"The board heard {i + 3} reports on {topic}."]
    body += ["", *(["* * *"] if rule_inside else [])]
    body += [f"{i + 11} questions on {topic} were answered by the clerk.", ""]
    if body_rule:
        body += ["* * *", ""]
    return "\n".join(header + body + ["", *(["* * *"] if footer_rule else []), *FOOTER]) + "\n"


def _site(root: Path, changed: int, ruled: int = 8, **change: object) -> Path:
    """Eight pages, `changed` with `change`, the footer's rule on the first `ruled`."""
    root.mkdir()
    for i in range(len(TOPICS)):
        options = change if i == changed else {"body_rule": i in (2, 5), "footer_rule": i < ruled}
        (root / f"meeting{i}.md").write_text(_page(i, **options), encoding="utf-8")  # type: ignore[arg-type]
    return root


def _found(root: Path) -> list[tuple[str, str, int]]:
    _, findings, err = run_checker(root)
    return sorted((Path(f["snapshot"]).name, f["kind"], f["line"]) for f in findings)


def test_a_lost_header_rule_is_not_the_body_rule(tmp_path: Path) -> None:
    site = _site(tmp_path / "site", 3, header_rule=False, body_rule=True)
    # The rule would stand right after the menu's last entry, line 6.
    assert _found(site) == [("meeting3.md", "line-missing", 7)]


@pytest.mark.parametrize("body_rule", [False, True])
def test_a_line_added_before_the_header_rule_is_still_added(
    tmp_path: Path, body_rule: bool
) -> None:
    site = _site(tmp_path / "site", 3, added="  * [Podcasts](podcasts.html)", body_rule=body_rule)
    assert _found(site) == [("meeting3.md", "line-added", 7)]


def test_a_rule_some_pages_leave_out_is_not_taken_past_a_body_line(tmp_path: Path) -> None:
    """The footer's rule stands on five pages of eight; a page without it holds a rule in
    its body, one paragraph above the footer: that paragraph is the body's, not added."""
    site = _site(tmp_path / "site", 6, ruled=5, footer_rule=False, rule_inside=True)
    assert _found(site) == []
