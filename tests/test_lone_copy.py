"""A page that prints once a line others print twice holds the copy it stands where.

A community site's article pages open with a breadcrumb (`Home`, `Articles`) and end with a
footer that links `Articles` again; its listing pages have no breadcrumb, so they print
`Articles` once, in the footer. Lines were keyed by which copy of their text they are on
the page, counted from the top, so a listing page's footer `Articles` counted as the
breadcrumb's: the breadcrumb's `Articles` looked held by every page, and each listing page
got an error for "losing" it (a real Hugo site, powershell.org: 5 of 47 clean pages failed
this way). The lone copy is the one whose neighbours it shares: the footer's.
"""

from __future__ import annotations

from pathlib import Path

from tests.test_accuracy import run_checker

MENU = "[Home](/) [Podcast](/podcast/) [Articles](/articles/) [Events](/events/)"
FOOTER = [
    "Quick Links",
    "[Podcast](/podcast/)",
    "[Learning](/learning/)",
    "Resources",
    "[Articles](/articles/)",
    "[Authors](/authors/)",
    "[Code of Conduct](/conduct/)",
    "© 2026 Lakeside Scripting Community",
]


def _page(title: str, n: int, breadcrumb: bool, footer: list[str]) -> str:
    lines = ["Lakeside Scripting", "Community Hub", MENU, ""]
    if breadcrumb:
        lines += ["[Home](/)", "[Articles](/articles/)", ""]
    lines += [f"# {title}", ""]
    lines += [f"Paragraph {k} of {title.lower()}: {n * 13 + k} readers so far." for k in range(4)]
    return "\n".join([*lines, "", *footer]) + "\n"


def _site(root: Path, footers: dict[str, list[str]] | None = None) -> Path:
    """Twenty articles with the breadcrumb, four listing pages without it."""
    footers = footers or {}
    for n in range(20):
        name = f"article-{n}.md"
        text = _page(f"Article {n}", n, True, footers.get(name, FOOTER))
        (root / name).write_text(text, "utf-8")
    for n, title in enumerate(["Articles", "Authors", "Podcast", "Events"]):
        name = f"list-{title.lower()}.md"
        (root / name).write_text(_page(title, n, False, footers.get(name, FOOTER)), "utf-8")
    return root


def _flagged(root: Path) -> dict[str, set[str]]:
    _, findings, _ = run_checker(root)
    flagged: dict[str, set[str]] = {}
    for finding in findings:
        if finding["severity"] in ("error", "warning"):
            flagged.setdefault(Path(finding["snapshot"]).name, set()).add(finding["kind"])
    return flagged


def test_listing_pages_without_the_breadcrumb_are_clean(tmp_path: Path) -> None:
    assert _flagged(_site(tmp_path)) == {}


def test_a_listing_page_that_lost_the_footer_link_is_flagged(tmp_path: Path) -> None:
    lost = [line for line in FOOTER if not line.startswith("[Articles]")]
    flagged = _flagged(_site(tmp_path, {"list-authors.md": lost}))
    assert flagged == {"list-authors.md": {"line-missing"}}
