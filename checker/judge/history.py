"""Page histories: every capture of every page, and the site now (each page's latest capture).

A page's history is its own captures in time order; the site now is the latest capture of
each page. The variant tables, and so the drift findings, see only the site now; the
histories go to `checker.judge.events`, which names what happened to each page over time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import NamedTuple

from checker.judge.variants import ABSENT
from checker.model import Observation, Template
from checker.read.capture import CaptureTimes
from checker.read.layout import captures_repeat, describe
from checker.read.load import Source, names_archive
from checker.rules import Pattern, Rules, TimeSource
from checker.rules.model import SEARCH_TIMEOUT
from checker.run.engine import Checked, Chunk, Stage, run_chunks, run_stage
from checker.run.workers import Engine

# Undated captures sort before every dated one: what has a date is known to be later.
_UNDATED = datetime.min.replace(tzinfo=timezone.utc)


class Capture(NamedTuple):
    """One capture of one slot of one page."""

    when: datetime
    """When the page was captured."""
    path: str
    """The snapshot path of that capture."""
    value: str
    """The slot's normalized text there (empty: the line is missing)."""
    line: int
    """Where it stands in the snapshot."""
    text: str
    """The raw text, or empty when it is the slot's usual text."""


SlotKey = tuple[int, int]
"""(family, slot id)."""


def capture_times(sources: list[Source], rules: Rules, mtime: bool) -> CaptureTimes:
    """Where the site's snapshots get capture times. A layout that dates them (capture
    folders, git commits) also turns the clean-page shortcut off, which dates nothing."""
    folders = captures_repeat([s.relative for s in sources if not s.revision])
    layout = folders or any(s.revision for s in sources)
    return CaptureTimes(rules.time, mtime, layout)


def dated(sources: Iterable[Source], times: CaptureTimes) -> bool:
    """Whether the site may hold several captures of one page: archives, git history,
    timestamped capture folders, or capture times from the rules or file times."""
    if times.rules is not None or times.mtime:
        return True
    return times.layout or any(names_archive(s) for s in sources)


class Histories:
    """Every capture of every page of one site, by slot, and the latest capture of each page."""

    def __init__(self, times: CaptureTimes, templates: list[Template]) -> None:
        self.times = times
        self.orders = [[slot.id for slot in t.slots] for t in templates]
        self.usual = [[slot.canonical for slot in t.slots] for t in templates]
        self.latest: dict[str, tuple[tuple[datetime, str], Checked]] = {}
        self._dated: list[tuple[str, int, Observation]] = []
        """Every dated capture as it came (page, family, observation); its slots are spread
        into `series` only when some page was captured twice (a single crawl never is)."""
        self._series: dict[SlotKey, dict[str, list[Capture]]] | None = None
        self.captures = 0
        """Captures of pages seen (readable or not)."""
        self.times_seen: set[datetime] = set()

    def page(self, path: str) -> str:
        """The page a snapshot path is a capture of."""
        return self.times.page(path)

    def add(self, checked: Checked) -> None:
        """Take one checked snapshot: keep its slots' values, and it if it is the latest."""
        if checked.skipped:
            return
        observation = checked.observation
        self.captures += 1
        when = (observation.captured if observation else None) or _UNDATED
        if when is not _UNDATED:
            self.times_seen.add(when)
        page = self.page(checked.path)
        key = (when, checked.path)
        held = self.latest.get(page)
        if held is None or key >= held[0]:
            self.latest[page] = (key, checked)
        if observation is not None and observation.captured is not None:
            self._dated.append((page, checked.family, observation))

    @property
    def series(self) -> dict[SlotKey, dict[str, list[Capture]]]:
        """Each slot's captures per page, oldest first (equal times: by path)."""
        if self._series is None:
            series: dict[SlotKey, dict[str, list[Capture]]] = defaultdict(lambda: defaultdict(list))
            for page, family, observation in self._dated:
                for key, capture in self._values(family, observation):
                    series[key][page].append(capture)
            for pages in series.values():
                for captures in pages.values():
                    captures.sort(key=lambda c: (c.when, c.path))
            self._series = series
        return self._series

    def _values(self, family: int, observation: Observation) -> Iterator[tuple[SlotKey, Capture]]:
        """Every placed or missing slot of one capture."""
        assert observation.captured is not None
        when, path = observation.captured, observation.path
        for slot, view, line, text, _ in observation.placed(self.orders[family]):
            value = self.usual[family][slot] if view is None else view
            yield (family, slot), Capture(when, path, value, line, text)
        for slot, line in observation.absent:
            yield (family, slot), Capture(when, path, ABSENT, line, "")

    def now(self) -> list[Checked]:
        """The latest capture of every page, in path order."""
        return sorted((checked for _, checked in self.latest.values()), key=lambda c: c.path)

    def repeated(self) -> bool:
        """Whether some page was captured more than once."""
        return len(self.latest) < self.captures


