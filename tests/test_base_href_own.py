"""A page's own menu entry behind a `<base href>`: a mirror whose pages all set the base to
the archive's root on another host links each page as `https://archive.example/root/news`,
while the page itself is `news/index.html` in the mirror. Its menu shows its own entry
unlinked (`href="#content"`), which a page may do (it need not link to itself); the entry is
the page's own under the base too, and a folder's address names it with or without its
closing slash."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NAMES = ["news", "events", "members", "contact", "history", "press", "library", "visit"]


def _page(name: str) -> str:
    entries = "".join(
        f'<li><a href="{"#content" if other == name else other}">{other.title()}</a></li>'
        for other in NAMES
    )
    return (
        '<html><head><base href="https://archive.example/root/"></head><body>'
        f"<header><p>Harbour Rowing Club</p><nav><ul>{entries}</ul></nav></header>"
        f"<main><h1>{name.title()}</h1><p>What the {name} page says, its own words.</p></main>"
        "<footer><p>Club house: 1 Quay Road</p><p>Phone: 0100 200 300</p></footer>"
        "</body></html>"
    )


def _check(root: Path) -> list[dict]:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "checker",
            "check",
            str(root),
            "--format",
            "json",
            "--group-by",
            "none",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)["findings"]


def test_the_current_entry_behind_a_base_href_is_the_pages_own(tmp_path: Path) -> None:
    for name in NAMES:
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text(_page(name), encoding="utf-8")
    assert [f for f in _check(tmp_path) if f["severity"] != "info"] == []


def test_a_lost_entry_behind_a_base_href_is_still_found(tmp_path: Path) -> None:
    for name in NAMES:
        (tmp_path / name).mkdir()
        page = _page(name)
        if name == "visit":
            page = page.replace('<li><a href="press">Press</a></li>', "")
        (tmp_path / name / "index.html").write_text(page, encoding="utf-8")
    flagged = {
        (Path(f["snapshot"]).parent.name, f["kind"])
        for f in _check(tmp_path)
        if f["severity"] != "info"
    }
    assert flagged == {("visit", "line-missing")}


def test_a_folder_names_its_index_page_with_or_without_its_slash() -> None:
    from checker.read.own_links import links_to_page

    page = "site:///news/index.html"
    assert links_to_page("News <site:///news>", page)
    assert links_to_page("News <site:///news/>", page)
    assert not links_to_page("News <site:///newsletter>", page)
    assert links_to_page(
        "News <https://archive.example/root/news>",
        page,
        "https://archive.example/root/news/index.html",
    )


def test_a_base_href_urllib_cannot_parse_leaves_the_page_readable(tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / f"p{i}.html").write_text(
            '<html><head><base href="http://[::1"></head><body><p>Harbour Rowing Club</p>'
            f"<p>Page {i} of the club.</p></body></html>",
            encoding="utf-8",
        )
    assert [f["kind"] for f in _check(tmp_path)] == []
