"""Variants: what each slot holds across a family, and which text is canonical."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from checker.align import ADDED_RUN, Lens
from checker.model import (
    Alignment,
    Extra,
    Holder,
    Observation,
    SlotVariants,
    Template,
    Variant,
)
from checker.rules import Thresholds

ABSENT = ""
# A line this share of the sample carries is required, never part of an optional section.
REQUIRED_LINE = 0.9
# Distinct texts kept per per-page-content gap: enough to tell content from drift.
_CONTENT_CAP = 64
# Distinct texts tallied at one block edge; past it, only texts already seen are counted
# (memory stays bounded however many pages carry a title of their own there).
_EDGE_CAP = 30_000


# What a table knows from its template rather than from the pages it counted.
_CONTEXT = frozenset({"template", "lens", "usual_runs", "_blocks", "_order"})


@dataclass
class GapTally:
    """Lines seen in one gap (inside a block or at its edge) that fill no slot."""

    pages: int = 0
    texts: Counter[str] = field(default_factory=Counter)
    holders: dict[str, list[Holder]] = field(default_factory=lambda: defaultdict(list))
    beyond: dict[str, dict[str, int]] = field(default_factory=lambda: defaultdict(dict))
    """Per text, how often each next line out follows it (plain dicts: one per distinct
    edge text, and most edge texts are a page's own title)."""
    sample: dict[str, str] = field(default_factory=dict)
    """Per-page content seen here (text -> page), capped: what belongs in the gap."""
    surplus: dict[str, list[Holder]] = field(default_factory=lambda: defaultdict(list))
    """Lines of pages holding more content lines here than pages usually do."""
    capped: int = 0
    """Lines not tallied because the gap already held _EDGE_CAP distinct texts."""

    def merge(self, other: GapTally) -> None:
        """Add a later tally of the same gap, as if its lines had been tallied here."""
        self.pages += other.pages
        self.capped += other.capped
        for text, count in other.texts.items():
            if text not in self.texts and len(self.texts) >= _EDGE_CAP:
                self.capped += count
                continue
            self.texts[text] += count
            self.holders[text].extend(other.holders.get(text, ()))
            if text in other.beyond:
                mine = self.beyond[text]
                for out, n in other.beyond[text].items():
                    mine[out] = mine.get(out, 0) + n
        for text, page in other.sample.items():
            if len(self.sample) < _CONTENT_CAP:
                self.sample.setdefault(text, page)
        for text, holders in other.surplus.items():
            self.surplus[text].extend(holders)


class VariantTable:
    """Streams alignments of one family in and keeps only what drift needs."""

    def __init__(self, template: Template, lens: Lens) -> None:
        self.template = template
        self.lens = lens
        self.counts: dict[int, Counter[str]] = {s.id: Counter() for s in template.slots}
        self.holders: dict[int, dict[str, list[Holder]]] = {
            s.id: defaultdict(list) for s in template.slots
        }
        self.moved: list[tuple[int, Holder]] = []
        self.gaps: dict[tuple[int, str], GapTally] = defaultdict(GapTally)
        self.lacking: Counter[int] = Counter()
        """Pages of which each block was missing."""
        self.missing_blocks: list[tuple[int, str, bool]] = []
        self.pages = 0
        self.clean = 0
        """Pages in the compact form (every slot usual), not yet added to `counts`."""
        self.usual_runs = dict(template.content_runs)
        self._blocks = template.blocks
        self._order = [slot.id for slot in template.slots]
        self.timeline: dict[int, list[tuple[datetime, str]]] = defaultdict(list)

    def __getstate__(self) -> dict[str, object]:
        """Crossing a process boundary (a worker's partial table), a table carries its
        counts, not its template: the receiving side merges it into a table of its own."""
        return {k: v for k, v in self.__dict__.items() if k not in _CONTEXT}

    def add(self, observation: Observation) -> None:
        """Count one snapshot's slots, absences, moves and extra lines."""
        path, captured = observation.path, observation.captured
        self.pages += 1
        if observation.missing_blocks:
            bare = len(observation.missing_blocks) == len(self.template.blocks)
            for block in observation.missing_blocks:
                self.missing_blocks.append((block, path, bare))
            self.lacking.update(set(observation.missing_blocks))
        if observation.usual and captured is None:
            self.clean += 1  # the hot path of a clean page: one count for all its slots
        else:
            self._slots(observation)
        for slot, line in observation.absent:
            self._count(slot, ABSENT, Holder(path, line, "", captured), True)
        for gap in {(e.slot, e.where) for e in observation.extras}:
            self.gaps[gap].pages += 1
        for extra in observation.extras:
            self._gap_line(extra, path, captured)

    @property
    def block_pages(self) -> Counter[int]:
        """Pages that hold each block."""
        return Counter({block: self.pages - self.lacking[block] for block in self._blocks})

    def _slots(self, observation: Observation) -> None:
        """Count one snapshot's placed slots."""
        path, captured = observation.path, observation.captured
        slots, counts = self.template.slots, self.counts
        for slot, view, line, text, moved in observation.placed(self._order):
            if view is None:
                # The usual text: counted only (the hot path of a clean page).
                view = slots[slot].canonical
                counts[slot][view] += 1
            else:
                self._count(slot, view, Holder(path, line, text, captured), keep=True)
            if captured is not None:
                self.timeline[slot].append((captured, view))
            if moved:
                self.moved.append((slot, Holder(path, line, text or view, captured)))

    def merge(self, other: VariantTable) -> None:
        """Add a table of later snapshots (a worker's chunk), in order: the result is the
        table that adding their observations here would have given."""
        self.pages += other.pages
        self.clean += other.clean
        for slot, counts in other.counts.items():
            self.counts[slot].update(counts)
        for slot, by_text in other.holders.items():
            for text, holders in by_text.items():
                self.holders[slot][text].extend(holders)
        self.moved.extend(other.moved)
        for gap, tally in other.gaps.items():
            self.gaps[gap].merge(tally)
        self.lacking.update(other.lacking)
        self.missing_blocks.extend(other.missing_blocks)
        for slot, dated in other.timeline.items():
            self.timeline[slot].extend(dated)

    def empty(self) -> VariantTable:
        """A fresh table for the same template (a worker fills one per chunk)."""
        return VariantTable(self.template, self.lens)

    def collect(self, observation: Observation, wanted: set[tuple[int, str]]) -> None:
        """Keep the holders of the wanted (slot, text) variants, counting nothing again."""
        for slot, view, line, text, _ in observation.placed(self._order):
            view = self.template.slots[slot].canonical if view is None else view
            if (slot, view) in wanted:
                self.holders[slot][view].append(
                    Holder(observation.path, line, text or view, observation.captured)
                )

    def _count(self, slot: int, view: str, holder: Holder, keep: bool) -> None:
        """Add one holder of a variant; holders of the sample's canonical text are only counted."""
        self.counts[slot][view] += 1
        if keep:
            self.holders[slot][view].append(holder)

    def _gap_line(self, extra: Extra, path: str, captured: object) -> None:
        """Tally a line that fills no slot; per-page content gaps keep counts only."""
        tally = self.gaps[(extra.slot, extra.where)]
        view = self.lens(extra.line.norm)
        if view is None or (extra.where == "after" and extra.run > ADDED_RUN) or extra.detached:
            return
        content = _in_content(extra, self.template.content_gaps)
        if content and extra.where == "after":
            holder = Holder(path, extra.line.number, extra.line.text, captured)  # type: ignore[arg-type]
            self._content_line(tally, extra, view, holder)
            return
        if view not in tally.texts and len(tally.texts) >= _EDGE_CAP:
            tally.capped += 1
            return
        tally.texts[view] += 1
        if extra.where != "after":
            follows = tally.beyond[view]
            follows[extra.beyond] = follows.get(extra.beyond, 0) + 1
        tally.holders[view].append(Holder(path, extra.line.number, extra.line.text, captured))  # type: ignore[arg-type]

    def _content_line(self, tally: GapTally, extra: Extra, view: str, holder: Holder) -> None:
        """Sample a gap's per-page content; keep lines of pages that hold more than usual."""
        if len(tally.sample) < _CONTENT_CAP:
            tally.sample.setdefault(view, holder.snapshot)
        if extra.run > self.usual_runs.get(extra.slot, 1):
            tally.surplus[view].append(holder)

    def _settle(self) -> None:
        """Count the compact clean pages into every slot's usual text."""
        if self.clean:
            for slot in self.template.slots:
                self.counts[slot.id][slot.canonical] += self.clean
            self.clean = 0

    def slot_variants(
        self, thresholds: Thresholds, decided: dict[int, str | None] | None = None
    ) -> list[SlotVariants]:
        """Decide each slot's canonical text, or that it is content, or that no text leads.

        A baseline's `decided` texts replace the majority: a slot it left undecided is
        treated as per-page content.
        """
        self._settle()
        result = []
        for slot in self.template.slots:
            counts = self.counts[slot.id]
            if decided is not None and slot.id in decided:
                canonical, content = decided[slot.id], decided[slot.id] is None
            else:
                canonical, content = _canonical(counts, thresholds)
            variants = tuple(
                Variant(text, count, tuple(self.holders[slot.id].get(text, ())))
                for text, count in sorted(
                    counts.items(), key=lambda kv: (kv[0] != canonical, -kv[1], kv[0])
                )
            )
            timeline = tuple(sorted(self.timeline.get(slot.id, ())))
            result.append(SlotVariants(self.template, slot, canonical, variants, content, timeline))
        return result


def observe(alignment: Alignment, lens: Lens) -> Observation:
    """Cut an alignment down to what the variant table needs."""
    snapshot = alignment.snapshot
    slots = alignment.template.slots
    placed = []
    for placement in alignment.placements:
        view = lens(placement.line.norm) or ABSENT
        usual = view == slots[placement.slot].canonical
        placed.append(
            (
                placement.slot,
                None if usual else view,
                placement.line.number,
                "" if usual else placement.line.text,
                placement.moved,
            )
        )
    return Observation(
        path=snapshot.path,
        captured=snapshot.captured,
        missing_blocks=alignment.missing_blocks,
        slots=tuple(placed),
        absent=tuple(_lone_absences(alignment)),
        extras=alignment.extras,
    )


def _in_content(extra: Extra, content_gaps: frozenset[tuple[int, str]]) -> bool:
    """Whether a line sits in a per-page content gap; with slots missing around it on
    this page, any gap it could stand in counts."""
    if extra.where != "after":
        return (extra.slot, extra.where) in content_gaps
    last = max(extra.slot + 1, extra.upto)
    return any((slot, "after") in content_gaps for slot in range(extra.slot, last))


def _lone_absences(alignment: Alignment) -> list[tuple[int, int]]:
    """Missing slots that stand alone; a run of two or more is an optional section left out.

    A line nearly every page carries is not part of an optional section beside it: lost
    next to a box the page leaves out, it is still lost.
    """
    missing = dict(alignment.missing)
    slots = alignment.template.slots
    lone = []
    for slot_id, line in alignment.missing:
        block = slots[slot_id].block
        neighbours = [
            n
            for n in (slot_id - 1, slot_id + 1)
            if 0 <= n < len(slots)
            and slots[n].block == block
            and n in missing
            and (slots[n].support < REQUIRED_LINE) == (slots[slot_id].support < REQUIRED_LINE)
        ]
        if not neighbours:
            lone.append((slot_id, line))
    return lone


def _canonical(counts: Counter[str], thresholds: Thresholds) -> tuple[str | None, bool]:
    """The clear-majority text; else whether the slot is per-page content."""
    total = sum(counts.values())
    if not total:
        return None, False
    ranked = counts.most_common(2)
    top, top_count = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    if top_count > thresholds.majority * total and top_count >= 1.5 * second:
        return top, False
    content = len(counts) > thresholds.content * total
    return None, content
