"""Render HTML to visible text lines, each with the source line where it starts.

lxml (libxml2) is used because it records each element's source line (`sourceline`), parses a
multi-MB page in milliseconds, recovers from broken real-world markup the way browsers roughly do,
and caps nesting depth and text size itself (`huge_tree=False`), so hostile input stays bounded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from lxml import etree

from checker.html_links import join_url, link_target, normalise_url

_DROP = frozenset(
    {"script", "style", "template", "noscript", "head", "svg", "iframe", "object", "embed"}
    | {"canvas", "audio", "video", "map", "datalist", "title", "meta", "link", "base"}
)
_BLOCK = frozenset(
    {"address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details"}
    | {"dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li"}
    | {"main", "menu", "nav", "noframes", "ol", "optgroup", "option", "p", "pre", "section"}
    | {"summary", "table", "tbody", "tfoot", "thead", "tr", "ul", "textarea", "frameset"}
)
_CELL = frozenset({"td", "th"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_SPACE = re.compile(r"[ \t\n\r\f\v]+")  # ASCII only: NBSP is kept for the normaliser
_LINE_CAP = 65535  # libxml2 stores element lines in 16 bits; later lines all read 65535
_END = object()


@dataclass(frozen=True)
class RenderedLine:
    """One visible line of a page."""

    source_line: int
    """1-based line in the HTML source where the line's first text sits (best estimate)."""
    text: str
    """The visible text, whitespace collapsed; links as `TEXT <URL>`."""


def _hidden(el: etree._Element) -> bool:
    """True for elements a browser does not show."""
    get = el.get
    if get("hidden") is not None or (get("aria-hidden") or "").strip().lower() == "true":
        return True
    if el.tag == "input" and (get("type") or "").strip().lower() == "hidden":
        return True
    style = get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


class _Lines:
    """Accumulates inline text into lines and tracks the source line of the text."""

    def __init__(self) -> None:
        self.out: list[RenderedLine] = []
        self.parts: list[str] = []
        self.start = 0
        self.pos = 1  # current source line estimate
        self.serial = 0  # bumps at every flush, so links can tell whether their line ended
        self.cell_sep = False

    def at(self, line: int | None) -> None:
        """An element starts at `line`; beyond libxml2's 16-bit cap keep counting ourselves."""
        if line is not None:
            self.pos = max(self.pos, line) if line >= _LINE_CAP else line

    def text(self, chunk: str | None, pre: bool) -> None:
        """Add text; inside `<pre>` its newlines end lines."""
        if not chunk:
            return
        if not pre:
            self._add(chunk)
            self.pos += chunk.count("\n")
            return
        first, *rest = chunk.split("\n")
        self._add(first)
        for piece in rest:
            self.flush()
            self.pos += 1
            self._add(piece)

    def mark(self) -> None:
        """Open the line without text (for an image that shows a link but has no alt text)."""
        if not self.parts:
            self.start = self.pos
        self.parts.append("")

    def _add(self, chunk: str) -> None:
        """Append inline text, opening the line at the first visible character."""
        stripped = chunk.lstrip(" \t\n\r\f\v")
        if not stripped:
            if self.parts:
                self.parts.append(" ")
            return
        if not self.parts:
            self.start = self.pos + chunk[: len(chunk) - len(stripped)].count("\n")
        elif self.cell_sep:
            self.parts.append(" | ")
        self.cell_sep = False
        self.parts.append(chunk)

    def flush(self) -> None:
        """End the current line; blank lines are dropped."""
        if self.parts:
            line = _SPACE.sub(" ", "".join(self.parts)).strip(" ")
            if line and not line.isspace():
                self.out.append(RenderedLine(self.start, line))
        self.parts = []
        self.cell_sep = False
        self.serial += 1


def _base_url(root: etree._Element, page_url: str | None) -> str | None:
    """The first `<base href>`, resolved against the page URL; else the page URL."""
    for base in root.iter("base"):
        href = (base.get("href") or "").strip()
        if href:
            return normalise_url(join_url(page_url, href))
    return page_url


def _parse(text: str) -> tuple[etree._Element | None, str | None]:
    """Parse with libxml2's limits on; report the limits it hit."""
    parser = etree.HTMLParser(encoding="utf-8", huge_tree=False, no_network=True)
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
    if not text.strip():
        return [], None
    root, problem = _parse(text)
    if root is None:
        return [], problem
    lines, too_deep = _walk(root, _base_url(root, page_url), max_depth)
    if too_deep and problem is None:
        problem = f"nesting deeper than {max_depth} levels was cut off"
    return lines, problem


def _walk(
    root: etree._Element, base: str | None, max_depth: int
) -> tuple[list[RenderedLine], bool]:
    """Walk the tree with an explicit stack (deep pages must not hit Python's recursion limit)."""
    acc = _Lines()
    stack: list[object] = [(root, 0)]
    links: list[tuple[str, int, int]] = []  # (target, serial, parts) when the link opened
    pre, too_deep = 0, False
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            acc.text(item, pre > 0)
        elif isinstance(item, tuple) and item[0] is _END:
            pre -= _close(acc, item[1], links)
        else:
            el: Any
            depth: int
            el, depth = item  # type: ignore[misc]
            tag = el.tag if isinstance(el.tag, str) else None
            if tag is None or tag in _DROP or _hidden(el) or depth > max_depth:
                too_deep = too_deep or (tag is not None and depth > max_depth)
                acc.at(el.sourceline)
                if len(el) == 0 and el.text:  # comments, scripts: keep the line count right
                    acc.pos += el.text.count("\n")
                if el.tail:
                    stack.append(el.tail)
                continue
            pre += _open(acc, el, tag, base, links)
            if el.tail:
                stack.append(el.tail)
            stack.append((_END, el))
            stack.extend((child, depth + 1) for child in reversed(el))
            acc.text(el.text, pre > 0)
    acc.flush()
    return acc.out, too_deep


def _open(acc: _Lines, el: etree._Element, tag: str, base: str | None, links: list) -> int:
    """Handle an element's start; returns 1 when it opens a `<pre>`."""
    acc.at(el.sourceline)
    if tag in _BLOCK or tag == "br":
        acc.flush()
    elif tag in _CELL:
        acc.cell_sep = bool(acc.parts)  # the separator is written only if the cell has text
    elif tag == "img":
        alt = el.get("alt")
        if alt and alt.strip():
            acc.text(f" {alt} ", False)
        elif links:
            acc.mark()  # an image-only link still shows its target
    elif tag == "a":
        links.append((link_target(el.get("href"), base) or "", acc.serial, len(acc.parts)))
    return 1 if tag == "pre" else 0


def _close(acc: _Lines, el: etree._Element, links: list) -> int:
    """Handle an element's end; returns 1 when it closes a `<pre>`."""
    tag = el.tag
    if tag == "a" and links:
        target, serial, count = links.pop()
        if target and (acc.serial != serial or len(acc.parts) > count) and acc.parts:
            acc.parts.append(f" <{target}>")
    elif tag in _BLOCK:
        acc.flush()
    return 1 if tag == "pre" else 0
