"""How alike a snapshot line is to a template slot (the one home of rapidfuzz)."""

from __future__ import annotations

from rapidfuzz import fuzz, utils

from checker.record import record

# A line whose key survived but whose value changed scores at least this.
_SAME_KEY = 0.86
# A line that differs only in its numbers or URLs scores at least this.
_SAME_SKELETON = 0.9
# Word-order-blind similarity counts a little less than the plain one.
_REORDERED = 0.92


def similarity(text: str, variants: tuple[str, ...]) -> float:
    """The best similarity (0..1) of `text` to any of a slot's variants."""
    if not _has_word(text):
        # Lines of punctuation alone ("* * *", "[", "|") carry no wording to be alike in:
        # they are the same line only when identical.
        return 1.0 if text in variants else 0.0
    best = 0.0
    mine = record(text)
    for variant in variants:
        score = fuzz.ratio(text, variant) / 100.0
        # Reordered words ("the fee is 5" / "5 is the fee") are a rewording, not a new line.
        score = max(
            score,
            _REORDERED
            * fuzz.token_sort_ratio(text, variant, processor=utils.default_process)
            / 100.0,
        )
        if not _has_word(variant):
            continue
        theirs = record(variant)
        if mine.skeleton == theirs.skeleton:
            score = max(score, _SAME_SKELETON)
        elif mine.key is not None and mine.key == theirs.key:
            score = max(score, _SAME_KEY)
        else:
            score = max(score, 0.97 * fuzz.ratio(mine.skeleton, theirs.skeleton) / 100.0)
        best = max(best, score)
    return best


def alike(a: str, b: str, threshold: float) -> bool:
    """Whether two lines are close enough to be variants of one slot."""
    return similarity(a, (b,)) >= threshold


def _has_word(text: str) -> bool:
    """Whether a line holds a letter or a digit."""
    return any(char.isalnum() for char in text)
