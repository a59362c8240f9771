"""Site-wide changes over time: the new value is canonical, and a page that still shows the old
one is a straggler (captured after the change) or "not captured since the change" (info).

`update`, `flapping`, `glitch` and `regression` describe one page's history, never a
difference between two pages (`checker.judge.page_history`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from checker.judge.history import Capture, Histories, SlotKey
from checker.judge.page_history import churning, final_run, labelled, page_events, strips
from checker.model import Severity, Template
from checker.rules import Rules
from checker.verdict import Finding, SlotVariants


@dataclass(frozen=True)
class Change:
    """A site-wide change of one slot: the pages captured after `when` carry `new`."""

    old: frozenset[str]
    """The values it replaced."""
    new: str
    """The value the site now carries."""
    when: datetime
    """The first capture of the new value."""


def site_changes(histories: Histories, confirm: int) -> dict[SlotKey, Change]:
    """Each slot's site-wide change, where the captures show one."""
    changes: dict[SlotKey, Change] = {}
    if not histories.repeated():
        return changes
    for key, pages in histories.series.items():
        if any(churning(captures) for captures in pages.values()):
            continue
        found = _change(pages, confirm)
        if found is not None:
            changes[key] = found
    return changes


def _change(pages: dict[str, list[Capture]], confirm: int) -> Change | None:
    """The change whose new value most pages captured after it carry, if confirmed."""
    candidates: dict[str, tuple[datetime, set[str]]] = {}
    for captures in pages.values():
        start = final_run(captures)
        if start == 0:
            continue
        new, when = captures[start].value, captures[start].when
        first, olds = candidates.get(new, (when, set()))
        candidates[new] = (min(first, when), olds | {captures[start - 1].value})
    best: tuple[int, Change] | None = None
    for new, (when, olds) in sorted(candidates.items()):
        after = [c[-1].value for c in pages.values() if c[-1].when > when or c[-1].value == new]
        holding = after.count(new)
        later = sum(1 for c in pages.values() for x in c if x.value == new and x.when > when)
        if holding * 2 > len(after) and later >= confirm and (best is None or holding > best[0]):
            best = (holding, Change(frozenset(olds - {new}), new, when))
    return best[1] if best else None


def with_changes(
    decided: dict[int, str | None] | None,
    changes: dict[SlotKey, Change],
    family: int,
    across: bool,
) -> dict[int, str | None] | None:
    """A family's decided canonical texts: a baseline's, then the site-wide changes' new
    values (the across-families template keeps its majority)."""
    if across:
        return decided
    mine = {slot: change.new for (fam, slot), change in changes.items() if fam == family}
    if not mine:
        return decided
    return {**mine, **(decided or {})}


def told(
    findings: list[Finding],
    slots: list[SlotVariants],
    histories: Histories,
    changes: dict[SlotKey, Change],
    templates: list[Template],
    rules: Rules,
) -> tuple[list[Finding], list[SlotVariants]]:
    """The site's findings and slots with its pages' histories told (when a page was
    captured more than once): relabelled drift, one finding per event, a strip per page."""
    if not histories.repeated():
        return findings, slots
    found = page_events(histories, templates, relabel(findings, histories, changes, rules), rules)
    confirm = rules.thresholds.confirm
    drawn = [
        replace(s, pages=strips(histories, (s.template.family, s.slot.id), confirm)) for s in slots
    ]
    return found, drawn


def relabel(
    findings: list[Finding], histories: Histories, changes: dict[SlotKey, Change], rules: Rules
) -> list[Finding]:
    """Drift on a page's latest capture that is an old value of a site-wide change becomes
    a straggler (captured after the change) or "not captured since the change" (info)."""
    result = []
    for finding in findings:
        change = changes.get((finding.family, finding.slot))
        captures = histories.series.get((finding.family, finding.slot), {}).get(
            histories.page(finding.snapshot), []
        )
        if change is None or not captures or captures[-1].value not in change.old:
            result.append(finding)
            continue
        last = captures[-1].when
        if last > change.when:
            straggler = labelled(finding, "straggler", rules)
            if straggler:
                result.append(straggler)
            continue
        severity = rules.timeline.get("update")
        if severity is not None:
            message = (
                f"not captured since the change on {change.when:%Y-%m-%d}: its latest capture "
                f"({last:%Y-%m-%d}) still shows the old text; {finding.message}"
            )
            result.append(
                replace(
                    finding,
                    severity=Severity.INFO,
                    label="update",
                    message=message,
                    rule="timeline:not-captured-since",
                )
            )
    return result
