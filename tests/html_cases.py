"""Hand-written tricky pages and a seeded random page grammar for the HTML renderer."""

from __future__ import annotations

import random
from typing import NamedTuple


class Case(NamedTuple):
    """One call of `render_html`."""

    text: str
    page_url: str | None = None
    max_depth: int = 256


_HIDDEN = (
    "<p>a<span hidden>h</span>b</p><p>c<span hidden=''>h</span>d</p>"
    "<p>e<span aria-hidden=' TRUE '>h\nh</span>f</p><p>g<span aria-hidden=false>shown</span></p>"
    "<p>i<b style='DISPLAY:NONE'>h</b>j<b style='visibility : hidden;'>h</b>k</p>"
    "<p>l<b style='display:none-ish'>h</b><b style='color: red'>shown</b></p>"
    "<form>m<input type=' Hidden ' value=v>n<INPUT TYPE=HIDDEN>o<input type=text>p</form>"
    "<div hidden><p>h</p>\n\n<p>h</p></div>tail after hidden\n<p hidden>x\ny\nz</p><p>after</p>"
    "<a href='/x' hidden>h</a>q<a href='/y'>r<span hidden>s</span></a>"
    "<pre>1\n<span hidden>2\n3</span>\n4<span hidden><b>5\n</b>\n6</span>\n7</pre>"
)
_LINKS = (
    "<p><a href='/img'><img alt='Alt'></a> <a href='/bare'><img src=x></a> <img src=y></p>"
    "<p><a href='/br'>a<br>b</a></p><p><a href='/onlybr'><br></a>x</p>"
    "<p><a href='/empty'></a>e<a href='/space'> </a>s<a href='#'>#</a><a href=''>empty</a></p>"
    "<p><a href='  JavaScript:void(0)'>js</a><a href='\tmai\nlto:x@y.org'>m</a></p>"
    "<p><a href='//other.org/p'>p</a><a href='HTTP://X.ORG:80/a'>x</a><a href='http://[::1]:8/'>6</a>"
    "<a href='https://u:p@Host.ORG:443/'>u</a><a href='http://x:99999/'>bad port</a>"
    "<a href='weird:opaque'>w</a><a href='../../../up'>up</a></p>"
    "<p><a href='/outer'>o<a href='/inner'>i</a>t</a></p>"
    "<p><a href='/blk'><div>in div</div></a></p>"
    "<p><a href='/alt'><img alt='  '></a><a>no href</a><a href='/svg'><svg><text>s</text></svg></a>"
    "</p><table><tr><td><a href='/cell'>c</a></td><td><a href='/cell2'><img></a></td></tr></table>"
)
_TABLES = (
    "<table><tr><td>a<table><tr><td>b</td><td>c</td></tr></table></td><td>d</td></tr>"
    "<tr><th></th><td> </td><td>x</td><th>y</th></tr><tr><td><img alt=i></td><td>z</td></tr>"
    "<tr><td>\n</td><td><br>after br</td><td><p>p</p>q</td></tr>"
    "<caption>cap</caption>loose text<tr>no cell</tr></table>"
    "<td>stray cell</td><td>second</td><div>x<td>in div</td></div>"
)
_PRE = (
    "<pre>a\r\nb\r\n\r\nc</pre><pre>\nleading newline</pre><pre>x<b>bold\nline</b>y\n"
    "<a href='/p'>link\nsplit</a>\n<pre>inner\npre</pre>tail\nz</pre>after"
    "<pre>&#10;ent&#x0A;newline\r</pre><pre>   </pre><pre>\n\n</pre><pre><br>x<br></pre>"
)
_INLINE_NODES = (
    "<p>a<!-- x\ny -->b<![CDATA[c\nd]]>e<?php echo 1\n?>f</p>\n<p>g<!---->h<!--\n\n-->"
    "<p>i&amp;j&lt;script&gt;k&nbsp;&unknown;&#0;&#xD800;l&#128512;</p>\n<!-- last\n-->"
    "<p>m<!-- unclosed"
)
_MALFORMED = (
    "<p>one<div>two</p>three</div></span></p><b><i>four</b></i><<>></><p id=x class=y z>five",
    '<a href="x>broken</a>six<p>seven',
    "<table>seven<tr>eight<td>nine</table><ul><li>ten<ul><li>11</ul>after",
    "<select><option>o1<option>o2</select><textarea>t\nx</textarea><o:p>word</o:p><foo:bar>f"
    "</foo:bar><frameset><frame></frameset><noframes>nf</noframes><math><mi>m</mi></math>",
    "<p>a<p>b<li>c<dd>d<dt>e</p></li><body><p>second body</p></body><html><p>second html</p>",
)
_AFTER_HTML = (
    "<html><head><title>t</title>head text</head><body><p>x</p></body></html>"
    "\ntrailing text\n<p>more</p><!-- c -->\nend"
)
_BASES = "<base href=''><base href='../b/'><base href='https://ignored/'><a href='c'>c</a>"
_SURROGATE_PAGE = "<p><a href='x.html'>x</a>\n <a href='/y'>y</a>  z</p><p><a href='#'>t</a></p>"
_WHITESPACE = (
    "\n\n\n<p>\x0c\x0bform\x0cfeed\x0b</p><p>\xa0</p><p>\u2028sep\u2029</p><p>\u3000wide</p>"
    "<p>\ufeffbom</p><p>中文 <b>テキスト</b> 😀 שלום</p><p>\ud800surrogate</p>"
)


