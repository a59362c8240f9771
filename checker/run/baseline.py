"""Baselines: the accepted canonical blocks and findings of a corpus, as a sorted YAML file."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from checker.judge.rating import fingerprint
from checker.model import Kind, Severity, Slot, Template
from checker.read.load import is_url
from checker.read.remote import url_exists
from checker.run.baseline_file import (
    VERSION,
    Accepted,
    Baseline,
    BaselineError,
    load_baseline,
)
from checker.run.output import write_atomic
from checker.verdict import Finding

__all__ = [
    "Accepted",
    "Baseline",
    "BaselineError",
    "accepted_entries",
    "apply",
    "load_baseline",
    "write_baseline",
]


def write_baseline(
    path: str,
    templates: list[Template],
    decided: dict[tuple[str, int], dict[int, str | None]],
    findings: list[Finding],
    entries: list[dict[str, Any]] | None = None,
    placeholders: dict[str, frozenset[str]] | None = None,
) -> None:
    """Record the templates and the findings present now as accepted, atomically
    (`entries`, when given, are the accepted entries to write instead), with each site's
    usual placeholder lines, which its pages are read with."""
    document = {
        "version": VERSION,
        "sites": _sites(templates, decided),
        "accepted": accepted_entries(findings) if entries is None else entries,
    }
    usual = {site: sorted(lines) for site, lines in (placeholders or {}).items() if lines}
    if usual:
        document["placeholders"] = usual
    text = yaml.safe_dump(document, sort_keys=True, allow_unicode=True, width=100)
    header = "# snapdrift baseline: edit `reason` and `expires` freely; regenerate the rest.\n"
    write_atomic(path, header + text)


def _sites(templates: list[Template], decided: dict) -> dict[str, Any]:
    """Each site's families, slot by slot."""
    sites: dict[str, Any] = {}
    for template in templates:
        chosen = decided.get((template.site, template.family), {})
        family = {
            "family": template.family,
            "sample_size": template.sample_size,
            "content_gaps": sorted([list(g) for g in template.content_gaps]),
            "content_runs": [list(r) for r in template.content_runs],
            "structure": sorted(template.structure),
            "rivals": sorted([list(pair) for pair in template.rivals]),
            "forms": [list(form) for form in template.forms],
            "loose": sorted([list(pair) for pair in template.loose]),
            "beside": sorted([list(pair) for pair in template.beside]),
            "slots": [_slot(slot, chosen.get(slot.id, slot.canonical)) for slot in template.slots],
        }
        sites.setdefault(template.site, []).append(family)
    return sites


def _slot(slot: Slot, canonical: str | None) -> dict[str, Any]:
    """One slot as plain data, with the canonical text the run decided."""
    from checker.read.record import record

    line = record(canonical) if canonical else None
    return {
        "slot": slot.id,
        "block": slot.block,
        "text": slot.canonical,
        "canonical": canonical,
        "variants": list(slot.variants),
        "occurrence": slot.occurrence,
        "position": slot.position,
        "support": round(slot.support, 4),
        "section": slot.section,
        "numbers": list(line.numbers) if line else [],
        "urls": list(line.urls) if line else [],
        "value": line.value if line else None,
    }


def accepted_entries(findings: list[Finding]) -> list[dict[str, Any]]:
    """One entry per fingerprint, naming the snapshots that hold it now (empty reason)."""
    entries: dict[str, dict[str, Any]] = {}
    for finding in findings:
        if finding.kind in (Kind.BASELINE_STALE, Kind.BASELINE_EXPIRED):
            continue
        entry = entries.setdefault(
            finding.fingerprint,
            {
                "fingerprint": finding.fingerprint,
                "site": finding.site,
                "kind": finding.kind.value,
                "slot": finding.expected,
                "variant": finding.found,
                "snapshots": [],
                "reason": "",
                "expires": None,
            },
        )
        entry["snapshots"].append(finding.snapshot)
    for entry in entries.values():
        entry["snapshots"] = sorted(set(entry["snapshots"]))
    return sorted(entries.values(), key=lambda e: (e["site"], e["kind"], e["fingerprint"]))


def apply(
    baseline: Baseline,
    findings: list[Finding],
    checked: set[str],
    stale: Severity | None,
    today: dt.date | None = None,
    expired: Severity | None = Severity.ERROR,
) -> tuple[list[Finding], int]:
    """Drop accepted findings; report expired ones again, and stale entries.

    An entry is stale when none of this run's findings carries it and each snapshot it
    was recorded on was either checked now or is gone: checking a few new files alone
    does not make the rest of the baseline stale.
    """
    today = today or dt.date.today()
    seen = {f.fingerprint for f in findings}
    kept: list[Finding] = []
    suppressed = 0
    for finding in findings:
        entry = baseline.accepted.get(finding.fingerprint)
        if entry is None:
            kept.append(finding)
        elif entry.expires is not None and entry.expires < today:
            if expired is None:
                continue
            kept.append(
                replace(
                    finding,
                    kind=Kind.BASELINE_EXPIRED,
                    severity=expired,
                    rule=Kind.BASELINE_EXPIRED.value,
                    message=f"{finding.kind.value}: {finding.message} (accepted until "
                    f"{entry.expires.isoformat()}, now expired)",
                )
            )
        else:
            suppressed += 1
    for entry in sorted(baseline.accepted.values(), key=lambda e: e.fingerprint):
        if stale is not None and entry.fingerprint not in seen and _settled(entry, checked):
            kept.append(_stale(baseline, entry, stale))
    return kept, suppressed


def _settled(entry: Accepted, checked: set[str]) -> bool:
    """Whether every snapshot of an entry was checked in this run or no longer exists."""
    return all(path in checked or not _exists(path.split("#", 1)[0]) for path in entry.snapshots)


def _exists(path: str) -> bool:
    """Whether a snapshot file (or the object at a URL) is still there."""
    return url_exists(path) if is_url(path) else Path(path).exists()


def _stale(baseline: Baseline, entry: Accepted, severity: Severity) -> Finding:
    """An accepted drift that no snapshot shows any more."""
    where = entry.snapshots[0] if entry.snapshots else baseline.path
    return Finding(
        site=entry.site,
        snapshot=where,
        line=1,
        kind=Kind.BASELINE_STALE,
        severity=severity,
        rule=Kind.BASELINE_STALE.value,
        expected=entry.slot,
        found=entry.variant,
        message=f"accepted {entry.kind} is no longer seen; remove it from {baseline.path}",
        fingerprint=fingerprint(entry.site, entry.slot, Kind.BASELINE_STALE, entry.fingerprint),
    )
