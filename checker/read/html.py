"""Render HTML to visible text lines, each with the source line where it starts.

lxml (libxml2) is used because it records each element's source line (`sourceline`), parses a
multi-MB page in milliseconds, recovers from broken real-world markup the way browsers roughly do,
and caps nesting depth and text size itself (`huge_tree=False`), so hostile input stays bounded.
"""

from __future__ import annotations

import re
import threading
from itertools import repeat
from typing import NamedTuple

from lxml import etree

from checker.read.html_links import join_url, normalise_url
from checker.read.html_walk import walk
from checker.read.normalize import normalize, same_scheme

_new_tuple = tuple.__new__
_parsers = threading.local()


class RenderedLine(NamedTuple):
    """One visible line of a page (a tuple: a page has hundreds, built on the hot path)."""

    source_line: int
    """1-based line in the HTML source where the line's first text sits (best estimate)."""
    text: str
    """The visible text, whitespace collapsed; links as `TEXT <URL>`."""


def _rendered_lines(pairs: list[tuple[int, str]]) -> list[RenderedLine]:
    """RenderedLine tuples for (source line, text) pairs, made without a Python call each."""
    return list(map(_new_tuple, repeat(RenderedLine), pairs))


def _base_url(root: etree._Element, page_url: str | None) -> str | None:
    """The first `<base href>`, resolved against the page URL; else the page URL."""
    for base in root.iter("base"):
        href = (base.get("href") or "").strip()
        if href:
            return normalise_url(join_url(page_url, href))
    return page_url


_REFRESH_URL = re.compile(r"url\s*=\s*[\"']?\s*([^\"'\s>]+)", re.IGNORECASE)


def redirect_target(root: etree._Element) -> str | None:
    """Where a `<meta http-equiv="refresh" content="2;url=...">` sends the reader, if the page
    holds one: a stub a mirror kept for a moved page (`This page has moved`), which shows
    none of the site's block and is no page of it, as a WARC's redirect record is none. A
    refresh without a URL only reloads the page (a news front page every few minutes).
    (Walking the tree's `meta` elements in C costs ~16 µs on a 47 KB page, a twentieth of a
    regular expression over its text.)"""
    for meta in root.iter("meta"):
        if (meta.get("http-equiv") or "").strip().lower() == "refresh":
            found = _REFRESH_URL.search(meta.get("content") or "")
            if found:
                return found.group(1)[:200]
    return None


def _parser() -> etree.HTMLParser:
    """This thread's HTML parser (lxml parsers must not be shared between threads).

    Making one per page cost 1-2% of the rendering; each parse starts a fresh error log.
    """
    parser: etree.HTMLParser | None = getattr(_parsers, "html", None)
    if parser is None:
        # collect_ids=False: no table of `id` attributes, which nothing here uses (~8% faster)
        parser = etree.HTMLParser(
            encoding="utf-8", huge_tree=False, no_network=True, collect_ids=False
        )
        _parsers.html = parser
    return parser


def _parse(text: str) -> tuple[etree._Element | None, str | None]:
    """Parse with libxml2's limits on; report the limits it hit."""
    parser = _parser()
    # NUL ends libxml2's input early; the text is already decoded, so any stale
    # <meta charset> or XML declaration is overridden by the explicit encoding.
    data = text.replace("\x00", "\ufffd").encode("utf-8", "replace")
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError) as exc:
        return None, f"HTML could not be parsed: {exc}"
    limits = [e.message.strip() for e in parser.error_log if e.type_name == "ERR_RESOURCE_LIMIT"]
    problem = None
    if any("depth" in m.lower() for m in limits):
        problem = "nesting deeper than 256 levels was cut off (the rest of the page was not read)"
    elif limits:
        problem = f"the HTML parser stopped at a size limit: {limits[0]}"
    return root, problem


def render_html(
    text: str, *, page_url: str | None = None, max_depth: int = 256
) -> tuple[list[RenderedLine], str | None]:
    """Render a page to its visible lines; the second value says what was cut off, if anything."""
    lines, problem, _ = render_page(text, page_url=page_url, max_depth=max_depth)
    return lines, problem


def render_page(
    text: str, *, page_url: str | None = None, max_depth: int = 256
) -> tuple[list[RenderedLine], str | None, str | None]:
    """`render_html`, and the address its links resolved against (`<base href>`, else
    `page_url`)."""
    if not text or text.isspace():  # as `not text.strip()`, without copying the page
        return [], None, page_url
    root, problem = _parse(text)
    if root is None:
        return [], problem, page_url
    if target := redirect_target(root):
        redirect = f"a redirect to {target} (meta refresh): not a page of its own, not checked"
        return [], redirect, None
    base = _base_url(root, page_url)
    pairs, too_deep = walk(root, base, max_depth)
    if too_deep and problem is None:
        problem = f"nesting deeper than {max_depth} levels was cut off"
    return _rendered_lines(pairs), problem, base


_SEPARATOR = "\x00"  # never in rendered text (the parser's input has none), and no space
# What `normalize` changes in ASCII text besides backticks: runs of spaces, and the other
# characters str.split() takes for whitespace. The walk's lines hold none of them.
# (One substring test each: a regex class scans ~10 times slower.)
_UNCOLLAPSED = ("  ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f")
_HTTPS_END = re.compile(r"\bhttps\Z", re.IGNORECASE)


def comparison_texts(texts: list[str]) -> list[str]:
    """`same_scheme(normalize(text))` of every rendered line; per line, the calls cost as
    much as parsing the page, so an ASCII page's lines go at once, joined.

    An ASCII page whose lines the walk already collapsed (no runs of spaces, none of the other
    characters str.split() takes for whitespace) only has its backticks folded and `https://`
    made `http://`, over the joined lines. A page with other characters is normalized line
    by line: NFKC over a whole page costs more than over its few non-ASCII lines alone.
    """
    joined = _SEPARATOR.join(texts)
    if (
        texts
        and joined.isascii()
        and joined.count(_SEPARATOR) == len(texts) - 1  # no line holds the separator
        and not any(s in joined for s in _UNCOLLAPSED)
    ):
        forms = _https_as_http(joined.replace("`", "'")).split(_SEPARATOR)
        return list(map(str.strip, forms))
    return [same_scheme(normalize(text)) for text in texts]


def _https_as_http(text: str) -> str:
    """`same_scheme(text)`, looking only where a `://` stands rather than at every character.

    `://` cannot overlap itself, so splitting at it finds every place the pattern can match;
    the character before each piece is `/` (no word character), as at the start of the text.
    """
    pieces = text.split("://")
    for i in range(len(pieces) - 1):
        if _HTTPS_END.search(pieces[i][-6:]):
            pieces[i] = pieces[i][:-5] + "http"
    return "://".join(pieces)
