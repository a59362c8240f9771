"""Link targets shared between pages (by origin or folder) equal the ones resolved per page."""

from __future__ import annotations

import itertools

import pytest

from checker.read import html_links
from checker.read.html_links import link_target

HREFS = [
    *("x.html", "../x.html", "./x", ".", "..", "../../../up", "x/y/", "x?y=1", "x#f", "%41"),
    *("~u", "-x", "_x", "x;p", ";p", "a:b", "a:b/c", "x:y/z", "?q", "?", "#f", "", "  ", "/"),
    *("/a/b", "/a/../b", "/?q", "/#f", "//host/p", "//HOST:80", "///p", "//", "//?q", "//#f"),
    *("http://h/p", "http:p", "http:", "http://", "http:///p", "http://?q", "HTTP://H/p"),
    *("https://H.ORG:443/x", "site:///z", "site:z", "file:///f", "ftp://f/x", "weird:opaque"),
    *("mailto:a@b.org", "javascript:x()", "\x01?q", " x.html ", "x\u00e9", "\u00e9x", "a\tb"),
    *("http://[::1]/p", "[x]", "x\\y", "\\x", "http://u:p@H:8080/a", "http://h:99999/"),
]
BASES = [
    *("site:///a/b/p1.html", "site:///a/b/p2.html", "site:///a/c/p.html", "site:///p.html"),
    *("site:///a/b/", "site:///a/b/.", "site:///a/b/..", "site:///a//b/p.html", "site://h/a/p"),
    *("https://example.org/a/p1.html", "https://example.org/a/p2.html?x=1#f"),
    *("https://example.org/a/", "https://example.org", "https://ex.org?q/r", "https://e.org#/a/"),
    *("HTTPS://Example.org/a/p3.html", "http://u:p@example.org:8080/a/p.html", "ftp://f.org/x"),
    *("file:///tmp/a/p.html", "weird:opaque", "weird:/a/b", "relative/base.html", "/abs/p.html"),
    *("https://example.org/a/p;params", "https://example.org/a/../p.html", " https://e.org/a/p"),
    *("https://e.org/a b/p.html", "https://e.org/\u00e9/p.html", "site:///a\\b/p.html", ""),
    *("https://e.org/a\t/p.html", "https://e.org/a/\np.html", "https://[::1]/a/p"),
    *("https://[::1/a", None),
]


def _outcomes(pairs: list[tuple[str | None, str | None]]) -> list[object]:
    """Each pair's target, or the error raised while resolving it, from empty caches."""
    link_target.cache_clear()
    html_links._shared.clear()
    outcomes: list[object] = []
    for base, href in pairs:
        try:
            outcomes.append(link_target(href, base))
        except ValueError as error:
            outcomes.append(f"ValueError: {error}")
    return outcomes


@pytest.mark.parametrize("order", ["bases first", "hrefs first", "reversed"])
def test_shared_targets_equal_per_page_ones(order: str, monkeypatch: pytest.MonkeyPatch) -> None:
    pairs = list(itertools.product(BASES, HREFS))
    if order == "hrefs first":
        pairs = [(base, href) for href, base in itertools.product(HREFS, BASES)]
    elif order == "reversed":
        pairs.reverse()
    with monkeypatch.context() as per_page:
        per_page.setattr(html_links, "_shared_key", lambda href, base: None)
        expected = _outcomes(pairs)
    assert len(html_links._shared) == 0
    actual = _outcomes(pairs)
    assert len(html_links._shared) > 100
    assert [pair for pair, a, b in zip(pairs, actual, expected, strict=True) if a != b] == []


def test_sibling_pages_share_targets() -> None:
    link_target.cache_clear()
    html_links._shared.clear()
    link_target("../x.html", "site:///a/b/p1.html")
    link_target("/nav.html", "site:///a/b/p1.html")
    assert ("../x.html", "site:///a/b/") in html_links._shared
    assert ("/nav.html", "site://") in html_links._shared
    assert link_target("../x.html", "site:///a/b/p2.html") == "site:///a/x.html"
