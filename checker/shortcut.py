"""The clean-page shortcut: a page that holds its block verbatim is recognized by looking its
raw lines up in a table, without normalizing or aligning the whole page.

Most pages of a crawl are clean. For them this gives exactly the observation the full path
gives (a test compares the two on generated corpora); any page the shortcut is not sure of —
a line it has not seen, a slot found twice or out of order, an extra line inside a block,
possible wrapping, another encoding, HTML — goes the full way.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.align import Aligner
from checker.model import Extra, Line, Observation, Snapshot, Template
from checker.normalize import normalize, resolve_links, split_lines
from checker.snapshot import MAX_LINE

# Logical lines longer than this cannot come from a wrapping converter (see wrap_width).
_UNWRAPPED = 100


@dataclass(frozen=True)
class Shortcut:
    """What recognizing a clean page of one template needs."""

    template: Template
    """The only template of the site."""
    raw: dict[str, int]
    """Stripped raw text -> slot, for every spelling the sample showed of a usual text."""
    runs: dict[int, int]
    """Usual number of per-page lines in each content gap inside a block."""
    order: list[int]
    """The slot ids in template order."""


def build_shortcut(template: Template, sample: list[Snapshot], aligner: Aligner) -> Shortcut | None:
    """Learn the raw spellings of each slot's usual text from the sample."""
    if any(slot.occurrence for slot in template.slots):
        return None  # a text that stands twice on a page needs the full path's counting
    raw: dict[str, int] = {}
    for snapshot in sample:
        for placement in aligner.align(snapshot).placements:
            slot = template.slots[placement.slot]
            text = placement.line.text
            if placement.moved or placement.line.end or placement.line.norm != slot.canonical:
                continue
            if (
                normalize(text) == slot.canonical
                and raw.setdefault(text.strip(), slot.id) != slot.id
            ):
                return None
    order = [slot.id for slot in template.slots]
    return Shortcut(template, raw, dict(template.content_runs), order) if raw else None


def observe_clean(shortcut: Shortcut, path: str, base: str, text: str) -> Observation | None:
    """The observation of a clean page, or None when the page needs the full path."""
    physical = split_lines(text)
    raw = shortcut.raw
    hits = [
        (index, slot)
        for index, line in enumerate(physical)
        if (slot := raw.get(line.strip())) is not None
    ]
    if [slot for _, slot in hits] != shortcut.order or _may_wrap(physical):
        return None
    kept = _nonblank(physical)
    if kept is None:
        return None
    at = {index: position for position, index in enumerate(kept)}
    placed = [(at[index], slot) for index, slot in hits]
    lines = _Lines(physical, kept, base)
    extras = _extras(shortcut, lines, placed)
    if extras is None:
        return None
    return Observation(
        path=path,
        captured=None,
        missing_blocks=(),
        slots=tuple((slot, None, kept[i] + 1, "", False) for i, slot in placed),
        absent=(),
        extras=tuple(extras),
    )


def _nonblank(physical: list[str]) -> list[int] | None:
    """Indexes of the page's non-blank lines.

    A line blank only once normalized (zero-width characters) would shift positions the
    way the full path does not: such a page takes the full path.
    """
    kept = []
    for index, text in enumerate(physical):
        if text.strip():
            if not text.isascii() and not normalize(text):
                return None
            kept.append(index)
    return kept


class _Lines:
    """The page's non-blank lines by position, built (and normalized) only when asked."""

    def __init__(self, physical: list[str], kept: list[int], base: str) -> None:
        self.physical, self.kept, self.base = physical, kept, base

    def __len__(self) -> int:
        return len(self.kept)

    def number(self, position: int) -> int:
        """The physical line number of a position."""
        return self.kept[position] + 1

    def line(self, position: int) -> Line:
        """The line at a position, normalized as the reader normalizes it."""
        text = self.physical[self.kept[position]][:MAX_LINE]
        return Line(self.kept[position] + 1, text, resolve_links(normalize(text), self.base))


def _may_wrap(physical: list[str]) -> bool:
    """True unless some breakable line is too long to come from a wrapping converter."""
    for line in physical:
        if len(line) > _UNWRAPPED and " " in line.strip() and len(normalize(line)) > _UNWRAPPED:
            return False
    return True


def _extras(shortcut: Shortcut, lines: _Lines, placed: list[tuple[int, int]]) -> list[Extra] | None:
    """The per-page lines inside blocks (only where usual) and at block edges, block by
    block as the full path takes them."""
    slots = shortcut.template.slots
    extras: list[Extra] = []
    used: set[int] = set()
    by_block: dict[int, list[tuple[int, int]]] = {}
    for position, slot in placed:
        by_block.setdefault(slots[slot].block, []).append((position, slot))
    for block in sorted(by_block):
        members = by_block[block]
        used.update(position for position, _ in members)
        for (left, after), (right, upto) in zip(members, members[1:], strict=False):
            run = right - left - 1
            if run and run > shortcut.runs.get(after, 0):
                return None  # an extra line inside the block: the full path decides
            extras.extend(
                Extra(after, "after", lines.line(p), run=run, upto=upto)
                for p in range(left + 1, right)
            )
        extras.extend(_edges(lines, members, used))
    return extras


def _edges(lines: _Lines, members: list[tuple[int, int]], used: set[int]) -> list[Extra]:
    """The lines just outside a block, as the full path records them."""
    numbers = [lines.number(i) for i, _ in members]
    steps = sorted(b - a for a, b in zip(numbers, numbers[1:], strict=False))
    spacing = steps[len(steps) // 2] if steps else 1
    found = []
    for index, step, slot, where in (
        (members[0][0] - 1, -1, members[0][1], "start"),
        (members[-1][0] + 1, 1, members[-1][1], "end"),
    ):
        if 0 <= index < len(lines) and index not in used:
            outward = index + step
            beyond = lines.line(outward).norm if 0 <= outward < len(lines) else ""
            distance = abs(lines.number(index) - lines.number(index - step))
            found.append(Extra(slot, where, lines.line(index), beyond, detached=distance > spacing))
    return found
