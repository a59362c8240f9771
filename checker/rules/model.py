"""What a rule file says, as types: severities per kind, conflicts, thresholds, the pinned
block, where capture times come from, and user patterns searched with a time bound."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from types import MappingProxyType
from typing import Any

import regex

from checker.model import Kind, Severity

SEARCH_TIMEOUT = 0.05
# Searches that may run out of time before a pattern is given up for the run.
GIVE_UP = 3
"""Seconds one user pattern may spend on one line before it counts as no match."""
TIMELINE_LABELS = ("update", "straggler", "flapping", "regression", "glitch")


@dataclass(frozen=True)
class Pattern:
    """A user regex, compiled once; searches are time-bounded."""

    source: str
    """The regex as the rule file wrote it."""
    compiled: regex.Pattern[str] = field(compare=False, repr=False)
    """The `regex.Pattern` compiled from `source`."""
    _timeouts: list[int] = field(default_factory=lambda: [0], init=False, compare=False, repr=False)

    @classmethod
    def of(cls, source: str) -> Pattern:
        """Compile `source` without the load-time checks (for callers that build rules in code)."""
        return cls(source, regex.compile(source))

    @property
    def timed_out(self) -> int:
        """How many searches gave up at the time limit (and counted as no match)."""
        return self._timeouts[0]

    def search(self, text: str) -> bool:
        """True when the pattern occurs in `text`; False when it does not or runs too long.

        A pattern that ran out of time GIVE_UP times is given up for the rest of the run
        (and `timed_out` says so), so one pathological regex cannot stall a corpus.
        """
        if self._timeouts[0] >= GIVE_UP:
            return False
        try:
            return self.compiled.search(text, timeout=SEARCH_TIMEOUT) is not None
        except TimeoutError:
            self._timeouts[0] += 1
            return False


@dataclass(frozen=True)
class Example:
    """A self-test of a conflict rule: two texts, and whether the rule should fire."""

    expected: str
    """The canonical text."""
    found: str
    """The drifted text."""
    conflict: bool
    """True when the rule should report the pair."""


@dataclass(frozen=True)
class Conflict:
    """A named, narrowed override: these kinds, in slots matching `slot`, get `severity`."""

    name: str
    """The rule id shown in reports."""
    kinds: frozenset[Kind]
    """The kinds it applies to."""
    slot: Pattern | None
    """Searched in the slot's canonical text; None matches every slot."""
    severity: Severity | None
    """The severity it sets; None is `off`."""
    examples: tuple[Example, ...] = ()
    """Self-tests for `snapdrift rules test`."""


@dataclass(frozen=True)
class Thresholds:
    """The numbers that steer learning and alignment."""

    fuzzy: float = 0.72
    """Similarity needed to align a drifted line to its slot."""
    majority: float = 0.5
    """Share above which a variant is the canonical one."""
    content: float = 0.5
    """Share of distinct variants above which a slot is per-page content."""
    window: int = 4
    """Lines of slack around a slot's expected position for fuzzy matching."""
    min_pages: int = 2
    """Pages a line must appear on to be boilerplate."""
    sample: int = 1000
    """Snapshots the template is learned from."""
    confirm: int = 2
    """Later captures (of the page or of others) that must carry a new value before a
    change in a page's history counts as an update."""


@dataclass(frozen=True)
class BlockPin:
    """A block pinned by the rule file instead of learned."""

    start: Pattern
    """Matches the first block line."""
    end: Pattern
    """Matches the last block line."""


@dataclass(frozen=True)
class TimeSource:
    """Where capture times come from; each pattern has a `date` group."""

    filename: Pattern | None
    """Searched in the snapshot's file name."""
    line: Pattern | None
    """Searched in the snapshot's lines."""


@dataclass(frozen=True)
class Rules:
    """Everything a rule file (with what it extends) says; immutable and picklable."""

    source: str
    """The rule file's path as given, or `default`."""
    kinds: Mapping[Kind, Severity | None]
    """Every kind's severity; None is `off`."""
    conflicts: tuple[Conflict, ...]
    """Named overrides, checked in order before `kinds`."""
    equivalents: tuple[tuple[str, ...], ...]
    """Groups of phrasings that count as equal."""
    ignore: tuple[Pattern, ...]
    """Block lines whose normalized text matches one of these are ignored."""
    thresholds: Thresholds
    """Learning and alignment knobs."""
    block: BlockPin | None
    """The pinned block, if any."""
    time: TimeSource | None
    """Where capture times come from, if anywhere."""
    timeline: Mapping[str, Severity | None]
    """Every timeline label's severity; None is `off`."""

    def __post_init__(self) -> None:
        for name in ("kinds", "timeline"):
            object.__setattr__(self, name, MappingProxyType(dict(getattr(self, name))))

    def __reduce__(self) -> tuple[Any, ...]:
        # mappingproxy does not pickle; rebuild from plain dicts (__post_init__ wraps them again).
        values = [getattr(self, f.name) for f in fields(self)]
        return (Rules, tuple(dict(v) if isinstance(v, Mapping) else v for v in values))

    def severity(self, kind: Kind, slot_text: str) -> tuple[Severity | None, str]:
        """(severity or None for off, rule id): the first matching conflict, else `kinds[kind]`."""
        for conflict in self.conflicts:
            if kind in conflict.kinds and (
                conflict.slot is None or conflict.slot.search(slot_text)
            ):
                return conflict.severity, conflict.name
        return self.kinds.get(kind), kind.value

    def ignored(self, text: str) -> bool:
        """True when an `ignore` pattern matches the normalized line `text`."""
        return any(p.search(text) for p in self.ignore)
