"""Links to the page itself: every page's "share this page" link names one resource, this page."""

from __future__ import annotations

import re
from typing import TypeVar
from urllib.parse import urlsplit

from checker.read.record import URL

# What a link to the page itself reads as in comparison forms: the same on every page.
THIS_PAGE = "site:///@this-page"
_INDEX = re.compile(r"(?:^|/)index\.[a-z]+$")
SHOWN_LINK = re.compile(r" <([^<>\s]+)>")  # a link's target, as HTML lines show it

LineT = TypeVar("LineT", bound=tuple)  # checker.model.Line, kept generic to stay a leaf module


def own_links(lines: list[LineT], base: str, text: str) -> list[LineT]:
    """The lines with every link to the page itself written as `THIS_PAGE`.

    A page's own address printed on it (a permalink, a share line) differs
    on every page, so a footer line that holds it would read as each page's own line, and a
    line added beside it as content. The page is one resource on every page that links to
    itself, as `../index.html` is one resource at any depth. `base` is the address relative
    links resolved against (`site:///folder/page.html`, or an archived page's URL); `text` is
    the page as read, looked at once so that a page naming no link to itself costs one search.

    Lines are tuples with the comparison form third (`Line`, or a text page's numbered lines
    before unwrapping, so that a share line wrapped at its page-long address rejoins as on
    every page).
    """
    name, own = _named(base, text)
    if not own:
        return lines
    changed = []
    for line in lines:
        norm = line[2]
        if name in norm and "/" in norm:
            renamed = URL.sub(lambda m: _renamed(m, own), norm)
            if renamed != norm:
                parts = (*line[:2], renamed, *line[3:])
                line = line._make(parts) if hasattr(line, "_make") else parts  # type: ignore
        changed.append(line)
    return changed


def names_itself(base: str, text: str) -> bool:
    """Whether a page's text may hold its own address: its file name stands in it (one
    search; the clean-page shortcut leaves such a page to the full path, which renames)."""
    return bool(_named(base, text)[1])


def _named(base: str, text: str) -> tuple[str, frozenset[str]]:
    """The page's file name, and the forms of its address where its text holds that name
    (none where it does not: one search decides for most pages)."""
    name = base.rsplit("/", 1)[-1].split("?", 1)[0]
    return name, (_own_paths(base) if name and name in text else frozenset())


def links_to_page(text: str, base: str, alias: str = "") -> bool:
    """Whether a line links to the page at `base` (its menu entry for the page itself), or at
    `alias`, its address under a `<base href>` naming another root."""
    own = _own_paths(base, alias)
    return bool(own) and any(_is_own(m.group(0), own) for m in URL.finditer(text))


def unlinked_own(text: str, base: str, alias: str = "") -> str:
    """The line with its links to the page at `base` left out, as the page shows its own
    menu entry: as plain text (`href="#"`, or no link at all), since it need not link to
    itself. Other links stay."""
    return _without_links_to(text, _own_paths(base, alias))


def own_entries(
    linked: list[tuple[str, int]], address: str, alias: str = ""
) -> dict[str, list[int]]:
    """Of the (text, id) of lines that link somewhere, those that link to the page at
    `address` (or `alias`), by their text as the page may show it: its own menu entry plain."""
    name = address.rsplit("/", 1)[-1]
    if not name:
        return {}
    index = name.startswith("index.")
    own: frozenset[str] | None = None  # the page's address forms, worked out once if needed
    entries: dict[str, list[int]] = {}
    for text, ident in linked:
        if index or name in text:
            own = _own_paths(address, alias) if own is None else own
            plain = _without_links_to(text, own)
            if plain and plain != text:
                entries.setdefault(plain, []).append(ident)
    return entries


def _without_links_to(text: str, own: frozenset[str]) -> str:
    """The line with its shown links to any of the address forms `own` left out."""
    if not own:
        return text
    return SHOWN_LINK.sub(lambda m: "" if _is_own(m.group(1), own) else m.group(0), text)


def _own_paths(*addresses: str) -> frozenset[str]:
    """The forms a link to the page at any of `addresses` can take (empty ones name none)."""
    return frozenset().union(*(_paths_of(address) for address in addresses if address))


def _paths_of(base: str) -> frozenset[str]:
    """The forms a link to the page can take: its path in the site, with or without its host,
    and a folder's address for a folder's index page."""
    scheme, marker, rest = base.partition(":///")
    if marker and scheme == "site":
        path = rest
    else:
        parts = urlsplit(base)
        path = (parts.netloc + parts.path).lstrip("/")
    if not path:
        return frozenset()
    forms = {path.casefold()}
    if _INDEX.search(path):  # the folder's own address, with or without its closing slash;
        folder = _INDEX.sub("", path).casefold()  # the site's root is its empty path
        forms |= {folder + "/", folder} if folder else {""}
    return frozenset(forms)


def _renamed(match: re.Match[str], own: frozenset[str]) -> str:
    """A bare address of the page itself as `THIS_PAGE`; any other link as it stands.

    Only an address printed as text is renamed (`Permanent link: https://...`): a link's
    target (`News <site:///news/index.html>`, `[News](...)`) stays, since on the page it
    points to, a menu would otherwise differ from the same menu on every other page.
    """
    url = match.group(0)
    start = match.start()
    if start and match.string[start - 1] in "<(":
        return url
    core = url.rstrip(".,;:!?")
    return THIS_PAGE + url[len(core) :] if _is_own(core, own) else url


def _is_own(url: str, own: frozenset[str]) -> bool:
    """Whether a link in a comparison form names the page itself (fragment and query aside)."""
    target = url.split("#", 1)[0].split("?", 1)[0]
    scheme, marker, rest = target.partition("://")
    if not marker:
        return False
    rest = rest.lstrip("/").casefold()
    if rest in own:
        return True
    host, _, path = rest.partition("/")
    return scheme.lower() in ("http", "https") and path in own
