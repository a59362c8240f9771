"""Alignment: set one snapshot's lines against the template's slots."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from checker.align.copies import beside_neighbours, far_rules, nearest_copies, own_after
from checker.align.draft import Draft, outward
from checker.align.keys import Lens, keyed_lines
from checker.align.matching import (
    Strays,
    best_pairs,
    fewest_strays,
    joined_to,
    longest_in_order,
    loosely_ordered,
)
from checker.align.similarity import has_word, similarity
from checker.knobs import ADJACENT, BLOCK_FOUND, FRAMED, REQUIRED_LINE
from checker.model import Alignment, Snapshot, Template
from checker.read.own_links import own_entries
from checker.read.record import key_of_line


class Aligner:
    """Aligns snapshots to one template; built once per template, picklable."""

    def __init__(self, template: Template, lens: Lens, fuzzy: float, window: int) -> None:
        self.template = template
        self.lens = lens
        self.fuzzy = fuzzy
        self.window = window
        self.index = {
            (text, slot.occurrence): slot.id for slot in template.slots for text in slot.variants
        }
        self.by_text: dict[str, list[int]] = {}
        for slot in template.slots:
            for text in slot.variants:
                self.by_text.setdefault(text, []).append(slot.id)
        self.slots = {slot.id: slot for slot in template.slots}
        self.section_size = Counter(s.section for s in template.slots if s.section >= 0)
        self.linked = [(s.canonical, s.id) for s in template.slots if " <" in s.canonical]
        # Slots after which pages hold lines of their own: nothing after them is a stray.
        self.free = own_after(template)

    def align(self, snapshot: Snapshot) -> Alignment:
        """Place the template's slots in the snapshot: exact first, then fuzzy by position."""
        keys = keyed_lines(snapshot, self.lens)
        views = [key[0] if key else None for key in keys]
        exact = self._exact(snapshot, keys)
        ordered = longest_in_order(exact)
        if len(ordered) < len(exact):  # a line out of order or repeated: several runs tie
            ordered = fewest_strays(exact, Strays.of(views, self.free))
        placed = nearest_copies(
            dict((slot, i) for i, slot in ordered), exact, self.slots, self.free
        )
        if len(exact) > len(ordered):
            shown = [key is not None for key in keys]
            placed = beside_neighbours(placed, exact, self.slots, shown)
        barred = far_rules(placed, self.slots, views, self.free, self.template.structure)
        taken = set(placed.values())
        # A line of marks alone (`* * *`) out of order is the body's own rule, not the
        # block's moved: it says nothing where it stands, and taking it hides the block's loss.
        moved_candidates = [
            (i, s)
            for i, s in exact
            if s not in placed and i not in taken and has_word(self.slots[s].canonical)
        ]
        result = Draft(snapshot, views, self.window, barred, self.free)
        types = self._types({slot for _, slot in exact}, snapshot)
        for block in self.template.blocks:
            self._align_block(block, placed, moved_candidates, result, types)
        # A line of a type the page is not of is not missing from it.
        result.missing = [m for m in result.missing if self.slots[m[0]].section in types]
        return result.finish(self.template)

    def _exact(
        self, snapshot: Snapshot, keys: list[tuple[str, int] | None]
    ) -> list[tuple[int, int]]:
        """Every (line, slot) pair whose texts are equal, for the longest in-order run.

        A text the template holds more than once (a separator in the menu and the footer)
        may fill any of its slots, whatever copy of it this line is on the page: the order
        decides which, so a copy the body adds, or one the block lost, moves nothing.
        Candidates of one line come highest slot first, so the run takes one per line.
        """
        pairs: list[tuple[int, int]] = []
        own = own_entries(self.linked, snapshot.address, snapshot.alias)
        for i, key in enumerate(keys):
            if key is not None and key in self.index and len(self.by_text[key[0]]) == 1:
                pairs.append((i, self.index[key]))
                continue
            view = key[0] if key is not None else self.lens(snapshot.lines[i].norm)
            slots = self.by_text.get(view or "") or own.get(view or "") or []
            pairs.extend((i, slot) for slot in reversed(slots))
        return pairs

    def _align_block(
        self,
        block: int,
        placed: dict[int, int],
        moved_candidates: list[tuple[int, int]],
        draft: Draft,
        types: set[int],
    ) -> None:
        """Fill one block's slots and record its extras, or mark it missing; `types` are the
        sections of page types the page carries (-1: the family's own lines)."""
        slots = self.template.block_slots(block)
        found = {s.id: placed[s.id] for s in slots if s.id in placed}
        lower, upper = draft.bounds()
        if found:
            self._fill_gaps(slots, found, draft)
        else:
            self._fill_unanchored(slots, found, draft, lower, upper)
        for slot_id in [s for s in found if self.slots[s].section not in types]:
            del found[slot_id]
        # A page type's own lines count only on pages of that type.
        carried = [s for s in slots if s.section in types]
        if not carried:
            return  # a block of another page type's lines alone: not this page's
        if len(found) < max(1, BLOCK_FOUND * len(carried)) or not found:
            draft.missing_blocks.append(block)
            return
        joined = joined_to(set(found.values()), {i for i, _ in moved_candidates})
        in_order = dict(found)
        for i, slot_id in moved_candidates:
            near = i in joined and i not in draft.used and i not in found.values()
            slot = self.slots[slot_id]
            if slot.block == block and slot.section in types and slot_id not in found and near:
                found[slot_id] = i
                draft.moved.add(slot_id)
                if loosely_ordered(slot_id, i, in_order, self.template.loose):
                    draft.loose.add(slot_id)
        draft.take_block(slots, found)

    def _types(self, exact: set[int], snapshot: Snapshot) -> set[int]:
        """The page types' sections this page carries (-1 stands for the family's own
        lines): those it holds at least half of word for word, in any order (`exact`: the
        slots some line of the page equals), or whose record field it
        holds (`Template.forms`), and no rival of. A page of
        another type may hold a line or two like them as its own (the contact page's own
        address); a site map holds every section's links, and is of no type."""
        if not self.section_size:
            return {-1}
        held = Counter(self.slots[s].section for s in exact)
        carried = {s for s, size in self.section_size.items() if held[s] * 2 >= size}
        unsure = [(s, key) for s, key in self.template.forms if s not in carried]
        if unsure:  # a record's form: the page holds the type's field
            keys = {key_of_line(line.norm) for line in snapshot.lines}
            carried |= {s for s, key in unsure if key in keys}
        torn = {s for pair in self.template.rivals if set(pair) <= carried for s in pair}
        return {-1} | (carried - torn)

    def _fill_gaps(self, slots: Sequence, found: dict[int, int], draft: Draft) -> None:
        """Fuzzy-match unplaced slots to unplaced lines between their placed neighbours."""
        run: list = []
        previous_line = None
        for slot in list(slots) + [None]:
            if slot is not None and slot.id not in found:
                run.append(slot)
                continue
            line_at = found[slot.id] if slot is not None else None
            if run:
                self._fill_run(run, previous_line, line_at, found, draft)
                run = []
            previous_line = line_at

    def _fill_run(
        self,
        run: list,
        before: int | None,
        after: int | None,
        found: dict[int, int],
        draft: Draft,
    ) -> None:
        """Match one run of unplaced slots, framed by placed lines or at a block edge."""
        if before is not None and after is not None:
            # Between two placed lines, position vouches for a drifted line.
            # Only for lines every page carries: a line a page type leaves out is not
            # vouched for by where another type's own line stands.
            required = all(slot.support >= REQUIRED_LINE for slot in run)
            self._match_run(
                run, before + 1, after - 1, found, draft, FRAMED if required else self.fuzzy
            )
            return
        # At a block's edge the run's lines stand right next to the placed line, but for
        # the page lines the site holds there (a title): a line further out stands past
        # the page's own lines, where a body quoting the block belongs. Blank lines say
        # nothing either way.
        reach = len(run) + (1 if self._content_near(run) else 0)
        if before is None:
            lo, hi = outward(draft, after - 1, -1, reach), after - 1  # type: ignore[operator]
            next_to = hi
        else:
            lo, hi = before + 1, outward(draft, before + 1, 1, reach)
            next_to = lo
        self._match_run(run, lo, hi, found, draft, self.fuzzy)
        # The line right next to the placed one gets some of the same benefit, for the slot
        # that stands next to it: alone, or the only one every page carries (the lines
        # some pages leave out beyond it change nothing).
        nearest = run[0] if before is not None else run[-1]
        alone = len(run) == 1 or (
            nearest.support >= REQUIRED_LINE
            and all(s.support < REQUIRED_LINE for s in run if s is not nearest)
        )
        if alone and nearest.id not in found and lo <= next_to <= hi:
            self._match_run([nearest], next_to, next_to, found, draft, ADJACENT)

    def _content_near(self, run: list) -> bool:
        """Whether pages hold lines of their own beside this run of slots."""
        ids = {slot.id for slot in run} | {run[0].id - 1, run[-1].id + 1}
        return any(slot in ids for slot, _ in self.template.content_gaps)

    def _fill_unanchored(
        self, slots: Sequence, found: dict[int, int], draft: Draft, lower: int, upper: int
    ) -> None:
        """A block with no exact line: look near its usual position only."""
        size = len(draft.views)
        first = slots[0].position
        start = first if first >= 0 else size + first
        lo = max(lower, start - self.window)
        hi = min(upper, start + len(slots) + self.window - 1)
        self._match_run(list(slots), lo, hi, found, draft, self.fuzzy)

    def _match_run(
        self,
        run: list,
        lo: int,
        hi: int,
        found: dict[int, int],
        draft: Draft,
        threshold: float,
    ) -> None:
        """Order-preserving best matching of a run of slots to lines lo..hi (inclusive)."""
        taken = draft.used | draft.barred | set(found.values())
        span = range(max(lo, 0), min(hi, len(draft.views) - 1) + 1)
        lines = [i for i in span if draft.views[i] is not None and i not in taken]
        if not lines:
            return
        # Position vouches only where lines and slots nearly pair up one to one (one spare
        # line allowed, for a page's own line such as an update date).
        if len(lines) > len(run) + 1:
            threshold = max(threshold, self.fuzzy)
        scores = [[similarity(draft.views[i] or "", slot.variants) for i in lines] for slot in run]
        for r, c in best_pairs(scores, threshold):
            found[run[r].id] = lines[c]
