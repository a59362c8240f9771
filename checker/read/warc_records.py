"""The records of a WARC or ARC file as pages: HTML responses kept, everything else counted,
revisits resolved against the payloads read before them (`checker.read.warc` streams them)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from email.message import Message
from typing import Any

from warcio.timeutils import iso_date_to_datetime

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# Bodies kept so that later revisits can be resolved; past this total, new ones are not kept.
REVISIT_CACHE_BYTES = 200_000_000
_NON_HTML_DIGESTS = 1_000_000  # digests of skipped responses, so their revisits count as skipped


@dataclass(frozen=True)
class ArchivedPage:
    """One captured HTML page."""

    uri: str
    """The WARC target URI."""
    captured: datetime
    """The record's WARC-Date (timezone-aware, UTC); a revisit carries its own date."""
    http_charset: str | None
    """The charset of the HTTP Content-Type header, if any."""
    content_type: str
    """The media type, lower-case, without parameters."""
    body: bytes
    """The payload, de-chunked and content-decoded."""


@dataclass
class ArchiveStats:
    """What reading one archive passed over and why."""

    pages: int = 0
    skipped_non_html: int = 0
    skipped_redirect: int = 0
    skipped_status: int = 0
    revisits_resolved: int = 0
    revisits_unresolved: int = 0
    problems: list[str] = field(default_factory=list)


@dataclass
class Payloads:
    """Payloads by digest and by (URI, date), bounded in total size."""

    by_digest: dict[str, ArchivedPage] = field(default_factory=dict)
    by_capture: dict[tuple[str, str], ArchivedPage] = field(default_factory=dict)
    non_html: set[str] = field(default_factory=set)  # digests of skipped responses
    size: int = 0
    records: int = 0  # records handled so far, so a second pass can skip them

    def keep(self, digest: str | None, uri: str, date: str, payload: ArchivedPage) -> None:
        """Remember a payload unless the size bound is reached."""
        if digest in self.by_digest:
            self.by_capture[(uri, date)] = self.by_digest[digest]  # type: ignore[index]
            return
        if self.size + len(payload.body) > REVISIT_CACHE_BYTES:
            return
        self.size += len(payload.body)
        self.by_capture[(uri, date)] = payload
        if digest:
            self.by_digest[digest] = payload

    def find(self, digest: str | None, uri: str | None, date: str | None) -> ArchivedPage | None:
        """The payload a revisit refers to, by digest first, then by target URI and date."""
        if digest and digest in self.by_digest:
            return self.by_digest[digest]
        return self.by_capture.get((uri or "", date or ""))


def _media_type(value: str | None) -> tuple[str, str | None]:
    """Split a Content-Type header into the lower-case media type and the charset."""
    header = Message()
    header["Content-Type"] = value or ""
    charset = header.get_param("charset")
    media = header.get_content_type() if value else ""
    return media, charset.strip() or None if isinstance(charset, str) else None


def _date(record: Any) -> tuple[str, datetime | None]:
    """The record's WARC-Date as written and parsed (UTC)."""
    raw = record.rec_headers.get_header("WARC-Date") or ""
    try:
        parsed = iso_date_to_datetime(raw)
    except (ValueError, TypeError, IndexError):
        return raw, None
    return raw, parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def _read(record: Any, limit: int, stats: ArchiveStats, uri: str) -> bytes | None:
    """Read a body up to `limit` bytes (decompressed); None, with a problem, when it is larger."""
    try:
        body = record.content_stream().read(limit + 1)
    except Exception as exc:  # noqa: BLE001 - bad chunking/content-encoding of one record
        stats.problems.append(f"{uri}: body could not be decoded ({exc}), record skipped")
        return None
    if len(body) > limit:
        stats.problems.append(f"{uri}: record larger than {limit} bytes was skipped")
        return None
    check_complete(record, read=True)  # a cut-off page must not pass as a whole one
    return bytes(body)


def _classify(record: Any, stats: ArchiveStats) -> tuple[str, str | None] | None:
    """The media type and charset of a 200 HTML response; None (counted) for anything else."""
    headers = record.http_headers
    if headers is None:  # resource records carry the page without HTTP headers
        media, charset = _media_type(record.rec_headers.get_header("Content-Type"))
    else:
        status = headers.get_statuscode() or ""
        if status.startswith("3"):
            stats.skipped_redirect += 1
            return None
        if status != "200":
            stats.skipped_status += 1
            return None
        media, charset = _media_type(headers.get_header("Content-Type"))
    if media not in HTML_TYPES:
        stats.skipped_non_html += 1
        return None
    return media, charset


def response_page(
    record: Any, stats: ArchiveStats, cache: Payloads, limit: int
) -> ArchivedPage | None:
    """A page from a response or resource record, remembered for later revisits."""
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    digest = record.rec_headers.get_header("WARC-Payload-Digest")
    kind = _classify(record, stats)
    if kind is None:
        if digest and len(cache.non_html) < _NON_HTML_DIGESTS:
            cache.non_html.add(digest)
        return None
    raw_date, captured = _date(record)
    body = _read(record, limit, stats, uri)
    if body is None:
        return None
    if captured is None:
        stats.problems.append(f"{uri}: unreadable WARC-Date {raw_date!r}, record skipped")
        return None
    page = ArchivedPage(uri, captured, kind[1], kind[0], body)
    cache.keep(digest, uri, raw_date, page)
    return page


def revisit_page(record: Any, stats: ArchiveStats, cache: Payloads) -> ArchivedPage | None:
    """The page a revisit record stands for: the earlier payload with the revisit's own date."""
    headers = record.rec_headers
    digest = headers.get_header("WARC-Payload-Digest")
    if digest and digest in cache.non_html:
        stats.skipped_non_html += 1
        return None
    status = record.http_headers.get_statuscode() if record.http_headers else ""
    if status and status.startswith("3") and status != "304":
        stats.skipped_redirect += 1
        return None
    target = headers.get_header("WARC-Refers-To-Target-URI")
    payload = cache.find(digest, target, headers.get_header("WARC-Refers-To-Date"))
    raw_date, captured = _date(record)
    if payload is None or captured is None:
        stats.revisits_unresolved += 1
        return None
    stats.revisits_resolved += 1
    return replace(
        payload, uri=headers.get_header("WARC-Target-URI") or payload.uri, captured=captured
    )


class Damaged(Exception):
    """The archive ended inside a record."""


def check_complete(record: Any, *, read: bool) -> None:
    """Raise for a record cut short: no length in its headers, or (once read) a short body."""
    if record is None:
        return
    if read:
        short = getattr(record.raw_stream, "limit", 0) > 0
    else:
        value = record.rec_headers.get_header("Content-Length")
        short = not str(record.length if value is None else value).strip().isdigit()
    if short:
        uri = record.rec_headers.get_header("WARC-Target-URI") or record.rec_type
        raise Damaged(f"file ends inside the record for {uri}")
