"""Variants: what each slot holds across a family, and which text is canonical."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from checker.align.keys import Lens
from checker.align.observe import ABSENT, gap_of
from checker.judge.canonical import canonical_text
from checker.model import Extra, Observation, Template
from checker.rules import Thresholds
from checker.verdict import Holder, SlotVariants, Variant

# Distinct texts tallied at one block edge; past it, only texts already seen are counted
# (memory stays bounded however many pages carry a title of their own there).
_EDGE_CAP = 30_000


# What a table knows from its template rather than from the pages it counted.
_CONTEXT = frozenset({"template", "lens", "_blocks", "_order"})


@dataclass
class GapTally:
    """Lines seen in one gap (inside a block or at its edge) that fill no slot."""

    pages: int = 0
    texts: Counter[str] = field(default_factory=Counter)
    holders: dict[str, list[Holder]] = field(default_factory=lambda: defaultdict(list))
    beyond: dict[str, dict[str, int]] = field(default_factory=lambda: defaultdict(dict))
    """Per text, how often each next line out follows it (plain dicts: one per distinct
    edge text, and most edge texts are a page's own title)."""
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
        self._blocks = template.blocks
        self._order = [slot.id for slot in template.slots]
        self.timeline: dict[int, list[tuple[datetime, str]]] = defaultdict(list)
        self.echoed: Counter[tuple[int, str]] = Counter()
        """Per (slot, text), the pages on which the text repeats a line of the page's own."""

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
        for gap in {gap_of(e, self.template.content_gaps) for e in observation.extras}:
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
        if observation.echoes:
            echoes = observation.echoes
            self.echoed.update(
                (slot, view) for slot, view, *_ in observation.slots if slot in echoes and view
            )
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
        self.echoed.update(other.echoed)

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
        view = self.lens(extra.line.norm)
        if view is None or extra.detached:
            return
        tally = self.gaps[gap_of(extra, self.template.content_gaps)]
        if view not in tally.texts and len(tally.texts) >= _EDGE_CAP:
            tally.capped += 1
            return
        tally.texts[view] += 1
        if extra.where != "after":
            follows = tally.beyond[view]
            follows[extra.beyond] = follows.get(extra.beyond, 0) + 1
        tally.holders[view].append(Holder(path, extra.line.number, extra.line.text, captured))  # type: ignore[arg-type]

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
        echoes: dict[int, dict[str, int]] = defaultdict(dict)
        for (slot_id, text), pages in self.echoed.items():
            echoes[slot_id][text] = pages
        for slot in self.template.slots:
            counts = self.counts[slot.id]
            # Texts that repeat a line of their own on every page holding them.
            own = {t for t, pages in echoes.get(slot.id, {}).items() if pages == counts[t]}
            if decided is not None and slot.id in decided:
                canonical, content = decided[slot.id], decided[slot.id] is None
            else:
                canonical, content = canonical_text(counts, thresholds, self.holders[slot.id], own)
            variants = tuple(
                Variant(text, count, tuple(self.holders[slot.id].get(text, ())))
                for text, count in sorted(
                    counts.items(), key=lambda kv: (kv[0] != canonical, -kv[1], kv[0])
                )
            )
            timeline = tuple(sorted(self.timeline.get(slot.id, ())))
            echoed = frozenset(text for text in own if counts[text] == 1)
            result.append(
                SlotVariants(
                    self.template, slot, canonical, variants, content, timeline, echoed=echoed
                )
            )
        return result
