"""The HTML report: one self-contained static page (inline CSS and script, no fetches).

Layout: a summary header with the verdict, filter controls (shown only when the script
runs), a table of slots per site and block (slots with findings first, the clean ones in
an "all slots" toggle), then every finding with its own anchor. A strict Content Security
Policy allows only the inline style and the one inline script, by hash.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter, defaultdict
from importlib import resources

from checker.model import Severity
from checker.report.common import finding_key, summary_counts
from checker.report.html_parts import esc, side_by_side, slot_row, slot_table, snapshot_href
from checker.verdict import ExitCode, Finding, RunResult, SlotVariants

_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")
SEVERITIES = tuple(sorted(Severity, reverse=True))


def asset(name: str) -> str:
    """The text of a file under `checker/report/assets`."""
    return (resources.files("checker.report") / "assets" / name).read_text(encoding="utf-8")


def script_hash(script: str) -> str:
    """The CSP source expression allowing exactly this inline script."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def finding_ids(findings: tuple[Finding, ...]) -> list[str]:
    """An anchor per finding: `f-<fingerprint>-<n>`, n counting findings sharing the key."""
    seen: Counter[str] = Counter()
    ids = []
    for finding in findings:
        key = _ID_UNSAFE.sub("_", finding_key(finding))[:64]
        seen[key] += 1
        ids.append(f"f-{key}-{seen[key]}")
    return ids


