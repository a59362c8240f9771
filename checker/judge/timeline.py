"""Labelling one slot's history: an update, flapping, a straggler, a regression or a glitch?

The input is one page's dated captures of one slot, oldest first, as `(capture time,
normalized text)` (`checker.judge.page_history`): a history is one page's, never a spread across
pages. Values are compared exactly as given: normalization has already
folded whitespace and typography, so a whitespace-only flip arrives as equal values.

Vocabulary (``s`` is the `stable` argument, 3 by default):

* a **run** is a maximal stretch of consecutive captures holding the same value;
* a run is **settled** when it holds ``s`` captures or more; the first run of the history
  is settled too, whatever its length, since it is the oldest state known (its start is
  cut off by the history, not by a change);
* a **stretch** is the sequence of unsettled runs between two consecutive settled runs
  ``P`` and ``N``, or after the last settled run ``P`` (then ``N`` is absent);
* a **return** is a run of a stretch, or its closing ``N``, whose value already occurred
  earlier in the stretch (counting ``P``).

Labels, decided for the whole slot; when several apply the first in this order wins
(the most alarming first): regression, flapping, straggler, glitch, update.

``regression``
    A value comes back for a settled run after a different value held a settled run
    (A A A B B B A A A, or A A A B B B A A A B B B). A short return at the very end of
    the history (A A A B B B A) is not yet a regression: it is a straggler.
``flapping``
    A stretch has two returns or more (the value went back and forth without settling),
    unless it is a straggler stretch (below). A A A B A B A B B B, A A B A B B and
    A A A 7 6 7 6 7 A A A all flap.
``straggler``
    Either (a) a stretch moving from ``P``'s value A to a new value B (``N`` holds B,
    or the history ends on B) in which A reappears after B first showed, but as a
    minority: from the first capture of B to the last capture of A, A holds fewer
    captures than B (A A A B B A B B B: one A against two B); or (b) a short run holding
    a *superseded* value, the value of a settled run before ``P`` (A A A B B B A B B B).
``glitch``
    An excursion: consecutive runs of values that never hold a settled run anywhere in
    the history, with the same value just before and just after (A A A A' A' A A A, as when
    ``©`` shows as ``??`` on two captures and is then fixed). This is a fifth label,
    beside the four the checker started with: a page broken on a few captures and then
    repaired was neither updated (nothing changed for good), nor flapping (it did not
    alternate), nor straggling (no *old* value lingered: the odd value never existed
    before). It deserves a warning, the same as a straggler, but its cause (a broken
    capture or render) and its remedy (re-capture) differ, so it gets its own name.
    Repeated glitches separated by settled runs (A A A X A A A X A A A) stay glitches;
    the same odd value recurring within one stretch (A A A X A X A A A) flaps.
``update``
    Anything else with more than one run: the value changed and did not come back
    (A A A B B B, A A A X B B B, and a change at the end of the history that has not yet
    settled, A A A A B B).
``None``
    The slot never changed (one run, or no captures).

`current` is the value of the last run of ``s`` captures or more, or the last value when
no run is that long; `since` is the first capture of that run (None when no run is long
enough). `stale` maps every older value, one held before the change to `current`, to the
number of captures that still held it after that change and the first of them (0 and None
when none did). The change is the first capture of `current` after the last settled run of
another value; a slot whose `current` was never preceded by a settled run of another value
(no change, or only glitches) has an empty `stale`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

LABELS = ("update", "flapping", "straggler", "regression", "glitch")
"""Every label `history` may give; the first four are the checker's original ones."""

PRIORITY = ("regression", "flapping", "straggler", "glitch", "update")
"""Which label wins when a slot's history shows several: the most alarming first."""


@dataclass(frozen=True)
class History:
    """What one slot's timeline shows."""

    label: str | None
    """One of `LABELS`, or None when the slot never changed."""
    current: str | None
    """The latest stable value (the canonical value for a timeline-aware run)."""
    since: datetime | None
    """When `current` became stable (the first capture of its last long run)."""
    stale: dict[str, tuple[int, datetime | None]] = field(default_factory=dict)
    """Older value -> (captures still holding it after the change, first such capture)."""


@dataclass(frozen=True)
class _Run:
    """A maximal stretch of equal consecutive captures."""

    value: str
    start: int
    length: int


