"""A snapshot file's bytes: local, remote or from a git revision, bounded, never blocking; or
a broken snapshot saying why they cannot be read."""

from __future__ import annotations

import os
import stat

from checker.model import Snapshot
from checker.read.gitsource import read_revision
from checker.read.load import Source, is_url
from checker.read.remote import read_url

# Larger files are read up to this many bytes and reported as cut.
MAX_BYTES = 64 * 1024 * 1024
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def read_bytes(source: Source, path: str = "") -> bytes | Snapshot:
    """A page file's bytes (up to MAX_BYTES + 1, so that a longer file shows as cut), or a
    broken snapshot saying why they cannot be read.

    The file is opened without blocking and checked with fstat on the open descriptor, so
    a pipe is refused rather than waited on, and a file is read in one call of its size:
    a buffered `read(MAX_BYTES + 1)` would allocate 64 MB for every 3 KB page. `path` is
    the source's display path when the caller already has it. A URL is read through fsspec.
    """
    path = path or source.display
    if source.revision or is_url(path):
        try:
            return read_revision(source) if source.revision else read_url(path, MAX_BYTES + 1)
        except OSError as error:
            return broken(source, f"cannot be read: {error}")
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        return broken(source, f"cannot be read: {error.strerror or error}")
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return broken(source, "is not a regular file")
        return _read_all(fd, info.st_size)
    except OSError as error:
        return broken(source, f"cannot be read: {error.strerror or error}")
    finally:
        os.close(fd)


_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
# Reads after the first (a file that grew since fstat) take this much at a time.
_READ_MORE = 1 << 20


def _read_all(fd: int, size: int) -> bytes:
    """Up to MAX_BYTES + 1 bytes of an open regular file of `size` bytes (as fstat saw it)."""
    parts: list[bytes] = []
    got, left, ask = 0, MAX_BYTES + 1, size + 1
    while left > 0:
        part = os.read(fd, min(ask, left))
        parts.append(part)
        got, left = got + len(part), left - len(part)
        if not part or (len(part) < ask and got >= size):
            break  # end of file: a short read once the stat size is in
        ask = _READ_MORE
    return parts[0] if len(parts) == 1 else b"".join(parts)


def broken(source: Source, problem: str, **extra: object) -> Snapshot:
    """A snapshot that could not be read: it carries the problem and no lines."""
    return Snapshot(source.display, source.site, (), problem=f"{source.display} {problem}", **extra)  # type: ignore[arg-type]


def is_html(name: str, raw: bytes) -> bool:
    """HTML by suffix, or by a doctype or html tag at the start of the file."""
    if name.endswith(HTML_SUFFIXES):
        return True
    if raw.find(b"<", 0, 2048) < 0:
        return False
    head = raw[:2048].lower()
    return b"<!doctype html" in head or b"<html" in head
