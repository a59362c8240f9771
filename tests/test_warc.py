"""Tests for checker.read.warc: pages, revisits, skipped records and damaged archives."""

from __future__ import annotations

import gzip
import io
import json
from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from checker.read.warc import ArchiveStats, iter_archive
from checker.run.cli import cli

PAGE_A = b"<html><body><p>A</p>" + b"x" * 2000 + b"</body></html>"
PAGE_B = b"<html><body><p>B</p></body></html>"


def _response(
    writer: WARCWriter,
    uri: str,
    body: bytes,
    ctype: str,
    status: str = "200 OK",
    date: str = "2024-01-02T03:04:05Z",
    extra: tuple = (),
) -> object:
    headers = StatusAndHeaders(status, [("Content-Type", ctype), *extra], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        uri,
        "response",
        payload=io.BytesIO(body),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": date},
    )
    writer.write_record(record)
    return record


def write_archive(path: Path, *, gz: bool) -> Path:
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        first = _response(writer, "http://ex.org/a", PAGE_A, "text/html; charset=UTF-8")
        request = b"GET /a HTTP/1.1\r\nHost: ex.org\r\n\r\n"
        writer.write_record(
            writer.create_warc_record("http://ex.org/a", "request", payload=io.BytesIO(request))
        )
        _response(
            writer, "http://ex.org/b", PAGE_B, "application/xhtml+xml", date="2024-01-02T03:05:00Z"
        )
        _response(writer, "http://ex.org/i.png", b"\x89PNG\r\n\x1a\n", "image/png")
        _response(
            writer,
            "http://ex.org/old",
            b"",
            "text/html",
            status="301 Moved Permanently",
            extra=(("Location", "/a"),),
        )
        digest = first.rec_headers.get_header("WARC-Payload-Digest")  # type: ignore[attr-defined]
        revisit = writer.create_revisit_record(
            "http://ex.org/a",
            digest,
            "http://ex.org/a",
            "2024-01-02T03:04:05Z",
            http_headers=StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=UTF-8")], protocol="HTTP/1.1"
            ),
        )
        revisit.rec_headers.replace_header("WARC-Date", "2024-02-01T00:00:00Z")
        writer.write_record(revisit)
    return path


@pytest.mark.parametrize("name,gz", [("t.warc.gz", True), ("t.warc", False)])
def test_pages_dates_and_counts(tmp_path: Path, name: str, gz: bool) -> None:
    stats = ArchiveStats()
    pages = list(iter_archive(write_archive(tmp_path / name, gz=gz), stats))
    assert [(p.uri, p.captured, p.content_type, p.http_charset) for p in pages] == [
        (
            "http://ex.org/a",
            datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc),
            "text/html",
            "UTF-8",
        ),
        (
            "http://ex.org/b",
            datetime(2024, 1, 2, 3, 5, tzinfo=timezone.utc),
            "application/xhtml+xml",
            None,
        ),
        ("http://ex.org/a", datetime(2024, 2, 1, tzinfo=timezone.utc), "text/html", "UTF-8"),
    ]
    assert pages[0].body == pages[2].body == PAGE_A and pages[1].body == PAGE_B
    assert (
        stats.pages,
        stats.skipped_redirect,
        stats.revisits_resolved,
        stats.revisits_unresolved,
    ) == (3, 1, 1, 0)
    assert stats.skipped_non_html == 3  # warcinfo, request, image
    assert stats.problems == []


def test_truncated_gzip_gives_problem(tmp_path: Path) -> None:
    data = write_archive(tmp_path / "t.warc.gz", gz=True).read_bytes()
    cut = tmp_path / "cut.warc.gz"
    for size in range(40, len(data) - 40, 50):
        cut.write_bytes(data[:size])
        stats = ArchiveStats()
        pages = list(iter_archive(cut, stats))
        assert len(pages) <= 3
        if size < len(data) // 2:
            assert stats.problems or len(pages) < 3


def test_truncated_inside_a_page_record(tmp_path: Path) -> None:
    data = write_archive(tmp_path / "t.warc", gz=False).read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: data.index(b"xxxx") + 100])
    stats = ArchiveStats()
    assert list(iter_archive(cut, stats)) == []
    assert len(stats.problems) == 1 and "ends inside" in stats.problems[0]


def test_whole_file_gzip_and_its_truncation(tmp_path: Path) -> None:
    plain = write_archive(tmp_path / "t.warc", gz=False).read_bytes()
    whole = tmp_path / "whole.warc.gz"
    whole.write_bytes(gzip.compress(plain))
    stats = ArchiveStats()
    assert len(list(iter_archive(whole, stats))) == 3 and stats.problems == []
    whole.write_bytes(gzip.compress(plain)[:-200])
    stats = ArchiveStats()
    list(iter_archive(whole, stats))
    assert stats.problems


def test_too_large_record_is_skipped(tmp_path: Path) -> None:
    stats = ArchiveStats()
    pages = list(
        iter_archive(write_archive(tmp_path / "t.warc.gz", gz=True), stats, max_record_bytes=1000)
    )
    assert [p.uri for p in pages] == ["http://ex.org/b"]
    assert any("larger than 1000" in p for p in stats.problems)
    assert stats.revisits_unresolved == 1


def test_not_an_archive(tmp_path: Path) -> None:
    junk = tmp_path / "junk.warc.gz"
    junk.write_bytes(b"not a warc at all\n" * 10)
    stats = ArchiveStats()
    assert list(iter_archive(junk, stats)) == []
    assert stats.problems == ["is not a WARC or ARC file"]  # the finding names the file


def test_arc_file(tmp_path: Path) -> None:
    def record(url: str, ctype: str, payload: bytes) -> bytes:
        return f"{url} 1.2.3.4 20240102030405 {ctype} {len(payload)}\n".encode() + payload + b"\n"

    desc = b"1 0 Test\nURL IP-address Archive-date Content-type Archive-length\n"
    page = (
        b"HTTP/1.0 200 OK\r\nContent-Type: text/html; charset=windows-1251\r\n\r\n"
        b"<p>\xcf\xf0\xe8\xe2\xe5\xf2</p>"
    )
    arc = tmp_path / "t.arc"
    arc.write_bytes(
        record("filedesc://t.arc", "text/plain", desc)
        + record("http://ex.org/a", "text/html", page)
    )
    stats = ArchiveStats()
    pages = list(iter_archive(arc, stats))
    assert [(p.uri, p.http_charset, p.captured.year) for p in pages] == [
        ("http://ex.org/a", "windows-1251", 2024)
    ]
    assert stats.problems == []


def test_an_unreadable_archive_is_named_once(tmp_path: Path) -> None:
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"not a warc at all\n" * 10)
    (tmp_path / "page.html").write_text("<p>Harbour Office</p>", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(tmp_path), "--format", "json"])
    messages = [
        f["message"]
        for f in json.loads(result.stdout)["findings"]
        if f["kind"] == "snapshot-unreadable"
    ]
    assert messages == [f"{junk} is not a WARC or ARC file"]
