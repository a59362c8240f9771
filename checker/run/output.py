"""Writing reports and baselines: atomically, never into snapshot folders."""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from pathlib import Path

from checker.read.load import is_url
from checker.read.remote import local_path


class OutputError(Exception):
    """A report or baseline that cannot be written: exit 2 with this message."""


def write_atomic(path: str | Path, text: str) -> None:
    """Write `text` to `path` so readers see the old file or the new one, never a part.

    A regular file is replaced by rename after fsync. A device or pipe (`/dev/stdout`,
    `/dev/full`) is written in place, since it cannot be renamed over.
    """
    target = Path(path)
    # Undecodable file names reach reports as lone surrogates: escape them, stay UTF-8.
    data = text.encode("utf-8", errors="backslashreplace")
    try:
        mode = target.stat().st_mode if target.exists() else None
    except OSError as error:
        raise OutputError(f"{path}: cannot be written: {error.strerror}") from error
    if mode is not None and not stat.S_ISREG(mode):
        _write_in_place(target, data)
        return
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{path}: cannot be written: folder {folder} does not exist")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise OutputError(f"{path}: cannot be written: {error.strerror}") from error
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp makes the file owner-only; a new report gets the usual mode (umask).
        os.chmod(temporary, stat.S_IMODE(mode) if mode is not None else 0o666 & ~_umask())
        os.replace(temporary, target)
    except OSError as error:
        _discard(temporary)
        raise OutputError(f"{path}: cannot be written: {error.strerror}") from error
    except BaseException:
        _discard(temporary)
        raise


def _umask() -> int:
    """The process umask (read by setting it and setting it back)."""
    current = os.umask(0o022)
    os.umask(current)
    return current


def _write_in_place(target: Path, data: bytes) -> None:
    """Write to a device or pipe directly."""
    try:
        with target.open("wb") as stream:
            stream.write(data)
            stream.flush()
    except OSError as error:
        raise OutputError(f"{target}: cannot be written: {error.strerror}") from error


def _discard(temporary: str) -> None:
    """Remove a temporary file that will not be renamed into place."""
    with contextlib.suppress(OSError):
        os.unlink(temporary)


def inside(path: str | Path, folders: list[Path]) -> Path | None:
    """The snapshot folder that `path` would be written into, if any."""
    resolved = Path(path).resolve()
    for folder in folders:
        root = folder.resolve()
        if root == resolved or root in resolved.parents:
            return folder
    return None


def snapshot_folders(paths: tuple[str, ...]) -> list[Path]:
    """The local folders the snapshot paths name or sit in. A `file://` URL is its local
    path; other URLs name no local folder."""
    folders = []
    for given in paths:
        path = local_path(given) if is_url(given) else given
        if path is not None:
            folders.append(Path(path) if Path(path).is_dir() else Path(path).parent)
    return folders


def colour_wanted() -> bool:
    """Colour only on a terminal, and never with NO_COLOR; FORCE_COLOR forces it."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()
