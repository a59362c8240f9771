"""`snapdrift rules show`: the effective rules, merged, with the file each setting came from.

The output is YAML a rule file could hold (with `extends: none`), each setting followed by a
`# from FILE` comment naming the file of the `extends` chain that set it.
"""

from __future__ import annotations

import json
from typing import Any

from checker.model import Kind, Severity
from checker.rules import TIMELINE_LABELS, Conflict, Pattern, Thresholds, Trace

ORDER = ("kinds", "conflicts", "equivalents", "ignore", "thresholds", "block", "time", "timeline")
_BY_KEY = ("kinds", "thresholds", "timeline")
_LISTS = ("conflicts", "equivalents", "ignore")
_DEFAULT_THRESHOLDS = {
    "fuzzy": Thresholds.fuzzy,
    "majority": Thresholds.majority,
    "content": Thresholds.content,
    "window": Thresholds.window,
    "min-pages": Thresholds.min_pages,
    "sample": Thresholds.sample,
}


def _origin(shown: str) -> str:
    """The comment naming where a setting came from."""
    return "# not set" if shown == "not set" else f"# from {shown}"


def _scalar(value: Any) -> str:
    """One value as YAML writes it: severities and kinds as words, text double-quoted."""
    if value is None:
        return "off"
    if isinstance(value, Severity):
        return value.label
    if isinstance(value, Kind):
        return value.value
    if isinstance(value, Pattern):
        return json.dumps(value.source, ensure_ascii=False)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _replay(trace: Trace) -> tuple[dict[str, dict[Any, tuple[Any, str]]], dict[str, Any]]:
    """Per-key settings with their origin, merged as `load_rules` merges them."""
    keyed: dict[str, dict[Any, tuple[Any, str]]] = {key: {} for key in _BY_KEY}
    rest: dict[str, Any] = {key: [] for key in _LISTS}
    for shown, settings in trace:
        for key, value in settings.items():
            if key in _BY_KEY:
                keyed[key].update({k: (v, shown) for k, v in value.items()})
            elif key in _LISTS:
                rest[key] = [*rest[key], *((item, shown) for item in value)]
            elif key != "extends":
                rest[key] = (value, shown)
    return keyed, rest


def _conflict(conflict: Conflict, shown: str) -> list[str]:
    """One conflict rule as a YAML list item."""
    kinds = ", ".join(sorted(kind.value for kind in conflict.kinds))
    lines = [
        f"  - name: {conflict.name}  {_origin(shown)}",
        f"    kind: [{kinds}]",
        f"    severity: {_scalar(conflict.severity)}",
    ]
    if conflict.slot is not None:
        lines.append(f"    slot: {_scalar(conflict.slot)}")
    if conflict.examples:
        lines.append(f"    # {len(conflict.examples)} example(s): snapdrift rules test")
    return lines


def _section(
    key: str, keyed: dict[str, dict[Any, tuple[Any, str]]], rest: dict[str, Any]
) -> list[str]:
    """The lines of one top-level key."""
    if key in _BY_KEY:
        names: list[Any] = {
            "kinds": [kind.value for kind in Kind],
            "thresholds": list(_DEFAULT_THRESHOLDS),
            "timeline": list(TIMELINE_LABELS),
        }[key]
        lines = [f"{key}:"]
        for name in names:
            lookup = Kind(name) if key == "kinds" else name
            unset = (_DEFAULT_THRESHOLDS.get(name), "not set")
            value, shown = keyed[key].get(lookup, unset)
            lines.append(f"  {name}: {_scalar(value)}  {_origin(shown)}")
        return lines
    if key in _LISTS:
        items = rest[key]
        if not items:
            return [f"{key}: []"]
        lines = [f"{key}:"]
        for item, shown in items:
            if key == "conflicts":
                lines += _conflict(item, shown)
            elif key == "equivalents":
                lines.append(f"  - [{', '.join(_scalar(p) for p in item)}]  {_origin(shown)}")
            else:
                lines.append(f"  - {_scalar(item)}  {_origin(shown)}")
        return lines
    value, shown = rest.get(key, (None, "not set"))
    if value is None:
        return [f"{key}: null  {_origin(shown)}"]
    fields = ("start", "end") if key == "block" else ("filename", "line")
    inner = [f"  {name}: {_scalar(getattr(value, name))}" for name in fields]
    return [f"{key}:  {_origin(shown)}", *inner]


def render_effective(source: str, trace: Trace) -> str:
    """The merged rules as YAML, each setting with the file it came from."""
    files = " -> ".join(shown for shown, _ in trace)
    keyed, rest = _replay(trace)
    lines = [f"# effective rules of {source} ({files})", "extends: none"]
    for key in ORDER:
        lines += _section(key, keyed, rest)
    return "\n".join(lines) + "\n"
