"""Families and versions: a small family whose block is an older version of a larger one's,
and the lines every family shares."""

from __future__ import annotations

import re
from dataclasses import replace

from checker.knobs import VERSION_SHARE, VERSION_WORDS
from checker.model import Template
from checker.read.record import record

_WORD = re.compile(r"[^\W\d_]+")


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
    if same <= VERSION_SHARE * len(linked):
        return False
    # Same resources in another language is a family of its own (a translated menu).
    words = [w for text in ours for w in _words(text)]
    known = {w for text in _texts(large) for w in _words(text)}
    return bool(words) and sum(w in known for w in words) > VERSION_WORDS * len(words)


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


def _words(text: str) -> list[str]:
    """The words of a line's wording (links left out), lower-cased."""
    wording = record(text).skeleton.replace("<url>", " ")
    return [w.casefold() for w in _WORD.findall(wording) if len(w) >= 3]


def _texts(template: Template) -> set[str]:
    """Every text the template's slots hold."""
    return {text for slot in template.slots for text in slot.variants}


def common_lines(shared: Template | None, families: list[Template]) -> Template | None:
    """The across-families template cut to the lines every family's own block holds in
    one shape (numbers and links aside): only those are compared
    across families. A line one family's block lacks (its own language's menu) is that
    family's matter, however many pages of the site carry it."""
    if shared is None:
        return None
    forms = [{record(text).skeleton for text in _texts(family)} for family in families]
    kept = [
        slot
        for slot in shared.slots
        if any(all(record(v).skeleton in form for form in forms) for v in slot.variants)
    ]
    if not kept:
        return None
    slots = tuple(replace(slot, id=index) for index, slot in enumerate(kept))
    return replace(
        shared, slots=slots, content_gaps=frozenset(), content_runs=(), beside=frozenset()
    )


def core(template: Template | None) -> Template | None:
    """The template without its page types' own lines: what every page of the family carries,
    the block that families and their older versions are told apart by."""
    if template is None:
        return None
    return replace(template, slots=tuple(s for s in template.slots if s.section < 0))


def scattered_sections(
    sections: dict[int, int], groups: list[list[tuple[str, int]]], block_of: dict
) -> set[int]:
    """Sections whose lines stand at two or more places inside one of the family's blocks,
    with the block's own lines between and around them. A page type adds its own box at one
    place; pages whose block has more lines at several places of it (menu entries a later
    version dropped) hold another version of that block, and their lines are no type's.
    `groups` are in the template's order; `block_of` gives the family's block of a key."""
    # The template's order as tokens: a family line (its block) or a section's line.
    tokens = [
        ("section", sections[g]) if g in sections else ("block", block_of[group[0]])
        for g, group in enumerate(groups)
        if g in sections or group[0] in block_of
    ]
    span: dict[tuple[str, int], list[int]] = {}  # where each block's and section's lines
    for i, token in enumerate(tokens):  # first and last stand
        span.setdefault(token, [i, i])[1] = i
    blocks = [value for kind, value in span if kind == "block"]
    count = {block: [0] for block in blocks}  # a block's lines before each token
    for kind, value in tokens:
        for block in blocks:
            count[block].append(count[block][-1] + (kind == "block" and value == block))
    return {
        value
        for (kind, value), (first, last) in span.items()
        if kind == "section"
        and any(
            span["block", block][0] < first
            and last < span["block", block][1]
            and count[block][last] > count[block][first]
            for block in blocks
        )
    }
