"""A page's own address in its footer ("Share this page: https://host/this/page") is one
resource on every page: the footer line is the block's, so a line added beside it is drift,
and a menu entry that points at the page it stands on is still the menu's line.
"""

from __future__ import annotations

from pathlib import Path

from checker.read.normalize import head
from checker.read.own_links import THIS_PAGE, own_links
from tests.test_accuracy import run_checker

HOST = "https://harbour.example.org"
MENU = ["Harbour Board", "  * [Home](../index.md)", "  * [News](../news/index.md)", "* * *"]
FIELDS = ["Phone: 555 0100", "Office hours: Mon-Fri 9-17"]


def _page(path: str, i: int, extra: str = "", updated: str = "", lost: str = "") -> str:
    body = ["", f"# Notice {i}", f"Berth {i} reopens after {i + 2} weeks of dredging.", ""]
    menu = [line for line in MENU if lost not in line] if lost else MENU
    footer = [*FIELDS, *([extra] if extra else []), f"Print | Share this page: {HOST}/{path}"]
    footer += [f"Updated: {updated or f'2024-03-{i + 1:02d}'}"]
    return "\n".join(menu + body + footer) + "\n"


def _site(root: Path, extra_on: str = "", same_date: bool = False, lost: str = "") -> Path:
    paths = [f"news/notice-{i:02d}.md" for i in range(9)] + ["news/index.md", "index.md"]
    for i, path in enumerate(paths):
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        extra = "Fax: 555 0199" if path == extra_on else ""
        updated = "2024-05-01" if same_date and i < 2 else ""
        home = path in ("index.md", "news/notice-05.md")
        target.write_text(_page(path, i, extra, updated, lost if home else ""), encoding="utf-8")
    return root


def test_a_line_added_beside_the_share_line_is_found(tmp_path: Path) -> None:
    _, findings, err = run_checker(_site(tmp_path, extra_on="news/notice-03.md"))
    assert [(f["snapshot"].endswith("notice-03.md"), f["kind"], f["line"]) for f in findings] == [
        (True, "line-added", 11)
    ], err


def test_pages_linking_to_themselves_are_clean(tmp_path: Path) -> None:
    # the two index pages' menus point at themselves; two pages share one update date
    code, findings, err = run_checker(_site(tmp_path, same_date=True))
    assert (code, findings) == (0, []), err


def test_only_an_address_printed_as_text_is_renamed() -> None:
    lines = [
        (1, "", "News <site:///news/index.html>", 1),
        (2, "", "Permalink: http://harbour.example.org/news/index.html.", 2),
        (3, "", "Elsewhere: http://harbour.example.org/news/other.html", 3),
    ]
    text = "news/index.html"
    renamed = own_links(lines, "site:///news/index.html", text)
    assert [line[2] for line in renamed] == [
        "News <site:///news/index.html>",
        f"Permalink: {THIS_PAGE}.",
        "Elsewhere: http://harbour.example.org/news/other.html",
    ]
    # an archived page's own URL, with a fragment, is the page too
    archived = own_links(
        [(1, "", "Top: http://h.example/a/b.html#top", 1)], "http://h.example/a/b.html", "b.html"
    )
    assert archived[0][2] == f"Top: {THIS_PAGE}"


def test_a_line_starts_alike_whichever_address_or_date_it_names() -> None:
    assert head("Permalink: https://h.example/a/b.html more") == head(
        "Permalink: https://h.example/c.html more"
    )
    assert head("Updated: 2024-03-23 by the office") == head("Updated: 2025-11-02 by Ann")
    assert head("Updated: 2024-03-23") != head("Published: 2024-03-23")


def test_a_page_need_not_link_to_itself(tmp_path: Path) -> None:
    # the home page and one notice both leave out the menu's Home entry: only the notice lost it
    _, findings, err = run_checker(_site(tmp_path, lost="[Home]"))
    assert [(f["snapshot"].endswith("notice-05.md"), f["kind"]) for f in findings] == [
        (True, "line-missing")
    ], err


ROOMS = ["hall", "minutes", "allotments", "documents", "links", "map", "access", "index"]


def _menu_page(room: str, broken: str = "") -> str:
    """A parish page whose menu shows its own entry as `href="#"`, as hand-kept sites do."""
    items = "".join(
        f'<li><a href="{"#" if r in (room, broken) else f"./{r}.html"}">{r.title()} page</a></li>'
        for r in ROOMS
    )
    text = f"What the council says about the {room}, item {len(room)}."
    body = f"<h1>{room.title()}</h1><p>{text}</p>"
    footer = "<p>Clerk: Jane Hale, phone 01730 267784</p><p>&copy; Parish Council 2020</p>"
    return f"<html><body><ul>{items}</ul>{body}{footer}</body></html>"


def test_a_page_shows_its_own_menu_entry_plain(tmp_path: Path) -> None:
    """Each page's own menu entry links to `#` (no resource of its own: the page itself),
    so it reads plain; that is the menu's line, not a lost link or an added line. A page
    whose entry for another page links to `#` has lost that page's link."""
    for room in ROOMS:
        broken = "minutes" if room == "access" else ""
        (tmp_path / f"{room}.html").write_text(_menu_page(room, broken), encoding="utf-8")
    _, findings, err = run_checker(tmp_path)
    assert [(Path(f["snapshot"]).name, f["kind"]) for f in findings] == [
        ("access.html", "url-missing")
    ], err
