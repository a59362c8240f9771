"""Snapshots: read one file (text, HTML or web archive) into normalized lines."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from checker.model import Line, Snapshot
from checker.read.decode import decode, looks_binary
from checker.read.gitsource import commit_time
from checker.read.kept import KEPT
from checker.read.layout import without_capture
from checker.read.load import Source, is_archive
from checker.read.normalize import normalize, resolve_links, split_lines, unwrap
from checker.read.own_links import own_links
from checker.read.placeholders import with_placeholders
from checker.read.raw import MAX_BYTES, broken, is_html, read_bytes
from checker.read.reading import NO_TIMES, PLAIN, Reading
from checker.read.reflow import rejoin

if TYPE_CHECKING:
    from checker.read.warc import ArchivedPage

# Longer lines are cut: no boilerplate line is this long, and fuzzy matching stays bounded.
MAX_LINE = 4000
_new_tuple = tuple.__new__


def read(source: Source, reading: Reading = PLAIN) -> Iterator[Snapshot]:
    """The snapshots in one file: one for a page, many for a web archive (kept for the
    per-snapshot stage while `keep_reads` is on)."""
    if KEPT.on:
        snapshots = list(_read(source, reading))
        KEPT.add(source, reading.lines_key, snapshots)
        yield from snapshots
        return
    yield from _read(source, reading)


def _read(source: Source, reading: Reading) -> Iterator[Snapshot]:
    """`read` without keeping."""
    if is_archive(source.display):
        yield from _archive(source, reading)
        return
    raw = read_bytes(source)
    if isinstance(raw, Snapshot):
        yield raw
        return
    yield from_bytes(source, raw, reading)


def from_bytes(source: Source, raw: bytes, reading: Reading = PLAIN) -> Snapshot:
    """One page file's bytes as a snapshot, with its capture time where one is known."""
    path = source.display
    name = os.path.basename(path)
    try:
        snapshot = page(source, raw, html=is_html(name.lower(), raw), reading=reading)
    except Exception as error:  # noqa: BLE001 - one odd page must not stop a run of millions
        # A page no reader anticipated (a bug of ours or of a parser) is a finding on that
        # page, named with the error so that it can be reported, and the run goes on.
        return broken(source, f"could not be read ({type(error).__name__}: {error})")
    if source.revision and snapshot.lines:
        snapshot = replace(snapshot, captured=commit_time(source))
    return dated(source, snapshot, reading)


def dated(source: Source, snapshot: Snapshot, reading: Reading) -> Snapshot:
    """A page snapshot with the capture time the reading gives it, where it has none."""
    if snapshot.captured is None and snapshot.lines and reading.times != NO_TIMES:
        path = source.display
        captured = reading.times.of(os.path.basename(path), path, snapshot.lines, source.relative)
        snapshot = replace(snapshot, captured=captured) if captured else snapshot
    return snapshot


def link_base(source: Source, url: str | None = None) -> str:
    """The address relative links in a page resolve against: its path in the mirror, its
    capture folder left out, so the captures of one page link the same resources."""
    return url or f"site:///{without_capture(source.relative) or Path(source.given).name}"


