"""Rule files: which severity each kind of drift gets, and the knobs of learning and alignment.

A rule file is YAML (read with safe loading only). Every file inherits the built-in preset
(`checker/presets/default.yaml`, also shipped as `rules/default.yaml`) unless it says
`extends: none`; `extends: default` says the same thing explicitly, and `extends: other.yaml`
builds on another file, relative to this one. A child overrides its parent key by key in
`kinds`, `thresholds` and `timeline`; `conflicts`, `equivalents` and `ignore` add to the
parent's (parent first); `block` and `time` replace it. With `extends: none`, kinds and
timeline labels the file does not name are `off`.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from types import MappingProxyType
from typing import Any

import regex

from checker.model import Kind, Severity
from checker.rules.config import TABLE, is_toml, read_toml
from checker.rules.document import RuleError, RuleErrors, Where, read_document
from checker.rules.schema import (
    Key,
    boolean,
    choice,
    integer,
    list_of,
    map_of,
    mapping,
    nullable,
    number,
    one_or_list,
    pattern,
    text,
)

__all__ = [
    "BlockPin",
    "Conflict",
    "Example",
    "Pattern",
    "RuleError",
    "Rules",
    "TIMELINE_LABELS",
    "Thresholds",
    "TimeSource",
    "Trace",
    "default_rules",
    "load_rules",
]

SEARCH_TIMEOUT = 0.05
# Searches that may run out of time before a pattern is given up for the run.
GIVE_UP = 3
"""Seconds one user pattern may spend on one line before it counts as no match."""
PRESET = Path(__file__).resolve().parent.parent / "presets" / "default.yaml"
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


def _regex(group: str = "") -> Any:
    """A regex key (checked by `schema.pattern`) that becomes a Pattern."""
    check = pattern(group)
    return lambda value, where: Pattern(value, check(value, where))


def _conflict(entry: dict[str, Any]) -> Conflict:
    """The Conflict of a checked `conflicts` entry."""
    examples = tuple(entry["examples"])
    return Conflict(
        entry["name"], frozenset(entry["kind"]), entry["slot"], entry["severity"], examples
    )


_SEVERITY = choice(
    {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO, "off": None}
)
_KIND = choice({kind.value: kind for kind in Kind}, noun="kind")
_LABEL = choice({label: label for label in TIMELINE_LABELS}, noun="timeline label")
_SHARE = number(0, 1)
_EXAMPLE = mapping(
    Key("expected", text(r".*", "text"), required=True),
    Key("found", text(r".*", "text"), required=True),
    Key("conflict", boolean, default=True),
    make=lambda entry: Example(**entry),
)
_CONFLICT = mapping(
    Key("name", text(r"[a-z0-9-]+", "a rule id of a-z, 0-9 and -"), required=True),
    Key("kind", one_or_list(_KIND, "a kind or a list of kinds"), required=True),
    Key("slot", _regex(), default=None),
    Key("severity", _SEVERITY, required=True),
    Key("examples", list_of(_EXAMPLE), default=[]),
    make=_conflict,
)
# No defaults from here on: a file states only what it changes over its parent (pre-commit's
# OptionalNoDefault); the defaults live in presets/default.yaml and in Thresholds.
_THRESHOLDS = mapping(
    Key("fuzzy", _SHARE),
    Key("majority", _SHARE),
    Key("content", _SHARE),
    Key("window", integer(0)),
    Key("min-pages", integer(2)),
    Key("sample", integer(10)),
    Key("confirm", integer(1)),
)
_BLOCK = mapping(
    Key("start", _regex(), required=True),
    Key("end", _regex(), required=True),
    make=lambda entry: BlockPin(**entry),
)
_TIME = mapping(
    Key("filename", _regex("date"), default=None),
    Key("line", _regex("date"), default=None),
    make=lambda entry: TimeSource(**entry),
)
RULE_FILE = mapping(
    Key("extends", text(r".+", "default, none, or a path to a rule file")),
    Key("kinds", map_of(_KIND, _SEVERITY)),
    Key("conflicts", list_of(_CONFLICT)),
    Key("equivalents", list_of(list_of(text(), 2, "a list of at least 2 phrasings"))),
    Key("ignore", list_of(_regex())),
    Key("thresholds", _THRESHOLDS),
    Key("block", nullable(_BLOCK)),
    Key("time", nullable(_TIME)),
    Key("timeline", map_of(_LABEL, _SEVERITY)),
    what="a mapping of rule settings at the top level",
)


Trace = list[tuple[str, dict[str, Any]]]
"""The checked settings of each file of an `extends` chain, the built-in preset first."""


def load_rules(path: str | Path | None, trace: Trace | None = None) -> Rules:
    """The rules in the file at `path` merged over what it extends; None gives the defaults.

    A `.toml` file is read as TOML (a pyproject.toml's `[tool.snapdrift]` table), anything
    else as YAML. `trace`, when given, receives each file's own settings, parents first.
    """
    if path is None:
        if trace is not None:
            trace.append(("default", _preset()))
        return default_rules()
    return _build(_resolve(Path(path), str(path), (), trace=trace), str(path))


@functools.cache
def default_rules() -> Rules:
    """The built-in preset."""
    return _build(_preset(), "default")


@functools.cache
def _preset() -> dict[str, Any]:
    """The preset, checked and merged; it stands alone whatever its `extends` says."""
    return _resolve(PRESET, str(PRESET), (), implicit="none")


def _resolve(
    path: Path,
    shown: str,
    chain: tuple[tuple[str, Path], ...],
    implicit: str = "default",
    trace: Trace | None = None,
) -> dict[str, Any]:
    """The checked document at `path` merged over its parents; `chain` is who extended it.

    Every error of the file's own settings is collected and reported at once.
    """
    toml = is_toml(path)
    document = read_toml(path, shown) if toml else read_document(path, shown)
    top = TABLE if toml and path.name == "pyproject.toml" else ""
    errors: list[RuleError] = []
    checked = RULE_FILE(document, Where(shown, top, getattr(document, "mark", None), errors))
    if errors:
        raise RuleErrors(errors)
    extends = checked.pop("extends", implicit)
    mark = getattr(document, "value_marks", {}).get("extends")
    where = Where(shown, f"{top}.extends" if top else "extends", mark)
    if extends == "none":
        parent: dict[str, Any] = {}
    elif extends == "default":
        parent = _preset()
        if trace is not None:
            trace.append(("default", parent))
    else:
        target = Path(os.path.normpath(path.parent / extends))
        here = chain + ((shown, path.resolve()),)
        hops = " -> ".join([name for name, _ in here] + [str(target)])
        if target.resolve() in {real for _, real in here}:
            raise where.error(f"extends cycle: {hops}")
        if not target.is_file():
            raise where.error(f"cannot find rule file {str(target)!r} ({hops})")
        parent = _resolve(target, str(target), here, trace=trace)
    _check_names(parent.get("conflicts", []), checked.get("conflicts", []), document, shown, top)
    if trace is not None:
        trace.append((shown, checked))
    return _merge(parent, checked)


def _check_names(
    inherited: list[Conflict], own: list[Conflict], document: Any, shown: str, top: str
) -> None:
    """Refuse a conflict name used twice: first match wins, so the later rule would be dead."""
    seen = {conflict.name for conflict in inherited}
    errors = []
    for index, conflict in enumerate(own):
        if conflict.name in seen:
            entry = document["conflicts"][index]
            path = f"{top}.conflicts[{index}].name" if top else f"conflicts[{index}].name"
            where = Where(shown, path, getattr(entry, "value_marks", {}).get("name"))
            errors.append(
                where.error(f"rule id {conflict.name!r} is already used (first match wins)")
            )
        seen.add(conflict.name)
    if errors:
        raise RuleErrors(errors)


def _merge(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    """Child over parent: mappings key by key, lists parent first, the rest replaced."""
    merged = dict(parent)
    for key, value in child.items():
        if key in ("kinds", "thresholds", "timeline"):
            merged[key] = {**parent.get(key, {}), **value}
        elif key in ("conflicts", "equivalents", "ignore"):
            merged[key] = [*parent.get(key, []), *value]
        else:
            merged[key] = value
    return merged


def _build(merged: dict[str, Any], source: str) -> Rules:
    """The typed Rules of a checked, merged document."""
    kinds, timeline = merged.get("kinds", {}), merged.get("timeline", {})
    thresholds = {
        key.replace("-", "_"): value for key, value in merged.get("thresholds", {}).items()
    }
    return Rules(
        source=source,
        kinds={kind: kinds.get(kind) for kind in Kind},
        conflicts=tuple(merged.get("conflicts", ())),
        equivalents=tuple(tuple(group) for group in merged.get("equivalents", ())),
        ignore=tuple(merged.get("ignore", ())),
        thresholds=Thresholds(**thresholds),
        block=merged.get("block"),
        time=merged.get("time"),
        timeline={label: timeline.get(label) for label in TIMELINE_LABELS},
    )
