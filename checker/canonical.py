"""Canonical text: what a clear majority of a slot's pages hold, or that it is a field."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from checker.knobs import CLEAR, FIELD_VALUES
from checker.observe import ABSENT
from checker.record import record
from checker.rules import Thresholds
from checker.timeline import history


def current_text(
    timeline: list[tuple[datetime, str]], counts: Counter[str], majority: str | None
) -> str | None:
    """With dated captures, the canonical text is the current one (the latest stable
    value), not only the majority's, provided most captures of the slot are dated."""
    if len(timeline) < 2 or len(timeline) * 2 < sum(counts.values()):
        return majority
    current = history(sorted(timeline)).current
    return current if current is not None and current in counts else majority


def canonical_text(counts: Counter[str], thresholds: Thresholds) -> tuple[str | None, bool]:
    """The clear-majority text; else whether the slot is per-page content."""
    total = sum(counts.values())
    if not total:
        return None, False
    if record_field(counts):
        return None, True
    ranked = counts.most_common(2)
    top, top_count = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    if top_count > thresholds.majority * total and top_count >= CLEAR * second:
        return top, False
    content = len(counts) > thresholds.content * total
    return None, content


def record_field(counts: Counter[str]) -> bool:
    """Whether a slot is a field of each page's record: one key whose value comes in
    FIELD_VALUES values or more, each held by several pages (a member's party, the
    section a breadcrumb names). An older version of a line comes in two."""
    keys = {record(text).key for text in counts if text != ABSENT}
    if len(keys) != 1 or None in keys:
        return False
    return sum(1 for text, n in counts.items() if text != ABSENT and n >= 2) >= FIELD_VALUES
