"""Tests for checker.read.decode: BOMs, declared charsets, detection, damage and binary sniffing."""

from __future__ import annotations

import codecs

import pytest

from checker.read.decode import decode, looks_binary

RUSSIAN = (
    "Государственная Дума Федерального Собрания Российской Федерации. "
    "Председатель комитета по бюджету и налогам, телефон для справок: 8 (495) 692-80-00. "
    "Все права защищены."
)


@pytest.mark.parametrize(
    "raw",
    [
        RUSSIAN.encode("cp1251"),
        RUSSIAN.encode("koi8-r"),
        codecs.BOM_UTF16_LE + RUSSIAN.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + RUSSIAN.encode("utf-16-be"),
        RUSSIAN.encode("utf-16-le"),
        RUSSIAN.encode("utf-16-be"),
        codecs.BOM_UTF8 + RUSSIAN.encode("utf-8"),
        codecs.BOM_UTF32_LE + RUSSIAN.encode("utf-32-le"),
        RUSSIAN.encode("utf-8"),
    ],
    ids=[
        "cp1251",
        "koi8-r",
        "utf16le-bom",
        "utf16be-bom",
        "utf16le",
        "utf16be",
        "utf8-bom",
        "utf32",
        "utf8",
    ],
)
def test_same_cyrillic_text_in_every_encoding(raw: bytes) -> None:
    result = decode(raw)
    assert result.text == RUSSIAN
    assert result.bad_bytes == 0


def test_utf8_skips_detection() -> None:
    result = decode("Ünïcödé – “quotes”".encode(), html=True)
    assert (result.encoding, result.detected, result.bad_bytes) == ("utf-8", False, 0)


def test_bom_is_removed_and_line_endings_kept() -> None:
    result = decode(codecs.BOM_UTF8 + b"a\r\nb\rc\n")
    assert result.text == "a\r\nb\rc\n"
    assert not result.detected


def test_latin1_meta_charset() -> None:
    page = '<html><head><meta charset="iso-8859-1"></head><body>Café Zürich © 2020</body></html>'
    result = decode(page.encode("latin-1"), html=True)
    assert "Café Zürich © 2020" in result.text
    assert not result.detected


def test_http_equiv_meta_charset() -> None:
    page = (
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
        f"<p>{RUSSIAN}</p>"
    )
    result = decode(page.encode("cp1251"), html=True)
    assert RUSSIAN in result.text
    assert (result.encoding, result.detected) == ("cp1251", False)


def test_meta_is_ignored_unless_html() -> None:
    raw = ('<meta charset="koi8-r">' + RUSSIAN).encode("cp1251")
    assert decode(raw, html=True).encoding == "koi8-r"
    assert decode(raw).text.endswith(RUSSIAN)


def test_http_charset_wins_over_meta() -> None:
    raw = ('<meta charset="koi8-r">' + RUSSIAN).encode("cp1251")
    assert decode(raw, http_charset="windows-1251", html=True).text.endswith(RUSSIAN)


def test_declared_utf8_that_lies_falls_back_to_detection() -> None:
    raw = ('<meta charset="utf-8"><p>' + RUSSIAN + "</p>").encode("cp1251")
    result = decode(raw, html=True)
    assert RUSSIAN in result.text
    assert result.detected and result.bad_bytes == 0


def test_stale_latin1_declaration_on_utf8_bytes() -> None:
    # clerk.house.gov serves UTF-8 ("Clerk’s") under <meta ... charset=iso-8859-1>.
    raw = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1" /><p>Clerk’s</p>'
    result = decode(raw.encode("utf-8"), html=True)
    assert "Clerk’s" in result.text and result.encoding == "utf-8"


def test_invalid_bytes_are_counted_not_raised() -> None:
    raw = "café, été, naïve, déjà vu".encode() + b" \xff\xfe broken " + "Zürich".encode()
    result = decode(raw)
    assert result.bad_bytes == 2
    assert result.text.count("\ufffd") == 2
    assert "Zürich" in result.text and "naïve" in result.text


def test_damaged_utf16_is_counted() -> None:
    result = decode(codecs.BOM_UTF16_LE + "abc".encode("utf-16-le") + b"\x00")
    assert result.text.startswith("abc") and result.bad_bytes == 1


def test_unknown_declared_charset_is_ignored() -> None:
    result = decode(b'<meta charset="x-no-such-thing"><p>plain</p>', html=True)
    assert result.encoding == "utf-8" and "plain" in result.text


@pytest.mark.parametrize("raw", [b"", b"\x00", b"\xff" * 3, bytes(range(256)) * 40])
def test_never_raises(raw: bytes) -> None:
    decode(raw, html=True, http_charset="utf-8")


def test_looks_binary() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(200)
    assert looks_binary(png)
    assert looks_binary(b"%PDF-1.7\n")
    assert looks_binary(b"\x1f\x8b\x08\x00" + bytes(20))
    assert looks_binary(bytes(range(256)) * 4)
    assert not looks_binary(RUSSIAN.encode("utf-16-le"))
    assert not looks_binary(codecs.BOM_UTF16_BE + RUSSIAN.encode("utf-16-be"))
    assert not looks_binary(RUSSIAN.encode("cp1251"))
    assert not looks_binary(b"<html><body>plain</body></html>")
