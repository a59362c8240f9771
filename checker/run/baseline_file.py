"""Reading a baseline file: the YAML a `snapdrift baseline` run wrote, checked key by key, back
as templates, decided canonical texts and accepted findings. Any damage is one BaselineError
naming the file and the key."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from checker.model import Slot, Template

VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be used: exit 2 with this message."""


@dataclass(frozen=True)
class Accepted:
    """One accepted drift, keyed by its fingerprint."""

    fingerprint: str
    site: str
    kind: str
    slot: str
    variant: str
    snapshots: tuple[str, ...]
    reason: str = ""
    expires: dt.date | None = None


@dataclass(frozen=True)
class Baseline:
    """What a team accepted: each site's templates with their decided canonical text."""

    path: str
    templates: dict[str, tuple[Template, ...]]
    decided: dict[tuple[str, int], dict[int, str | None]]
    accepted: dict[str, Accepted]
    placeholders: dict[str, frozenset[str]] = field(default_factory=dict)
    """Each site's usual lines of placeholder links, as its pages were read."""


def load_baseline(path: str) -> Baseline:
    """Read and check a baseline file; any damage is a BaselineError naming the file."""
    try:
        text = Path(path).read_text(encoding="utf-8")
        document = yaml.safe_load(text)
    except OSError as error:
        raise BaselineError(f"{path}: cannot be read: {error.strerror}") from error
    except UnicodeDecodeError as error:
        raise BaselineError(f"{path}: not UTF-8 text ({error.reason})") from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        near = ""
        context = getattr(error, "context_mark", None) or mark
        if context is not None and context.line < len(text.splitlines()):
            near = f" (near {text.splitlines()[context.line].strip()[:60]!r})"
        raise BaselineError(f"{path}{where}: not a valid baseline: {problem}{near}") from error
    try:
        return _parse(path, document)
    except _Malformed as error:
        raise BaselineError(f"{path}: not a valid baseline: {error}") from error


class _Malformed(ValueError):
    """A baseline value of the wrong shape, with where it is."""


def _get(mapping: Any, key: str, convert: Any, where: str) -> Any:
    """`mapping[key]` converted, or a _Malformed error naming the key path."""
    if not isinstance(mapping, dict):
        raise _Malformed(f"at {where}: expected a mapping, got {type(mapping).__name__}")
    if key not in mapping:
        raise _Malformed(f"at {where}: missing key {key!r}")
    value = mapping[key]
    try:
        return convert(value)
    except (TypeError, ValueError) as error:
        raise _Malformed(
            f"at {where}.{key}: {value!r} is not {_NOUNS.get(convert, 'valid')}"
        ) from error


def _date(value: Any) -> dt.date | None:
    """An `expires` value: a date, an ISO date string, or nothing."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _text_or_none(value: Any) -> str | None:
    """A slot's decided text, or None."""
    return None if value is None else str(value)


def _items(value: Any) -> list[Any]:
    """A YAML list."""
    if not isinstance(value, list):
        raise TypeError("not a list")
    return value


_NOUNS = {
    int: "a whole number",
    float: "a number",
    _date: "a date (YYYY-MM-DD)",
    _items: "a list",
    str: "text",
}


def _parse(path: str, document: Any) -> Baseline:
    """Turn the YAML document into typed records."""
    if not isinstance(document, dict) or document.get("version") != VERSION:
        raise _Malformed(f"expected a mapping with version: {VERSION}")
    sites = _get(document, "sites", dict, "top level")
    templates: dict[str, tuple[Template, ...]] = {}
    decided: dict[tuple[str, int], dict[int, str | None]] = {}
    for site, families in sites.items():
        built = []
        for number, family in enumerate(_get({"f": families}, "f", _items, f"sites.{site}")):
            template, chosen = _template(str(site), family, f"sites.{site}[{number}]")
            built.append(template)
            decided[(template.site, template.family)] = chosen
        templates[str(site)] = tuple(built)
    accepted = {}
    for number, entry in enumerate(document.get("accepted") or []):
        item = _accepted_entry(entry, f"accepted[{number}]")
        accepted[item.fingerprint] = item
    usual = _get(document, "placeholders", dict, "top level") if "placeholders" in document else {}
    placeholders = {
        str(site): frozenset(map(str, _get(usual, site, _items, "placeholders"))) for site in usual
    }
    return Baseline(path, templates, decided, accepted, placeholders)


