"""Capture times: from the archive record, a date pattern in the rules, or the file's mtime."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timezone

from checker.model import Line
from checker.read.layout import folder_time, page_of
from checker.rules import Pattern, TimeSource
from checker.rules.model import SEARCH_TIMEOUT

_FORMATS = (
    "%Y%m%d%H%M%S",
    "%Y%m%d",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%d.%m.%Y",
    "%d/%m/%Y",
    "%d %B %Y",
    "%B %d, %Y",
    "%d %b %Y",
    "%b %d, %Y",
)
# Only the first lines of a page are searched for a capture line.
_HEAD = 50


@dataclass(frozen=True)
class CaptureTimes:
    """Where a snapshot without an archive date gets its capture time."""

    rules: TimeSource | None = None
    """Date patterns from the rule file (file name first, then a line of the page)."""
    mtime: bool = False
    """Fall back to the file's modification time (`--time-from mtime`)."""
    layout: bool = False
    """Read the time a timestamped capture folder states (`20180523165433/index.html`)."""

    def of(
        self, name: str, path: str, lines: tuple[Line, ...], relative: str = ""
    ) -> datetime | None:
        """The capture time of one snapshot, or None.

        The rules' `time.filename` is searched in the file name, then in the whole
        `relative` path (under the folder given); then comes a capture folder's time.
        """
        if self.rules is not None:
            found = _search(self.rules.filename, [name, relative or path]) or _search(
                self.rules.line, [line.text for line in lines[:_HEAD]]
            )
            if found:
                return found
        if self.layout:
            found = folder_time(relative or path)
            if found:
                return found
        if self.mtime:
            try:
                return datetime.fromtimestamp(os.stat(path).st_mtime, tz=timezone.utc)
            except OSError:
                return None
        return None

    def page(self, path: str) -> str:
        """A snapshot's page identity: `layout.page_of`, with the date a `time.filename`
        pattern matched cut out (`capture-2024-01-01.txt` and `capture-2024-01-02.txt` are
        two captures of one page), or its `capture` group where it has one: the whole part
        of the path that names a capture (`2024-01-01_9f8e7d6/`, a date and a commit)."""
        page = page_of(path, self.layout)
        pattern = self.rules.filename if self.rules is not None else None
        if pattern is None or page != path:
            return page
        try:
            match = pattern.compiled.search(path, timeout=SEARCH_TIMEOUT)
        except TimeoutError:
            return page
        if match and match.groupdict().get("date"):
            part = "capture" if match.groupdict().get("capture") else "date"
            return path[: match.start(part)] + path[match.end(part) :]
        return page


def capture_line(path: str, captured: datetime | None, times: CaptureTimes) -> str:
    """What `explain` says of a snapshot's capture: the layout it saw, the page, the time."""
    if "#" in path and page_of(path) != path:
        layout = "a web archive record"
    elif "@git:" in path:
        layout = "a git commit"
    elif folder_time(path):
        layout = "a timestamped capture folder"
    else:
        layout = "a plain file"
    when = f"captured {captured:%Y-%m-%d %H:%M:%S %Z}" if captured else "no capture time"
    return f"capture: {layout}; page {times.page(path)}; {when}"


def _search(pattern: Pattern | None, texts: list[str]) -> datetime | None:
    """The first text whose `date` group parses as a date."""
    if pattern is None:
        return None
    for text in texts:
        try:
            match = pattern.compiled.search(text, timeout=SEARCH_TIMEOUT)
        except TimeoutError:
            continue
        if match and "date" in match.groupdict() and match.group("date"):
            parsed = parse_date(match.group("date"))
            if parsed:
                return parsed
    return None


def parse_date(text: str) -> datetime | None:
    """ISO 8601 first, then a few common shapes; naive times are taken as UTC."""
    text = text.strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        parsed = None
        for shape in _FORMATS:
            try:
                parsed = datetime.strptime(text, shape)
                break
            except ValueError:
                continue
    if parsed is None:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
