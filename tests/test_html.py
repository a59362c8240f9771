"""Tests for checker.read.html: block/inline rendering, dropped content, links, source lines, limits."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from lxml import etree

from checker.read.decode import decode
from checker.read.html import RenderedLine, render_html
from checker.read.html_walk import walk

DATA = Path(__file__).parent / "data" / "clerk"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "clerk-house-gov" / "orig"
FOOTER = [
    "Office of the Clerk - U.S. Capitol, Room H154, Washington, DC 20515-6601 | (202) 225-7000",
    "For general inquiries: info.clerkweb@mail.house.gov <mailto:info.clerkweb@mail.house.gov>",
    "For general technical support: techsupport.clerkweb@mail.house.gov "
    "<mailto:techsupport.clerkweb@mail.house.gov>",
    "For HouseLive support: houselive@mail.house.gov <mailto:houselive@mail.house.gov>",
]


def texts(html: str, **kwargs: object) -> list[str]:
    lines, problem = render_html(html, **kwargs)  # type: ignore[arg-type]
    assert problem is None
    return [line.text for line in lines]


def test_blocks_and_inlines() -> None:
    html = (
        "<div>One <b>bold</b> <i>and</i> <span>inline</span></div><p>Two</p>"
        "<ul><li>a<li>b</ul><h2>Head</h2><dl><dt>Term</dt><dd>Def <em>x</em></dd></dl>"
        "<p>x<br>y<br/>z</p><address>Addr</address><blockquote>Q</blockquote>"
    )
    assert texts(html) == [
        "One bold and inline",
        "Two",
        "a",
        "b",
        "Head",
        "Term",
        "Def x",
        "x",
        "y",
        "z",
        "Addr",
        "Q",
    ]


def test_whitespace_collapsed_nbsp_kept_entities_decoded() -> None:
    assert texts("<p>  a \n\t b&nbsp;c &amp; &copy; </p><p> \n </p>") == ["a b\xa0c & ©"]


def test_table_rows_join_cells() -> None:
    html = (
        "<table><tr><th>Name</th><th>Phone</th></tr>"
        "<tr><td>Ann <b>Lee</b></td><td></td><td>555</td></tr></table>"
    )
    assert texts(html) == ["Name | Phone", "Ann Lee | 555"]


def test_pre_keeps_its_lines() -> None:
    lines, _ = render_html("<p>before</p>\n<pre>one\n  two   spaced\n\nfour</pre>")
    assert [(line.source_line, line.text) for line in lines] == [
        (1, "before"),
        (2, "one"),
        (3, "two spaced"),
        (5, "four"),
    ]


def test_script_style_and_hidden_are_dropped() -> None:
    html = """<html><head><title>T</title><style>p{}</style><script>alert(1)</script></head><body>
    <script>alert(1)</script><noscript>ns</noscript><template><p>tp</p></template>
    <svg><text>svgtext</text></svg><div hidden>h1</div><div aria-hidden="true">h2</div>
    <p style="color:red; display : none">h3</p><span style="visibility:hidden">h4</span>
    <input type="hidden" value="h5"><!-- comment --><p>shown</p></body></html>"""
    assert texts(html) == ["shown"]
    assert "alert" not in " ".join(texts(html))


def test_comment_tail_text_is_kept() -> None:
    assert texts("<p>a<!-- c -->b</p>") == ["ab"]


def test_links_keep_their_target() -> None:
    html = (
        '<p>Contact us <a href="https://Example.ORG:443/contact">here</a></p>'
        '<p><a href="mailto:Info@Example.org?subject=Hi">mail</a> '
        '<a href="tel:+1 555 0100">call</a></p>'
        '<p><a href="javascript:void(0)">js</a> <a href="#top">top</a> <a name="x">anchor</a></p>'
        '<p><a href="/home"><img src="logo.png" alt="Logo"></a> '
        '<a href="/icon"><img src="i.png"></a></p>'
        '<p><img src="deco.png" alt="Decoration"></p>'
    )
    assert texts(html, page_url="https://example.org/a/page.html") == [
        "Contact us here <https://example.org/contact>",
        "mail <mailto:Info@Example.org?subject=Hi> call <tel:+1 555 0100>",
        "js top anchor",
        "Logo <https://example.org/home> <https://example.org/icon>",
        "Decoration",
    ]


def test_relative_links_resolve_against_site_paths() -> None:
    deep = texts('<a href="../../x.html">X</a>', page_url="site:///a/b/page.html")
    flat = texts('<a href="x.html">X</a>', page_url="site:///c.html")
    assert deep == flat == ["X <site:///x.html>"]
    mirror = texts(
        '<a href="../www.example.org/students.html">S</a>',
        page_url="site:///cdn.example.org/p.html",
    )
    assert mirror == texts(
        '<a href="students.html">S</a>', page_url="site:///www.example.org/index.html"
    )


def test_base_href_wins() -> None:
    html = (
        '<head><base href="https://www.example.org/en/"></head>'
        '<body><a href="../c/d.html">D</a></body>'
    )
    assert texts(html, page_url="site:///x/y.html") == ["D <https://www.example.org/c/d.html>"]


def test_without_page_url_links_stay_as_written() -> None:
    assert texts('<a href="../x.html">X</a>') == ["X <../x.html>"]


def test_source_lines() -> None:
    html = (
        "<html>\n<body>\n<div>\n  first\n</div>\n"
        "<p>second<br>\nthird</p>\n<ul>\n<li>fourth</li>\n</ul>"
    )
    lines, _ = render_html(html)
    assert lines == [
        RenderedLine(4, "first"),
        RenderedLine(6, "second"),
        RenderedLine(7, "third"),
        RenderedLine(9, "fourth"),
    ]


def test_deep_nesting_is_cut_quickly() -> None:
    html = "<p>before</p>" + "<div>" * 100_000 + "deep" + "</div>" * 100_000
    start = time.perf_counter()
    lines, problem = render_html(html)
    assert time.perf_counter() - start < 2
    assert problem is not None and "nesting" in problem
    assert lines[0].text == "before"


@pytest.mark.parametrize("hidden", [False, True])
def test_walk_of_a_deep_tree_stays_linear(hidden: bool) -> None:
    root = etree.Element("html")
    body = etree.SubElement(root, "body")
    top = deepest = etree.SubElement(body, "div", {"hidden": ""} if hidden else {})
    for _ in range(50_000):  # far past libxml2's own cap, so built by hand
        deepest = etree.SubElement(deepest, "div")
    deepest.text = "deep"
    etree.SubElement(top, "span").text = "last"
    etree.SubElement(body, "p").text = "after"
    start = time.perf_counter()
    lines, too_deep = walk(root, None, max_depth=100_000)
    assert time.perf_counter() - start < 2
    assert [text for _, text in lines] == (["after"] if hidden else ["deep", "last", "after"])
    assert not too_deep
    cut = [(1, "after")] if hidden else [(1, "last"), (1, "after")]
    assert walk(root, None, max_depth=256) == (cut, not hidden)


def test_own_depth_limit() -> None:
    html = "<p>a</p>" + "<span>" * 20 + "deep" + "</span>" * 20 + "<p>b</p>"
    lines, problem = render_html(html, max_depth=10)
    assert [line.text for line in lines] == ["a", "b"]
    assert problem == "nesting deeper than 10 levels was cut off"


def test_huge_inputs_stay_bounded() -> None:
    lines, problem = render_html(
        '<p title="' + "a" * 2_000_000 + '">hi</p>' + "<p>" + "w " * 1_000_000 + "</p>"
    )
    assert lines[0].text == "hi" and len(lines[1].text) == 1_999_999
    start = time.perf_counter()
    body = '<div><p>Hello <a href="/x/y.html">world</a> text</p><span>s</span></div>\n' * 70_000
    lines, problem = render_html(f"<html><body>{body}</body></html>", page_url="site:///p.html")
    assert time.perf_counter() - start < 5  # 5 MB, 280k elements: about 1.5 s
    assert problem is None and len(lines) == 140_000
    assert lines[-1].source_line == 70_000  # past libxml2's 16-bit line numbers


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   ",
        "<!-- only -->",
        "\x00<p>x\x00y</p>",
        "<?xml version='1.0' encoding='latin-1'?><p>é</p>",
    ],
)
def test_odd_documents(html: str) -> None:
    lines, problem = render_html(html)
    assert problem is None
    assert all(line.text.strip() for line in lines)


def _clerk_pages(root: Path) -> list[tuple[str, str]]:
    pages = []
    for path in sorted(root.rglob("*.orig")):
        relative = path.relative_to(root).as_posix()[: -len(".orig")]
        pages.append((relative, decode(path.read_bytes(), html=True).text))
    return pages


def _check_clerk(pages: list[tuple[str, str]]) -> None:
    for relative, text in pages:
        lines, problem = render_html(text, page_url=f"site:///{relative}")
        assert problem is None, relative
        rendered = [line.text for line in lines]
        assert all(line in rendered for line in FOOTER), relative
        assert (
            "Office of the Clerk, United States House of Representatives <site:///index.aspx>"
            in rendered
        )
        assert not any("GoogleAnalyticsObject" in line for line in rendered)


def test_threads_render_as_one_does() -> None:
    pages = _clerk_pages(DATA) * 8
    alone = [render_html(text, page_url=f"site:///{name}") for name, text in pages]
    with ThreadPoolExecutor(max_workers=4) as pool:
        threaded = list(
            pool.map(lambda page: render_html(page[1], page_url=f"site:///{page[0]}"), pages)
        )
    assert threaded == alone


def test_clerk_pages_in_repo() -> None:
    pages = _clerk_pages(DATA)
    assert len(pages) == 4
    _check_clerk(pages)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared clerk corpus not available")
def test_clerk_corpus() -> None:
    pages = _clerk_pages(CORPUS)
    assert len(pages) == 68
    _check_clerk(pages)


def test_clerk_footer_source_lines() -> None:
    text = decode((DATA / "help.aspx.orig").read_bytes(), html=True).text
    lines, _ = render_html(text, page_url="site:///help.aspx")
    by_text = {line.text: line.source_line for line in lines}
    source = text.splitlines()
    for footer in FOOTER:
        assert footer.split(":")[0].split(" - ")[0] in source[by_text[footer] - 1]