def tricky_pages() -> dict[str, Case]:
    """Pages that exercise the corners of the renderer."""
    deep = "<p>top</p>" + "<span>x\n" * 300 + "bottom" + "</span>" * 300 + "<p>after</p>"
    edge = "".join(f"<div>{i}\n" for i in range(12)) + "</div>" * 12 + "<!--\n-->end"
    return {
        "hidden": Case(_HIDDEN, "https://example.org/d/p.html"),
        "links": Case(_LINKS, "https://example.org/a/b/page.html"),
        "links site": Case(_LINKS, "site:///a/b/page.html"),
        "links ftp": Case(_LINKS, "ftp://ftp.example.org/pub/x"),
        "links opaque": Case(_LINKS, "weird:opaque"),
        "links none": Case(_LINKS),
        # urljoin raises on an unclosed IPv6 host; the renderer lets that escape (as it did)
        "bad ipv6 link": Case("<a href='http://[::1'>x</a>", "https://example.org/"),
        "bad ipv6 link site": Case("<a href='http://[::1'>x</a>", "site:///p.html"),
        "bad ipv6 link no url": Case("<a href='http://[::1'>x</a>"),
        "bad ipv6 base": Case("<base href='http://[::1'><a href='x'>x</a>", "https://e.org/"),
        "tables": Case(_TABLES),
        "pre": Case(_PRE, "site:///pre.html"),
        "inline nodes": Case(_INLINE_NODES),
        **{f"malformed {i}": Case(page, "site:///m.html") for i, page in enumerate(_MALFORMED)},
        "after html": Case(_AFTER_HTML),
        "bases": Case(_BASES, "https://example.org/a/p.html"),
        "bases site": Case(_BASES, "site:///a/p.html"),
        "whitespace": Case(_WHITESPACE),
        "deep 300": Case(deep),
        "deep 257": Case("<div>" * 257 + "x" + "</div>" * 257 + "<p>y</p>"),
        "deep 255": Case("<div>" * 255 + "x" + "</div>" * 255 + "<p>y</p>"),
        **{f"depth edge {d}": Case(edge, max_depth=d) for d in (0, 1, 2, 3, 5, 12, 13)},
        "comment past cap": Case("<div><div><!-- c\n-->t</div></div><p>u</p>", max_depth=1),
        "hidden html": Case("<html hidden><body><p>x</p></body></html>tail"),
        "hidden body": Case("<body style='display:none'><p>x</p></body>"),
        "doctype only": Case("<!DOCTYPE html>"),
        "text only": Case("just text\nover lines"),
        "head only": Case("<head><title>t</title><meta charset=utf-8></head>"),
        "bom": Case("\ufeff<p>bom</p>"),
        # a page URL decoded with surrogateescape puts lone surrogates into link targets
        "surrogate url": Case(_SURROGATE_PAGE, "site:///caf\udce9/p.html"),
        "surrogate url https": Case(_SURROGATE_PAGE, "https://e.org/\udce9/p.html"),
    }


_TAGS = ("div", "p", "span", "a", "table", "tr", "td", "th", "pre", "ul", "li", "b", "em")
_VOID = ("br", "img", "input", "hr")
_DROPPED = ("script", "style", "noscript", "head", "title")
_WORDS = ("alpha", "beta", "é", "\xa0", "中文", "😀", "&amp;", "&nbsp;", "&lt;", "x y", "  ")
_ATTRS = (
    "hidden",
    "aria-hidden='true'",
    "aria-hidden='false'",
    "style='display:none'",
    "style='color:red'",
    "style='Visibility: Hidden'",
    "class='c'",
    "id='i'",
    "type='hidden'",
    "alt='Alt text'",
    "alt=''",
    "href='/p/q.html'",
    "href='../up.html'",
    "href='#frag'",
    "href='mailto:a@b.org'",
    "href='javascript:x()'",
    "href='https://Other.ORG:443/x'",
)


def _text(rng: random.Random) -> str:
    """A few words with random whitespace, newlines included."""
    seps = (" ", " ", "\n", "\t", "\r\n", "", "\n\n ")
    return "".join(rng.choice(_WORDS) + rng.choice(seps) for _ in range(rng.randint(0, 4)))


def _attrs(rng: random.Random) -> str:
    """Zero to three attributes, hidden ones included."""
    count = rng.choice((0, 0, 0, 1, 1, 2, 3))
    return "".join(" " + rng.choice(_ATTRS) for _ in range(count))


def _node(rng: random.Random, depth: int) -> str:
    """A random element, text, comment or void tag; sometimes left unclosed."""
    roll = rng.random()
    if roll < 0.25 or depth > 9:
        return _text(rng)
    if roll < 0.33:
        return f"<{rng.choice(_VOID)}{_attrs(rng)}>"
    if roll < 0.37:
        return f"<!--{_text(rng)}-->"
    tag = rng.choice(_DROPPED) if roll < 0.41 else rng.choice(_TAGS)
    inner = "".join(_node(rng, depth + 1) for _ in range(rng.randint(0, 4)))
    close = f"</{tag}>" if rng.random() < 0.9 else ""
    return f"<{tag}{_attrs(rng)}>{_text(rng)}{inner}{close}{_text(rng)}"


def random_page(rng: random.Random) -> Case:
    """A random page from a small grammar, under a random page URL and depth cap."""
    body = "".join(_node(rng, 0) for _ in range(rng.randint(1, 6)))
    if rng.random() < 0.1:
        body = "<div>" * 40 + body + "</div>" * 40
    url = rng.choice((None, "site:///r/p.html", "https://example.org/r/p.html"))
    return Case(body, url, rng.choice((256, 256, 256, 2, 4, 7)))
