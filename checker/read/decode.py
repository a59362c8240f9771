"""Snapshot bytes to text: BOM, declared charset, strict UTF-8, then detection; never raises."""

from __future__ import annotations

import codecs
import re
import threading
from dataclasses import dataclass

_SAMPLE = 8192
_META_WINDOW = 4096

# UTF-32 BOMs first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_MAGIC: tuple[bytes, ...] = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",  # JPEG
    b"GIF87a",
    b"GIF89a",
    b"%PDF-",
    b"PK\x03\x04",  # ZIP (also docx, xlsx, jar)
    b"\x1f\x8b",  # gzip
)
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)
# Browsers read these labels as windows-1252 (WHATWG); Python's cp1252 leaves 5 bytes undefined,
# so latin-1 takes over when cp1252 fails.
_LATIN1_LABELS = frozenset({"iso8859-1", "ascii", "cp1252"})
_ASCII = bytes(range(128))
_BELOW_C0 = bytes(range(0xC0))
_BELOW_E0 = bytes(range(0xE0))
_CYRILLIC = frozenset(
    {"cp1251", "koi8-r", "koi8-u", "mac-cyrillic", "iso8859-5", "cp866", "kz1048", "ptcp154"}
)


@dataclass(frozen=True)
class Decoded:
    """Decoded text and how it was decoded."""

    text: str
    """Decoded text, BOM removed, line endings left as they are."""
    encoding: str
    """Codec name used."""
    detected: bool
    """True when the encoding had to be guessed by detection."""
    bad_bytes: int
    """Number of undecodable byte sequences replaced by U+FFFD; 0 when clean."""


_counter = threading.local()


