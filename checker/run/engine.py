"""The per-snapshot stage: read a source, recognize a clean page or align it the full
way, and count its observation into a partial table (`checker.run.workers` runs it in order,
here or elsewhere)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from checker.align.observe import observe
from checker.align.page import Aligner
from checker.align.shortcut import Shortcut, observe_clean
from checker.align.shortcut_lines import clean_family, clean_form, observe_form, views_of, vote_of
from checker.judge.variants import VariantTable
from checker.learn.families import FamilyIndex
from checker.model import Observation, Snapshot, Template
from checker.read.kept import take
from checker.read.load import Source, is_archive
from checker.read.raw import MAX_BYTES, is_html, read_bytes
from checker.read.snapshot import (
    PLAIN,
    Reading,
    dated,
    from_bytes,
    link_base,
    read,
)
from checker.rules import Rules
from checker.rules.lens import Lens
from checker.run.workers import Engine, in_order


class Checked(NamedTuple):
    """One snapshot after the per-snapshot stage (a tuple: one is built per page)."""

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


Placed = tuple[int, Observation, "Observation | None"]
"""A snapshot's family, its observation and its across-families observation."""


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
        self.quick = os.environ.get("SNAPDRIFT_NO_SHORTCUT") is None
        self.shortcut = shortcut if reading == PLAIN and self.quick else None
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
        # The clean-page shortcut over read pages: only where the lens changes nothing.
        quick = self.quick and lens.trivial
        self.forms = [clean_form(t, window) for t in self.templates] if quick else []
        self.shared_form = clean_form(self.shared, window) if quick and self.shared else None
        self.vote = vote_of(self.templates, self.index.owner)
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
        path = source.display
        kept = take(source, self.reading.lines_key)
        if kept is not None:  # read while learning: not parsed again, dated as it would be
            pages = kept if is_archive(path) else [dated(source, s, self.reading) for s in kept]
            return [self._check(snapshot) for snapshot in pages]
        if is_archive(path):
            return [self._check(snapshot) for snapshot in read(source, self.reading)]
        raw = read_bytes(source, path)
        if isinstance(raw, Snapshot):
            return [self._check(raw)]
        if self.shortcut is not None:
            observation = self._clean(source, path, raw)
            if observation is not None:
                return [Checked(path, None, (), 0, observation, None)]
        return [self._check(from_bytes(source, raw, self.reading))]

    def _clean(self, source: Source, path: str, raw: bytes) -> Observation | None:
        """A clean page's observation by the shortcut, or None when it needs the full path."""
        if len(raw) > MAX_BYTES or is_html(path.lower(), raw):
            return None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            return None
        if not text or text.isspace() or "\x00" in text:
            return None
        assert self.shortcut is not None
        return observe_clean(self.shortcut, path, link_base(source), text)

    def _check(self, snapshot: Snapshot) -> Checked:
        """One snapshot: family, alignment, observation (the shortcut's where it is clean)."""
        family, observation, across = -1, None, None
        if snapshot.lines and self.aligners:
            family, observation, across = self.quick_way(snapshot) or self.full_way(snapshot)
        return Checked(
            snapshot.path,
            snapshot.problem,
            snapshot.notes,
            family,
            observation,
            across,
            snapshot.skipped,
        )

    def full_way(self, snapshot: Snapshot) -> Placed:
        """A snapshot's family and observations by the family index and the aligners."""
        family = self.index.assign(snapshot)
        observation = observe(self.aligners[family].align(snapshot), self.lens)
        across = observe(self.across.align(snapshot), self.lens) if self.across else None
        return family, observation, across

    def quick_way(self, snapshot: Snapshot) -> Placed | None:
        """What `full_way` gives a page clean for one family, or None when in doubt."""
        if not self.forms:
            return None
        views = views_of(snapshot.lines)
        clean = clean_family(self.forms, self.vote, snapshot, views)
        if clean is None:
            return None
        family, observation = clean
        across = None
        if self.shared_form is not None:
            across = observe_form(self.shared_form, snapshot, views)
        if self.across and across is None:
            across = observe(self.across.align(snapshot), self.lens)
        return family, observation, across


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
    tables = chunk.tables
    for source in sources:
        for checked in stage(source):
            chunk.snapshots += not checked.skipped
            if checked.problem or checked.notes or checked.skipped:
                chunk.remarks.append(checked._replace(observation=None, across=None))
            if checked.observation is not None:
                if checked.family not in tables:
                    tables[checked.family] = stage.table(checked.family)
                tables[checked.family].add(checked.observation)
            if checked.across is not None:
                if -1 not in tables:
                    tables[-1] = stage.table(-1)
                tables[-1].add(checked.across)
    return chunk


def apply(stage: Stage, sources: list[Source]) -> list[Checked]:
    """A task: the stage over one chunk of sources, snapshot by snapshot."""
    return [checked for source in sources for checked in stage(source)]


def run_stage(stage: Stage, sources: Iterable[Source], execution: Engine) -> Iterator[Checked]:
    """Every snapshot through the stage, in order, on the chosen engine."""
    for checked in in_order(stage, sources, execution, apply):
        yield from checked


def run_chunks(stage: Stage, sources: Iterable[Source], execution: Engine) -> Iterator[Chunk]:
    """Every chunk of sources folded into partial tables, in order, on the chosen engine."""
    return in_order(stage, sources, execution, fold)
