"""Page types: lines that one section of a site's pages carries together.

A site's profile pages may carry a back link and a "data checked every N weeks" line inside
the block that its article pages never carry; its listing pages a filter line and a feed
line. Those lines stand on too few pages to be the family's block, yet they are boilerplate of
their own kind: a section's pages repeat them together. They become slots of the template,
checked among the pages that carry the section (a page carries it when it holds any of its
lines), however few those pages are.
"""

from __future__ import annotations

import math
from collections import Counter

from checker.align.similarity import alike
from checker.knobs import CLEAR, FIELD_VALUES, NEAR
from checker.learn.families import alone_or_shared
from checker.learn.fields import FieldKeys
from checker.learn.placement import placed_alike
from checker.read.record import field_tails, key_of_line, record

Key = tuple[str, int]

# The fewest pages on which a section can show drift: the smallest clear majority against one
# page (two against one; derived from CLEAR, not a knob of its own).
SMALLEST_MAJORITY = math.ceil(CLEAR) + 1


def section_floor(min_pages: int) -> int:
    """The fewest pages a section stands on: the rules' min-pages, and a clear majority's."""
    return max(min_pages, SMALLEST_MAJORITY)


def section_groups(
    groups: list[list[Key]],
    holders: list[set[int]],
    pages: Counter[Key],
    sequences: list[list[Key]],
    block_of: dict[Key, int],
    min_pages: int,
    fuzzy: float,
    field_keys: FieldKeys,
) -> dict[int, int]:
    """Which of the groups too rare to be the family's slots form sections: {group: section}.

    A group near a section's last line in the merged order joins the section when the
    pages holding both it and the section's first line clearly outnumber the pages holding
    only one of them. A line alone on its pages (an addition several pages share) is no
    section: a section is lines that come together. Like any block line, a section's line
    stands among the same neighbours on its pages, inside one block of the family
    (`block_of`) or joined to its edge (a table two pages copied into their bodies stands
    wherever each body put it); a record field's line (`You are here: …`) may stand between.
    """
    floor = section_floor(min_pages)
    # A section's line stands once on a page and nowhere in the family's block: a text that
    # also stands elsewhere (a sub-menu the footer repeats) cannot tell a page's type.
    # Nor is a field's value wrapped onto a line of its own (`> Name` under a trail).
    taken = {k[0] for k in block_of} | {k[0] for seq in sequences for k in seq if k[1]}
    tails = [field_tails([k[0] for k in seq]) for seq in sequences]
    taken |= {
        k[0]
        for seq, seq_tails in zip(sequences, tails, strict=True)
        for k, tail in zip(seq, seq_tails, strict=True)
        if tail >= 0
    }
    candidates = [
        g
        for g in range(len(groups))
        if groups[g]
        and not any(k in block_of for k in groups[g])
        and len(holders[g]) >= floor
        and not any(k[0] in taken for k in groups[g])
    ]
    candidates = [
        g for g in candidates if _settled(g, groups, holders, pages, block_of, fuzzy, field_keys)
    ]
    fields = _unanchored_fields(candidates, groups, pages, sequences, block_of, field_keys)
    candidates = [g for g in candidates if g not in fields]
    trail = {t for texts in field_keys.values.values() if len(texts) >= FIELD_VALUES for t in texts}
    candidates = placed_alike(candidates, groups, block_of, sequences, tails, trail)
    members: dict[int, list[int]] = {}  # a section's first group -> its groups
    held = _with_drifted_copies(candidates, groups, holders, sequences, block_of)
    for g in candidates:
        home = next(
            (
                first
                for first, group in members.items()
                if g - group[-1] <= NEAR and together(held[first], held[g])
            ),
            g,
        )
        members.setdefault(home, []).append(g)
    members = {first: group for first, group in members.items() if len(group) > 1}
    members = _beside_content(members, groups, holders, sequences, block_of)
    return {g: section for section, group in members.items() for g in group}


def _with_drifted_copies(
    candidates: list[int],
    groups: list[list[Key]],
    holders: list[set[int]],
    sequences: list[list[Key]],
    block_of: dict[Key, int],
) -> dict[int, set[int]]:
    """Per candidate, the pages holding its line, or the line with other numbers or links
    (the download link of a list page that still points at last year's file): two lines of
    a section that each drift on two pages still stand on one set of pages. A page's own
    menu entry shown plain has another shape than the linked entry, and never counts."""
    shapes: dict[str, int] = {}
    for g in candidates:
        line = record(groups[g][0][0])
        if line.numbers or line.urls:
            shapes[line.skeleton] = g
    held = {g: set(holders[g]) for g in candidates}
    if shapes:
        for index, seq in enumerate(sequences):
            for k in seq:
                if k not in block_of and ("<" in k[0] or any(c.isdigit() for c in k[0])):
                    owner = shapes.get(record(k[0]).skeleton)
                    if owner is not None:
                        held[owner].add(index)
    return held


