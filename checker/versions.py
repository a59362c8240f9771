"""Block versions: a small family whose block is an older version of a larger family's."""

from __future__ import annotations

from checker.model import Template
from checker.record import record

# Share of a small family's own linked lines whose targets the larger family's own lines
# also link to, above which the small family is an older version of the larger one's block
# (the same menu, reworded or partly re-pointed) rather than a family of its own (another
# language's or section's menu links to its own pages). Higher: fewer old versions are
# recognised; lower: families with a few common links are merged and flag each other.
VERSION_SHARE = 0.5


def is_version(small: Template, large: Template) -> bool:
    """Whether `small`'s block is another version of `large`'s: the lines where the two
    differ still link, mostly, to the same resources.

    Lines both templates hold say nothing either way. A block without links gives no
    evidence, and two families are then left apart (no alarm without evidence).
    """
    ours = _texts(small) - _texts(large)
    theirs = _texts(large) - _texts(small)
    linked = [record(text).urls for text in ours if record(text).urls]
    if not linked:
        return False
    targets = {url for text in theirs for url in record(text).urls}
    same = sum(1 for urls in linked if set(urls) & targets)
    return same > VERSION_SHARE * len(linked)


def fold_versions(groups: list[list[int]], templates: list[Template | None]) -> list[list[int]]:
    """Groups with each older-version group folded into the larger group whose block it is
    a version of; groups are largest first, and a version never keeps a family of its own."""
    folded = [list(group) for group in groups]
    alive = [template is not None for template in templates]
    for small in range(len(groups) - 1, 0, -1):
        mine = templates[small]
        if mine is None:
            continue
        for large in range(small):
            theirs = templates[large]
            if alive[large] and theirs is not None and is_version(mine, theirs):
                folded[large].extend(folded[small])
                folded[small] = []
                alive[small] = False
                break
    return [sorted(group) for group in folded if group]


def _texts(template: Template) -> set[str]:
    """Every text the template's slots hold."""
    return {text for slot in template.slots for text in slot.variants}
