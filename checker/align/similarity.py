"""How alike a snapshot line is to a template slot (the one home of rapidfuzz)."""

from __future__ import annotations

import re

from rapidfuzz import fuzz, utils

from checker.knobs import REORDERED, SAME_KEY, SAME_SKELETON, SKELETON_WEIGHT
from checker.read.record import LineRecord, record

_WORD = re.compile(r"[^\W_]+|#")
_HEADING = re.compile(r"#{1,6}\s")  # a Markdown heading's marks
_SENTENCE_END = frozenset(".!?\u3002\uff01\uff1f\u2026\u061f\u0964")  # . ! ? 。 ！ ？ … ؟ ।


def similarity(text: str, variants: tuple[str, ...]) -> float:
    """The best similarity (0..1) of `text` to any of a slot's variants."""
    if not has_word(text):
        # Lines of punctuation alone ("* * *", "[", "|") carry no wording to be alike in:
        # they are the same line only when identical.
        return 1.0 if text in variants else 0.0
    best = 0.0
    mine = record(text)
    for variant in variants:
        if not has_word(variant):
            continue  # a punctuation line is like nothing but itself (handled above)
        theirs = record(variant)
        if _other_resources(mine, theirs):
            # Links to other resources: only the wording around them can make two lines
            # alike (a menu item's `* [Home](<url>)` shape alone says nothing).
            best = max(best, SKELETON_WEIGHT * fuzz.ratio(_wording(mine), _wording(theirs)) / 100.0)
            continue
        score = fuzz.ratio(text, variant) / 100.0
        # Reordered words ("the fee is 5" / "5 is the fee") are a rewording, not a new line.
        score = max(
            score,
            REORDERED
            * fuzz.token_sort_ratio(text, variant, processor=utils.default_process)
            / 100.0,
        )
        if mine.skeleton == theirs.skeleton:
            score = max(score, SAME_SKELETON)
        elif (
            (mine.key is not None and mine.key == theirs.key)
            or _resources(mine) & _resources(theirs)
            or _link_alone_differs(mine, theirs)
        ):
            # The same key, a link to the same resource, or the same words with a link lost
            # or added (`Press` for `[Press](press.html)`): the same line, changed.
            score = max(score, SAME_KEY)
        else:
            score = max(score, SKELETON_WEIGHT * fuzz.ratio(mine.skeleton, theirs.skeleton) / 100.0)
        best = max(best, score)
    return best


def alike(a: str, b: str, threshold: float) -> bool:
    """Whether two lines are close enough to be variants of one slot."""
    return similarity(a, (b,)) >= threshold


def has_word(text: str) -> bool:
    """Whether a line holds a letter or a digit."""
    return any(char.isalnum() for char in text)


def _other_resources(mine: LineRecord, theirs: LineRecord) -> bool:
    """Whether both lines link, to no resource in common, in other wording."""
    return (
        bool(mine.urls and theirs.urls)
        and mine.skeleton != theirs.skeleton
        and not _resources(mine) & _resources(theirs)
    )


def _link_alone_differs(mine: LineRecord, theirs: LineRecord) -> bool:
    """Whether one line links and the other does not, in the same words, or the one is a
    sentence or a heading and the other it with a link of a few words after it (`Write to
    us. [More](<url>)`, `## News [More](<url>)`; fewer words than its own). A phrase that
    does not end (`My library` over `account <url>`) is not followed by a link of its own
    but continued."""
    if bool(mine.urls) == bool(theirs.urls):
        return False
    plain, linked = (mine, theirs) if theirs.urls else (theirs, mine)
    words, linked_words = _wording(plain), _wording(linked)
    if not words or words == linked_words:
        return bool(words)
    brought = len(linked_words) - len(words) - 1
    return (
        brought < len(words)
        and linked_words.startswith(words + " ")
        and (
            plain.skeleton.rstrip()[-1:] in _SENTENCE_END
            or _HEADING.match(plain.skeleton) is not None
        )
    )


def _wording(line: LineRecord) -> str:
    """A line's words, without its links and markup (`* [Home](<url>)` reads `Home`)."""
    return " ".join(_WORD.findall(line.skeleton.replace("<url>", " ")))


def _resources(line: LineRecord) -> set[str]:
    """A line's link targets, case aside (schemes and host names have no case)."""
    return {url.casefold() for url in line.urls}
