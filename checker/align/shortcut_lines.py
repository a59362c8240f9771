"""The clean-page shortcut over a page already read: HTML, wrapped text and sites of several
families, where `checker.align.shortcut` takes only one family's raw text.

A page whose every slot stands once, verbatim and in template order, with no other text
of the template on it, is aligned by the full path without a single fuzzy comparison: its
observation is a matter of where the slots stand and which lines sit next to them. That is
computed here from the page's lines directly, with the rules the aligner follows (extras
in a block's gaps, lines at its edges, list filler stepped over). Which family such a page
belongs to is decided only where no other family could win the family index's vote; any
doubt, and the page goes the full way. tests/test_shortcut_lines.py holds the two to equal.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import compress, count

from checker.align.copies import open_between, own_after, rule_reach
from checker.align.similarity import has_word
from checker.knobs import FILLER
from checker.model import Extra, Line, Observation, Snapshot, Template

_PLACEHOLDER = re.compile(r"#|<url>")


@dataclass(frozen=True)
class CleanForm:
    """What recognizing a clean page of one template needs."""

    order: list[int]
    """The slot ids in template order."""
    canonical: dict[str, list[int]]
    """Each canonical text -> the slots holding it, in order (a menu shown twice holds its
    texts in two slots)."""
    texts: frozenset[str]
    """Every text the aligner matches exactly to some slot (all variants)."""
    blocks: list[tuple[int, int]]
    """Each block's slots as a range of `order`, in the aligner's block order."""
    window: int
    """More extra lines than this between two slots are body: they are not recorded."""
    shared: frozenset[str] = frozenset()
    """Lines a group of pages shares (`Template.structure`): never counted as additions."""
    rules: tuple[tuple[int, int, int], ...] = ()
    """(rule, near, reach): a slot of marks alone and a slot beside it where pages hold no
    lines of their own, the rule's other side open (`copies.far_rules`): with `reach` lines
    or more between them the aligner leaves the rule unplaced, so the full path decides."""


def clean_form(template: Template, window: int) -> CleanForm | None:
    """The form of a template, or None when its clean pages need the full path (a canonical
    text the aligner does not match, a text so often in the block that it is list filler,
    interleaved blocks)."""
    slots = template.slots
    if not slots or any(s.id != i or s.canonical not in s.variants for i, s in enumerate(slots)):
        return None
    canonical: dict[str, list[int]] = {}
    for slot in slots:
        canonical.setdefault(slot.canonical, []).append(slot.id)
    if any(len(held) >= FILLER for held in canonical.values()):
        return None
    spans = []
    for block in template.blocks:
        members = [s.id for s in slots if s.block == block]
        if members[-1] - members[0] != len(members) - 1:
            return None
        spans.append((members[0], members[-1] + 1))
    texts = frozenset(text for slot in slots for text in slot.variants)
    free = own_after(template)
    rules = tuple(
        (rule, near, rule_reach(slots[rule]))
        for start, stop in spans
        for rule in range(start, stop)
        if not has_word(slots[rule].canonical)
        for near, other in ((rule - 1, rule + 1), (rule + 1, rule - 1))
        if start <= near < stop
        and not open_between(near, rule, free)
        and (not start <= other < stop or open_between(other, rule, free))
    )
    order = [s.id for s in slots]
    return CleanForm(order, canonical, texts, spans, window, template.structure, rules)


def _slot_lines(form: CleanForm, views: list[str]) -> list[int] | None:
    """The lines of the slots, in template order, when every slot's canonical text stands
    where the aligner's exact pass takes it (the n-th copy of a text fills its n-th slot),
    and no other text of the template stands on the page."""
    canonical = form.canonical
    at = list(compress(count(), map(canonical.__contains__, views)))
    if len(at) != len(form.order) or sum(map(form.texts.__contains__, views)) != len(at):
        return None
    seen: dict[str, int] = {}
    filled = []
    for i in at:
        text = views[i]
        copy = seen.get(text, 0)
        held = canonical[text]
        if copy >= len(held):
            return None
        seen[text] = copy + 1
        filled.append(held[copy])
    return at if filled == form.order else None


def observe_form(form: CleanForm, snapshot: Snapshot, views: list[str]) -> Observation | None:
    """The observation the aligner gives a clean page, or None when it is not clean.

    `views` are the lines' comparison texts (the lens changes nothing here).
    """
    at = _slot_lines(form, views)
    if at is None:
        return None
    shown = _shown(views)
    for rule, near, reach in form.rules:
        low, high = sorted((at[rule], at[near]))
        between = (shown(i) and views[i] not in form.shared for i in range(low + 1, high))
        if sum(between) >= reach:
            return None
    lines = snapshot.lines
    extras: list[Extra] = []
    used: set[int] = set()
    for start, stop in form.blocks:
        members = at[start:stop]
        used.update(members)
        for offset in range(start, stop - 1):
            left, right = at[offset], at[offset + 1]
            gap = [i for i in range(left + 1, right) if shown(i)]
            if gap and len(gap) <= form.window:
                slot, upto = form.order[offset], form.order[offset + 1]
                extras.extend(Extra(slot, "after", lines[i], run=len(gap), upto=upto) for i in gap)
        steps = sorted(
            lines[b].number - lines[a].last for a, b in zip(members, members[1:], strict=False)
        )
        spacing = steps[len(steps) // 2] if steps else 1
        for i, step, slot, where in (
            (members[0] - 1, -1, form.order[start], "start"),
            (members[-1] + 1, 1, form.order[stop - 1], "end"),
        ):
            if 0 <= i < len(views) and i not in used and shown(i):
                out = i + step
                beyond = views[out] if 0 <= out < len(views) and shown(out) else ""
                near, far = sorted((i, i - step))
                distance = lines[far].number - lines[near].last
                extras.append(Extra(slot, where, lines[i], beyond, detached=distance > spacing))
    return Observation(
        path=snapshot.path,
        captured=snapshot.captured,
        missing_blocks=(),
        slots=(),
        absent=(),
        extras=tuple(extras),
        usual=tuple(lines[i].number for i in at),
    )


def _shown(views: list[str]) -> Callable[[int], bool]:
    """Whether a line has a comparison text: list filler (a text standing FILLER times or
    more on the page) has none. The page's texts are counted once: counting a text at each
    line it is asked for made a page with a long body between two slots quadratic."""
    counts = Counter(views)
    return lambda i: counts[views[i]] < FILLER


@dataclass(frozen=True)
class Vote:
    """Bounds on the family index's vote (`FamilyIndex.assign`) for a clean page."""

    sizes: list[int]
    """Slots per family."""
    own: list[int]
    """Votes a clean page of each family surely gives it (its slots' own shapes)."""
    pieces: list[list[str] | None]
    """Per family, for each shape it owns, a literal every line of that shape holds; None
    when some shape has none (a line of digits alone), so that any line might vote."""


