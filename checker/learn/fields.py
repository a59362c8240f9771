"""Record fields: template lines that stand among a page's own lines are the page's data."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from checker.knobs import ISLAND, REQUIRED_LINE
from checker.read.record import field_tails, key_of_line

Key = tuple[str, int]


def without_fields(
    kept: list[tuple[list[Key], set[int]]], sequences: list[list[Key]], field_keys: FieldKeys
) -> list[tuple[list[Key], set[int]]]:
    """Drop the slots that stand among a page's own lines: fields of a per-page record.

    A line is boilerplate because the site repeats it among the same neighbours: next to
    another line of the template, or at the page's edge. A line that most pages hold alone
    between lines of their own, and whose value varies (a member's party, a member type),
    belongs to each page's record, however many pages happen to share one value; a line
    every page holds word for word between a date and a share link of its own is the
    block's. A field that only a neighbouring field anchored loses its anchor when that
    one goes, hence the few rounds.
    """
    where = {k: g for g, (group, _) in enumerate(kept) for k in group}
    varies = {g for g, (group, _) in enumerate(kept) if len(group) > 1}
    for _ in range(len(kept)):
        anchored: Counter[int] = Counter()
        held: Counter[int] = Counter()
        for seq in sequences:
            inside = [k in where for k in seq]
            last = len(seq) - 1
            for position, key in enumerate(seq):
                if not inside[position]:
                    continue
                held[where[key]] += 1
                if (
                    position in (0, last)
                    or inside[position - 1]
                    or (position < last and inside[position + 1])
                ):
                    anchored[where[key]] += 1
        fields = {g for g, count in held.items() if anchored[g] * 2 < count and g in varies}
        if not fields:
            break
        where = {k: g for k, g in where.items() if g not in fields}
    where = _without_islands(where, sequences, field_keys)
    keep = set(where.values())
    return [pair for g, pair in enumerate(kept) if g in keep]


def _without_islands(
    where: dict[Key, int], sequences: list[list[Key]], field_keys: FieldKeys
) -> dict[Key, int]:
    """Drop the short runs of template lines that stand among a page's own lines on both
    sides: headings of the page's own data (`Current roles` over a table of its roles).

    A run of fewer than ISLAND template lines has no line whose both neighbours are its
    own; it is boilerplate only where it reaches the page's edge on most of its pages.
    Lines every page holds under one key with its own value (`Permalink: …`, `Updated:
    …`) join the runs beside them, as record fields inside a block do.
    """
    key_of = {
        k: key
        for seq, keys in zip(sequences, field_keys.lines, strict=True)
        for k, key in zip(seq, keys, strict=True)
    }
    keyed = Counter(key for seq in sequences for key in {key_of[k] for k in seq} if key)
    common = {key for key, pages in keyed.items() if pages * 2 >= len(sequences)}
    bridging = {k for k, key in key_of.items() if key in common}
    # Per page, which lines bridge runs: such a field's line, or its value wrapped onto
    # lines of their own. The same every round, so worked out once.
    bridges = []
    for seq in sequences:
        tails = field_tails([k[0] for k in seq])
        bridges.append(
            [
                k in bridging or (t >= 0 and seq[t] in bridging)
                for k, t in zip(seq, tails, strict=True)
            ]
        )
    for _ in range(len(set(where.values()))):
        anchored: Counter[int] = Counter()
        held: Counter[int] = Counter()
        for seq, bridge in zip(sequences, bridges, strict=True):
            inside = [k in where or b for k, b in zip(seq, bridge, strict=True)]
            for start, stop in _runs(inside):
                members = [where[k] for k in seq[start:stop] if k in where]
                reach = start == 0 or stop == len(seq) or len(members) >= ISLAND
                held.update(members)
                if reach:
                    anchored.update(members)
        islands = {g for g, count in held.items() if anchored[g] * 2 < count}
        if not islands:
            break
        where = {k: g for k, g in where.items() if g not in islands}
    return where


def _runs(inside: list[bool]) -> list[tuple[int, int]]:
    """The (start, stop) of each maximal run of True."""
    runs, start = [], None
    for position, flag in enumerate([*inside, False]):
        if flag and start is None:
            start = position
        elif not flag and start is not None:
            runs.append((start, position))
            start = None
    return runs


# The key of every line a site's learning has met: its templates (each family's, the one
# across families) share the sample's lines, and a bounded cache of keys missed them all again
# on one huge page. Held only while a site is learned (`forget_keys`), so it is bounded by
# the sample, which is in memory anyway.
_KNOWN_KEYS: dict[str, str | None] = {}


def forget_keys() -> None:
    """Forget the keys learning met: the next site's lines are others."""
    _KNOWN_KEYS.clear()


@dataclass(frozen=True)
class FieldKeys:
    """The `Key: value` keys of a sample's lines, worked out once for learning."""

    lines: list[list[str | None]]
    """Each page's lines' keys, in order (None: no key)."""
    pages: dict[str, set[int]]
    """The pages holding each key."""
    values: dict[str, set[str]]
    """The line texts each key stands in."""

    @classmethod
    def of(cls, sequences: list[list[Key]]) -> FieldKeys:
        known = _KNOWN_KEYS
        for seq in sequences:
            for text, _ in seq:
                if text not in known:
                    known[text] = key_of_line.__wrapped__(text)
        lines = [[known[text] for text, _ in seq] for seq in sequences]
        pages: dict[str, set[int]] = {}
        values: dict[str, set[str]] = {}
        for index, (seq, keys) in enumerate(zip(sequences, lines, strict=True)):
            for (text, _), key in zip(seq, keys, strict=True):
                if key:
                    pages.setdefault(key, set()).add(index)
                    values.setdefault(key, set()).add(text)
        return cls(lines, pages, values)


def record_forms(
    groups: list[list[Key]],
    holders: list[set[int]],
    optional: list[int],
    sequences: list[list[Key]],
    field_keys: FieldKeys,
    together: Callable[[set[int], set[int]], bool],
) -> dict[int, str]:
    """The optional slots that come with a record's form: {group: field key}.

    A line most pages carry and the rest never do (`## Member profile`) is a page type's
    own when it heads a record field (`Name: …`, a value of each page's own): on its pages
    the field stands right beside it, and the pages holding the field are the pages holding
    the line. The list pages lack the heading because they hold no member record, not
    because it was lost. (`together` tells whether two sets of pages are one.)
    """
    slot_of = {k: g for g in optional for k in groups[g]}
    beside: dict[int, Counter[str]] = {g: Counter() for g in optional}
    for seq, keys in zip(sequences, field_keys.lines, strict=True):
        for at, line in enumerate(seq):
            g = slot_of.get(line)
            if g is not None:
                near = {k for k in keys[max(0, at - 1) : at + 2] if k and k != keys[at]}
                beside[g].update(near)
    forms = {}
    for g in optional:
        match = [
            key
            for key, count in beside[g].items()
            if count * 2 > len(holders[g])
            and len(field_keys.values[key]) > 1
            and together(field_keys.pages[key], holders[g])
        ]
        if match:
            forms[g] = min(match)
    return forms


def section_forms(
    sections: dict[int, int], holders: list[set[int]], field_keys: FieldKeys, floor: int, n: int
) -> dict[int, str]:
    """The sections whose pages hold a record field of their own: {section: field key}.

    A profile section (a back link, a "data checked" line) stands on the member pages, and
    the member's record (`Party: …`, `Electorate: …`, a value of each page's own) stands on
    the same pages wherever each body put it. A page holding the record is a member page:
    where it lacks the section whole, the section was lost, not left out by a page of
    another type. The field's values differ from page to page, every page of the section
    holds it, and its pages lacking the section are few: fewer than a page type needs
    (`floor`, `sections.section_floor`), or within the share a required line
    leaves (REQUIRED_LINE). A field most of the `n` pages hold as a required
    line (a trail on every page, beside a help box on some) tells no type.
    """
    pages: dict[int, set[int]] = {}
    for g, section in sections.items():
        pages.setdefault(section, set()).update(holders[g])
    forms = {}
    for section, members in pages.items():
        match = [
            key
            for key, on in field_keys.pages.items()
            if len(field_keys.values[key]) > 1
            and len(on) < REQUIRED_LINE * n
            and _one_set(on, members, floor)
        ]
        if match:
            forms[section] = min(match)
    return forms


def _one_set(field: set[int], section: set[int], floor: int) -> bool:
    """Whether a field's pages are the section's, of a type's worth of pages (`floor`): every
    page of the section holds the field (a section on a page of another type is no type's
    own), and the field's pages lacking the section are fewer than `floor` or within what a
    required line's share leaves."""
    lacking = len(field - section)
    if not section <= field or len(section) < floor:
        return False
    return lacking < floor or len(section) >= REQUIRED_LINE * len(field)
