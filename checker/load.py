"""Loading: find snapshot files under the given paths and group them into sites."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

DEFAULT_GLOBS = ("*.txt", "*.md", "*.html", "*.htm", "*.warc", "*.warc.gz", "*.arc", "*.arc.gz")


class InputError(Exception):
    """A path on the command line that cannot be used: exit 2 with this message."""


@dataclass(frozen=True)
class Source:
    """One file to read, with the names reports give it."""

    file: Path
    """Where to read it."""
    display: str
    """The path as the user gave it, joined with the file's path under the folder."""
    site: str
    """The site it belongs to."""
    relative: str
    """Its path under the folder given on the command line (POSIX), used to resolve
    relative links the way a mirror's tree lays them out."""


def discover(
    paths: Iterable[str], globs: tuple[str, ...] = (), group_by: str = "auto"
) -> list[Source]:
    """Every snapshot file under the paths, sorted, each assigned to a site."""
    patterns = globs or DEFAULT_GLOBS
    sources: list[Source] = []
    for given in paths:
        root = Path(given)
        if not root.exists() and not root.is_symlink():
            raise InputError(f"{given}: no such file or directory")
        if root.is_file():
            sources.append(Source(root, given, _site_of_file(given, group_by), root.name))
            continue
        if not root.is_dir():
            raise InputError(f"{given}: not a file or folder")
        sources.extend(_walk(root, given, patterns, group_by))
    return sources


def _site_of_file(given: str, group_by: str) -> str:
    """A file named on its own belongs to the site of its folder."""
    if group_by == "none":
        return "."
    return Path(given).parent.name or "."


def _walk(root: Path, given: str, patterns: tuple[str, ...], group_by: str) -> list[Source]:
    """Files under one folder matching the patterns, with their sites."""
    files = sorted(_files(root, patterns))
    relative = [file.relative_to(root).as_posix() for file in files]
    nested = group_by == "folder" or (
        group_by == "auto" and relative and all("/" in r for r in relative)
    )
    sources = []
    for file, rel in zip(files, relative):
        if nested and "/" in rel:
            site = rel.split("/", 1)[0]
        else:
            site = (root.resolve().name or given) if group_by != "none" else "."
        sources.append(Source(file, os.path.join(given, rel), site, rel))
    return sources


def _files(root: Path, patterns: tuple[str, ...]) -> Iterator[Path]:
    """Walk a folder without following symlinked folders (no loops), matching file names."""
    for folder, dirs, names in os.walk(root, followlinks=False, onerror=None):
        dirs.sort()
        for name in names:
            if any(fnmatch.fnmatch(name, pattern) for pattern in patterns):
                path = Path(folder) / name
                if path.is_file():
                    yield path
