"""Link targets as HTML pages show them: resolved against the page, scheme and host normalised."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urljoin, urlsplit, urlunsplit

_DEFAULT_PORTS = {"http": 80, "https": 443, "ftp": 21, "ws": 80, "wss": 443}


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
    """Resolve `href` against `base`, also for schemes urljoin does not know (`site:///`)."""
    if not base:
        return href
    scheme = urlsplit(base).scheme.lower()
    if scheme in ("", "http", "https", "file", "ftp"):
        return urljoin(base, href)
    # urljoin leaves relative references alone under unknown schemes: borrow file://'s rules.
    joined = urljoin("file" + base[len(scheme) :], href)
    return scheme + joined[4:] if not urlsplit(href).scheme else joined


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
    return normalise_url(join_url(base, href))
