"""The renderer's walk over a parsed page: its visible lines and the source line of each.

This is the hot loop of HTML rendering, so `walk` is one function over local variables: a
method call per element or per piece of text would cost more than the work itself. Each
element's role is looked up once in `_KINDS`; the tree is walked with `el[0]` and `getnext()`
and the open elements sit on a list, so deep pages cannot reach Python's recursion limit and
dropped subtrees are never entered. (Holding the open elements also keeps lxml from climbing
to the root each time it frees a child's proxy, so deep chains stay linear.)
"""

from __future__ import annotations

import re

from lxml import etree

from checker.read.html_links import link_target

DROPPED_TAGS = frozenset(
    {"script", "style", "template", "noscript", "head", "svg", "iframe", "object", "embed"}
    | {"canvas", "audio", "video", "map", "datalist", "title", "meta", "link", "base"}
)
BLOCK_TAGS = frozenset(
    {"address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details"}
    | {"dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li"}
    | {"main", "menu", "nav", "noframes", "ol", "optgroup", "option", "p", "pre", "section"}
    | {"summary", "table", "tbody", "tfoot", "thead", "tr", "ul", "textarea", "frameset"}
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_HIDING_ATTRIBUTES = frozenset({"hidden", "aria-hidden", "style", "type"})
_WHITESPACE = " \t\n\r\f\v"  # ASCII only: NBSP is kept for the normaliser
_LINE_CAP = 65535  # libxml2 stores element lines in 16 bits; later lines all read 65535

# What an element does to the lines; the dropped kinds are negative, plain inline text is 0.
DROPPED, NODE, INLINE, BLOCK, PRE, BREAK, CELL, IMAGE, LINK = range(-2, 7)
_KINDS: dict[object, int] = {
    **dict.fromkeys(BLOCK_TAGS, BLOCK),
    **dict.fromkeys(DROPPED_TAGS, DROPPED),
    **dict.fromkeys((etree.Comment, etree.ProcessingInstruction, etree.Entity), NODE),
    **{"pre": PRE, "br": BREAK, "td": CELL, "th": CELL, "img": IMAGE, "a": LINK},
}


def _hidden(el: etree._Element) -> bool:
    """True for elements a browser does not show."""
    get = el.get
    if get("hidden") is not None or (get("aria-hidden") or "").strip().lower() == "true":
        return True
    if el.tag == "input" and (get("type") or "").strip().lower() == "hidden":
        return True
    style = get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def _end_line(parts: list[str], start: int, out: list[tuple[int, str]]) -> None:
    """Add the line made of `parts` to `out`: runs of ASCII whitespace made one space, ends
    trimmed, blank lines dropped.

    bytes.split() splits on exactly the ASCII whitespace (str.split() would also split on
    NBSP and the other Unicode spaces, which the normaliser must still see).
    """
    line = "".join(parts)
    try:
        text = b" ".join(line.encode().split()).decode()
    except UnicodeEncodeError:  # a lone surrogate, from an odd page URL in a link target
        text = b" ".join(line.encode("utf-8", "surrogatepass").split()).decode(
            "utf-8", "surrogatepass"
        )
    if text and not text.isspace():
        out.append((start, text))


def _newlines(texts: list[str]) -> int:
    """How many newlines the texts hold."""
    return "".join(texts).count("\n")


def walk(
    root: etree._Element, base: str | None, max_depth: int
) -> tuple[list[tuple[int, str]], bool]:
    """The visible (source line, text) lines under `root`, and whether `max_depth` cut any off.

    Each element is met twice, `opening` and closing; the text that follows either (the
    element's text, then its tail) is added to the line being built. Blocks, `<br>` and the
    newlines inside `<pre>` end lines; cells join theirs with ` | `; links add ` <target>`.
    """
    out: list[tuple[int, str]] = []
    parts: list[str] = []  # the pieces of the line being built
    start = 0  # source line of its first visible character
    pos = 1  # current source line estimate, but for the newlines of `uncounted`
    uncounted: list[str] = []  # text since `pos` was last read: counting waits until needed
    serial = 0  # bumps at every line end, so a link can tell whether its line ended
    cell_sep = False  # a table cell opened after text: " | " goes before its first text
    links: list[tuple[str, int, int]] = []  # (target, serial, pieces) when each link opened
    pre = 0  # open <pre> elements
    opened: list[etree._Element] = []  # the open elements with children, outermost first
    kinds: list[int] = []  # their kinds
    too_deep = False
    kind_of = _KINDS.get
    shows = _HIDING_ATTRIBUTES.isdisjoint
    el = root
    opening = True  # at the start of `el`, else at its end
    while True:
        if opening:
            kind = kind_of(el.tag, INLINE)
            line = el.sourceline
            if line is not None:
                if line < _LINE_CAP:
                    pos, uncounted = line, []
                else:
                    pos, uncounted = max(pos + _newlines(uncounted), line), []
            if (  # dropped: only elements with a hiding attribute are looked at closely
                kind < 0
                or len(opened) > max_depth
                or ((keys := el.keys()) and not shows(keys) and _hidden(el))
            ):
                too_deep = too_deep or (kind != NODE and len(opened) > max_depth)
                if not len(el) and el.text:  # comments, scripts: keep the line count right
                    uncounted.append(el.text)
                kind = DROPPED
                opening = False
                chunk = el.tail
            else:
                if kind > 0:
                    if kind <= BREAK:
                        if parts:
                            _end_line(parts, start, out)
                            parts = []
                        cell_sep = False
                        serial += 1
                        pre += kind == PRE
                    elif kind == CELL:
                        cell_sep = bool(parts)  # " | " is written only if the cell has text
                    elif kind == LINK:
                        href = el.get("href")
                        target = link_target(href, base) or ("#" if href == "#" else "")
                        links.append((target, serial, len(parts)))
                    else:  # an image shows its alt text, or lets an image-only link show
                        pos, uncounted = pos + _newlines(uncounted), []
                        alt = el.get("alt")
                        if alt and alt.strip():
                            alt = f" {alt} "
                            if not parts:
                                leading = len(alt) - len(alt.lstrip(_WHITESPACE))
                                start = pos + alt.count("\n", 0, leading)
                            elif cell_sep:
                                parts.append(" | ")
                            cell_sep = False
                            parts.append(alt)
                            pos += alt.count("\n")
                        elif links:
                            if not parts:
                                start = pos
                            parts.append("")
                chunk = el.text
        else:
            if kind > 0:
                if kind == LINK:
                    target, serial_then, count = links.pop()
                    if target and parts and (serial != serial_then or len(parts) > count):
                        parts.append(f" <{target}>")
                elif kind <= PRE:
                    if parts:
                        _end_line(parts, start, out)
                        parts = []
                    cell_sep = False
                    serial += 1
                    pre -= kind == PRE
            chunk = el.tail
        if chunk:
            if pre and "\n" in chunk:
                *ended, chunk = chunk.split("\n")
                for piece in ended:
                    stripped = piece.lstrip(_WHITESPACE)
                    if not stripped:
                        if parts:
                            parts.append(" ")
                    else:
                        if not parts:
                            pos, uncounted = pos + _newlines(uncounted), []
                            start = pos
                        elif cell_sep:
                            parts.append(" | ")
                        cell_sep = False
                        parts.append(piece)
                    if parts:
                        _end_line(parts, start, out)
                        parts = []
                    cell_sep = False
                    serial += 1
                    pos += 1
            # Blank means ASCII spaces only: isspace() stops at the first visible character,
            # and bytes.isspace() (unlike str's) is false for NBSP and the other Unicode spaces.
            if parts:
                if cell_sep and not (chunk.isspace() and chunk.encode().isspace()):
                    parts.append(" | ")
                    cell_sep = False
                parts.append(chunk)  # even if blank: the line's spaces collapse anyway
            elif chunk and not (chunk.isspace() and chunk.encode().isspace()):
                if uncounted:
                    pos, uncounted = pos + _newlines(uncounted), []
                leading = len(chunk) - len(chunk.lstrip(_WHITESPACE))
                start = pos + chunk.count("\n", 0, leading)
                cell_sep = False
                parts.append(chunk)
            uncounted.append(chunk)
        if opening:
            if len(el):
                opened.append(el)
                kinds.append(kind)
                el = el[0]
                continue
            opening = False
        elif not opened:
            break  # the end of the root
        else:
            sibling = el.getnext()
            if sibling is None:
                el = opened.pop()
                kind = kinds.pop()
            else:
                el = sibling
                opening = True
    if parts:
        _end_line(parts, start, out)
    return out, too_deep