def one_site_over_time(
    sources: list[Source], time: TimeSource | None, group_by: str
) -> list[Source]:
    """With `--group-by auto`, top folders that the rules' `time.filename` pattern dates
    (`grab-2018-05-23/index.html`) are captures of one site, not one site each."""
    pattern = time.filename if time is not None else None
    if pattern is None or group_by != "auto":
        return sources
    tops: dict[str, set[str]] = defaultdict(set)
    for source in sources:
        top, nested, _ = source.relative.partition("/")
        tops[source.given].add(top if nested and source.site == top else "")
    merged = {
        given
        for given, names in tops.items()
        if len(names) > 1 and all(name and _dates(pattern, name) for name in names)
    }
    return [
        replace(s, site=Path(s.given).resolve().name or s.given) if s.given in merged else s
        for s in sources
    ]


def _dates(pattern: Pattern, folder: str) -> bool:
    """Whether the pattern finds a `date` group inside a folder name."""
    try:
        match = pattern.compiled.search(folder + "/", timeout=SEARCH_TIMEOUT)
    except TimeoutError:
        return False
    return bool(match and match.groupdict().get("date") and match.end("date") <= len(folder))


def layout_notes(sources: list[Source]) -> list[str]:
    """Notes on the capture layout of a site's files: timestamped capture folders, and
    inputs that mix layouts."""
    notes = []
    files = [s.relative for s in sources if s.relative and not names_archive(s)]
    note = describe(files)
    if note:
        notes.append(note)
    archives = sum(1 for s in sources if names_archive(s))
    if archives and len(sources) > archives:
        notes.append(
            f"mixed: {archives} web archive(s) and {len(sources) - archives} other file(s)"
        )
    return notes


def time_notes(histories: Histories, rules_given: bool) -> list[str]:
    """Which capture times the site's snapshots gave, or that none did."""
    if not histories.times_seen:
        if rules_given:
            return ["the rules' time pattern matched no snapshot: no capture times were read"]
        return []
    stamps = sorted(histories.times_seen)
    return [
        f"capture times: {histories.captures} capture(s) of {len(histories.latest)} page(s) "
        f"at {len(stamps)} time(s), {stamps[0]:%Y-%m-%d %H:%M:%S} to {stamps[-1]:%Y-%m-%d %H:%M:%S}"
    ]


def streams(
    stage: Stage, sources: list[Source], execution: Engine, histories: Histories | None
) -> tuple[Iterator[Chunk], Callable[[], Iterable[Checked]]]:
    """The chunks to count into the variant tables, and how to stream again what they
    counted: every snapshot or, with histories, the latest capture of each page."""
    if histories is None:
        return run_chunks(stage, sources, execution), lambda: run_stage(stage, sources, execution)
    return now_chunk(stage, sources, execution, histories), histories.now


def now_chunk(
    stage: Stage, sources: list[Source], execution: Engine, histories: Histories
) -> Iterator[Chunk]:
    """Every snapshot through the stage into the histories; then one chunk that counts only
    the latest capture of each page into the variant tables."""
    chunk = Chunk()
    for checked in run_stage(stage, sources, execution):
        chunk.snapshots += not checked.skipped
        if checked.problem or checked.notes or checked.skipped:
            chunk.remarks.append(checked._replace(observation=None, across=None))
        histories.add(checked)
    for checked in histories.now():
        if checked.observation is not None:
            if checked.family not in chunk.tables:
                chunk.tables[checked.family] = stage.table(checked.family)
            chunk.tables[checked.family].add(checked.observation)
        if checked.across is not None:
            if -1 not in chunk.tables:
                chunk.tables[-1] = stage.table(-1)
            chunk.tables[-1].add(checked.across)
    yield chunk