def _template(site: str, family: Any, where: str) -> tuple[Template, dict[int, str | None]]:
    """One recorded family back as a Template and its decided canonical texts."""
    slots = []
    chosen: dict[int, str | None] = {}
    for number, entry in enumerate(_get(family, "slots", _items, where)):
        at = f"{where}.slots[{number}]"
        slot = Slot(
            id=_get(entry, "slot", int, at),
            block=_get(entry, "block", int, at),
            canonical=_get(entry, "text", str, at),
            support=_get(entry, "support", float, at),
            variants=tuple(str(v) for v in _get(entry, "variants", _items, at)),
            occurrence=_get(entry, "occurrence", int, at),
            position=_get(entry, "position", int, at),
            section=_get({"section": -1, **entry}, "section", int, at),
        )
        slots.append(slot)
        chosen[slot.id] = _get(entry, "canonical", _text_or_none, at)
    if [s.id for s in slots] != list(range(len(slots))):
        raise _Malformed(f"at {where}.slots: slots are not numbered 0..{len(slots) - 1}")
    pairs = _get(family, "content_gaps", _items, where)
    runs = _get(family, "content_runs", _items, where)
    try:
        gaps = frozenset((int(s), str(w)) for s, w in pairs)
        usual = tuple((int(s), int(n)) for s, n in runs)
    except (TypeError, ValueError) as error:
        raise _Malformed(f"at {where}: content_gaps and content_runs hold pairs") from error
    template = Template(
        site=site,
        family=_get(family, "family", int, where),
        slots=tuple(slots),
        sample_size=_get(family, "sample_size", int, where),
        content_gaps=gaps,
        content_runs=usual,
        structure=frozenset(str(t) for t in _get(family, "structure", _items, where)),
        rivals=frozenset(_pairs(_get({"rivals": [], **family}, "rivals", _items, where), where)),
        loose=_slot_pairs(
            _pairs(_get({"loose": [], **family}, "loose", _items, where), where), where
        ),
        beside=_slot_pairs(
            _pairs(_get({"beside": [], **family}, "beside", _items, where), where), where
        ),
        forms=tuple(
            (int(a), str(b))
            for a, b in _pairs(_get({"forms": [], **family}, "forms", _items, where), where)
        ),
    )
    return template, chosen


def _pairs(items: list, where: str) -> list[tuple[int, Any]]:
    """`rivals`, `forms`, `loose` or `beside` as pairs, each led by a section or slot number."""
    try:
        return [(int(a), b if isinstance(b, str) else int(b)) for a, b in items]
    except (TypeError, ValueError) as error:
        message = f"at {where}: rivals, forms, loose and beside hold pairs led by a number"
        raise _Malformed(message) from error


def _slot_pairs(pairs: list[tuple[int, Any]], where: str) -> frozenset[tuple[int, int]]:
    """`loose` or `beside` pairs: two slot numbers each."""
    if any(isinstance(b, str) for _, b in pairs):
        raise _Malformed(f"at {where}: loose and beside hold pairs of slot numbers")
    return frozenset(pairs)


def _accepted_entry(entry: Any, where: str) -> Accepted:
    """One accepted finding, with its optional reason and expiry date."""
    if not isinstance(entry, dict):
        raise _Malformed(f"at {where}: expected a mapping")
    return Accepted(
        fingerprint=_get(entry, "fingerprint", str, where),
        site=_get(entry, "site", str, where),
        kind=_get(entry, "kind", str, where),
        slot=str(entry.get("slot") or ""),
        variant=str(entry.get("variant") or ""),
        snapshots=tuple(str(s) for s in entry.get("snapshots") or ()),
        reason=str(entry.get("reason") or ""),
        expires=_get({"expires": entry.get("expires")}, "expires", _date, where),
    )
