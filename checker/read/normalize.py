"""Normalization: fold formatting noise so only real differences remain."""

from __future__ import annotations

import posixpath
import re
import unicodedata
from urllib.parse import urljoin

from checker.knobs import START_WORDS, WRAP_FIT, WRAP_LINES, WRAP_MAX, WRAP_MIN, WRAP_OVER
from checker.read.record import NUMBER, URL

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


LIST_START = re.compile(r"^\s*(?:[*+\-|#>]|\d+[.)])\s")

Numbered = tuple[int, str, str, int]


def unwrap(
    lines: list[Numbered], site_width: int | None = None, starts: frozenset[str] = frozenset()
) -> list[Numbered]:
    """Join lines that a converter wrapped at the site's column back into logical lines.

    Each line is (number, text, normalized text, last physical line). A line counts as
    wrapped when the next line's first word would not have fit on it: the greedy wrapping
    rule that html2text and `fmt` follow. The column is the site's (`wrap_column` over
    all its pages), never one page's guess: a page of an unwrapped site is never joined,
    and a page whose break fell elsewhere (a longer relative link) is joined all the same.
    A line that begins as lines begin elsewhere on the site, after a line that was not full
    (`starts`, by their first words), is a line of its own: a full line before a breadcrumb
    does not make the breadcrumb its continuation.
    """
    width = site_width
    if width is None:
        return lines
    joined: list[Numbered] = []
    # The logical line being built, as pieces joined once: adding each wrapped line to a
    # growing string copied it again, quadratic in a paragraph's length.
    texts: list[str] = []
    norms: list[str] = []
    first = end = 0
    last_physical = ""
    for number, text, norm, last in lines:
        # Lengths as the converter saw them: before links were resolved.
        plain = normalize(text)
        if texts and continues(last_physical, plain, width) and head(plain) not in starts:
            _rstrip_pieces(texts)
            texts += (" ", text.strip())
            norms += (" ", norm)
        else:
            if texts:
                joined.append((first, "".join(texts), "".join(norms), end))
            texts, norms, first = [text], [norm], number
        end = last
        last_physical = plain
    if texts:
        joined.append((first, "".join(texts), "".join(norms), end))
    return joined


def _rstrip_pieces(pieces: list[str]) -> None:
    """Strip trailing white space off a line kept as pieces, as `"".join(pieces).rstrip()`."""
    while pieces and not pieces[-1].rstrip():
        pieces.pop()
    if pieces:
        pieces[-1] = pieces[-1].rstrip()


def continues(previous: str, text: str, width: int) -> bool:
    """Whether `text` continues `previous`, a physical line wrapped at `width`."""
    if not previous.strip() or not text.strip() or starts_item(previous, text):
        return False
    if len(previous) > width:
        return False
    first_word = first_word_of(text)
    return first_word is not None and len(previous) + 1 + len(first_word) > width


def head(text: str) -> str:
    """The first words of a line (START_WORDS): enough to tell where lines of a kind begin.
    An address among them reads `<url>` and a number `#`: `Permalink: https://host/page`
    and `Updated: 2024-03-23` begin as they do on every page, whichever page they name."""
    words = text.split(None, START_WORDS)[:START_WORDS]
    return " ".join("<url>" if URL.match(word) else NUMBER.sub("#", word) for word in words)


def starts_item(previous: str, text: str) -> bool:
    """Whether a line starts a list item, a heading or a table row of its own. A `|` opens
    a table row only under another row: after prose it is a wrapped separator (`Print |
    Share: URL` broken before `| Top`)."""
    if not LIST_START.match(text):
        return False
    return not text.lstrip().startswith("|") or previous.lstrip().startswith("|")


def first_word_of(text: str) -> str | None:
    """The first word of a line, or None where words are not separated by spaces (CJK):
    a greedy word wrapper's rule says nothing there."""
    word = text.split(None, 1)[0] if text.strip() else ""
    if not word or any(unicodedata.east_asian_width(char) in "WF" for char in word):
        return None
    return word


def wrap_column(pairs: list[tuple[int, int]], prose: list[int]) -> int | None:
    """The column a whole site's text was wrapped at, or None when it was not wrapped.

    `pairs` are (length of a line, length of the next line's first word) for lines that
    follow each other inside a paragraph, over the site's distinct lines; `prose` are
    the lengths of its distinct lines without links, list items and headings. A greedy
    wrapper leaves a line short of its column W only when the next word would not fit:
    length <= W < length + 1 + word. The column is the W most pairs agree on, given that
    almost no prose stands past it. The whole site decides, never one page.
    """
    if len(pairs) < WRAP_LINES:
        return None
    best, best_fit = None, 0
    for width in range(WRAP_MIN, WRAP_MAX + 1):
        fit = sum(1 for length, word in pairs if length <= width < length + 1 + word)
        if fit > best_fit:
            best, best_fit = width, fit
    if best is None or best_fit < max(WRAP_LINES, WRAP_FIT * len(pairs)):
        return None
    over = sum(1 for length in prose if length > best)
    return best if over <= WRAP_OVER * len(prose) else None


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
