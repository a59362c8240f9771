"""Links of a mirror name resources of the host, however the mirror wrote them.

wget saves each host under a folder named after it (`www.example.org/`, or
`localhost+8080/` in Windows-safe names) and, with `-k`, rewrites links to relative paths
to the saved files (`../../about/index.html`); a later mirror, or a page fetched without
`-k`, keeps the served form (`/about/`). Both name one resource: the host's folder is the
host's root, and a folder's address serves its index page. A real wget copy of a UK
government council's site mixed the two forms and every page of the second read as another
family with every link changed.
"""

from __future__ import annotations

from pathlib import Path

from checker.read.html_links import link_target
from checker.read.layout import without_capture
from tests.test_accuracy import kinds_by_page

HOST = "localhost+8080"
MENU = ["about", "reports", "case-studies", "contact"]


def test_a_link_from_the_hosts_root_starts_at_the_hosts_folder() -> None:
    deep = "site:///localhost+8080/case-studies/kate/index.html"
    assert link_target("/about/", deep) == "site:///localhost+8080/about/"
    assert link_target("../../about/index.html", deep) == "site:///localhost+8080/about/"
    # wget writes a link to another host it saved as a climb into that host's folder
    assert link_target("../../../www.other.org/x.html", deep) == "site:///www.other.org/x.html"
    # a page whose top folder is a section of the site, not a host, keeps the old reading
    assert link_target("/about/", "site:///news/a.html") == "site:///about/"


def test_a_pages_path_leaves_out_its_capture_folder() -> None:
    assert without_capture("20180523165433/www.example.org/a.html") == "www.example.org/a.html"
    assert without_capture("www.example.org/news/a.html") == "www.example.org/news/a.html"


def test_a_folders_address_and_its_index_page_are_one_target() -> None:
    deep = "site:///case-studies/kate/index.html"
    assert link_target("../../about/index.html", deep) == link_target("/about/", deep)
    assert link_target("index.html", "site:///index.html") == "site:///"
    assert link_target("/about/index.htm#team", deep) == "site:///about/#team"
    assert link_target("/about/indexes.html", deep) == "site:///about/indexes.html"


def _page(depth: int, title: str, served: bool) -> str:
    up = "../" * depth
    links = [f"/{m}/" if served else f"{up}{m}/index.html" for m in MENU]
    home = "/" if served else f"{up}index.html"
    items = "".join(
        f'<li><a href="{link}">{name.replace("-", " ").title()}</a></li>'
        for link, name in zip(links, MENU, strict=True)
    )
    body = "".join(f"<p>{title}: paragraph {n} of its own ({n * 13}).</p>" for n in range(4))
    return (
        f'<html><body><header><a href="{home}">Council</a><ul>{items}</ul></header>'
        f"<main><h1>{title}</h1>{body}</main>"
        f'<footer><a href="{up}copyright/index.html">Copyright</a> &copy; 2024 Council</footer>'
        "</body></html>"
    )


def test_a_mirror_mixing_both_link_forms_is_one_clean_site(tmp_path: Path) -> None:
    root = tmp_path / "mirror"
    for n in range(12):
        folder = root / HOST / "case-studies" / f"person-{n}"
        folder.mkdir(parents=True)
        (folder / "index.html").write_text(_page(2, f"Person {n}", served=n in (3, 8)), "utf-8")
    # The home page shows its own entry plain, whichever form the others link it in.
    home = _page(0, "Welcome", served=True).replace('<a href="/">Council</a>', "Council")
    (root / HOST / "index.html").write_text(home, "utf-8")
    assert kinds_by_page(root) == []
