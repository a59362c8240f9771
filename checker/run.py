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
    ExitCode, Finding, Kind, RunResult, Severity, SiteSummary, SlotVariants, Snapshot, Template,
)
from checker.rules import Rules, Thresholds
from checker.snapshot import read
from checker.families import FamilyIndex, cluster
from checker.template import learn_template
from checker.variants import VariantTable

# Lines checked across families must stand on nearly every page of the site.
SHARED_SUPPORT = 0.8


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
    """Learn a site's families from a sample, then stream every snapshot through them."""
    lens = Lens(rules)
    thresholds = rules.thresholds
    sample = [s for s in _snapshots(_sample(sources, thresholds.sample)) if s.lines]
    templates = learn_families(site, sample, lens, thresholds)
    shared = _shared_template(site, sample, lens, thresholds) if len(templates) > 1 else None
    checks = [_FamilyCheck(t, lens, thresholds) for t in templates]
    across = _FamilyCheck(shared, lens, thresholds) if shared else None
    index = FamilyIndex(templates, lens)
    findings: list[Finding] = []
    notes: list[str] = []
    count = 0
    for snapshot in _snapshots(sources):
        count += 1
        notes.extend(f"{snapshot.path}: {note}" for note in snapshot.notes)
        if snapshot.problem:
            findings.extend(_unreadable(snapshot, rules))
        if snapshot.lines and checks:
            checks[index.assign(snapshot)].add(snapshot)
            if across:
                across.add(snapshot)
    slots: list[SlotVariants] = []
    for check in checks:
        findings.extend(family_findings(check.table, rules))
        slots.extend(check.table.slot_variants(thresholds))
    if across:
        findings.extend(_new_only(family_findings(across.table, rules), findings))
    if not checks:
        notes.append(_nothing_to_compare(count))
    summary = SiteSummary(site, count, len(templates), notes=tuple(notes))
    return SiteResult(summary, tuple(sorted(findings)), tuple(slots))


def learn_families(
    site: str, sample: list[Snapshot], lens: Lens, thresholds: Thresholds
) -> list[Template]:
    """One template per family of pages that share a block."""
    if len(sample) < 2:
        return []
    groups = cluster(sample, lens, thresholds.min_pages)
    templates = []
    for group in groups:
        members = [sample[i] for i in group]
        template = learn_template(site, len(templates), members, lens, thresholds)
        if template is not None:
            templates.append(template)
    return templates


def _shared_template(
    site: str, sample: list[Snapshot], lens: Lens, thresholds: Thresholds
) -> Template | None:
    """Lines nearly every page carries whatever its family (a logo link, a copyright line)."""
    return learn_template(site, -1, sample, lens, thresholds, min_support=SHARED_SUPPORT)


def _new_only(candidates: Iterable[Finding], known: list[Finding]) -> list[Finding]:
    """Findings of the across-families check that no family check already made."""
    seen = {(f.snapshot, f.line, f.kind) for f in known}
    return [f for f in candidates if (f.snapshot, f.line, f.kind) not in seen]


def _nothing_to_compare(count: int) -> str:
    """Why a site gave no template."""
    if count == 1:
        return "a single snapshot: nothing to compare it with (give a baseline)"
    return "the snapshots share no block: nothing to compare"


class _FamilyCheck:
    """One template with its aligner and variant table."""

    def __init__(self, template: Template, lens: Lens, thresholds: Thresholds) -> None:
        self.aligner = Aligner(template, lens, thresholds.fuzzy, thresholds.window)
        self.table = VariantTable(template, lens)

    def add(self, snapshot: Snapshot) -> None:
        """Align one snapshot and count it."""
        self.table.add(self.aligner.align(snapshot))


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

