"""Which of a site's shared lines are one slot's variants: lines that never share a page and
read alike, a line half the site reworded, a rare variant a few places off its slot."""

from __future__ import annotations

from collections import Counter, defaultdict

from checker.align.similarity import alike, similarity
from checker.knobs import EXCLUSIVE, NEAR
from checker.learn.sections import together as together_pages

Key = tuple[str, int]


def group_variants(
    order: list[Key], sequences: list[list[Key]], pages: Counter[Key], fuzzy: float
) -> list[list[Key]]:
    """Merge neighbouring keys that never share a page: one slot's variants.

    Alike variants merge outright. Less alike ones merge only where the lines around
    them are shared by the pages of both, as when one line of a template was reworded
    on part of the site; two sections' own menus side by side do not.
    """
    pages_of: dict[Key, set[int]] = defaultdict(set)
    for index, seq in enumerate(sequences):
        for key in seq:
            pages_of[key].add(index)
    groups: list[list[Key]] = []
    for position, key in enumerate(order):
        if groups:
            group = groups[-1]
            together = set().union(*(pages_of[k] for k in group))
            apart = not (together & pages_of[key])
            if apart and (
                alike(key[0], group[0][0], fuzzy)
                or (
                    alike(key[0], group[0][0], EXCLUSIVE)
                    and _framed(
                        order, position - len(group), position, together, pages_of[key], pages_of
                    )
                    and not _typed(order, position, len(group), together, pages_of)
                )
            ):
                group.append(key)
                continue
        groups.append([key])
    for group in groups:
        group.sort(key=lambda k: (-pages[k], k))
    return groups


def absorb_orphans(
    groups: list[list[Key]],
    holders: list[set[int]],
    big: list[bool],
    fuzzy: float,
    absorbed: set[int],
) -> set[int]:
    """Fold a variant too rare to be a slot into a nearby slot it never shares a page with.

    A line drifted the same way on a few pages can land a few places off its slot in
    the merged order (an optional section beside it); it is still that slot's variant.
    Groups in `absorbed` were folded already; the result adds those folded now.
    """
    absorbed = set(absorbed)
    for index, group in enumerate(groups):
        if big[index] or index in absorbed:
            continue
        near = [
            j
            for j in range(max(0, index - NEAR), min(len(groups), index + NEAR + 1))
            if big[j] and not holders[j] & holders[index]
        ]
        scored = [(similarity(group[0][0], tuple(k[0] for k in groups[j])), j) for j in near]
        best = max(scored, default=(0.0, -1))
        if best[0] >= fuzzy:
            groups[best[1]].extend(group)
            holders[best[1]] |= holders[index]
            absorbed.add(index)
    return absorbed


def _framed(
    order: list[Key],
    first: int,
    last: int,
    ours: set[int],
    theirs: set[int],
    pages_of: dict[Key, set[int]],
) -> bool:
    """Whether the nearest common lines before and after a run are held by the pages of
    both variants (lines few pages hold, such as an optional box, are looked past)."""
    total = len(ours | theirs)
    for index, step in ((first - 1, -1), (last + 1, 1)):
        while 0 <= index < len(order) and len(pages_of[order[index]]) * 2 <= total:
            index += step
        if not 0 <= index < len(order):
            continue
        around = pages_of[order[index]]
        if len(around & ours) * 2 < len(ours) or len(around & theirs) * 2 < len(theirs):
            return False
    return True


def _typed(
    order: list[Key], position: int, size: int, ours: set[int], pages_of: dict[Key, set[int]]
) -> bool:
    """Whether either side of a would-be rewording comes with a companion: another line
    nearby that stands on the same pages and never on the other side's. Then the two are
    two page types' own lines side by side (a profile's back link, a list's heading), not
    one line reworded on part of the site."""
    theirs = pages_of[order[position]]
    near = (
        order[max(0, position - size - NEAR) : position - size]
        + order[position + 1 : position + 1 + NEAR]
    )
    for side, other in ((ours, theirs), (theirs, ours)):
        for companion in near:
            pages = pages_of[companion]
            if not pages & other and together_pages(pages, side):
                return True
    return False


def holders_of(groups: list[list[Key]], sequences: list[list[Key]]) -> list[set[int]]:
    """For each group, the pages that hold any of its variants."""
    where = {k: g for g, group in enumerate(groups) for k in group}
    holders: list[set[int]] = [set() for _ in groups]
    for index, seq in enumerate(sequences):
        for key in seq:
            holders[where[key]].add(index)
    return holders
