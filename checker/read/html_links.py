"""Link targets as HTML pages show them: resolved against the page, scheme and host normalised."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urljoin, urlsplit, urlunsplit

from checker.read.layout import HOST_FOLDER

_DEFAULT_PORTS = {"http": 80, "https": 443, "ftp": 21, "ws": 80, "wss": 443}
_SHARED_CAP = 16384

# Most links resolve the same way on many pages. urljoin reads the page URL's path (up to its
# last `/`) only for a relative-path href, and only the page's scheme and host for an absolute
# one (`/x`, `//host/x`, `http://host/x`): the page's last segment, query and fragment matter
# only to hrefs with no path of their own (`?q`, an empty path). So targets are shared
# between the pages of a folder or of an origin; odd page URLs (not printable ASCII, or with
# brackets or backslashes) are resolved per page. tests/test_html_links.py holds the shared
# targets to the per-page ones.
_ORIGIN_HREF = re.compile(r"/(?!/)|//[^?#]|[A-Za-z][A-Za-z0-9+.-]*://[^?#]")
_FOLDER_HREF = re.compile(r"[A-Za-z0-9._~%-][^/?#:]*(?:[/?#]|\Z)")
_PLAIN_URL = re.compile(r"[!-Z^-~]*")  # printable ASCII without `[`, `\` and `]`
_ORIGIN = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*")
_FOLDER = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*/(?:[^/?#]*/)*")
# A path of plain segments (no empty, `.` or `..` one, no query, fragment or parameters):
# resolved, it is the target of `/` (or of `x`) in the same origin (or folder) with the
# path put in place of that one character, so each new one costs a string join.
_PLAIN_PATH = re.compile(r"/?[\w!$&'()*+,=@%~.-]+(?:/[\w!$&'()*+,=@%~.-]+)*/?", re.ASCII)
_DOT_SEGMENT = re.compile(r"(?:^|/)\.\.?(?:/|$)")
# A folder's index page: the resource its folder's address serves (a mirror saves `/about/`
# as `about/index.html` and rewrites the links to it).
_FOLDER_INDEX = re.compile(r"(?<=/)index\.html?(?=$|[?#])", re.I)
_shared: dict[tuple[str, str], str] = {}


def normalise_url(url: str) -> str:
    """Lower-case scheme and host and drop a default port; anything odd is kept as written."""
    try:
        parts = urlsplit(url)
        host, port = parts.hostname, parts.port
    except ValueError:
        return url
    if not parts.netloc or host is None:  # urlunsplit would drop the `//` of `site:///x`
        return parts.scheme.lower() + url[len(parts.scheme) :]
    userinfo = parts.netloc.rpartition("@")[0]
    netloc = f"[{host}]" if ":" in host else host
    if port is not None and _DEFAULT_PORTS.get(parts.scheme.lower()) != port:
        netloc = f"{netloc}:{port}"
    netloc = f"{userinfo}@{netloc}" if userinfo else netloc
    return urlunsplit(parts._replace(scheme=parts.scheme.lower(), netloc=netloc))


def join_url(base: str | None, href: str) -> str:
    """Resolve `href` against `base`, also for schemes urljoin does not know (`site:///`).

    A reference urllib cannot parse (`http://[::1`, a broken IPv6 host in the page's or the
    link's address) is kept as written, as `normalise_url` keeps it.
    """
    try:
        return _join(base, href)
    except ValueError:
        return href


def _join(base: str | None, href: str) -> str:
    """`join_url` without the guard."""
    if not base:
        return href
    scheme = urlsplit(base).scheme.lower()
    if scheme in ("", "http", "https", "file", "ftp"):
        return urljoin(base, href)
    # urljoin leaves relative references alone under unknown schemes: borrow file://'s rules.
    joined = urljoin("file" + base[len(scheme) :], href)
    return scheme + joined[4:] if not urlsplit(href).scheme else joined


def _shared_key(href: str, base: str | None) -> tuple[str, str] | None:
    """The (href, origin or folder) that decides the target, or None if the whole page does."""
    if not base:
        return None
    origin, folder = _shares_of(base)
    if _ORIGIN_HREF.match(href):
        shared = origin
    elif _FOLDER_HREF.match(href):
        shared = folder
    else:
        return None
    return (href, shared) if shared else None


@lru_cache(maxsize=1024)  # one page URL for all the links of a page
def _shares_of(base: str) -> tuple[str | None, str | None]:
    """The origin and the folder of a plain page URL (None for an odd one, or where it has
    none), which its links' targets are shared by."""
    if not _PLAIN_URL.fullmatch(base):
        return None, None
    origin, folder = _ORIGIN.match(base), _FOLDER.match(base)
    return (origin.group() if origin else None), (folder.group() if folder else None)


def _resolve(href: str, base: str | None) -> str:
    """`href` resolved against `base` and normalised, shared between pages where it can be."""
    key = _shared_key(href, base)
    if key is None:
        return normalise_url(join_url(base, href))
    target = _shared.get(key)
    if target is None:
        if len(_shared) >= _SHARED_CAP:
            _shared.clear()
        target = _plain_path(href, base, key[1]) or normalise_url(join_url(base, href))
        _shared[key] = target
    return target


def _plain_path(href: str, base: str | None, shared: str) -> str | None:
    """The target of a plain path from the shared target of `/` or `x`; None for others."""
    if not _PLAIN_PATH.fullmatch(href) or _DOT_SEGMENT.search(href):
        return None
    probe = "/" if href[0] == "/" else "x"
    head = _shared.get((probe, shared))
    if head is None:
        head = _shared[(probe, shared)] = normalise_url(join_url(base, probe))
    return head[:-1] + href if head.endswith(probe) else None


@lru_cache(maxsize=8192)  # menus repeat the same links on every page and within pages
def link_target(href: str | None, base: str | None) -> str | None:
    """The target a link shows in its line, or None for links that render as plain text."""
    if href is None:
        return None
    href = href.strip().replace("\t", "").replace("\n", "").replace("\r", "")
    lowered = href.lower()
    if not href or href.startswith("#") or lowered.startswith("javascript:"):
        return None
    if lowered.startswith(("mailto:", "tel:")):
        return href
    target = _resolve(_from_host_root(href, base), base)
    return _FOLDER_INDEX.sub("", target, 1) if "index.htm" in target else target


def _from_host_root(href: str, base: str | None) -> str:
    """A link from the host's root (`/about/`) on a page a mirror keeps in a folder named
    after its host (`site:///www.example.org/…`, wget's `localhost+8080/`) starts at that
    folder, as a link climbing to it (`../../about/`) does."""
    if not base or not href.startswith("/") or href.startswith("//"):
        return href
    if not base.startswith("site:///"):
        return href
    top, slash, _ = base.removeprefix("site:///").partition("/")
    return f"/{top}{href}" if slash and HOST_FOLDER.fullmatch(top) else href
