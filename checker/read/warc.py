"""Stream the HTML pages out of WARC and ARC files (plain or gzipped), resolving revisits."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from checker.read.load import is_url
from checker.read.remote import open_url
from checker.read.warc_records import (
    ArchivedPage,
    ArchiveStats,
    Damaged,
    Payloads,
    check_complete,
    response_page,
    revisit_page,
)

__all__ = ["ArchivedPage", "ArchiveStats", "iter_archive"]


class _Iterator(ArchiveIterator):
    """warcio's iterator without its stderr warnings (`err_count` still counts them)."""

    INC_RECORD = ""


class _StrictGzip:
    """A gzip stream whose early end raises: warcio takes EOFError for a clean end of file."""

    def __init__(self, inner: gzip.GzipFile) -> None:
        self.inner = inner

    def read(self, size: int = -1) -> bytes:
        """Read, turning a cut-off gzip stream into an error."""
        try:
            return self.inner.read(size)
        except EOFError as exc:
            raise Damaged("the gzip stream ends early") from exc

    def tell(self) -> int:
        """The position in the decompressed stream."""
        return self.inner.tell()


def _open(path: str | Path) -> BinaryIO:
    """A local file or the object at a URL, open for binary reading."""
    return open_url(str(path)) if is_url(str(path)) else open(path, "rb")


def _is_archive(stream: BinaryIO) -> bool:
    """True when the (decompressed) file starts like a WARC or an ARC file."""
    head = stream.read(65536)
    stream.seek(0)
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 256)
        except zlib.error:
            return False
    return head.lstrip().startswith((b"WARC/", b"filedesc://"))


def _check_tail(stream: BinaryIO, offset: int) -> None:
    """Raise when bytes past the last whole record remain (a record cut inside its headers)."""
    stream.seek(offset)
    if stream.read(4096).strip():
        raise Damaged(f"file ends inside a record header at byte {offset}")


def _pages(stream: Any, stats: ArchiveStats, cache: Payloads, limit: int) -> Iterator[ArchivedPage]:
    """The pages of one open stream, skipping records an earlier pass already handled."""
    records = _Iterator(stream, arc2warc=True)
    previous, skip = None, cache.records
    for record in records:
        check_complete(previous, read=True)  # the iterator has just read past it
        check_complete(record, read=False)
        previous = record
        if skip:
            skip -= 1
            continue
        cache.records += 1
        if record.rec_type in ("response", "resource"):
            page = response_page(record, stats, cache, limit)
        elif record.rec_type == "revisit":
            page = revisit_page(record, stats, cache)
        else:
            page = None
            stats.skipped_non_html += 1  # request, warcinfo, metadata, conversion
        if page is not None:
            stats.pages += 1
            yield page
    check_complete(previous, read=True)
    if not isinstance(stream, _StrictGzip):  # seeking back in a gzip stream re-reads it all
        _check_tail(stream, records.offset)
    if records.err_count:
        stats.problems.append(f"{records.err_count} record(s) with a wrong Content-Length")


def iter_archive(
    path: str | Path, stats: ArchiveStats, *, max_record_bytes: int = 50_000_000
) -> Iterator[ArchivedPage]:
    """Yield the HTML pages of a WARC/ARC file (a path or a URL) in order; damage ends the
    file with a problem."""
    cache = Payloads()
    try:
        with _open(path) as stream:
            if not _is_archive(stream):
                stats.problems.append("is not a WARC or ARC file")  # the finding names the file
                return
            try:
                yield from _pages(stream, stats, cache, max_record_bytes)
                return
            except ArchiveLoadFailed as exc:
                if "non-chunked gzip" not in str(exc):
                    raise
        # One gzip member around the whole file (not per record): warcio refuses it, but it
        # reads fine as one decompressed stream.
        with _open(path) as raw, gzip.GzipFile(fileobj=raw, mode="rb") as whole:
            yield from _pages(_StrictGzip(whole), stats, cache, max_record_bytes)
    # warcio raises bare Exception ("Not Gzipped Properly") besides zlib, EOF and parser errors;
    # archives are untrusted input, so any failure while reading ends this file, not the run.
    except Exception as exc:  # noqa: BLE001
        reason = " ".join(str(exc).split())[:200] or type(exc).__name__
        stats.problems.append(f"is unreadable after {stats.pages} page(s): {reason}")
