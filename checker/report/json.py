"""The JSON report: one object, `{"findings": [...], "summary": {...}}`."""

from __future__ import annotations

import json
from typing import Any

from checker.verdict import Finding, RunResult


def finding_dict(finding: Finding) -> dict[str, Any]:
    """A finding as plain JSON data."""
    return {
        "kind": finding.kind.value,
        "severity": finding.severity.label,
        "rule": finding.rule,
        "site": finding.site,
        "snapshot": finding.snapshot,
        "line": finding.line,
        "expected": finding.expected,
        "found": finding.found,
        "message": finding.message,
        "slot": finding.slot,
        "block": finding.block,
        "fingerprint": finding.fingerprint,
        "changes": list(finding.changes),
        "related": list(finding.related),
        "label": finding.label or None,
    }


def summary_dict(result: RunResult) -> dict[str, Any]:
    """Counts by severity and kind, the sites, and the verdict."""
    by_severity: dict[str, int] = {"error": 0, "warning": 0, "info": 0}
    by_kind: dict[str, int] = {}
    for finding in result.findings:
        by_severity[finding.severity.label] += 1
        by_kind[finding.kind.value] = by_kind.get(finding.kind.value, 0) + 1
    return {
        "findings": len(result.findings),
        "by_severity": by_severity,
        "by_kind": dict(sorted(by_kind.items())),
        "snapshots": sum(site.snapshots for site in result.sites),
        "sites": [
            {
                "site": s.site,
                "snapshots": s.snapshots,
                "families": s.families,
                "skipped": s.skipped,
                "notes": list(s.notes),
            }
            for s in result.sites
        ],
        "suppressed": result.suppressed,
        "fail_on": result.fail_on.label if result.fail_on else "never",
        "exit_code": int(result.exit_code),
    }


class JsonFormatter:
    """Machine-readable findings and summary."""

    name = "json"

    def render(self, result: RunResult) -> str:
        """The JSON document, with a trailing newline."""
        document = {
            "findings": [finding_dict(f) for f in result.findings],
            "summary": summary_dict(result),
        }
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
