"""The clean-page shortcut: a page that holds its block verbatim is recognized by looking its
raw lines up in a table, without normalizing or aligning the whole page.

Most pages of a crawl are clean. For them this gives exactly the observation the full path
gives (a test compares the two on generated corpora); any page the shortcut is not sure of —
a line it has not seen, a slot found twice or out of order, an extra line inside a block,
possible wrapping, another encoding, HTML — goes the full way.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from itertools import compress, count
from operator import sub

from checker.model import Extra, Line, Observation, Snapshot, Template
from checker.read.normalize import normalize, resolve_links, same_scheme, split_lines
from checker.read.own_links import names_itself
from checker.read.snapshot import MAX_LINE

# A 0-based line index to its line number.
_NEXT = (1).__add__


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
    blocks: list[tuple[int, int]]
    """Each block's slots as a range of `order` (start, stop), blocks in template order."""


def build_shortcut(template: Template, sample: list[Snapshot]) -> Shortcut | None:
    """Learn the raw spellings of each slot's usual text from the sample.

    Any sample line that reads as a slot's usual text counts, wherever it stands: a page
    takes the shortcut only when such lines stand exactly in template order.
    """
    if any(slot.occurrence for slot in template.slots):
        return None  # a text that stands twice on a page needs the full path's counting
    usual = {slot.canonical: slot.id for slot in template.slots}
    raw: dict[str, int] = {}
    for snapshot in sample:
        for line in snapshot.lines:
            held = usual.get(line.norm)
            if held is None or line.end or same_scheme(normalize(line.text)) != line.norm:
                continue
            if raw.setdefault(line.text.strip(), held) != held:
                return None
    if not raw:
        return None
    order = [slot.id for slot in template.slots]
    blocks: dict[int, list[int]] = {}
    for index, slot in enumerate(template.slots):
        blocks.setdefault(slot.block, []).append(index)
    spans = [(members[0], members[-1] + 1) for _, members in sorted(blocks.items())]
    if sum(stop - start for start, stop in spans) != len(order):
        return None  # a block's slots interleaved with another's: the full path decides
    return Shortcut(template, raw, dict(template.content_runs), order, spans)


def observe_clean(shortcut: Shortcut, path: str, base: str, text: str) -> Observation | None:
    """The observation of a clean page, or None when the page needs the full path.

    The per-line work is done by C-level maps (strip, dictionary membership, compress):
    most pages of a crawl come this way, and a Python loop over their lines would cost
    several times the reading of the file.
    """
    if names_itself(base, text):
        return None  # its own address may be renamed: the full path reads it
    physical = split_lines(text)
    stripped = list(map(str.strip, physical))
    raw = shortcut.raw
    at = list(compress(count(), map(raw.__contains__, stripped)))
    if len(at) != len(shortcut.order) or [raw[stripped[i]] for i in at] != shortcut.order:
        return None
    kept = list(compress(count(), stripped))  # the non-blank lines
    if not text.isascii() and not all(map(normalize, compress(physical, stripped))):
        return None  # a line blank only once normalized would shift positions
    lines = _Lines(physical, kept, base)
    positions = [bisect_left(kept, index) for index in at]
    extras = _extras(shortcut, lines, positions)
    if extras is None:
        return None
    return Observation(
        path=path,
        captured=None,
        missing_blocks=(),
        slots=(),
        absent=(),
        extras=tuple(extras),
        usual=tuple(map(_NEXT, at)),
    )


class _Lines:
    """The page's non-blank lines by position, built (and normalized) only when asked."""

    def __init__(self, physical: list[str], kept: list[int], base: str) -> None:
        self.physical, self.kept, self.base = physical, kept, base

    def norm(self, position: int) -> str:
        """The normalized text at a position."""
        return resolve_links(normalize(self.physical[self.kept[position]][:MAX_LINE]), self.base)

    def line(self, position: int) -> Line:
        """The line at a position, normalized as the reader normalizes it."""
        return Line(
            self.kept[position] + 1,
            self.physical[self.kept[position]][:MAX_LINE],
            self.norm(position),
        )


def _extras(shortcut: Shortcut, lines: _Lines, positions: list[int]) -> list[Extra] | None:
    """The per-page lines inside blocks (only where usual) and at block edges, block by
    block as the full path takes them."""
    order = shortcut.order
    extras: list[Extra] = []
    used = set(positions)
    for start, stop in shortcut.blocks:
        members = positions[start:stop]
        if members[-1] - members[0] != stop - start - 1:  # lines between the block's slots
            for offset, (left, right) in enumerate(zip(members, members[1:], strict=False), start):
                run = right - left - 1
                if run and run > shortcut.runs.get(order[offset], 0):
                    return None  # an extra line inside the block: the full path decides
                extras.extend(
                    Extra(order[offset], "after", lines.line(p), run=run, upto=order[offset + 1])
                    for p in range(left + 1, right)
                )
        extras.extend(_edges(lines, members, order[start], order[stop - 1], used))
    return extras


def _edges(lines: _Lines, members: list[int], first: int, last: int, used: set[int]) -> list[Extra]:
    """The lines just outside a block, as the full path records them."""
    kept = lines.kept
    numbers = [kept[i] for i in members]
    if numbers[-1] - numbers[0] == len(numbers) - 1:
        spacing = 1  # the block's lines stand next to each other
    else:
        steps = sorted(map(sub, numbers[1:], numbers))
        spacing = steps[len(steps) // 2] if steps else 1
    found = []
    for index, step, slot, where in (
        (members[0] - 1, -1, first, "start"),
        (members[-1] + 1, 1, last, "end"),
    ):
        if 0 <= index < len(kept) and index not in used:
            outward = index + step
            beyond = lines.norm(outward) if 0 <= outward < len(kept) else ""
            distance = abs(kept[index] - kept[index - step])
            found.append(Extra(slot, where, lines.line(index), beyond, detached=distance > spacing))
    return found