def page(
    source: Source,
    raw: bytes,
    *,
    html: bool,
    url: str | None = None,
    http_charset: str | None = None,
    captured: datetime | None = None,
    reading: Reading = PLAIN,
) -> Snapshot:
    """Decode and render one page's bytes."""
    notes: list[str] = []
    if len(raw) > MAX_BYTES:
        raw = raw[:MAX_BYTES]
        notes.append(f"only the first {MAX_BYTES // (1024 * 1024)} MB were read")
    if not raw.strip():
        return broken(source, "is empty", url=url, captured=captured)
    if looks_binary(raw):
        return broken(source, "is binary, not text", url=url, captured=captured)
    decoded = decode(raw, http_charset=http_charset, html=html)
    if decoded.detected:
        notes.append(f"encoding detected as {decoded.encoding}")
    problem = None
    if decoded.bad_bytes:
        problem = f"has {decoded.bad_bytes} undecodable byte sequence(s) ({decoded.encoding})"
    base = link_base(source, url)
    alias = ""
    if html:
        from checker.read.html import comparison_texts

        rendered, render_problem, base_href = _render(decoded.text, base)
        if url is None and base_href:
            alias = _address_under(base_href, base)
        if render_problem:
            notes.append(render_problem)
        if problem and not any("\ufffd" in text for _, text in rendered):
            # Bytes no reader sees (in a script, a comment, an attribute) leave the page
            # readable: they earn a note, never a finding.
            notes.append(problem + " outside the visible text")
            problem = None
        forms = comparison_texts([t for _, t in rendered])
        made = [  # Line(n, text, norm, 0), without a Python call per line
            _new_tuple(Line, (n, t[:MAX_LINE], norm[:MAX_LINE], 0))
            for (n, t), norm in zip(rendered, forms, strict=True)
            if norm
        ]
        lines = tuple(with_placeholders(own_links(made, base, decoded.text), reading.placeholders))
    else:
        numbered = unwrap(
            own_links(
                [(n, t, _norm(t, base), n) for n, t in enumerate(split_lines(decoded.text), 1)],
                base,
                decoded.text,
            ),
            reading.wrap,
            reading.starts,
        )
        lines = tuple(
            Line(number, text[:MAX_LINE], norm[:MAX_LINE], end if end > number else 0)
            for number, text, norm, end in numbered
            if norm
        )
    if reading.joins and not html:
        lines = rejoin(lines, reading.joins)
    return Snapshot(
        source.display if url is None else _archived_name(source, url, captured),
        source.site,
        lines,
        captured=captured,
        problem=problem,
        notes=tuple(notes),
        url=url,
        html=html,
        address=base,
        alias=alias,
    )


def _norm(text: str, base: str) -> str:
    """The comparison form of a text line; its links are resolved as HTML links are."""
    return resolve_links(normalize(text[:MAX_LINE]), base)


def _address_under(base_href: str, base: str) -> str:
    """A mirrored page's address under a `<base href>` on a host (an archive republished
    under a prefix): the base joined with its path in the mirror, as links to it resolve;
    empty where the base is the mirror's own (`site:///`). Joined as links are joined, so a
    base urllib cannot parse (`http://[::1`) is kept, never raised."""
    from checker.read.html_links import join_url

    if not base_href.lower().startswith(("http://", "https://")):
        return ""
    return join_url(base_href, base.removeprefix("site:///"))


def _render(text: str, url: str) -> tuple[list[tuple[int, str]], str | None, str | None]:
    """HTML to (source line, text) pairs (rendered lines are such tuples), and the address
    its links resolved against."""
    from checker.read.html import render_page

    return render_page(text, page_url=url)  # type: ignore[return-value]


def _archive(source: Source, reading: Reading) -> Iterator[Snapshot]:
    """Every HTML page captured in a WARC or ARC file."""
    from checker.read.warc import ArchiveStats, iter_archive

    stats = ArchiveStats()
    try:
        for record in iter_archive(source.display, stats):
            if source.host and (urlsplit(record.uri).hostname or "-") != source.host:
                continue
            yield archived(source, record, reading)
    except OSError as error:
        yield broken(source, f"cannot be read: {error.strerror or error}")
    for problem in stats.problems:
        yield broken(source, problem)
    passed = stats.skipped_non_html + stats.skipped_redirect + stats.skipped_status
    if passed:
        yield Snapshot(
            source.display,
            source.site,
            (),
            skipped=passed,
            notes=(
                f"{stats.skipped_non_html} non-HTML, {stats.skipped_redirect} redirect and "
                f"{stats.skipped_status} other-status record(s) skipped",
            ),
        )


def archived(source: Source, record: ArchivedPage, reading: Reading = PLAIN) -> Snapshot:
    """One page of a web archive, rendered."""
    return page(
        source,
        record.body,
        html=True,
        url=record.uri,
        http_charset=record.http_charset,
        captured=record.captured,
        reading=reading,
    )


def _archived_name(source: Source, url: str, captured: datetime | None) -> str:
    """An archived page is named by its file, its URL and its capture date."""
    when = captured.strftime("%Y%m%d%H%M%S") if captured else "-"
    return f"{source.display}#{url}@{when}"
