"""Normalization: fold formatting noise so only real differences remain."""

from __future__ import annotations

import posixpath
import re
import unicodedata
from urllib.parse import urljoin

# Characters that NFKC leaves alone but that differ only in typography.
_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "\u0060": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\ufe58": "-",
        "\ufe63": "-",
        "\uff0d": "-",
        "\u00ad": None,
        "\u200b": None,
        "\u2060": None,
        "\ufeff": None,
    }
)


def normalize(text: str) -> str:
    """Return the comparison form of one line: NFKC, typography folded, spaces collapsed."""
    if text.isascii():
        if "`" in text:
            text = text.replace("`", "'")
        return " ".join(text.split())
    return " ".join(unicodedata.normalize("NFKC", text).translate(_FOLD).split())


def split_lines(text: str) -> list[str]:
    """Split on LF, CRLF and CR only (as editors and CI annotations count lines) and drop
    a leading BOM."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


_LIST_START = re.compile(r"^\s*(?:[*+\-|#>]|\d+[.)])\s")

Numbered = tuple[int, str, str, int]


def unwrap(
    lines: list[Numbered], site_width: int | None = None
) -> tuple[list[Numbered], int | None]:
    """Join lines that a converter wrapped at a fixed column back into logical lines.

    Each line is (number, text, normalized text, last physical line). A line counts as
    wrapped when the next line's first word would not have fit on it: the greedy wrapping
    rule that html2text and `fmt` follow; the column used is returned too. Only snapshots
    where many lines end near one column are treated this way, so prose with natural
    breaks is safe. A page too short to show its column uses the site's (`site_width`),
    as long as none of its lines is longer.
    """
    norms = [norm for _, _, norm, _ in lines]
    width = wrap_width(norms) or _fits(norms, site_width)
    if width is None:
        return lines, None
    joined: list[Numbered] = []
    last_physical = ""
    for number, text, norm, end in lines:
        if joined and _continues(last_physical, norm, width):
            first, previous, previous_norm, _ = joined[-1]
            joined[-1] = (
                first,
                previous.rstrip() + " " + text.strip(),
                previous_norm + " " + norm,
                end,
            )
        else:
            joined.append((number, text, norm, end))
        last_physical = norm
    return joined, width


def _continues(previous: str, text: str, width: int) -> bool:
    """Whether `text` continues `previous`, a physical line wrapped at `width`."""
    if not previous.strip() or not text.strip() or _LIST_START.match(text):
        return False
    if len(previous) > width:
        return False
    first_word = text.split(None, 1)[0]
    return len(previous) + 1 + len(first_word) > width


def _fits(norms: list[str], width: int | None) -> int | None:
    """The site's wrap column, when no breakable line of this page is longer."""
    if width is None or any(len(t) > width for t in norms if " " in t):
        return None
    return width


def wrap_width(norms: list[str]) -> int | None:
    """The column a snapshot's (normalized) lines were wrapped at, or None when they were
    not wrapped.

    Wrapped text has no breakable line longer than the column (only a lone word that
    does not fit may stand past it), and many lines end just short of the column.
    Lengths are of normalized text: NFD accents or doubled spaces must not hide a break.
    """
    breakable = [len(t) for t in norms if " " in t]
    if len(breakable) < _WRAP_LINES:
        return None
    width = max(breakable)
    near = sum(1 for n in breakable if n >= width - 12)
    if not 60 <= width <= 100 or near < max(3, len(breakable) // 5):
        return None
    return width


# Fewer breakable lines than this cannot show a wrap column on their own.
_WRAP_LINES = 8


# A relative reference to a page or file, as mirroring tools write links into text.
_RELATIVE = re.compile(
    r"(?<![\w/:.@%-])((?:\.\.?/)*(?:[\w%-]+(?:\.[\w%-]+)*/)*[\w%-]+"
    r"\.(?:html?|php|aspx?|jsp|shtml|cfm|xml|pdf)(?:[?#][^\s)\]>\"']*)?)(?![\w/])"
)


_ENDINGS = re.compile(r"\.(?:html?|php|aspx?|jsp|shtml|cfm|xml|pdf)")
# The target of a Markdown link or image, `[text](target)` / `![alt](target)`, when it is
# relative: any file type (an image, a stylesheet, a folder) names a resource of the site.
_MARKDOWN_TARGET = re.compile(r"(?<=\]\()(?![a-zA-Z][\w+.-]*:|#|/)([^\s()]+)(?=\))")
_HTTPS = re.compile(r"\bhttps://", re.IGNORECASE)


def same_scheme(norm: str) -> str:
    """http and https of one host name the same resource: a page captured over https
    links the same pages as one captured over http, so links compare as `http://`."""
    return _HTTPS.sub("http://", norm) if "://" in norm else norm


def resolve_links(norm: str, base: str) -> str:
    """Write link targets in a line as the resource they name.

    `students.html` on one page and `../www.example.org/students.html` on another, or
    `../img/logo.png` and `../../img/logo.png` in Markdown images, then compare equal when
    both point at the same file of the mirror; `https://host/x` reads as `http://host/x`.
    """
    norm = same_scheme(norm)
    if "](" in norm:
        norm = _MARKDOWN_TARGET.sub(lambda m: _absolute(m.group(1), base), norm)
    if _ENDINGS.search(norm) is None:
        return norm  # the common case, decided by one cheap search
    return _RELATIVE.sub(lambda m: _absolute(m.group(1), base), norm)


def _absolute(reference: str, base: str) -> str:
    """One reference resolved against the page's own address."""
    scheme, marker, path = base.partition(":///")
    if not marker:
        return urljoin(base, reference)
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(path), reference))
    return f"{scheme}:///{joined.lstrip('./') if joined.startswith('..') else joined}"
