"""Engines: run the per-snapshot stage serially, on local processes, or on a Dask cluster.

Whatever the engine, results come back in source order, so findings never depend on it.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import islice

from checker.align import Aligner
from checker.families import FamilyIndex
from checker.lens import Lens
from checker.load import Source
from checker.model import Observation, Snapshot, Template
from checker.rules import Rules
from checker.shortcut import Shortcut, observe_clean
from checker.snapshot import (
    MAX_BYTES,
    PLAIN,
    Reading,
    from_bytes,
    is_archive,
    is_html,
    link_base,
    read,
    read_bytes,
)
from checker.variants import VariantTable, observe

# Sources per task: large enough to amortize pickling, small enough to keep order cheap.
CHUNK = 64
# Tasks in flight per worker.
WINDOW = 4


@dataclass(frozen=True)
class Checked:
    """One snapshot after the per-snapshot stage."""

    path: str
    """The snapshot path."""
    problem: str | None
    """Why it could not be read or rendered, if so."""
    notes: tuple[str, ...]
    """Remarks such as a detected encoding."""
    family: int
    """The index of the family it was assigned to, or -1 when it has no lines."""
    observation: Observation | None
    """Its alignment against its family's template."""
    across: Observation | None
    """Its alignment against the across-families template, when there is one."""
    skipped: int = 0
    """For an archive's closing record: records passed over; not a snapshot."""


class Stage:
    """Read one source, assign each snapshot a family, align it and cut it down."""

    def __init__(
        self,
        templates: list[Template],
        shared: Template | None,
        rules: Rules,
        reading: Reading = PLAIN,
        shortcut: Shortcut | None = None,
    ) -> None:
        self.templates = templates
        self.shared = shared
        self.rules = rules
        self.reading = reading
        usable = reading == PLAIN and os.environ.get("SNAPDRIFT_NO_SHORTCUT") is None
        self.shortcut = shortcut if usable else None
        self._ready = False

    def table(self, family: int) -> VariantTable:
        """An empty table for a family (-1: the across-families template)."""
        if not self._ready:
            self._prepare()
        template = self.shared if family < 0 else self.templates[family]
        return VariantTable(template, self.lens)  # type: ignore[arg-type]

    def _prepare(self) -> None:
        """Build the aligners once per process (they do not travel between processes)."""
        lens = Lens(self.rules)
        fuzzy, window = self.rules.thresholds.fuzzy, self.rules.thresholds.window
        self.lens = lens
        self.aligners = [Aligner(t, lens, fuzzy, window) for t in self.templates]
        self.across = Aligner(self.shared, lens, fuzzy, window) if self.shared else None
        self.index = FamilyIndex(self.templates, lens)
        self._ready = True

    def __getstate__(self) -> dict[str, object]:
        return {
            "templates": self.templates,
            "shared": self.shared,
            "rules": self.rules,
            "reading": self.reading,
            "shortcut": self.shortcut,
        }

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__init__(  # type: ignore[misc]
            state["templates"],
            state["shared"],
            state["rules"],  # type: ignore[misc]
            state["reading"],
            state["shortcut"],
        )

    def __call__(self, source: Source) -> list[Checked]:
        """Every snapshot of one source, checked."""
        if not self._ready:
            self._prepare()
        if is_archive(source):
            return [self._check(snapshot) for snapshot in read(source, self.reading)]
        raw = read_bytes(source)
        if isinstance(raw, Snapshot):
            return [self._check(raw)]
        if self.shortcut is not None:
            clean = self._clean(source, raw)
            if clean is not None:
                return [clean]
        return [self._check(from_bytes(source, raw, self.reading))]

    def _clean(self, source: Source, raw: bytes) -> Checked | None:
        """A clean page checked by the shortcut, or None when it needs the full path."""
        if len(raw) > MAX_BYTES or is_html(source.display.lower(), raw):
            return None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            return None
        if not text.strip() or "\x00" in text:
            return None
        assert self.shortcut is not None
        observation = observe_clean(
            self.shortcut,
            source.display,
            link_base(source),
            text,
        )
        if observation is None:
            return None
        return Checked(source.display, None, (), 0, observation, None)

    def _check(self, snapshot: Snapshot) -> Checked:
        """One snapshot the full way: family, alignment, observation."""
        family, observation, across = -1, None, None
        if snapshot.lines and self.aligners:
            family = self.index.assign(snapshot)
            observation = observe(self.aligners[family].align(snapshot), self.lens)
            if self.across:
                across = observe(self.across.align(snapshot), self.lens)
        return Checked(
            snapshot.path,
            snapshot.problem,
            snapshot.notes,
            family,
            observation,
            across,
            snapshot.skipped,
        )


