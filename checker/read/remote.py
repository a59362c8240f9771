"""Remote snapshots: list and open fsspec URLs (`s3://`, `gs://`, `file://`, `memory://`).

fsspec is imported only when a URL is given, so a local run starts as fast as before. Its
errors become ours here: a URL that cannot be used is an `InputError`, an object that cannot
be read is an `OSError` with a short reason.
"""

from __future__ import annotations

import posixpath
from typing import Any, BinaryIO, NamedTuple

from checker.read.load import InputError

# Objects are read in pieces of this size: one read of the whole limit would make some file
# systems allocate 64 MB for every small page.
_PIECE = 1 << 20


class Listing(NamedTuple):
    """What a URL names: one object, or a folder of objects."""

    name: str
    """The last segment of its path: a folder's site name."""
    folder: str
    """The segment before that: a single object's site name."""
    objects: tuple[str, ...] | None
    """POSIX paths of every object under a folder, relative to it; None for one object."""


def list_url(url: str) -> Listing:
    """The object a URL names, or every object under it."""
    fs, root = _filesystem(url)
    try:
        folder = fs.info(root)["type"] == "directory"
        found = fs.find(root, withdirs=False, detail=False) if folder else None
    except FileNotFoundError as error:
        raise InputError(f"{url}: no such file or directory") from error
    except Exception as error:
        # Backends raise their own types (botocore, google-auth, aiohttp), not only OSError.
        raise InputError(f"{url}: cannot be listed: {_reason(error)}") from error
    trimmed = root.rstrip("/")
    prefix = trimmed + "/"
    return Listing(
        posixpath.basename(trimmed),
        posixpath.basename(posixpath.dirname(trimmed)),
        None if found is None else tuple(path.removeprefix(prefix) for path in found),
    )


def open_url(url: str) -> BinaryIO:
    """The object at a URL, open for binary reading."""
    fs, path = _filesystem(url)
    stream: BinaryIO = fs.open(path, "rb")
    return stream


def read_url(url: str, limit: int) -> bytes:
    """Up to `limit` bytes of the object at a URL; an OSError says why it cannot be read."""
    parts: list[bytes] = []
    try:
        with open_url(url) as stream:
            while limit > 0 and (part := stream.read(min(limit, _PIECE))):
                parts.append(part)
                limit -= len(part)
    except Exception as error:
        # Whatever the backend raised (or a backend gone missing in a worker), it only
        # makes this one snapshot unreadable.
        raise OSError(_reason(error)) from error
    return b"".join(parts)


def url_exists(url: str) -> bool:
    """Whether the object at a URL exists; True when that cannot be told."""
    try:
        fs, path = _filesystem(url)
        return bool(fs.exists(path))
    except Exception:
        return True


def local_path(url: str) -> str | None:
    """The local path a `file://` URL names; None for any other file system."""
    fs, path = _filesystem(url)
    from fsspec.implementations.local import LocalFileSystem

    return path if isinstance(fs, LocalFileSystem) else None


def parent_url(url: str) -> str:
    """The URL of the folder holding an object."""
    protocol, path = url.split("://", 1)
    return f"{protocol}://{posixpath.dirname(path.rstrip('/'))}"


def _filesystem(url: str) -> tuple[Any, str]:
    """The file system serving a URL and the path on it.

    A missing fsspec or backend package, or a protocol no file system has, is an InputError
    naming the URL and what to install.
    """
    protocol = url.split("://", 1)[0]
    try:
        from fsspec import available_protocols
        from fsspec.core import url_to_fs
        from fsspec.registry import known_implementations
    except ImportError as error:
        raise InputError(_needs(url, protocol, "fsspec", "'snapdrift[remote]'")) from error
    try:
        fs, path = url_to_fs(url)
    except ImportError as error:
        # fsspec raises its own hint, caused by the import that failed.
        missing = getattr(error.__cause__, "name", None) or ""
        backend = known_implementations.get(protocol, {}).get("class", "").split(".")[0]
        if missing and missing == backend:
            raise InputError(_needs(url, protocol, missing, missing)) from error
        raise InputError(f"{url}: reading {protocol}:// URLs: {error}") from error
    except ValueError as error:
        if protocol not in available_protocols():
            raise InputError(
                f"{url}: unknown URL protocol {protocol}:// (no fsspec file system reads it)"
            ) from error
        raise InputError(f"{url}: {_reason(error)}") from error
    except Exception as error:
        raise InputError(f"{url}: {_reason(error)}") from error
    return fs, path


def _needs(url: str, protocol: str, package: str, install: str) -> str:
    """The message for a package that reading a URL needs."""
    return f"{url}: reading {protocol}:// URLs needs the {package} package (pip install {install})"


def _reason(error: BaseException) -> str:
    """A short, one-line reason for a failed listing or read."""
    if isinstance(error, FileNotFoundError):
        return "no such file or directory"
    text = getattr(error, "strerror", None) or " ".join(str(error).split())
    return text[:200] or type(error).__name__
