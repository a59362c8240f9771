"""Capture layouts: which page a snapshot path is, and when a capture folder says it was taken.

A page has an identity: its URL for an archive record, its path under the capture root for a
file. Inside a timestamped capture folder (`20180523165433/index.html`, the layout Wayback
download tools write; `2018-05-23/`, `2018-05-23T16:54:33Z/`, at any depth) the identity is
the path with that folder left out, and the folder names the capture time. A snapshot read
from git history is named `PATH@git:COMMIT`; its identity is `PATH`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta, timezone

# A whole path component that names a capture time.
_STAMP = re.compile(
    r"(?P<wayback>\d{14})"
    r"|(?P<date>\d{4}-\d{2}-\d{2})"
    r"(?:[T_ ](?P<h>\d{2})[:\-]?(?P<m>\d{2})(?:[:\-]?(?P<s>\d{2}))?"
    r"(?:Z|(?P<sign>[+-])(?P<oh>\d{2}):?(?P<om>\d{2}))?)?"
)
# A folder name that begins with four digits, as every capture stamp does: a path without one
# has no capture folder, and most paths are told so by this one search.
_MAYBE_STAMP = re.compile(r"(?:^|[/\\])\d{4}[^/\\]*[/\\]")
_GIT = re.compile(r"@git:[0-9a-f]{7,40}$")
# A folder named as a mirror names a host: `localhost`, or dotted names ending in a top-level
# domain, with a port as wget writes it (`:8080`, or `+8080` in Windows-safe names).
HOST_FOLDER = re.compile(r"(?:localhost|(?:[a-z0-9-]+\.)+[a-z]{2,63})(?:[:+]\d{1,5})?", re.I)
_SEP = "/"
ARCHIVES = (".warc", ".warc.gz", ".arc", ".arc.gz")


def is_archive(path: str) -> bool:
    """Whether a path names a WARC or ARC file."""
    return path.lower().endswith(ARCHIVES)


def archive_record(
    name: str, is_file: Callable[[str], bool] = lambda path: True
) -> tuple[str, str]:
    """(archive, record) of a snapshot name `crawl.warc.gz#URL@TIME`: the first prefix ending
    at a `#` that names an archive (a folder's name may hold a `#` before it), and one that
    `is_file` accepts; (name, "") for any other name."""
    at = name.find("#")
    while at >= 0:
        if is_archive(name[:at]) and is_file(name[:at]):
            return name[:at], name[at + 1 :]
        at = name.find("#", at + 1)
    return name, ""


def stamp(component: str) -> datetime | None:
    """The capture time a folder name states, or None when it is not a timestamp."""
    match = _STAMP.fullmatch(component)
    if match is None:
        return None
    try:
        if match["wayback"]:
            return datetime.strptime(match["wayback"], "%Y%m%d%H%M%S").replace(tzinfo=timezone.utc)
        day = datetime.strptime(match["date"], "%Y-%m-%d")
        h, m, sec, oh, om = (int(match[g] or 0) for g in ("h", "m", "s", "oh", "om"))
        offset = timedelta(hours=oh, minutes=om) * (-1 if match["sign"] == "-" else 1)
        local = day.replace(hour=h, minute=m, second=sec, tzinfo=timezone(offset))
        return local.astimezone(timezone.utc)
    except ValueError:
        return None


def capture_folder(path: str) -> tuple[int, datetime] | None:
    """The index and time of the innermost timestamped folder of a path (POSIX), if any."""
    if _MAYBE_STAMP.search(path) is None:
        return None
    parts = path.replace("\\", _SEP).split(_SEP)
    for index in range(len(parts) - 2, -1, -1):
        when = stamp(parts[index])
        if when is not None:
            return index, when
    return None


def without_capture(path: str) -> str:
    """The path with its timestamped capture folder left out (unchanged when it has none)."""
    found = capture_folder(path)
    if found is None:
        return path
    parts = path.replace("\\", _SEP).split(_SEP)
    return _SEP.join(parts[: found[0]] + parts[found[0] + 1 :])


def captures_repeat(relative: list[str]) -> bool:
    """Whether timestamped folders hold the same relative paths (one page under two capture
    folders or more): capture folders, not a site whose own folders are named by date."""
    seen: dict[str, datetime] = {}
    for rel in relative:
        found = capture_folder(rel)
        if found is None:
            continue
        page = without_capture(rel)
        if seen.setdefault(page, found[1]) != found[1]:
            return True
    return False


def page_of(path: str, folders: bool = True) -> str:
    """A snapshot's page identity: the URL of an archive record, else its path without the
    git commit and (when `folders`: the site has capture folders) the capture folder."""
    if "#" in path:
        _, _, rest = path.partition("#")
        url, at, when = rest.rpartition("@")
        if at and (when == "-" or when.isdigit()):
            return url
    path = _GIT.sub("", path)
    return without_capture(path) if folders else path


def folder_time(path: str) -> datetime | None:
    """The capture time the path's timestamped folder states, if it has one."""
    found = capture_folder(path)
    return found[1] if found else None


def describe(relative: list[str]) -> str | None:
    """One note on the layout of a folder's files: timestamped capture folders (and how many
    files sit outside them), or None for a plain folder."""
    if not captures_repeat(relative):
        return None
    times = {folder_time(rel) for rel in relative}
    dated = sum(1 for rel in relative if capture_folder(rel))
    stamps = sorted(t for t in times if t is not None)
    pages = len({without_capture(rel) for rel in relative if capture_folder(rel)})
    note = (
        f"layout: {len(stamps)} timestamped capture folder(s) of {pages} page(s), "
        f"{stamps[0]:%Y-%m-%d %H:%M:%S} to {stamps[-1]:%Y-%m-%d %H:%M:%S}"
    )
    if dated < len(relative):
        note += f"; mixed: {len(relative) - dated} file(s) sit outside any capture folder"
    return note
