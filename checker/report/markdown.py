"""Markdown report for pull-request comments and the GitHub step summary."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from checker.model import Kind, Severity
from checker.verdict import ExitCode, Finding, RunResult

from .common import KIND_HELP, scrub, short, summary_counts, visible

MAX_CHARS = 60_000
"""Stay well under GitHub's 65,536-character limit for comments."""
MAX_ROWS = 200
MAX_SITES = 50
MAX_HOLDERS = 5
LEVELS = tuple(sorted(Severity, reverse=True))

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!~|:=$])")

Row = tuple[Severity, str, str, list[Finding]]
"""A detail row: severity, kind, variant text, the findings that hold it."""


def md_escape(text: str, n: int = 120) -> str:
    """Scraped text made inert: one line, control characters written as escapes (`\\x1b`),
    Markdown punctuation escaped, `& < >` as entities."""
    text = short(visible(scrub(text).strip()), n)
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("@", "@\u200b")


def _tail(path: str, n: int) -> str:
    """The end of a long path, where the file name is."""
    return path if len(path) <= n else "…" + path[-(n - 1) :]


def _holders(findings: list[Finding]) -> str:
    """The snapshots holding a variant, with lines, a few at most."""
    cells = [
        f"{md_escape(_tail(f.snapshot, 60), 60)}:{max(f.line, 1)}" for f in findings[:MAX_HOLDERS]
    ]
    if len(findings) > MAX_HOLDERS:
        cells.append(f"and {len(findings) - MAX_HOLDERS} more")
    return ", ".join(cells)


def _variant_text(finding: Finding) -> str:
    """What a row shows as the variant: the found text, or a word for absence."""
    if finding.found:
        return md_escape(finding.found)
    if finding.kind is Kind.TEMPLATE_STALE:  # a version of the whole block, no one line
        return md_escape(finding.message)
    if finding.expected:
        return "*(missing)*"
    return md_escape(finding.message)


def _rows(findings: list[Finding]) -> list[Row]:
    """Findings of one slot grouped by kind and variant, most severe and common first."""
    groups: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for finding in findings:
        groups[(finding.kind.value, _variant_text(finding))].append(finding)
    rows = [(max(f.severity for f in fs), kind, text, fs) for (kind, text), fs in groups.items()]
    return sorted(rows, key=lambda row: (-row[0], -len(row[3])))


def _slot_groups(result: RunResult) -> dict[tuple[str, int, int], list[Finding]]:
    """Findings grouped by site, family and slot, sites in report order, unslotted last."""
    groups: dict[tuple[str, int, int], list[Finding]] = defaultdict(list)
    for finding in result.findings:
        groups[(finding.site, finding.family, finding.slot)].append(finding)
    order = {s.site: i for i, s in enumerate(result.sites)}
    return dict(
        sorted(
            groups.items(),
            key=lambda kv: (
                order.get(kv[0][0], len(order)),
                kv[0][0],
                kv[0][2] < 0,
                kv[0][1],
                kv[0][2],
            ),
        )
    )


def _heading(site: str, slot: int, findings: list[Finding]) -> list[str]:
    """The lines that open one slot's table."""
    title = f"slot {slot}" if slot >= 0 else "not tied to one slot"
    lines = ["", f"#### {md_escape(site, 80)} · {title}", ""]
    expected = {f.expected for f in findings}
    if slot >= 0 and len(expected) == 1 and findings[0].expected:
        lines += [f"Expected: {md_escape(findings[0].expected, 200)}", ""]
    return lines + ["| severity | kind | variant | snapshots (line) |", "|---|---|---|---|"]


def verdict(result: RunResult) -> str:
    """One sentence on the outcome of the run."""
    counts = summary_counts(result)
    threshold = result.fail_on.label if result.fail_on else "never"
    if result.exit_code is ExitCode.DRIFT:
        return f"**Verdict: drift.** {counts['failing']} findings at or above `{threshold}`."
    if result.exit_code is ExitCode.OK:
        return f"**Verdict: clean.** No findings at or above `{threshold}`."
    return f"**Verdict: the run did not finish** (exit code {int(result.exit_code)})."


class MarkdownFormatter:
    """A summary table, the verdict, then the variants of each drifting slot."""

    name = "markdown"

    def summary(self, result: RunResult) -> list[str]:
        """The per-site table of counts by severity."""
        counts: dict[str, dict[Severity, int]] = defaultdict(lambda: dict.fromkeys(LEVELS, 0))
        for finding in result.findings:
            counts[finding.site][finding.severity] += 1
        snapshots = {s.site: s.snapshots for s in result.sites}
        sites = list(snapshots) + [s for s in counts if s not in snapshots]
        head = "| site | snapshots | " + " | ".join(s.label for s in LEVELS) + " |"
        lines = [head, "|---|---:|" + "---:|" * len(LEVELS)]
        for site in sites[:MAX_SITES]:
            cells = " | ".join(str(counts[site][s]) for s in LEVELS)
            lines.append(f"| {md_escape(site, 80)} | {snapshots.get(site, 0)} | {cells} |")
        if len(sites) > MAX_SITES:
            lines.append(
                f"| *and {len(sites) - MAX_SITES} more sites* |" + " |" * (1 + len(LEVELS))
            )
        total = summary_counts(result)
        cells = " | ".join(f"**{total[s.label]}**" for s in LEVELS)
        lines.append(f"| **total** | **{total['snapshots']}** | {cells} |")
        return lines

    def details(self, result: RunResult, budget: int) -> list[str]:
        """The slot tables, cut at `MAX_ROWS` rows or `budget` characters."""
        lines: list[str] = []
        used, shown, left = 0, 0, 0
        for (site, family, slot), findings in _slot_groups(result).items():
            rows = _rows(findings)
            head = _heading(site if family <= 0 else f"{site} (family {family})", slot, findings)
            for i, (severity, kind, text, holders) in enumerate(rows):
                line = f"| {severity.label} | {kind} | {text} | {_holders(holders)} |"
                extra = (head if i == 0 else []) + [line]
                size = sum(len(x) + 1 for x in extra)
                if shown >= MAX_ROWS or used + size > budget:
                    left += len(rows) - i
                    break
                lines += extra
                used, shown = used + size, shown + 1
        if left:
            lines += ["", f"*… and {left} more variants not shown; see the SARIF or JSON report.*"]
        return lines

    def kinds(self, result: RunResult) -> list[str]:
        """A short legend of the drift kinds that occur."""
        seen = sorted({f.kind for f in result.findings}, key=lambda k: k.value)
        return [f"- **{k.value}**: {KIND_HELP[k][1]}" for k in seen]

    def render(self, result: RunResult) -> str:
        """The whole Markdown document."""
        counts = summary_counts(result)
        lines = ["## snapdrift report", "", verdict(result), ""]
        lines += self.summary(result)
        if counts["suppressed"]:
            lines += ["", f"{counts['suppressed']} findings accepted by a baseline not shown."]
        if result.findings:
            legend = self.kinds(result)
            lines += ["", "### Drift by slot"]
            used = sum(len(x) + 1 for x in _join(lines, legend))
            lines += self.details(result, MAX_CHARS - used - 200)
            lines += ["", "### Kinds", "", *legend]
        return "\n".join(lines) + "\n"


def _join(*parts: Iterable[str]) -> list[str]:
    """All lines of several parts, for measuring."""
    return [line for part in parts for line in part]
