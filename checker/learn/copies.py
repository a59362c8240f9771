"""Which copy of a twice-printed line a page holds: the one whose neighbours it shares."""

from __future__ import annotations

from collections import Counter, defaultdict
from statistics import median

from checker.align.similarity import has_word

Key = tuple[str, int]


def by_neighbours(sequences: list[list[Key]]) -> list[list[Key]]:
    """The pages' keyed lines, with each lone copy of a text other pages print twice keyed
    as the copy it stands where.

    A line's key counts the copies of its text before it on the page. A page that prints
    once what others print twice (a breadcrumb's `Articles` and the footer's) would hold
    the first copy wherever it stands, and the breadcrumb would read as present on every
    page that has only the footer. Here it takes the copy whose usual neighbours, on the
    pages that print both, it stands between; when they tell nothing (an older footer
    around it), the copy whose usual distance from the nearer page edge it keeps. A line of
    marks alone (`* * *`) says nothing of where it stands, and keeps its count.
    """
    counts = [Counter(text for text, _ in seq) for seq in sequences]
    twice = {text for count in counts for text, n in count.items() if n == 2 and has_word(text)}
    if not twice:
        return sequences
    beside: dict[Key, Counter[tuple[str, str]]] = defaultdict(Counter)
    places: dict[Key, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for seq, count in zip(sequences, counts, strict=True):
        for at, key in enumerate(seq):
            if count[key[0]] == 2:
                beside[key].update(_neighbours(seq, at))
                places[key][0].append(at)
                places[key][1].append(at - len(seq))
    usual = {key: (median(starts), median(ends)) for key, (starts, ends) in places.items()}
    result = []
    for seq, count in zip(sequences, counts, strict=True):
        lone = [at for at, (text, _) in enumerate(seq) if text in twice and count[text] == 1]
        if lone:
            seq = list(seq)
            for at in lone:
                text = seq[at][0]
                around = _neighbours(seq, at)
                first = sum(beside[(text, 0)][n] for n in around)
                second = sum(beside[(text, 1)][n] for n in around)
                if second > first or (second == first and _nearer(usual, text, at, len(seq))):
                    seq[at] = (text, 1)
        result.append(seq)
    return result


def _neighbours(seq: list[Key], at: int) -> tuple[tuple[str, str], ...]:
    """The texts just before and just after a line, each marked with its side."""
    before = ("<", seq[at - 1][0]) if at else ("<", "")
    after = (">", seq[at + 1][0]) if at + 1 < len(seq) else (">", "")
    return before, after


def _nearer(usual: dict[Key, tuple[float, float]], text: str, at: int, length: int) -> bool:
    """Whether a line at `at` of a page of `length` lines stands nearer the second copy's
    usual place than the first's (each measured from the page edge it is nearer); both
    copies have a usual place, since the text is one some page prints twice."""

    def off(copy: int) -> float:
        start, end = usual[(text, copy)]
        return min(abs(at - start), abs(at - length - end))

    return off(1) < off(0)
