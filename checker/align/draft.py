"""An alignment under construction: placed lines, extras, missing slots and blocks."""

from __future__ import annotations

from collections.abc import Sequence

from checker.align.copies import open_between
from checker.model import Alignment, Extra, Line, Placement, Snapshot, Template


def outward(draft: Draft, start: int, step: int, count: int) -> int:
    """The index `count` comparable lines out from `start` (itself the first), or the page's
    edge; lines without a comparison text (ignored, list filler) are stepped over."""
    index, seen = start, 0
    while 0 <= index < len(draft.views):
        if draft.views[index] is not None:
            seen += 1
            if seen >= count:
                return index
        index += step
    return min(max(index - step, 0), len(draft.views) - 1)


class Draft:
    """An alignment under construction."""

    def __init__(
        self,
        snapshot: Snapshot,
        views: list[str | None],
        window: int,
        barred: frozenset[int] = frozenset(),
        free: frozenset[int] = frozenset(),
    ) -> None:
        self.snapshot = snapshot
        self.views = views
        self.window = window
        self.used: set[int] = set()
        self.barred = barred  # lines no slot may take (`copies.far_rules`)
        self.free = free  # slots after which pages hold lines of their own
        self.spans: list[tuple[int, int]] = []
        self.placements: list[Placement] = []
        self.extras: list[Extra] = []
        self.missing: list[tuple[int, int]] = []
        self.missing_blocks: list[int] = []
        self.moved: set[int] = set()
        self.loose: set[int] = set()
        self.placed_moved: dict[int, int] = {}

    def bounds(self) -> tuple[int, int]:
        """Lines after the last block taken so far, where the next block may sit."""
        lower = max((end for _, end in self.spans), default=-1) + 1
        return lower, len(self.views) - 1

    def line(self, i: int) -> Line:
        """The snapshot line at index i."""
        return self.snapshot.lines[i]

    def take_block(self, slots: Sequence, found: dict[int, int]) -> None:
        """Record a present block's placements, missing slots and extras."""
        first, last = min(found.values()), max(found.values())
        self.spans.append((first, last))
        self.used.update(found.values())
        self.placed_moved = {found[s]: s for s in self.moved if s in found}
        taken = set(found.values())
        after = slots[0].id
        by_line = {i: s for s, i in found.items()}
        gap: list[int] = []
        for i in range(first, last + 2):
            moved = i in by_line and by_line[i] in self.moved
            if (i in by_line and not moved) or i > last:
                self._gap(gap, after, by_line.get(i, after + 1))
                gap = []
                if i in by_line:
                    after = by_line[i]
            elif moved or (self.views[i] is not None and i not in taken):
                gap.append(i)
        for slot in slots:
            if slot.id in found:
                line = self.line(found[slot.id])
                moved = slot.id in self.moved and slot.id not in self.loose
                self.placements.append(Placement(slot.id, line, moved))
            else:
                self.missing.append((slot.id, self._would_stand(slot.id, slots, found)))
        placed = sorted(found.values())
        steps = sorted(
            self.line(b).number - self.line(a).last
            for a, b in zip(placed, placed[1:], strict=False)
        )
        spacing = sorted(steps)[len(steps) // 2] if steps else 1
        self._edge(first - 1, -1, slots[0].id, "start", spacing)
        self._edge(last + 1, 1, slots[-1].id, "end", spacing)

    def _gap(self, gap: list[int], after: int, upto: int) -> None:
        """Record the extra lines found together between two slots (a moved block line is
        moved however many of the page's own lines stand beside it).

        More than `window` lines between two slots are body, as the template cuts blocks
        where body stands: on this page the block is split there, nothing was added.
        """
        if len(gap) > self.window:
            gap = [i for i in gap if i in self.placed_moved]
        for i in gap:
            if i not in self.placed_moved:
                self.extras.append(Extra(after, "after", self.line(i), run=len(gap), upto=upto))

    def _edge(self, i: int, step: int, slot: int, where: str, spacing: int) -> None:
        """Record the line just outside a block edge, and the one beyond it."""
        if 0 <= i < len(self.views) and self.views[i] is not None and i not in self.used:
            beyond = self.views[i + step] if 0 <= i + step < len(self.views) else None
            near, far = sorted((i, i - step))
            distance = self.line(far).number - self.line(near).last
            self.extras.append(
                Extra(slot, where, self.line(i), beyond or "", detached=distance > spacing)
            )

    def _would_stand(self, slot_id: int, slots: Sequence, found: dict[int, int]) -> int:
        """The line number where a missing slot would stand: right after the block line
        before it (per-page lines that follow stay the page's), or before the next one
        when it is the block's first, or when pages hold lines of their own between the
        line before it and it but none between it and the line after it."""
        earlier = [s.id for s in slots if s.id < slot_id and s.id in found]
        later = [s.id for s in slots if s.id > slot_id and s.id in found]
        own_lines_before = bool(earlier) and open_between(max(earlier), slot_id, self.free)
        own_lines_after = bool(later) and open_between(min(later), slot_id, self.free)
        if earlier and not (own_lines_before and later and not own_lines_after):
            return self.line(max(found[s] for s in earlier)).last + 1
        return self.line(min(found[s] for s in later)).number if later else 1

    def finish(self, template: Template) -> Alignment:
        """Freeze the draft."""
        return Alignment(
            snapshot=self.snapshot,
            template=template,
            placements=tuple(sorted(self.placements, key=lambda p: p.slot)),
            extras=tuple(self.extras),
            missing=tuple(sorted(self.missing)),
            missing_blocks=tuple(self.missing_blocks),
        )
