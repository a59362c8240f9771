"""The pipeline end to end: sources -> snapshots -> templates -> alignments -> findings -> verdict."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from checker.align import Aligner
from checker.findings import family_findings, fingerprint
from checker.lens import Lens
from checker.load import Source
from checker.model import (
    ExitCode, Finding, Kind, RunResult, Severity, SiteSummary, SlotVariants, Snapshot,
)
from checker.rules import Rules
from checker.snapshot import read
from checker.template import learn_template
from checker.variants import VariantTable


@dataclass(frozen=True)
class SiteResult:
    """What checking one site gave."""

    summary: SiteSummary
    findings: tuple[Finding, ...]
    slots: tuple[SlotVariants, ...]


def check_sources(sources: list[Source], rules: Rules) -> list[SiteResult]:
    """Check every site among the sources, each on its own."""
    by_site: dict[str, list[Source]] = defaultdict(list)
    for source in sources:
        by_site[source.site].append(source)
    return [check_site(site, by_site[site], rules) for site in sorted(by_site)]


def check_site(site: str, sources: list[Source], rules: Rules) -> SiteResult:
    """Learn a site's template from a sample, then stream every snapshot through it."""
    lens = Lens(rules)
    thresholds = rules.thresholds
    sample = _sample(sources, thresholds.sample)
    readable = [s for s in _snapshots(sample) if s.lines]
    template = learn_template(site, 0, readable, lens, thresholds)
    findings: list[Finding] = []
    notes: list[str] = []
    count = 0
    table = VariantTable(template, lens) if template else None
    aligner = Aligner(template, lens, thresholds.fuzzy, thresholds.window) if template else None
    for snapshot in _snapshots(sources):
        count += 1
        notes.extend(f"{snapshot.path}: {note}" for note in snapshot.notes)
        if snapshot.problem:
            findings.extend(_unreadable(snapshot, rules))
        if snapshot.lines and aligner and table:
            table.add(aligner.align(snapshot))
    slots: tuple[SlotVariants, ...] = ()
    if table:
        findings.extend(family_findings(table, rules))
        slots = tuple(table.slot_variants(thresholds))
    elif count > 1:
        notes.append("the snapshots share no block: nothing to compare")
    elif count == 1:
        notes.append("a single snapshot: nothing to compare it with (give a baseline)")
    summary = SiteSummary(site, count, 1 if template else 0, notes=tuple(notes))
    return SiteResult(summary, tuple(sorted(findings)), slots)


def _sample(sources: list[Source], size: int) -> list[Source]:
    """A seeded, bounded sample, so the same corpus always learns the same template."""
    if len(sources) <= size:
        return sources
    picked = random.Random(len(sources)).sample(range(len(sources)), size)
    return [sources[i] for i in sorted(picked)]


def _snapshots(sources: Iterable[Source]) -> Iterator[Snapshot]:
    """Read every source in order."""
    for source in sources:
        yield from read(source)


def _unreadable(snapshot: Snapshot, rules: Rules) -> Iterator[Finding]:
    """A snapshot that could not be read or decoded becomes a finding on it."""
    severity, rule = rules.severity(Kind.SNAPSHOT_UNREADABLE, "")
    if severity is None:
        return
    yield Finding(
        site=snapshot.site, snapshot=snapshot.path, line=1, kind=Kind.SNAPSHOT_UNREADABLE,
        severity=severity, rule=rule, expected="", found="", message=snapshot.problem or "",
        fingerprint=fingerprint(snapshot.site, snapshot.path, Kind.SNAPSHOT_UNREADABLE, ""),
    )


def verdict(findings: Iterable[Finding], fail_on: Severity | None) -> ExitCode:
    """DRIFT when any finding reaches the threshold; the one place exit codes are decided."""
    if fail_on is not None and any(f.severity >= fail_on for f in findings):
        return ExitCode.DRIFT
    return ExitCode.OK


def result_of(sites: list[SiteResult], fail_on: Severity | None, suppressed: int = 0) -> RunResult:
    """Gather the sites' results into one run result."""
    findings = tuple(sorted(f for s in sites for f in s.findings))
    return RunResult(
        findings=findings,
        sites=tuple(s.summary for s in sites),
        slots=tuple(v for s in sites for v in s.slots),
        fail_on=fail_on,
        exit_code=verdict(findings, fail_on),
        suppressed=suppressed,
    )

