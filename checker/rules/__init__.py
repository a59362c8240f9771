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
from pathlib import Path
from typing import Any

from checker.model import Kind
from checker.rules.config import TABLE, is_toml, read_toml
from checker.rules.document import RuleError, RuleErrors, Where, read_document
from checker.rules.model import (
    TIMELINE_LABELS,
    BlockPin,
    Conflict,
    Example,
    Pattern,
    Rules,
    Thresholds,
    TimeSource,
)
from checker.rules.rule_file import RULE_FILE

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

PRESET = Path(__file__).resolve().parent.parent / "presets" / "default.yaml"


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
