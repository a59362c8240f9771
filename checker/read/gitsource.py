"""Git history as captures (`--history git`): every committed version of the snapshot files of
a "git scraping" repository, with the commit time as capture time.

Versions are listed with `git log` and read with one `git cat-file --batch` per repository
and process, streamed on demand; nothing is checked out.
"""

from __future__ import annotations

import fnmatch
import os
import subprocess
from dataclasses import replace
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import IO

from checker.read.load import DEFAULT_GLOBS, InputError, Source, grouped_sources

# Each process keeps one `git cat-file --batch` per repository it reads from (keyed by the
# process id too: a forked worker must not share its parent's pipes).
_BATCHES: dict[tuple[str, int], subprocess.Popen[bytes]] = {}


def git_sources(
    paths: tuple[str, ...], globs: tuple[str, ...], group_by: str, since: str | None
) -> list[Source]:
    """Every committed version of the snapshot files under the paths, oldest commit first."""
    patterns = globs or DEFAULT_GLOBS
    sources: list[Source] = []
    for given in paths:
        root, inside = _repository(given)
        versions = _versions(root, inside, since, given)
        relative = sorted({rel for rel, _, _ in versions})
        if os.path.isfile(given):
            relative = [""] if versions else []
        keep = [r for r in relative if any(fnmatch.fnmatch(_name(r, given), p) for p in patterns)]
        name = Path(given).resolve().name or given
        site_of = {s.relative: s.site for s in grouped_sources(given, keep, name, group_by)}
        sources.extend(
            replace(Source(given, rel, site_of[rel]), revision=sha, committed=when)
            for rel, sha, when in versions
            if rel in site_of
        )
    return sources


def _name(relative: str, given: str) -> str:
    """The file name a relative path (or the given file itself) has."""
    return relative.rsplit("/", 1)[-1] if relative else os.path.basename(given)


def _git(root: str, *args: str) -> str:
    """The output of one git command, or an input error saying what git said."""
    try:
        done = subprocess.run(
            ["git", "-C", root, *args], capture_output=True, text=True, check=False
        )
    except OSError as error:
        raise InputError(f"git cannot be run: {error}") from error
    if done.returncode != 0:
        said = done.stderr.strip().splitlines()
        raise InputError(f"{root}: {said[-1] if said else 'git failed'}")
    return done.stdout


@lru_cache(maxsize=256)
def _repository(given: str) -> tuple[str, str]:
    """The repository holding a path, and the path relative to its top folder."""
    path = Path(given)
    if not path.exists():
        raise InputError(f"{given}: no such file or directory")
    folder = path if path.is_dir() else path.parent
    try:
        root = _git(str(folder), "rev-parse", "--show-toplevel").strip()
    except InputError as error:
        raise InputError(f"{given}: not inside a git repository ({error})") from error
    inside = os.path.relpath(path.resolve(), Path(root).resolve())
    return root, "" if inside == "." else inside.replace(os.sep, "/")


def _versions(root: str, inside: str, since: str | None, given: str) -> list[tuple[str, str, int]]:
    """(path under the given folder, commit, commit time) of every added or modified file."""
    span = [f"{since}..HEAD"] if since else []
    log = _git(
        root,
        "log",
        "--reverse",
        "--no-renames",
        "--diff-filter=AM",
        "--name-only",
        "--format=%x00%H %ct",
        *span,
        "--",
        inside or ".",
    )
    prefix = f"{inside}/" if inside and os.path.isdir(given) else ""
    versions = []
    for entry in log.split("\0")[1:]:
        head, _, names = entry.partition("\n")
        sha, _, when = head.partition(" ")
        for name in filter(None, names.splitlines()):
            if os.path.isdir(given) and not name.startswith(prefix):
                continue
            versions.append((name[len(prefix) :] if os.path.isdir(given) else "", sha, int(when)))
    return versions


def commit_time(source: Source) -> datetime:
    """When the commit a source is read at was made."""
    return datetime.fromtimestamp(source.committed, tz=timezone.utc)


def read_revision(source: Source) -> bytes:
    """One committed version of a file, read through the repository's `cat-file --batch`."""
    given = source.given
    folder = given if os.path.isdir(given) else os.path.dirname(given) or "."
    root, inside = _repository(given)
    if os.path.isdir(given):
        inside = f"{inside}/{source.relative}" if inside else source.relative
    batch = _batch(root)
    assert batch.stdin is not None and batch.stdout is not None
    batch.stdin.write(f"{source.revision}:{inside}\n".encode())
    batch.stdin.flush()
    header = batch.stdout.readline().split()
    if len(header) != 3 or header[1] != b"blob":
        raise OSError(f"{folder}: {source.revision[:12]}:{inside} is not in the repository")
    return _exactly(batch.stdout, int(header[2]) + 1)[:-1]


def _batch(root: str) -> subprocess.Popen[bytes]:
    """The running `git cat-file --batch` of a repository, started on first use."""
    key = (root, os.getpid())
    batch = _BATCHES.get(key)
    if batch is None or batch.poll() is not None:
        batch = subprocess.Popen(
            ["git", "-C", root, "cat-file", "--batch"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        _BATCHES[key] = batch
    return batch


def _exactly(stream: IO[bytes], size: int) -> bytes:
    """`size` bytes from a pipe (a pipe may return fewer per read)."""
    parts, left = [], size
    while left:
        part = stream.read(left)
        if not part:
            raise OSError("git cat-file ended early")
        parts.append(part)
        left -= len(part)
    return b"".join(parts)
