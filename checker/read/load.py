"""Loading: find snapshot files under the given paths and group them into sites."""

from __future__ import annotations

import fnmatch
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from checker.read.layout import captures_repeat, is_archive, without_capture
from checker.read.sites import joined_sites

DEFAULT_GLOBS = ("*.txt", "*.md", "*.html", "*.htm", "*.warc", "*.warc.gz", "*.arc", "*.arc.gz")


class InputError(Exception):
    """A path on the command line that cannot be used: exit 2 with this message."""


@dataclass(frozen=True, slots=True)
class Source:
    """One file to read, with the names reports give it.

    Kept small (a million of them are held at once): the folder string is shared by all
    files under it, and paths are derived on demand.
    """

    given: str
    """The folder (or file) as the user gave it on the command line."""
    relative: str
    """Its path under that folder (POSIX; empty when a file was given), which also
    resolves relative links the way a mirror's tree lays them out."""
    site: str
    """The site it belongs to."""
    host: str = ""
    """For a web archive grouped by host: only its records of this host."""
    revision: str = ""
    """For a file read from git history: the commit it is read at (`--history git`)."""
    committed: int = 0
    """For a file read from git history: the commit time (seconds since the epoch)."""

    @property
    def display(self) -> str:
        """The path as the user gave it, joined with the file's path under the folder."""
        if self.revision:
            base = os.path.join(self.given, self.relative) if self.relative else self.given
            return f"{base}@git:{self.revision[:12]}"
        if not self.relative:
            return self.given
        if is_url(self.given):
            return self.given + ("" if self.given.endswith("/") else "/") + self.relative
        return os.path.join(self.given, self.relative)

    @property
    def file(self) -> Path:
        """Where to read it."""
        return Path(self.display)


def is_url(path: str) -> bool:
    """Whether a path is a URL read through fsspec (`s3://bucket/crawl`), not a local path."""
    return "://" in path


def discover(
    paths: Iterable[str],
    globs: tuple[str, ...] = (),
    group_by: str = "auto",
    notes: list[str] | None = None,
) -> list[Source]:
    """Every snapshot file under the paths, sorted, each assigned to a site, each once.

    Overlapping paths (a folder given twice, a file inside a given folder) give each file
    once, under the name it was first found by. Folders that cannot be listed are added to
    `notes` (when given) with the operating system's reason.
    """
    patterns = globs or DEFAULT_GLOBS
    sources: list[Source] = []
    skipped = notes if notes is not None else []
    given_paths = 0
    for given in paths:
        given_paths += 1
        if is_url(given):
            sources.extend(_remote(given, patterns, group_by))
            continue
        root = Path(given)
        if not root.exists() and not root.is_symlink():
            raise InputError(f"{given}: no such file or directory")
        if root.is_file():
            sources.append(Source(given, "", _site_of_file(given, group_by)))
            continue
        if not root.is_dir():
            raise InputError(f"{given}: not a file or folder")
        sources.extend(_walk(root, given, patterns, group_by, skipped))
    if given_paths > 1 or any(is_url(s.given) for s in sources[:1]):
        sources = _once(sources)  # one local path lists each of its files once
    return _by_host(sources) if group_by == "host" else sources


def _once(sources: list[Source]) -> list[Source]:
    """Each file once: the first source naming it wins (local paths compared resolved)."""
    seen: set[str] = set()
    kept: list[Source] = []
    roots: dict[str, str] = {}
    for source in sources:
        if is_url(source.given):
            key = source.display
        else:
            root = roots.get(source.given)
            if root is None:  # resolved once per given path, not once per file
                root = roots[source.given] = os.path.realpath(source.given)
            key = os.path.normpath(os.path.join(root, source.relative)) if source.relative else root
        if key not in seen:
            seen.add(key)
            kept.append(source)
    return kept


def names_archive(source: Source) -> bool:
    """`is_archive(source.display)` without building the display path (a file read from git
    history never is one: its display path ends in `@git:COMMIT`)."""
    return not source.revision and is_archive(source.relative or source.given)


def _by_host(sources: list[Source]) -> list[Source]:
    """Split each web archive into one source per host it captured; a host is a site.

    Other files keep the site of their top folder, as a mirror's tree names its host.
    """
    split: list[Source] = []
    for source in sources:
        if not is_archive(source.display):
            split.append(source)
            continue
        hosts = _hosts(source.display)
        split.extend(
            Source(source.given, source.relative, sys.intern(host), host)
            for host in hosts or [source.site]
        )
    return split


