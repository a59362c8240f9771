"""What one page's own history shows: `update`, `flapping`, `glitch` or `regression`, each
event one finding however many captures and pages show it, and a strip per page."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import datetime

from checker.judge.classify import classify, sentence
from checker.judge.history import Capture, Histories, SlotKey
from checker.judge.rating import FindingMaker
from checker.judge.timeline import history
from checker.model import Template
from checker.rules import Rules
from checker.verdict import Finding, Holder

# Pages whose history the HTML report draws per slot.
MAX_STRIPS = 24


def final_run(captures: list[Capture]) -> int:
    """The index of the first capture of the last run of equal values."""
    start = len(captures) - 1
    while start > 0 and captures[start - 1].value == captures[-1].value:
        start -= 1
    return start


def churning(captures: list[Capture]) -> bool:
    """Whether a page's slot changes on most captures: content over time (a news line,
    a date), not boilerplate with a history."""
    distinct = len({c.value for c in captures})
    return distinct > 2 and distinct * 2 > len(captures)


def labelled(finding: Finding, label: str, rules: Rules) -> Finding | None:
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
    for key, pages in histories.series.items():
        seen = _Seen(pages)
        for captures in pages.values():
            drift = flagged.get((*key, captures[-1].path))
            for event in _events(captures, seen, rules.thresholds.confirm):
                if drift is None or event.captures[-1] is not captures[-1]:
                    grouped[(key, event.label, event.before, event.after)].append(event)
                elif event.label not in ("update", "unconfirmed"):
                    # The drift on the latest capture is this event: label it, once.
                    result[drift] = labelled(result[drift], event.label, rules) or result[drift]
    for (key, label, before, after), events in sorted(grouped.items()):
        if key[0] < len(templates):
            made = _finding(templates[key[0]], key[1], label, before, after, events, rules)
            if made is not None:
                result.append(made)
    return result


class _Seen:
    """When each value of one slot was captured, on any page: to count confirmations."""

    def __init__(self, pages: dict[str, list[Capture]]) -> None:
        times: dict[str, list[datetime]] = defaultdict(list)
        since: dict[str, list[datetime]] = defaultdict(list)
        for captures in pages.values():
            for capture in captures:
                times[capture.value].append(capture.when)
            since[captures[-1].value].append(captures[final_run(captures)].when)
        self.times = {value: sorted(found) for value, found in times.items()}
        self.since = {value: sorted(found) for value, found in since.items()}

    def later(self, value: str, when: datetime) -> int:
        """Captures of any page holding `value` after `when`."""
        found = self.times.get(value, [])
        return len(found) - bisect_right(found, when)

    def before(self, value: str, when: datetime) -> int:
        """Pages that hold `value` to their latest capture, since before `when`: a page that
        changes to it then catches up with a change the site made earlier."""
        return bisect_left(self.since.get(value, []), when)


def _events(captures: list[Capture], seen: _Seen, confirm: int) -> list[_Event]:
    """What one page's history of one slot shows: its most alarming label, and the change
    to its latest value when that is another event (a glitch, then an update)."""
    if len(captures) < 2 or churning(captures):
        return []
    label = history([(c.when, c.value) for c in captures]).label
    if label is None:
        return []
    settled = _settled(captures)
    start = final_run(captures)
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
        confirmed = seen.later(new, when) + seen.before(new, when)
        name = "update" if confirmed >= confirm else "unconfirmed"
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


def strips(
    histories: Histories, key: SlotKey, confirm: int
) -> tuple[tuple[str, str, tuple[tuple[datetime, str], ...]], ...]:
    """Each page's own history of one slot, with the label it earns, for the pages captured
    more than once (the HTML report draws one strip each), when some page's history of the
    slot changed."""
    pages = histories.series.get(key, {})
    seen = _Seen(pages)
    found = []
    for page, captures in sorted(pages.items())[:MAX_STRIPS]:
        if len(captures) > 1:
            told = _events(captures, seen, confirm)
            label = told[0].label if told else ""
            found.append((page, label, tuple((c.when, c.value) for c in captures)))
    # A slot no page's history changed gets no strips: they would all read "unchanged".
    return tuple(found) if any(label for _, label, _ in found) else ()


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
        variant=f"{label}:{before}\x00{after}",  # one event per change: its old value too
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
    return labelled(replace(made, message=message), label, rules)
