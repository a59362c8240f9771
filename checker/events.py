"""Events over time: site-wide changes, and what each page's own history shows.

`update`, `flapping`, `glitch` and `regression` describe one page's history, never a
difference between two pages. A site-wide change of a slot at time T is seen when the pages
captured after T carry the new text: a page captured after T that still carries the old
text is a `straggler`; a page last captured before T is "not captured since the change".
Each event is one finding, however many captures and pages show it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import datetime

from checker.classify import classify, sentence
from checker.history import Capture, Histories, SlotKey
from checker.model import Finding, Holder, Severity, Template
from checker.rating import FindingMaker
from checker.rules import Rules
from checker.timeline import history


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
    changes = {}
    for key, pages in histories.ordered().items():
        if any(_churning(captures) for captures in pages.values()):
            continue
        found = _change(pages, confirm)
        if found is not None:
            changes[key] = found
    return changes


def _change(pages: dict[str, list[Capture]], confirm: int) -> Change | None:
    """The change whose new value most pages captured after it carry, if confirmed."""
    candidates: dict[str, tuple[datetime, set[str]]] = {}
    for captures in pages.values():
        start = _final_run(captures)
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


def _churning(captures: list[Capture]) -> bool:
    """Whether a page's slot changes on most captures: content over time (a news line,
    a date), not boilerplate with a history."""
    distinct = len({c.value for c in captures})
    return distinct > 2 and distinct * 2 > len(captures)


def _final_run(captures: list[Capture]) -> int:
    """The index of the first capture of the last run of equal values."""
    start = len(captures) - 1
    while start > 0 and captures[start - 1].value == captures[-1].value:
        start -= 1
    return start


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
            labelled = _label(finding, "straggler", rules)
            if labelled:
                result.append(labelled)
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


def _label(finding: Finding, label: str, rules: Rules) -> Finding | None:
    """A finding with a timeline label and the severity the rules give it (None: off)."""
    severity = rules.timeline.get(label)
    if severity is None:
        return None
    return replace(finding, label=label, severity=severity, rule=f"timeline:{label}")


@dataclass(frozen=True)
class _Event:
    """What one page's history of one slot shows."""

    label: str
    before: str
    after: str
    captures: tuple[Capture, ...]
    """The captures that show it (the new value's, or the odd ones)."""


def page_events(
    histories: Histories,
    templates: list[Template],
    findings: list[Finding],
    rules: Rules,
) -> list[Finding]:
    """The findings with every page's own history told: one finding per event."""
    flagged = {(f.family, f.slot, f.snapshot): i for i, f in enumerate(findings)}
    result = list(findings)
    grouped: dict[tuple[SlotKey, str, str, str], list[_Event]] = defaultdict(list)
    for key, pages in histories.ordered().items():
        for captures in pages.values():
            drift = flagged.get((*key, captures[-1].path))
            for event in _events(captures, pages, rules.thresholds.confirm):
                if drift is not None and event.label not in ("update", "unconfirmed"):
                    result[drift] = _label(result[drift], event.label, rules) or result[drift]
                elif drift is None:
                    grouped[(key, event.label, event.before, event.after)].append(event)
    for (key, label, before, after), events in sorted(grouped.items()):
        if key[0] < len(templates):
            made = _finding(templates[key[0]], key[1], label, before, after, events, rules)
            if made is not None:
                result.append(made)
    return result


def _events(captures: list[Capture], pages: dict[str, list[Capture]], confirm: int) -> list[_Event]:
    """What one page's history of one slot shows: its most alarming label, and the change
    to its latest value when that is another event (a glitch, then an update)."""
    if len(captures) < 2 or _churning(captures):
        return []
    label = history([(c.when, c.value) for c in captures]).label
    if label is None:
        return []
    settled = _settled(captures)
    start = _final_run(captures)
    events = []
    if label == "regression":
        back = captures[start - 1].value
        events.append(_Event(label, back, captures[-1].value, tuple(captures[start:])))
    elif label != "update":
        first = captures[0].value
        odd = tuple(c for c in captures if c.value not in settled)
        odd = odd or tuple(c for c in captures if c.value != first)
        # One page going back and forth is flapping, whatever the shares of its values.
        name = "flapping" if label == "straggler" else label
        events.append(_Event(name, first, odd[0].value, odd))
    if label in ("update", "glitch") and start > 0 and captures[-1].value != captures[0].value:
        new, when = captures[start].value, captures[start].when
        before = next(c.value for c in reversed(captures[:start]) if c.value in settled)
        later = sum(1 for c in pages.values() for x in c if x.value == new and x.when > when)
        name = "update" if later >= confirm else "unconfirmed"
        events.append(_Event(name, before, new, tuple(captures[start:])))
    return events


def _settled(captures: list[Capture], stable: int = 3) -> set[str]:
    """Values that hold a run of `stable` captures, and the first value (the oldest state)."""
    found, run = {captures[0].value}, 0
    for index, capture in enumerate(captures):
        run = run + 1 if index and captures[index - 1].value == capture.value else 1
        if run >= stable:
            found.add(capture.value)
    return found


def _finding(
    template: Template,
    slot: int,
    label: str,
    before: str,
    after: str,
    events: list[_Event],
    rules: Rules,
) -> Finding | None:
    """One finding for one event, seen on one page or on several."""
    shown = [c for e in events for c in e.captures]
    shown.sort(key=lambda c: (c.when, c.path))
    first, last = shown[0], shown[-1]
    kind, changes = classify(before, after)
    span = (
        f"first capture {first.path} ({first.when:%Y-%m-%d %H:%M}), last {last.path} "
        f"({last.when:%Y-%m-%d %H:%M}), {len(shown)} capture(s)"
    )
    pages = f" on {len(events)} page(s)" if len(events) > 1 else ""
    what = sentence(kind, changes, before, after)
    maker = FindingMaker(template, rules)
    holder = Holder(first.path, first.line, first.text or after, first.when)
    made = maker.make(
        kind,
        holder,
        before,
        "",
        slot=slot,
        anchor=template.slots[slot].canonical,
        variant=f"{label}:{after}",
        changes=changes,
        related=tuple(sorted({e.captures[0].path for e in events} - {first.path})),
    )
    if made is None:
        return None
    if label == "unconfirmed":
        message = (
            f"{what}: changed on its latest capture(s){pages}, not yet confirmed by "
            f"{rules.thresholds.confirm} later capture(s); {span}"
        )
        return replace(made, message=message)
    message = f"{label}{pages}: {what}; {span}"
    return _label(replace(made, message=message), label, rules)