@dataclass
class Chunk:
    """A run of sources after the per-snapshot stage, already counted into partial tables.

    Workers fold their snapshots' observations into tables of their own, so only counts,
    kept holders and the odd snapshot travel back, not every page.
    """

    snapshots: int = 0
    """Snapshots read (an archive's closing record of skipped ones is none)."""
    remarks: list[Checked] = field(default_factory=list)
    """Snapshots with a problem, a note or skipped records, in order."""
    tables: dict[int, VariantTable] = field(default_factory=dict)
    """Family index -> the chunk's partial table; -1 for the across-families template."""


def fold(stage: Stage, sources: list[Source]) -> Chunk:
    """The stage over a chunk of sources, counted into partial tables."""
    chunk = Chunk()
    for source in sources:
        for checked in stage(source):
            chunk.snapshots += not checked.skipped
            if checked.problem or checked.notes or checked.skipped:
                chunk.remarks.append(replace(checked, observation=None, across=None))
            for family, observation in (
                (checked.family, checked.observation),
                (-1, checked.across),
            ):
                if observation is not None:
                    if family not in chunk.tables:
                        chunk.tables[family] = stage.table(family)
                    chunk.tables[family].add(observation)
    return chunk


def run_chunks(stage: Stage, sources: Iterable[Source], jobs: int) -> Iterator[Chunk]:
    """Fold every chunk of sources, in order, on `jobs` local processes."""
    if jobs <= 1:
        for sources_chunk in _chunks(sources):
            yield fold(stage, sources_chunk)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    with context.Pool(jobs, initializer=_install, initargs=(stage,)) as pool:
        pending: deque = deque()
        for sources_chunk in _chunks(sources):
            pending.append(pool.apply_async(_fold, (sources_chunk,)))
            if len(pending) >= WINDOW * jobs:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


def _fold(sources: list[Source]) -> Chunk:
    """Worker: fold one chunk."""
    assert _STAGE is not None
    return fold(_STAGE, sources)


def run_stage(stage: Stage, sources: Iterable[Source], jobs: int) -> Iterator[Checked]:
    """Apply the stage to every source, in order, on `jobs` local processes."""
    if jobs <= 1:
        for source in sources:
            yield from stage(source)
        return
    # Workers start from a small server process, not from this one: they do not inherit
    # (and then copy) the million sources this process may hold.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    with context.Pool(jobs, initializer=_install, initargs=(stage,)) as pool:
        # A bounded window in flight: Pool.imap would queue every chunk at once.
        pending: deque = deque()
        for chunk in _chunks(sources):
            pending.append(pool.apply_async(_apply, (chunk,)))
            if len(pending) >= WINDOW * jobs:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


_STAGE: Stage | None = None


def _install(stage: Stage) -> None:
    """Pool initializer: keep the stage in the worker."""
    global _STAGE
    _STAGE = stage


def _apply(sources: list[Source]) -> list[Checked]:
    """Worker: the stage over one chunk of sources."""
    assert _STAGE is not None
    return [checked for source in sources for checked in _STAGE(source)]


def _chunks(sources: Iterable[Source]) -> Iterator[list[Source]]:
    """Sources in lists of CHUNK."""
    iterator = iter(sources)
    while chunk := list(islice(iterator, CHUNK)):
        yield chunk


def run_stage_dask(stage: Stage, sources: Iterable[Source], scheduler: str) -> Iterator[Checked]:
    """Apply the stage as Dask tasks on an existing cluster, keeping a bounded window in
    flight and yielding results in source order."""
    from checker.dask_engine import run_on_cluster

    yield from run_on_cluster(stage, _chunks(sources), scheduler)


def run_chunks_dask(stage: Stage, sources: Iterable[Source], scheduler: str) -> Iterator[Chunk]:
    """Fold chunks as Dask tasks on an existing cluster, in order, a bounded window in flight."""
    from checker.dask_engine import run_on_cluster

    yield from run_on_cluster(stage, _chunks(sources), scheduler, fold)


def _apply_with(stage: Stage, sources: list[Source]) -> list[Checked]:
    """A Dask task: the stage over one chunk of sources."""
    return [checked for source in sources for checked in stage(source)]
