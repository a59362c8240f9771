"""`--verbose`: what a run learned, in plain lines on stderr: the rules used, how snapshots
were grouped into sites, where capture times come from, and each site's families, blocks
and slot counts."""

from __future__ import annotations

from collections import Counter

from checker.read.load import Source, is_archive
from checker.model import Template
from checker.report.common import visible
from checker.rules import Rules
from checker.run.pipeline import SiteResult


def learned_lines(
    sites: list[SiteResult], sources: list[Source], rules: Rules, group_by: str, mtime: bool
) -> list[str]:
    """The lines `--verbose` prints, in order."""
    lines = [
        f"rules: {rules.source}",
        _layout(sources, group_by),
        _time_source(sources, rules, mtime),
    ]
    for site in sites:
        summary = site.summary
        families = [t for t in site.templates if t.family >= 0]
        lines.append(
            f"site {visible(summary.site)}: {summary.snapshots} snapshot(s), "
            f"{len(families)} page famil{'y' if len(families) == 1 else 'ies'}"
        )
        lines += [f"  {line}" for t in site.templates for line in _template(t)]
    return lines


def _layout(sources: list[Source], group_by: str) -> str:
    """How the snapshots were grouped into sites."""
    sites = Counter(source.site for source in sources)
    named = ", ".join(visible(site) for site in sorted(sites)[:10])
    more = f" and {len(sites) - 10} more" if len(sites) > 10 else ""
    nested = any(s.relative.split("/", 1)[0] == s.site and "/" in s.relative for s in sources)
    how = {
        "auto": "a folder of sites: each top folder is a site"
        if nested
        else "each folder given (or a file's folder) is one site",
        "folder": "each top folder is a site",
        "host": "each host of a web archive is a site",
        "none": "everything is one site",
    }[group_by]
    return f"layout: {len(sites)} site(s) ({named}{more}); --group-by {group_by}: {how}"


def _time_source(sources: list[Source], rules: Rules, mtime: bool) -> str:
    """Where capture times come from, in the order they are tried."""
    found = []
    if any(is_archive(source.display) for source in sources):
        found.append("web archive record dates")
    if rules.time is not None and rules.time.filename is not None:
        found.append(f"time.filename {rules.time.filename.source!r} over file names")
    if rules.time is not None and rules.time.line is not None:
        found.append(f"time.line {rules.time.line.source!r} over the first lines")
    if mtime:
        found.append("file modification times (--time-from mtime)")
    if not found:
        return "time source: none (no archive dates, no rule patterns): no timelines"
    return "time source: " + "; then ".join(found)


def _template(template: Template) -> list[str]:
    """One template: its family, sample, blocks and slot counts, and where each block stands."""
    name = "across families" if template.family < 0 else f"family {template.family}"
    pinned = ", pinned by the rules" if template.pinned else ""
    lines = [
        f"{name}: learned from {template.sample_size} snapshot(s){pinned}, "
        f"{len(template.blocks)} block(s), {len(template.slots)} slot(s)"
    ]
    for block in template.blocks:
        slots = template.block_slots(block)
        first = slots[0].position
        where = f"top (line {first + 1})" if first >= 0 else f"bottom (line {first} from the end)"
        lines.append(f"  block {block}: {len(slots)} slot(s), at the {where}")
    return lines