def _site_of_file(given: str, group_by: str) -> str:
    """A file named on its own belongs to the site of its folder; a web archive that
    captured one host is that host's site."""
    if group_by == "none":
        return "."
    if is_archive(given):
        hosts = _hosts(given)
        if len(hosts) == 1 and hosts[0] != "-":
            return sys.intern(hosts[0])
    return Path(given).resolve().parent.name or Path(given).name


def _hosts(archive: str) -> list[str]:
    """The hosts a web archive captured, sorted ("-" for a record without one)."""
    from checker.read.warc import ArchiveStats, iter_archive

    pages = iter_archive(archive, ArchiveStats())
    return sorted({urlsplit(page.uri).hostname or "-" for page in pages})


def _remote(url: str, patterns: tuple[str, ...], group_by: str) -> list[Source]:
    """The objects under a URL matching the patterns (or the one it names), with their sites."""
    from checker.read.remote import list_url

    listing = list_url(url)
    if listing.objects is None:
        return [Source(url, "", "." if group_by == "none" else listing.folder or ".")]
    matches = _matcher(patterns)
    relative = sorted(r for r in listing.objects if matches(r.rsplit("/", 1)[-1]))
    return _grouped(url, relative, listing.name or url, group_by)


def _walk(
    root: Path, given: str, patterns: tuple[str, ...], group_by: str, notes: list[str]
) -> list[Source]:
    """Files under one folder matching the patterns, with their sites."""
    try:
        os.scandir(root).close()
    except OSError as error:
        raise InputError(f"{given}: cannot read folder: {error.strerror or error}") from None
    found = sorted(_files(root, patterns, notes))
    return _grouped(given, found, root.resolve().name or given, group_by)


def grouped_sources(given: str, relative: list[str], name: str, group_by: str) -> list[Source]:
    """Sources for files under one folder, with their sites, for readers that list files
    another way (git history)."""
    return _grouped(given, relative, name, group_by)


def _grouped(given: str, relative: list[str], name: str, group_by: str) -> list[Source]:
    """Sources for the sorted files under one folder: each top folder a site when the folder
    is a folder of sites (but for folders of one block: `joined_sites`), else all of them
    the site `name`."""
    # Timestamped capture folders are one site over time, not one site per capture.
    pages = [without_capture(r) for r in relative] if captures_repeat(relative) else relative
    nested = group_by in ("folder", "host") or (
        group_by == "auto" and bool(pages) and all("/" in p for p in pages)
    )
    flat = sys.intern(name if group_by != "none" else ".")
    sources = []
    for rel, page in zip(relative, pages, strict=True):
        site = sys.intern(page.split("/", 1)[0]) if nested and "/" in page else flat
        sources.append(Source(given, rel, site))
    return joined_sites(sources, flat) if nested and group_by == "auto" else sources


def _files(root: Path, patterns: tuple[str, ...], notes: list[str]) -> Iterator[str]:
    """POSIX paths under a folder that match the patterns. Symlinked folders are not
    followed (a link loop cannot trap the walk); files and links to files are taken,
    and the reader refuses anything that is not a regular file (a pipe would block).
    A subfolder that cannot be listed is named in `notes`, with the reason."""
    matches = _matcher(patterns)
    pending = [("", str(root))]
    while pending:
        prefix, folder = pending.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as error:
            notes.append(f"{folder}: folder skipped: cannot read it: {error.strerror or error}")
            continue
        for entry in reversed(entries):
            try:
                if entry.is_dir(follow_symlinks=False):
                    pending.append((prefix + entry.name + "/", entry.path))
                elif matches(entry.name) and (entry.is_symlink() or entry.is_file()):
                    # A broken or looping link is listed too: reading it fails, and that
                    # becomes a finding on it rather than a silent skip.
                    yield prefix + entry.name
            except OSError:
                continue


def _matcher(patterns: tuple[str, ...]) -> Callable[[str], object]:
    """A test of a file name against all the patterns at once (one compiled regex)."""
    return re.compile("|".join(fnmatch.translate(p) for p in patterns)).match
