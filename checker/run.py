"""The pipeline end to end: sources -> snapshots -> templates -> alignments -> findings -> verdict."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from checker.align import Aligner
from checker.baseline import Baseline
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
    templates: tuple[Template, ...] = ()
    """The templates used, the across-families one (family -1) last."""
    decided: dict[tuple[str, int], dict[int, str | None]] = field(default_factory=dict)
    """Each family's decided canonical text per slot (None: content or no majority)."""


def check_sources(
    sources: list[Source], rules: Rules, baseline: Baseline | None = None
) -> list[SiteResult]:
    """Check every site among the sources, each on its own."""
    by_site: dict[str, list[Source]] = defaultdict(list)
    for source in sources:
        by_site[source.site].append(source)
    return [check_site(site, by_site[site], rules, baseline) for site in sorted(by_site)]


def check_site(
    site: str, sources: list[Source], rules: Rules, baseline: Baseline | None = None
) -> SiteResult:
    """Learn a site's families from a sample (or take them from the baseline), then
    stream every snapshot through them."""
    lens = Lens(rules)
    thresholds = rules.thresholds
    templates, shared, decided = _templates(site, sources, rules, lens, baseline)
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
    chosen: dict[tuple[str, int], dict[int, str | None]] = {}
    for check in [*checks, *([across] if across else [])]:
        key = (site, check.table.template.family)
        variants = check.table.slot_variants(thresholds, decided.get(key))
        if _unheld(variants):
            _rescan(check, sources, index, templates, _unheld(variants))
            variants = check.table.slot_variants(thresholds, decided.get(key))
        chosen[key] = {v.slot.id: v.canonical for v in variants}
        found = list(family_findings(check.table, rules, variants))
        findings.extend(found if check is not across else _new_only(found, findings))
        if check is not across:
            slots.extend(variants)
    if not checks:
        notes.append(_nothing_to_compare(count))
    summary = SiteSummary(site, count, len(templates), notes=tuple(notes))
    used = tuple(templates) + ((shared,) if shared else ())
    return SiteResult(summary, tuple(sorted(findings)), tuple(slots), used, chosen)


def _unheld(variants: list[SlotVariants]) -> set[tuple[int, str]]:
    """Non-canonical variants whose holders were only counted, not kept.

    The table keeps holders of every text but the sample's canonical one; when the full
    corpus elects another text, the pages holding the sample's text must be found again.
    """
    return {
        (v.slot.id, variant.text)
        for v in variants if v.canonical is not None
        for variant in v.variants
        if variant.text != v.canonical and variant.count and not variant.holders
    }


def _rescan(
    check: _FamilyCheck, sources: list[Source], index: FamilyIndex,
    templates: list[Template], wanted: set[tuple[int, str]],
) -> None:
    """Read the family's snapshots again to collect the holders of the wanted variants."""
    family = check.table.template.family
    for snapshot in _snapshots(sources):
        if not snapshot.lines:
            continue
        if family >= 0 and templates[index.assign(snapshot)].family != family:
            continue
        check.table.collect(check.aligner.align(snapshot), wanted)


def _templates(
    site: str, sources: list[Source], rules: Rules, lens: Lens, baseline: Baseline | None
) -> tuple[list[Template], Template | None, dict[tuple[str, int], dict[int, str | None]]]:
    """The site's family templates, its across-families template and any fixed canonicals."""
    if baseline is not None and site in baseline.templates:
        recorded = baseline.templates[site]
        families = [t for t in recorded if t.family >= 0]
        shared = next((t for t in recorded if t.family < 0), None)
        return families, shared, baseline.decided
    sample = [s for s in _snapshots(_sample(sources, rules.thresholds.sample)) if s.lines]
    templates = learn_families(site, sample, lens, rules.thresholds)
    shared = None
    if len(templates) > 1:
        shared = _shared_template(site, sample, lens, rules.thresholds)
    return templates, shared, {}


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


def result_of(
    sites: list[SiteResult], fail_on: Severity | None, suppressed: int = 0,
    findings: Iterable[Finding] | None = None,
) -> RunResult:
    """Gather the sites' results (or the given findings) into one run result."""
    chosen = findings if findings is not None else (f for s in sites for f in s.findings)
    ordered = tuple(sorted(chosen))
    return RunResult(
        findings=ordered,
        sites=tuple(s.summary for s in sites),
        slots=tuple(v for s in sites for v in s.slots),
        fail_on=fail_on,
        exit_code=verdict(ordered, fail_on),
        suppressed=suppressed,
    )