def vote_of(templates: list[Template], owner: dict[tuple[str, int], set[int]]) -> Vote:
    """The vote bounds of a site's families, from the family index's shape owners."""
    from checker.learn.families import shape

    own = [0] * len(templates)
    for family, template in enumerate(templates):
        copies: dict[str, int] = {}
        for slot in template.slots:  # the n-th copy of a text on a clean page has key n
            copy = copies[slot.canonical] = copies.get(slot.canonical, -1) + 1
            own[family] += family in owner.get(shape((slot.canonical, copy)), ())
    pieces: list[list[str] | None] = []
    for family in range(len(templates)):
        skeletons = {form for (form, _), held in owner.items() if family in held}
        longest = [max(_PLACEHOLDER.split(form), key=len) for form in sorted(skeletons)]
        pieces.append(None if not all(longest) else longest)
    return Vote([max(1, len(t.slots)) for t in templates], own, pieces)


def wins(vote: Vote, family: int, views: list[str]) -> bool:
    """Whether the family index surely gives a clean page of `family` to that family.

    The family holds at least `own` votes; another family's votes are lines whose shape it
    owns, and each such line holds its shape's literal piece, so the pieces' occurrences
    bound them. The family wins when no other family could reach its share of votes.
    """
    if len(vote.sizes) == 1:
        return True
    joined = "\n".join(views)
    mine, size = vote.own[family], vote.sizes[family]
    for other, pieces in enumerate(vote.pieces):
        if other == family:
            continue
        if pieces is None:
            return False
        bound = mine * vote.sizes[other]  # votes * size must stay below this
        votes = 0
        for piece in pieces:
            votes += joined.count(piece)
            if votes * size >= bound:
                return False
    return True


def clean_family(
    forms: list[CleanForm | None], vote: Vote, snapshot: Snapshot, views: list[str]
) -> tuple[int, Observation] | None:
    """The family and observation of a page clean for one family that surely wins it."""
    for family, form in enumerate(forms):
        if form is None:
            continue
        observation = observe_form(form, snapshot, views)
        if observation is not None:
            return (family, observation) if wins(vote, family, views) else None
    return None


def views_of(lines: tuple[Line, ...]) -> list[str]:
    """The comparison texts of a page's lines under a lens that changes nothing."""
    return [line.norm for line in lines]