def history(timeline: Sequence[tuple[datetime, str]], *, stable: int = 3) -> History:
    """Label a slot's time-ordered captures; see the module docstring for the rules."""
    if stable < 1:
        raise ValueError("stable must be at least 1")
    if not timeline:
        return History(None, None, None, {})
    values = [value for _, value in timeline]
    runs = _runs(values)
    last_long = next((r for r in reversed(runs) if r.length >= stable), None)
    current = last_long.value if last_long else values[-1]
    since = timeline[last_long.start][0] if last_long else None
    if len(runs) == 1:
        return History(None, current, since, {})
    settled = [i for i, r in enumerate(runs) if i == 0 or r.length >= stable]
    found = _labels(runs, settled)
    label = next(name for name in PRIORITY if name in found)
    return History(label, current, since, _stale(timeline, runs, settled, current))


def _runs(values: Sequence[str]) -> list[_Run]:
    """Split the values into maximal runs of equal consecutive values."""
    runs: list[_Run] = []
    for index, value in enumerate(values):
        if runs and runs[-1].value == value:
            last = runs[-1]
            runs[-1] = _Run(value, last.start, last.length + 1)
        else:
            runs.append(_Run(value, index, 1))
    return runs


def _labels(runs: list[_Run], settled: list[int]) -> set[str]:
    """Every label some part of the history earns."""
    found = {"update"}
    if _regressed([runs[i].value for i in settled]):
        found.add("regression")
    bounds = list(zip(settled, [*settled[1:], None], strict=True))
    for p, n in bounds:
        stretch = runs[p + 1 : n if n is not None else len(runs)]
        closing = runs[n] if n is not None else None
        before = {runs[i].value for i in settled if i < p}
        found |= _stretch_labels(runs[p].value, before, stretch, closing)
    if _glitched(runs, settled):
        found.add("glitch")
    return found


def _regressed(settled_values: list[str]) -> bool:
    """Whether a settled value comes back after another settled value (X … Y … X)."""
    merged = [v for i, v in enumerate(settled_values) if i == 0 or v != settled_values[i - 1]]
    return len(merged) != len(set(merged))


def _stretch_labels(
    old: str, settled_before: set[str], stretch: list[_Run], closing: _Run | None
) -> set[str]:
    """Labels for the unsettled runs after a settled run of `old` (flapping, straggler).

    `settled_before` holds the values of the settled runs before that one.
    """
    if not stretch:
        return set()
    superseded = any(r.value in settled_before - {old} for r in stretch)
    target = closing.value if closing else stretch[-1].value
    lingering = target != old and _minority(stretch + ([closing] if closing else []), old, target)
    seen, returns = {old}, 0
    for run in stretch + ([closing] if closing else []):
        returns += run.value in seen
        seen.add(run.value)
    found = set()
    if returns >= 2 and not lingering:
        found.add("flapping")
    if lingering or superseded:
        found.add("straggler")
    return found


def _minority(runs: list[_Run], old: str, new: str) -> bool:
    """Whether `old` reappears after `new` first shows, holding fewer captures than `new`."""
    first_new = next((i for i, r in enumerate(runs) if r.value == new), None)
    last_old = max((i for i, r in enumerate(runs) if r.value == old), default=None)
    if first_new is None or last_old is None or last_old < first_new:
        return False
    window = runs[first_new : last_old + 1]
    olds = sum(r.length for r in window if r.value == old)
    news = sum(r.length for r in window if r.value == new)
    return olds < news


def _glitched(runs: list[_Run], settled: list[int]) -> bool:
    """Whether never-settled values fill a gap with the same value on both sides."""
    steady = {runs[i].value for i in settled}
    i = 1
    while i < len(runs) - 1:
        j = i
        while j < len(runs) - 1 and runs[j].value not in steady:
            j += 1
        if j > i and runs[i - 1].value == runs[j].value:
            return True
        i = max(j, i + 1)
    return False


def _stale(
    timeline: Sequence[tuple[datetime, str]], runs: list[_Run], settled: list[int], current: str
) -> dict[str, tuple[int, datetime | None]]:
    """Older values -> captures still holding them after the change to `current`."""
    before = [i for i in settled if runs[i].value != current]
    if not before:
        return {}
    after_run = runs[before[-1]]
    change = next(
        (
            k
            for k in range(after_run.start + after_run.length, len(timeline))
            if timeline[k][1] == current
        ),
        None,
    )
    if change is None:
        return {}
    stale: dict[str, tuple[int, datetime | None]] = {}
    for _, value in timeline[:change]:
        if value != current:
            stale.setdefault(value, (0, None))
    for when, value in timeline[change:]:
        if value in stale:
            count, first = stale[value]
            stale[value] = (count + 1, when if first is None else first)
    return stale
