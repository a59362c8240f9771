"""The pipeline end to end: sources -> templates -> per-snapshot stage -> variants -> findings."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from checker.judge import history
from checker.judge.across import family_links
from checker.judge.events import Change, site_changes, told, with_changes
from checker.judge.findings import family_findings
from checker.judge.history import Histories, SlotKey
from checker.judge.rating import fingerprint
from checker.judge.variants import VariantTable
from checker.learn.site import Decided, SiteTemplates, site_templates
from checker.model import Kind, Severity, Template
from checker.read.load import Source
from checker.rules import Rules
from checker.rules.lens import Lens
from checker.run.baseline import Baseline
from checker.run.engine import Checked, Chunk, Stage
from checker.run.workers import start_workers
from checker.verdict import ExitCode, Finding, RunResult, SiteSummary, SlotVariants

# Notes kept per site; a million detected encodings need not all be listed.
MAX_NOTES = 200


@dataclass(frozen=True)
class Execution:
    """Where the per-snapshot stage runs."""

    jobs: int = 1
    engine: str = "local"
    scheduler: str | None = None
    progress: bool = False
    mtime: bool = False
    """A file's modification time is its capture time when nothing else gives one."""


@dataclass(frozen=True)
class SiteResult:
    """What checking one site gave."""

    summary: SiteSummary
    findings: tuple[Finding, ...]
    slots: tuple[SlotVariants, ...]
    templates: tuple[Template, ...] = ()
    """The templates used, the across-families one (family -1) last."""
    decided: Decided = field(default_factory=dict)
    """Each family's decided canonical text per slot (None: content or no majority)."""
    placeholders: frozenset[str] = frozenset()
    """The site's usual lines of placeholder links (`SiteTemplates.placeholders`)."""


def check_sources(
    sources: list[Source],
    rules: Rules,
    baseline: Baseline | None = None,
    execution: Execution = Execution(),
) -> list[SiteResult]:
    """Check every site among the sources, each on its own."""
    start_workers(execution)
    by_site: dict[str, list[Source]] = defaultdict(list)
    for source in sources:
        by_site[source.site].append(source)
    return [check_site(site, by_site[site], rules, baseline, execution) for site in sorted(by_site)]


def check_site(
    site: str,
    sources: list[Source],
    rules: Rules,
    baseline: Baseline | None = None,
    execution: Execution = Execution(),
) -> SiteResult:
    """Learn (or take) the site's templates, stream every snapshot through them, reduce."""
    learned = site_templates(site, sources, rules, baseline, execution.jobs)
    lens = Lens(rules)
    tables = [VariantTable(t, lens) for t in learned.families]
    across = VariantTable(learned.shared, lens) if learned.shared else None
    times = history.capture_times(sources, rules, execution.mtime)
    reading = learned.reading(times)
    stage = Stage(learned.families, learned.shared, rules, reading, learned.shortcut)
    findings: list[Finding] = []
    notes: list[str] = history.layout_notes(sources)
    count = skipped = 0
    histories = Histories(times, learned.families) if history.dated(sources, times) else None
    chunks, replay = history.streams(stage, sources, execution, histories)
    for chunk in _progress(chunks, len(sources), execution):
        count += chunk.snapshots
        for checked in chunk.remarks:
            skipped += checked.skipped
            if len(notes) < MAX_NOTES or checked.skipped:
                notes.extend(f"{checked.path}: {note}" for note in checked.notes)
            if checked.problem:
                findings.extend(_unreadable(site, checked, rules))
        for family, partial in chunk.tables.items():
            (across if family < 0 else tables[family]).merge(partial)  # type: ignore[union-attr]
    changes = site_changes(histories, rules.thresholds.confirm) if histories else {}
    slots, chosen = _reduce(site, tables, across, learned, rules, findings, replay, changes)
    if histories is not None:
        findings[:], slots = told(findings, slots, histories, changes, learned.families, rules)
        notes.extend(history.time_notes(histories, rules.time is not None))
    if not tables:
        notes.append(_nothing_to_compare(count))
    summary = SiteSummary(site, count, len(tables), skipped=skipped, notes=tuple(notes))
    used = (*learned.families, *([learned.shared] if learned.shared else []))
    found = tuple(sorted(findings))
    return SiteResult(summary, found, tuple(slots), used, chosen, learned.placeholders)