def _count_and_replace(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: replace like `replace` does, but count each replacement."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    _counter.n = getattr(_counter, "n", 0) + 1
    return "\ufffd", exc.end


codecs.register_error("snapdrift-count", _count_and_replace)


def _decode_counting(raw: bytes, codec: str) -> tuple[str, int]:
    """Decode with replacement, returning the text and how many sequences were replaced."""
    _counter.n = 0
    text = raw.decode(codec, "snapdrift-count")
    return text, _counter.n


def _codec_name(label: str | None) -> str | None:
    """The Python codec name for a charset label, or None when unknown."""
    if not label:
        return None
    try:
        return codecs.lookup(label.strip().strip("\"'").lower()).name
    except LookupError:
        return None


def _sniff_wide(sample: bytes) -> str | None:
    """UTF-16/32 without a BOM, told by NULs in the high bytes of code units; else None."""
    n = len(sample) // 4 * 4
    if n < 8 or b"\x00" not in sample:
        return None
    lanes = [sample[i:n:4].count(0) / (n // 4) for i in range(4)]
    # UTF-32: two high bytes of every BMP code unit are zero, the low byte almost never is.
    if lanes[2] > 0.9 and lanes[3] > 0.9 and lanes[0] < 0.05:
        return "utf-32-le"
    if lanes[0] > 0.9 and lanes[1] > 0.9 and lanes[3] < 0.05:
        return "utf-32-be"
    even, odd = (lanes[0] + lanes[2]) / 2, (lanes[1] + lanes[3]) / 2
    # Spaces and markup put NULs in the high byte even of non-Latin text; real text has no U+0000.
    if odd >= 0.05 and even <= 0.01:
        return "utf-16-le"
    if even >= 0.05 and odd <= 0.01:
        return "utf-16-be"
    return None


def _wide_text(raw: bytes) -> tuple[str, str] | None:
    """Decode BOM-less UTF-16/32 when the NUL pattern says so and the result is printable text."""
    codec = _sniff_wide(raw[:_SAMPLE])
    if codec is None:
        return None
    try:
        head = raw[: _SAMPLE // 4 * 4].decode(codec, "strict")
    except UnicodeDecodeError:
        return None
    printable = sum(1 for c in head if c.isprintable() or c in "\t\n\r")
    return (codec, head) if printable >= 0.95 * len(head) else None


def looks_binary(raw: bytes) -> bool:
    """True for a binary magic number, or NULs in the first 8 KB not explained by UTF-16/32."""
    if raw.startswith(_MAGIC):
        return True
    sample = raw[:_SAMPLE]
    if b"\x00" not in sample:
        return False
    if any(sample.startswith(bom) for bom, codec in _BOMS if codec != "utf-8"):
        return False
    return _wide_text(raw) is None


def _meta_charset(raw: bytes) -> str | None:
    """The charset a `<meta>` tag in the first 4 KB declares, if any."""
    match = _META_CHARSET.search(raw[:_META_WINDOW])
    return match.group(1).decode("ascii") if match else None


# A few undecodable bytes in otherwise UTF-8 or ASCII text are damage, not an encoding.
_STRAY = 8


def _utf8_mostly(raw: bytes) -> Decoded | None:
    """UTF-8 with a few bad bytes among many valid multi-byte sequences (a damaged UTF-8 file)."""
    text, bad = _decode_counting(raw, "utf-8")
    # ASCII bytes decode one to one, so the rest of the characters came from multi-byte runs.
    high = len(raw.translate(None, _ASCII))
    ascii_bytes = len(raw) - high
    valid = len(text) - ascii_bytes - text.count("\ufffd")
    # Genuine UTF-8 characters beside a few bad bytes, or a few stray bytes in plain ASCII
    # text: a damaged UTF-8 file, reported as such, not a legacy code page to guess.
    damaged = (
        valid >= 3 * bad
        or (valid and bad <= max(_STRAY, valid))
        or (not valid and bad <= _STRAY and high * 500 <= len(raw))
    )
    return Decoded(text, "utf-8", True, bad) if damaged else None


def _cyrillic_by_case(raw: bytes) -> str | None:
    """cp1251 or koi8-r for text whose high bytes are mostly Cyrillic letters, by letter case."""
    sample = raw[:65536]
    high = len(sample.translate(None, _ASCII))
    letters = len(sample.translate(None, _BELOW_C0))
    lower_cp1251 = len(sample.translate(None, _BELOW_E0))
    if letters < 16 or letters < 0.7 * high:
        return None
    # Both put the alphabet in 0xC0-0xFF with the cases swapped, and running text is mostly
    # lower case; charset-normalizer often mistakes short koi8-r for a CJK codec.
    return "cp1251" if lower_cp1251 * 2 >= letters else "koi8-r"


def _declared(raw: bytes, codec: str) -> Decoded | None:
    """Decode with a declared codec; None when the declaration cannot be trusted."""
    if codec.startswith(("utf-16", "utf-32")):
        return None  # the BOM and NUL checks found no UTF-16/32: the label is wrong (WHATWG too)
    if not codec.startswith("utf-8") and not raw.isascii():
        try:
            # Valid multi-byte UTF-8 almost never happens by accident in legacy text: the
            # declaration is the stale part (servers and templates often keep iso-8859-1).
            return Decoded(raw.decode("utf-8"), "utf-8", False, 0)
        except UnicodeDecodeError:
            pass
    for name in ("cp1252", "latin-1") if codec in _LATIN1_LABELS else (codec,):
        try:
            return Decoded(raw.decode(name), name, False, 0)
        except UnicodeDecodeError:
            continue
    return None


def _detect(raw: bytes) -> Decoded:
    """Guess the encoding with charset-normalizer; UTF-8 with replacement when it cannot tell."""
    from charset_normalizer import from_bytes  # imported here: only non-UTF-8 input pays for it

    mostly = _utf8_mostly(raw)
    if mostly is not None:
        return mostly
    best = from_bytes(raw).best()
    codec = _codec_name(best.encoding) if best is not None else None
    if codec is None or codec in _CYRILLIC or (best is not None and best.coherence < 0.1):
        codec = _cyrillic_by_case(raw) or codec
    text, bad = _decode_counting(raw, codec or "utf-8")
    return Decoded(text, codec or "utf-8", True, bad)


def decode(raw: bytes, *, http_charset: str | None = None, html: bool = False) -> Decoded:
    """Decode snapshot bytes: BOM, HTTP charset, `<meta>` charset, strict UTF-8, then detection."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            text, bad = _decode_counting(raw[len(bom) :], codec)
            return Decoded(text, codec, False, bad)
    wide = _wide_text(raw) if b"\x00" in raw[:_SAMPLE] else None
    if wide is None:
        labels = (http_charset, _meta_charset(raw) if html else None)
        for codec in filter(None, map(_codec_name, labels)):
            result = _declared(raw, codec)
            if result is not None:
                return result
        try:
            return Decoded(raw.decode("utf-8"), "utf-8", False, 0)
        except UnicodeDecodeError:
            return _detect(raw)
    text, bad = _decode_counting(raw, wide[0])
    return Decoded(text, wide[0], True, bad)
