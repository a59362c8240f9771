"""Pages whose menu has more entries at several places hold an older version of the block.

A council site's pages each print one menu. Six pages, fetched before the menu was cut
down, still list a "Who we are" entry after `Home` and a "Statistics" entry after `News`:
the same six pages, in four folders whose other pages carry the newer menu. Lines a group
of pages holds together looked like a page type's own section (a sub-menu its pages
expand), and were no finding at all (a real wget copy of a government advisory council's
site, 11 stale pages of 59, went unflagged this way). A page type adds its box at one place
of the block; extra lines at two places among lines every page holds are the block's other
version, and are reported. A section's sub-menu at one place stays a page type's own.
"""

from __future__ import annotations

from pathlib import Path

from tests.test_accuracy import run_checker

HOST = "www.ashford.example"  # a crawl's host folder: the pages below are one site
FOLDERS = ["news", "reports", "people", "about"]
MENU = ["Home", "News", "Reports", "People", "Contact"]


def _menu(entries: list[str]) -> list[str]:
    return [f"  * [{m}](/{m.lower().replace(' ', '-')}.html)" for m in entries]


def _page(title: str, menu: list[str]) -> str:
    lines = ["Ashford Borough Council", "", *menu, "", f"# {title}", ""]
    lines += [
        f"Paragraph {n} about {title.lower()}, for this page only ({n * 7})." for n in range(5)
    ]
    lines += ["", "Ashford Borough Council, 1 Civic Way, Ashford", "© 2024 Ashford Borough Council"]
    return "\n".join(lines) + "\n"


def _flagged(root: Path) -> dict[str, set[str]]:
    """Per page (relative to `root`), the kinds of the warnings and errors on it."""
    _, findings, _ = run_checker(root)
    flagged: dict[str, set[str]] = {}
    for finding in findings:
        if finding["severity"] in ("error", "warning"):
            page = Path(finding["snapshot"]).relative_to(root / HOST).as_posix()
            flagged.setdefault(page, set()).add(finding["kind"])
    return flagged


def _site(root: Path, old: list[str], extra_at: dict[str, str]) -> Path:
    """Five pages per folder; the `old` pages carry `extra_at` entries after their anchors."""
    host = root / HOST
    for folder in FOLDERS:
        (host / folder).mkdir(parents=True)
        for n in range(5):
            name = f"{folder}/page-{n}.md"
            entries = []
            for entry in MENU:
                entries.append(entry)
                if name in old and entry in extra_at:
                    entries.append(extra_at[entry])
            title = f"{folder.title()} item {n}"
            (host / name).write_text(_page(title, _menu(entries)), "utf-8")
    return root


OLD = ["news/page-1.md", "news/page-3.md", "reports/page-2.md", "people/page-0.md"]
OLD += ["people/page-4.md", "about/page-2.md"]


def test_extra_entries_at_two_places_are_an_older_version(tmp_path: Path) -> None:
    site = _site(tmp_path / "crawl", OLD, {"Home": "Who we are", "News": "Statistics"})
    flagged = _flagged(site)
    assert set(flagged) == set(OLD)
    assert all("line-added" in kinds for kinds in flagged.values())


def test_a_sub_menu_at_one_place_is_a_page_types_own(tmp_path: Path) -> None:
    """The people pages expand their section's sub-menu, at one place: their own."""
    people = [f"people/page-{n}.md" for n in range(5)]
    site = _site(tmp_path / "crawl", people, {"People": "Councillors"})
    officers = "(/councillors.html)\n  * [Officers](/officers.html)\n"
    for name in people:  # a second sub-menu entry beside the first: still one place
        path = site / HOST / name
        path.write_text(path.read_text("utf-8").replace("(/councillors.html)\n", officers), "utf-8")
    assert _flagged(site) == {}
