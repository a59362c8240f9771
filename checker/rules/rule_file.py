"""The rule file's schema, declared as checks: every key, its type and range, and what a
checked entry becomes (a Pattern, a Conflict, an Example, a BlockPin, a TimeSource)."""

from __future__ import annotations

from typing import Any

from checker.model import Kind, Severity
from checker.rules.model import (
    TIMELINE_LABELS,
    BlockPin,
    Conflict,
    Example,
    Pattern,
    TimeSource,
)
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