def _settled(
    g: int,
    groups: list[list[Key]],
    holders: list[set[int]],
    pages: Counter[Key],
    block_of: dict[Key, int],
    fuzzy: float,
    field_keys: FieldKeys,
) -> bool:
    """Whether the line reads one way on a clear majority of the pages that hold it or a
    line like it nearby (never both), and is no record field: a breadcrumb naming each
    folder, or `Member type: …`, holds no clear majority among its values, nor among the
    pages that hold its key with any value."""
    group = groups[g]
    usual = pages[group[0]]
    near = range(max(0, g - NEAR), min(len(groups), g + NEAR + 1))
    alike_lines = [
        j
        for j in near
        if j != g
        and groups[j]
        and not any(k in block_of for k in groups[j])
        and not holders[j] & holders[g]
        and alike(group[0][0], groups[j][0][0], fuzzy)
    ]
    held = len(holders[g]) + sum(len(holders[j]) for j in alike_lines)
    if usual < CLEAR * (held - usual):
        return False
    key = key_of_line(group[0][0])
    return key is None or usual >= CLEAR * (len(field_keys.pages[key]) - usual)


def _unanchored_fields(
    candidates: list[int],
    groups: list[list[Key]],
    pages: Counter[Key],
    sequences: list[list[Key]],
    block_of: dict[Key, int],
    field_keys: FieldKeys,
) -> set[int]:
    """Candidates that are one value of a record field: a `Key: value` line whose key
    other pages hold with other values, and that on most of its pages has on either side
    a line that is neither the block's nor a steady candidate: a page's own line, or another
    such field (a record's fields anchor nothing, whatever value most pages give them). A
    section's keyed line in two wordings (`Sort by: …` and its drift; a field comes in
    FIELD_VALUES or more) is anchored by a steady line of its section beside it."""
    keys = {g: key_of_line(groups[g][0][0]) for g in candidates}
    varying = {
        g: k for g, k in keys.items() if k and len(field_keys.pages[k]) > pages[groups[g][0]]
    }
    if not varying:
        return set()
    few = {g for g, key in varying.items() if len(field_keys.values[key]) < FIELD_VALUES}
    companions = {k for g in candidates if g not in varying for k in groups[g]}
    steady = companions | set(block_of)
    field_lines = {k: g for g in varying for k in groups[g]}
    anchored: Counter[int] = Counter()
    held: Counter[int] = Counter()
    for seq in sequences:
        for at, key in enumerate(seq):
            g = field_lines.get(key)
            if g is None:
                continue
            held[g] += 1
            neighbours = seq[max(0, at - 1) : at] + seq[at + 1 : at + 2]
            anchored[g] += all(k in steady for k in neighbours) or (
                g in few and any(k in companions for k in neighbours)
            )
    return {g for g in varying if anchored[g] * 2 < held[g]}


def _beside_content(
    members: dict[int, list[int]],
    groups: list[list[Key]],
    holders: list[set[int]],
    sequences: list[list[Key]],
    block_of: dict[Key, int],
) -> dict[int, list[int]]:
    """The sections whose pages are different pages, not copies of one page (see
    `families.alone_or_shared`): lines outside the block and the section are the pages' own,
    and a page with none tells nothing against its section."""
    kept = {}
    for first, group in members.items():
        section = {k for g in group for k in groups[g]}
        owns = [
            [k for k in sequences[page] if k not in block_of and k not in section]
            for page in holders[first]
        ]
        different = sum(vote is not False for vote in alone_or_shared(owns))
        if different >= CLEAR * (len(owns) - different):
            kept[first] = group
    return kept


def together(ours: set[int], theirs: set[int]) -> bool:
    """Whether two lines' pages are one set of pages, but for a few that drifted."""
    both = len(ours & theirs)
    return both >= CLEAR * len(ours ^ theirs) and both > 0


def section_rivals(sections: dict[int, int], holders: list[set[int]]) -> frozenset[tuple[int, int]]:
    """Pairs of sections whose pages are all but apart: the pages holding both are a clear
    minority of each one's pages, and pages of no type, as a site map is: each holds more
    sections than any page that holds only one of the two. A listing that carries a help
    box some pages of every type carry holds no more sections than a profile that carries
    it, and makes the help box and the listing's section no rivals. Each pair once, lower
    first."""
    pages: dict[int, set[int]] = {}
    for g, section in sections.items():
        pages.setdefault(section, set()).update(holders[g])
    held: Counter[int] = Counter(page for members in pages.values() for page in members)
    ids = sorted(pages)
    return frozenset(
        (a, b) for i, a in enumerate(ids) for b in ids[i + 1 :] if _apart(pages[a], pages[b], held)
    )


def _apart(ours: set[int], theirs: set[int], held: Counter[int]) -> bool:
    """Whether two sections' shared pages are few and each of no type (see above)."""
    shared = ours & theirs
    if min(len(ours), len(theirs)) - len(shared) < CLEAR * len(shared):
        return False
    one_only = (ours | theirs) - shared
    most = max((held[page] for page in one_only), default=0)
    return all(held[page] > most for page in shared)