class HtmlFormatter:
    """A static page to open from disk; links to snapshots are relative to `base_dir`.

    `base_dir` is the folder the report will be written to; by default the working folder.
    """

    name = "html"

    def __init__(self, base_dir: str | None = None) -> None:
        self.base_dir = base_dir

    def render(self, result: RunResult) -> str:
        """The whole page."""
        script = asset("report.js")
        ids = finding_ids(result.findings)
        csp = (
            "default-src 'none'; style-src 'unsafe-inline'; "
            f"script-src {script_hash(script)}; img-src data:; "
            "base-uri 'none'; form-action 'none'"
        )
        counts = summary_counts(result)
        title = f"snapdrift: {counts['findings']} finding(s), exit {int(result.exit_code)}"
        body = "".join(
            (
                self._summary(result),
                self._filters(result),
                self._slots(result, ids),
                self._findings(result, ids),
            )
        )
        return (
            '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
            '<meta name="referrer" content="no-referrer">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{esc(title)}</title><style>{asset('report.css')}</style></head>\n"
            f"<body>{body}<script>{script}</script></body></html>\n"
        )

    def _summary(self, result: RunResult) -> str:
        """The header: verdict, counts by severity and kind, and the sites."""
        counts = summary_counts(result)
        stats = [
            ("site(s)", counts["sites"]),
            ("snapshot(s)", counts["snapshots"]),
            ("finding(s)", counts["findings"]),
        ]
        stats += [(s.label, counts[s.label]) for s in SEVERITIES]
        stats += [
            ("suppressed", counts["suppressed"]),
            ("snapshot(s) with findings", counts["snapshots_with_findings"]),
        ]
        items = "".join(f"<li><b>{n}</b> {word}</li>" for word, n in stats)
        kinds = Counter(f.kind.value for f in result.findings)
        kind_line = " · ".join(f"{esc(k)} {n}" for k, n in sorted(kinds.items()))
        return (
            f"<header><h1>snapdrift report</h1>{_verdict(result)}"
            f'<ul class="stats">{items}</ul>'
            f'<div class="kinds">{kind_line or "no findings"}</div>'
            f"{_sites(result)}</header>"
        )

    def _filters(self, result: RunResult) -> str:
        """Severity and kind checkboxes and a search box; hidden until the script runs."""
        sev = "".join(
            f'<label><input type="checkbox" name="sev" value="{s.label}" checked> {s.label}</label>'
            for s in SEVERITIES
        )
        kinds = sorted({f.kind.value for f in result.findings})
        kind = "".join(
            f'<label><input type="checkbox" name="kind" value="{esc(k)}" checked> {esc(k)}</label>'
            for k in kinds
        )
        return (
            '<form id="filters" hidden role="search">'
            f"<fieldset><legend>severity</legend>{sev}</fieldset>"
            f"<fieldset><legend>kind</legend>{kind}</fieldset>"
            '<input type="search" placeholder="search text, snapshot, message" '
            'aria-label="search">'
            f'<span><span id="shown">{len(result.findings)}</span> finding(s) shown</span>'
            "</form>"
        )

    def _slots(self, result: RunResult, ids: list[str]) -> str:
        """A section per site and block: flagged slots, then the clean ones in a toggle."""
        by_slot: dict[tuple[str, int, int], list[Finding]] = defaultdict(list)
        anchors: dict[tuple[str, int, int], dict[str, str]] = defaultdict(dict)
        for finding, anchor in zip(result.findings, ids, strict=True):
            if finding.slot >= 0:
                by_slot[(finding.site, finding.family, finding.slot)].append(finding)
                anchors[(finding.site, finding.family, finding.slot)].setdefault(
                    finding.snapshot, anchor
                )
        groups: dict[tuple[str, int, int], list[SlotVariants]] = defaultdict(list)
        for sv in result.slots:
            groups[(sv.template.site, sv.template.family, sv.slot.block)].append(sv)
        families = Counter(site for site, _ in {(s, f) for s, f, _ in groups})
        out = ["<main><h2>Slots</h2>"]
        for (site, family, block), members in groups.items():
            where = f"family {family}, " if families[site] > 1 else ""
            out.append(f"<section><h3>{esc(site)} · {where}block {block}</h3>")
            flagged: list[str] = []
            clean: list[str] = []
            for sv in members:
                key = (site, sv.template.family, sv.slot.id)
                row = slot_row(sv, by_slot.get(key, ()), anchors.get(key, {}), self.base_dir)
                (flagged if key in by_slot else clean).append(row)
            out.append(
                slot_table(flagged) if flagged else '<p class="none">no findings in this block</p>'
            )
            if clean:
                out.append(
                    f'<details class="clean"><summary>all slots: {len(clean)} clean '
                    f"slot(s) of this block</summary>{slot_table(clean)}</details>"
                )
            out.append("</section>")
        if not groups:
            out.append('<p class="none">no shared block was learned</p>')
        return "".join(out) + "</main>"

    def _findings(self, result: RunResult, ids: list[str]) -> str:
        """Every finding, each with an anchor and a permalink."""
        items = [self._finding(f, anchor) for f, anchor in zip(result.findings, ids, strict=True)]
        if not items:
            return '<section><h2>Findings</h2><p class="none">no findings</p></section>'
        return f'<section><h2>Findings</h2><ol class="findings">{"".join(items)}</ol></section>'

    def _finding(self, finding: Finding, anchor: str) -> str:
        """One finding: severity, kind, label, message, where, and the changed words."""
        sev = finding.severity.label
        label = f' <span class="badge label">{esc(finding.label)}</span>' if finding.label else ""
        href = snapshot_href(finding.snapshot, self.base_dir)
        slot = f", slot {finding.slot}" if finding.slot >= 0 else ""
        diff = (
            side_by_side(finding.expected, finding.found)
            if finding.expected or finding.found
            else ""
        )
        return (
            f'<li id="{anchor}" data-sev="{sev}" data-kind="{esc(finding.kind.value)}">'
            f'<span class="badge sev-{sev}">{sev}</span> <code>{esc(finding.kind.value)}</code>'
            f'{label}<span class="msg">{esc(finding.message)}</span>'
            f'<a class="perma" href="#{anchor}" title="link to this finding">#</a>'
            f'<div class="where">{esc(finding.site)}: <a href="{href}">'
            f"{esc(finding.snapshot)}:{finding.line}</a>{slot}</div>{diff}</li>"
        )


def _verdict(result: RunResult) -> str:
    """The exit code and why, as a coloured badge."""
    code = int(result.exit_code)
    if result.fail_on is None:
        why = "--fail-on never"
    elif result.exit_code == ExitCode.DRIFT:
        why = f"{len(result.failing())} finding(s) at or above {result.fail_on.label}"
    elif result.exit_code == ExitCode.OK:
        why = f"no finding at or above {result.fail_on.label}"
    else:
        why = result.exit_code.name.lower()
    cls = "pass" if result.exit_code == ExitCode.OK else "fail"
    return f'<span class="verdict {cls}">exit {code} · {esc(why)}</span>'


def _sites(result: RunResult) -> str:
    """One line per site, with its notes, folded away."""
    rows = []
    for site in result.sites:
        extra = f", {site.skipped} skipped" if site.skipped else ""
        notes = "".join(f"<li>{esc(note)}</li>" for note in site.notes[:50])
        more = f"<li>… and {len(site.notes) - 50} more</li>" if len(site.notes) > 50 else ""
        rows.append(
            f"<li><b>{esc(site.site)}</b>: {site.snapshots} snapshot(s), "
            f"{site.families} family(ies){extra}<ul>{notes}{more}</ul></li>"
        )
    return f'<details class="sites"><summary>sites</summary><ul>{"".join(rows)}</ul></details>'
