"""What each command does, without click: options in, an exit code out."""

from __future__ import annotations

import os
import sys
from dataclasses import replace

from checker.judge.history import one_site_over_time
from checker.model import Kind, Severity
from checker.read.gitchanges import changed_since
from checker.read.load import InputError, Source, discover, is_url, names_archive
from checker.report import formatters, resolve
from checker.report.text import TextFormatter, summary_line
from checker.rules import RuleError, load_rules
from checker.rules.config import rule_file
from checker.run.accept import accept_only, previous_baseline, refresh
from checker.run.baseline import BaselineError, apply, load_baseline, write_baseline
from checker.run.options import BaselineOptions, CheckOptions
from checker.run.output import (
    OutputError,
    colour_wanted,
    inside,
    snapshot_folders,
    write_atomic,
)
from checker.run.pipeline import Execution, check_sources, result_of
from checker.run.verbose import learned_lines
from checker.verdict import ExitCode, RunResult

FAIL_ON = {
    "error": Severity.ERROR,
    "warning": Severity.WARNING,
    "info": Severity.INFO,
    "never": None,
}


class UsageError(Exception):
    """A command line that cannot be carried out: exit 2 with this message."""


def run_check(options: CheckOptions) -> int:
    """Check the snapshots and report; returns the exit code."""
    try:
        result = check(options)
        emit(result, options)
    except (InputError, RuleError, OutputError, UsageError, BaselineError) as error:
        print(f"snapdrift: error: {error}", file=sys.stderr)
        return ExitCode.ERROR
    return result.exit_code


def _sources(options: CheckOptions) -> list[Source]:
    """The snapshot files to check: found on disk, or every committed version of them."""
    if options.history != "git":
        if options.since:
            raise UsageError("--since goes with --history git")
        return _discover(options.paths, options.globs, options.group_by)
    from checker.read.gitsource import git_sources

    return git_sources(options.paths, options.globs, options.group_by, options.since)


def check(options: CheckOptions) -> RunResult:
    """The run itself: load the rules and sources, check every site."""
    rules = load_rules(rule_file(options.rules, options.isolated))
    _refuse_writes_into(options)
    sources = one_site_over_time(_sources(options), rules.time, options.group_by)
    changed = changed_since(options.changed_since, options.paths) if options.changed_since else None
    if changed is not None and options.baseline:
        sources = [s for s in sources if s.file.resolve() in changed]
    if not sources and not options.allow_empty and changed is None:
        raise InputError(
            f"no snapshots found under {', '.join(options.paths)} "
            f"(looked for {', '.join(options.globs) or 'the default patterns'}; see --glob)"
        )
    baseline = load_baseline(options.baseline) if options.baseline else None
    if baseline is not None and len(baseline.templates) == 1:
        # New snapshots checked alone (`new/*.txt`) belong to the baseline's only site.
        (site,) = baseline.templates
        sources = [
            replace(s, site=site) if s.site not in baseline.templates else s for s in sources
        ]
    execution = _execution(options, _files(sources))
    sites = check_sources(sources, rules, baseline, execution)
    if options.verbose:
        lines = learned_lines(sites, sources, rules, options.group_by, execution.mtime)
        print("".join(f"snapdrift: {line}\n" for line in lines), end="", file=sys.stderr)
    findings = [f for site in sites for f in site.findings]
    if changed is not None:
        shown = {s.display for s in sources if s.file.resolve() in changed}
        findings = [f for f in findings if f.snapshot.split("#", 1)[0] in shown]
    suppressed = 0
    if baseline is not None:
        stale, _ = rules.severity(Kind.BASELINE_STALE, "")
        expired, _ = rules.severity(Kind.BASELINE_EXPIRED, "")
        checked = {s.display for s in sources}
        findings, suppressed = apply(baseline, findings, checked, stale, expired=expired)
    return result_of(sites, FAIL_ON[options.fail_on], suppressed, findings)


