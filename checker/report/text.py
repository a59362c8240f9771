"""The terminal report: findings grouped by slot, the changed words marked."""

from __future__ import annotations

import difflib
from collections import defaultdict

import click

from checker.model import Severity
from checker.report.common import visible
from checker.verdict import Finding, RunResult

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def word_diff(expected: str, found: str, color: bool) -> str:
    """`found` with removed words as [-old-] and added ones as {+new+} (or coloured);
    control characters from the snapshot are shown as escapes, never sent to the terminal."""
    old, new = visible(expected).split(), visible(found).split()
    pieces: list[str] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pieces.extend(new[j1:j2])
            continue
        if i2 > i1:
            gone = " ".join(old[i1:i2])
            pieces.append(
                click.style(gone, fg="red", strikethrough=True) if color else f"[-{gone}-]"
            )
        if j2 > j1:
            added = " ".join(new[j1:j2])
            pieces.append(click.style(added, fg="green", bold=True) if color else f"{{+{added}+}}")
    return " ".join(pieces)


def summary_line(result: RunResult) -> str:
    """One line of counts and the verdict."""
    counts = {s: 0 for s in Severity}
    for finding in result.findings:
        counts[finding.severity] += 1
    snapshots = sum(site.snapshots for site in result.sites)
    sites = len(result.sites)
    text = (
        f"snapdrift: {len(result.findings)} finding(s) "
        f"({counts[Severity.ERROR]} error, {counts[Severity.WARNING]} warning, "
        f"{counts[Severity.INFO]} info) in {snapshots} snapshot(s) of {sites} site(s)"
    )
    if result.suppressed:
        text += f"; {result.suppressed} suppressed by the baseline"
    return text + f"; exit {int(result.exit_code)}"


class TextFormatter:
    """Readable in a terminal; plain when piped."""

    name = "text"

    def __init__(self, color: bool = False) -> None:
        self.color = color

    def render(self, result: RunResult) -> str:
        """Sites, then slots, then variants with the snapshots that hold them."""
        out: list[str] = []
        by_site: dict[str, list[Finding]] = defaultdict(list)
        for finding in result.findings:
            by_site[finding.site].append(finding)
        for site in result.sites:
            findings = by_site.get(site.site, [])
            out.append(
                self._bold(
                    f"{visible(site.site)}: {site.snapshots} snapshot(s), "
                    f"{len(findings)} finding(s)"
                )
            )
            out.extend(f"  note: {visible(note)}" for note in site.notes[:20])
            if len(site.notes) > 20:
                out.append(f"  note: … and {len(site.notes) - 20} more")
            out.extend(self._site(findings))
            out.append("")
        out.append(summary_line(result))
        return "\n".join(out) + "\n"

    def _site(self, findings: list[Finding]) -> list[str]:
        """The findings of one site, grouped by slot and by variant."""
        groups: dict[tuple[int, int, str], list[Finding]] = defaultdict(list)
        for finding in findings:
            slot_key = finding.slot if finding.slot >= 0 else -1
            groups[(finding.family, slot_key, finding.expected)].append(finding)
        families = len({f.family for f in findings if f.slot >= 0}) > 1
        out: list[str] = []
        for (family, slot, expected), members in sorted(
            groups.items(),
            key=lambda kv: (kv[0][1] < 0, kv[0][0], kv[0][1], kv[1][0].snapshot, kv[1][0].line),
        ):
            where = f"slot {slot}" if slot >= 0 else "page"
            if families and slot >= 0:
                where = f"family {family} {where}"
            # repr writes control characters as escapes too.
            out.append(f"  {where}: expected {expected!r}" if expected else f"  {where}:")
            variants: dict[str, list[Finding]] = defaultdict(list)
            for finding in members:
                variants[finding.fingerprint or finding.message].append(finding)
            for holders in variants.values():
                out.extend(self._variant(holders))
        return out

    def _variant(self, holders: list[Finding]) -> list[str]:
        """One variant: its kind and severity, the changed words, who holds it."""
        first = holders[0]
        tag = f"{first.severity.label} {first.kind.value}"
        if self.color:
            tag = click.style(tag, fg=_COLOURS[first.severity], bold=True)
        label = f" [{first.label}]" if first.label else ""
        lines = [f"    {tag}{visible(label)}: {visible(first.message)}"]
        if first.found and first.expected:
            lines.append(f"      found: {word_diff(first.expected, first.found, self.color)}")
        elif first.found:
            lines.append(f"      found: {visible(first.found)}")
        if first.fingerprint:
            lines.append(f"      fingerprint: {first.fingerprint}")
        for finding in holders[:50]:
            lines.append(f"      at {visible(finding.snapshot)}:{finding.line}")
        if len(holders) > 50:
            lines.append(f"      … and {len(holders) - 50} more snapshot(s)")
        return lines

    def _bold(self, text: str) -> str:
        """Bold on a terminal."""
        return click.style(text, bold=True) if self.color else text