def _reduce(
    site: str,
    tables: list[VariantTable],
    across: VariantTable | None,
    learned: SiteTemplates,
    rules: Rules,
    findings: list[Finding],
    replay: Callable[[], Iterable[Checked]],
    changes: dict[SlotKey, Change],
) -> tuple[list[SlotVariants], Decided]:
    """Decide every family's canonical texts and turn the variants into findings.

    `replay` streams the snapshots the tables counted again; `changes` are the site-wide
    changes the histories show, whose new values are canonical (a baseline's come first).
    """
    slots: list[SlotVariants] = []
    chosen: Decided = {}
    for number, table in enumerate([*tables, *([across] if across else [])]):
        key, is_across = (site, table.template.family), table is across
        decided = with_changes(learned.decided.get(key), changes, number, is_across)
        variants = family_links(table.slot_variants(rules.thresholds, decided), chosen, is_across)
        wanted = _unheld(variants)
        if wanted:
            for checked in replay():
                observation = checked.across if is_across else checked.observation
                if observation is not None and (is_across or checked.family == number):
                    table.collect(observation, wanted)
            variants = family_links(
                table.slot_variants(rules.thresholds, decided), chosen, is_across
            )
        chosen[key] = {v.slot.id: v.canonical for v in variants}
        found = list(family_findings(table, rules, variants))
        findings.extend(_new_only(found, findings) if is_across else found)
        if not is_across:
            slots.extend(variants)
    return slots, chosen


def _progress(chunks: Iterator[Chunk], total: int, execution: Execution) -> Iterator[Chunk]:
    """A progress bar on stderr for long runs on a terminal (tqdm shows it after 2 s)."""
    if not execution.progress:
        yield from chunks
        return
    from tqdm import tqdm

    with tqdm(total=total, unit="file", delay=2.0, leave=False, dynamic_ncols=True) as bar:
        for chunk in chunks:
            bar.update(chunk.snapshots)
            yield chunk


def _unheld(variants: list[SlotVariants]) -> set[tuple[int, str]]:
    """Non-canonical variants whose holders were only counted, not kept.

    The table keeps holders of every text but the sample's canonical one; when the full
    corpus elects another text, the pages holding the sample's text are found again.
    """
    return {
        (v.slot.id, variant.text)
        for v in variants
        if v.canonical is not None
        for variant in v.variants
        if variant.text != v.canonical and variant.count and not variant.holders
    }


# What the across-families check reports: the text of lines every family holds. Where
# such lines stand, and what else stands among them, is each family's own matter (M6).
_ACROSS_KINDS = frozenset({Kind.NUMBER_CHANGED, Kind.URL_CHANGED, Kind.URL_MISSING})
_ACROSS_KINDS |= {Kind.URL_ADDED, Kind.VALUE_CHANGED, Kind.TEXT_CHANGED}


def _new_only(candidates: Iterable[Finding], known: list[Finding]) -> list[Finding]:
    """Text findings of the across-families check that no family check already made."""
    seen = {(f.snapshot, f.line, f.kind) for f in known}
    return [
        f
        for f in candidates
        if f.kind in _ACROSS_KINDS and (f.snapshot, f.line, f.kind) not in seen
    ]


def _nothing_to_compare(count: int) -> str:
    """Why a site gave no template."""
    if count == 1:
        return "a single snapshot: nothing to compare it with (give a baseline)"
    return "the snapshots share no block: nothing to compare"


def _unreadable(site: str, checked: Checked, rules: Rules) -> Iterator[Finding]:
    """A snapshot that could not be read or decoded becomes a finding on it."""
    severity, rule = rules.severity(Kind.SNAPSHOT_UNREADABLE, "")
    if severity is None:
        return
    yield Finding(
        site=site,
        snapshot=checked.path,
        line=1,
        kind=Kind.SNAPSHOT_UNREADABLE,
        severity=severity,
        rule=rule,
        expected="",
        found="",
        message=checked.problem or "",
        fingerprint=fingerprint(site, checked.path, Kind.SNAPSHOT_UNREADABLE, ""),
    )


def verdict(findings: Iterable[Finding], fail_on: Severity | None) -> ExitCode:
    """DRIFT when any finding reaches the threshold; the one place exit codes are decided."""
    if fail_on is not None and any(f.severity >= fail_on for f in findings):
        return ExitCode.DRIFT
    return ExitCode.OK


def result_of(
    sites: list[SiteResult],
    fail_on: Severity | None,
    suppressed: int = 0,
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