def run_baseline(options: BaselineOptions) -> int:
    """Record the corpus's templates and present findings as accepted."""
    try:
        rules = load_rules(rule_file(options.rules, options.isolated))
        sources = _discover(options.paths, options.globs, options.group_by)
        if not sources:
            raise InputError(f"no snapshots found under {', '.join(options.paths)}")
        if inside(options.output, snapshot_folders(options.paths)) is not None:
            raise UsageError(
                f"{options.output}: refusing to write a baseline inside the snapshot folder"
            )
        previous = previous_baseline(options.output)
        held = previous if options.accept else None
        sites = check_sources(sources, rules, held)
        findings = [f for site in sites for f in site.findings]
        if options.accept and previous is not None:
            templates = [t for family in previous.templates.values() for t in family]
            decided = previous.decided
            placeholders = previous.placeholders
        else:
            templates = [t for site in sites for t in site.templates]
            decided = {k: v for site in sites for k, v in site.decided.items()}
            placeholders = {site.summary.site: site.placeholders for site in sites}
        if options.accept:
            chosen = tuple(
                t.strip() for item in options.accept for t in item.split(",") if t.strip()
            )
            accepting = accept_only(previous, findings, chosen)
        else:
            accepting = refresh(previous, findings)
        entries = accepting.entries
        write_baseline(options.output, templates, decided, findings, entries, placeholders)
    except (InputError, RuleError, OutputError, UsageError, BaselineError) as error:
        print(f"snapdrift: error: {error}", file=sys.stderr)
        return ExitCode.ERROR
    print(
        f"snapdrift: wrote {options.output}: {len(templates)} template(s), "
        f"{len(accepting.entries)} accepted drift(s); {accepting.summary()}",
        file=sys.stderr,
    )
    return ExitCode.OK


def _discover(paths: tuple[str, ...], globs: tuple[str, ...], group_by: str) -> list[Source]:
    """The sources under the paths; folders that could not be listed are named on stderr."""
    notes: list[str] = []
    sources = discover(paths, globs, group_by, notes)
    for note in notes:
        print(f"snapdrift: note: {note}", file=sys.stderr)
    return sources


# Below this many files, worker processes cost more than they save.
PARALLEL_FROM = 200
# A web archive counts as one file per this many bytes when deciding that (a gzipped record of
# a page is a few KB): four archives of 10,000 pages were checked by one process.
ARCHIVE_BYTES_PER_FILE = 4096


def _files(sources: list[Source]) -> int:
    """How many files the sources weigh: a web archive holds many pages (one of unknown size,
    at a URL, weighs enough for workers on its own)."""
    files = 0
    for source in sources:
        if not names_archive(source):
            files += 1
        elif is_url(source.given):
            files += PARALLEL_FROM
        else:
            try:
                files += max(1, os.stat(source.display).st_size // ARCHIVE_BYTES_PER_FILE)
            except OSError:
                files += 1  # unreadable: its finding says why
    return files


def _execution(options: CheckOptions, files: int) -> Execution:
    """Where the per-snapshot stage runs, and whether a progress bar shows."""
    if options.engine == "dask" and not options.scheduler:
        raise UsageError("--engine dask needs --scheduler ADDRESS")
    jobs = options.jobs if options.jobs is not None else (os.cpu_count() or 1)
    if jobs < 1:
        raise UsageError(f"--jobs must be at least 1, got {jobs}")
    if files < PARALLEL_FROM:
        jobs = 1
    progress = not options.quiet and sys.stderr.isatty() and not os.environ.get("CI")
    return Execution(
        jobs=jobs,
        engine=options.engine,
        scheduler=options.scheduler,
        progress=progress,
        mtime=options.time_from == "mtime",
    )


def emit(result: RunResult, options: CheckOptions) -> None:
    """Write extra reports to files, the chosen format to stdout, and a summary to stderr.

    `--quiet` keeps the text report and the summary line back; a machine format asked for
    on stdout is still written, since a pipe is waiting for it.
    """
    available = formatters()
    for report_name, path in options.reports:
        write_atomic(path, _formatter(available, report_name, False, path).render(result))
    name = resolve(options.format)
    if name == "text" and options.quiet:
        return
    color = options.color if options.color is not None else colour_wanted()
    sys.stdout.write(_formatter(available, name, color).render(result))
    sys.stdout.flush()
    if name != "text" and not options.quiet:
        print(summary_line(result), file=sys.stderr)


def _formatter(available: dict, name: str, color: bool, path: str | None = None):  # type: ignore[no-untyped-def]
    """An instance of the named formatter (an HTML report links snapshots from where it is)."""
    if name not in available:
        raise UsageError(f"unknown format {name!r}; choose from {', '.join(sorted(available))}")
    if name == "text":
        return TextFormatter(color=color)
    if name == "html" and path is not None:
        return available[name](base_dir=os.path.dirname(os.path.abspath(path)))
    return available[name]()


def _refuse_writes_into(options: CheckOptions) -> None:
    """Reports never go into a snapshot folder."""
    folders = snapshot_folders(options.paths)
    for _, path in options.reports:
        folder = inside(path, folders)
        if folder is not None:
            raise UsageError(
                f"{path}: refusing to write a report inside the snapshot folder {folder}"
            )
