"""GitLab Code Quality report (severity: error → major, warning → minor, info → info)."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any

from checker.model import Severity
from checker.verdict import Finding, RunResult

from .common import describe, finding_key, located, relative_path, scrub

SEVERITIES: dict[Severity, str] = {
    Severity.ERROR: "major",
    Severity.WARNING: "minor",
    Severity.INFO: "info",
}
"""GitLab's scale is info, minor, major, critical, blocker; drift is never `critical`."""


def issue(finding: Finding, fingerprint: str) -> dict[str, Any]:
    """One Code Quality issue."""
    file, line, _ = located(finding.snapshot, finding.line)
    return {
        "description": scrub(describe(finding)),
        "check_name": finding.kind.value,
        "fingerprint": fingerprint,
        "severity": SEVERITIES[finding.severity],
        "location": {
            "path": relative_path(file),
            "lines": {"begin": line},
        },
    }


def fingerprints(findings: tuple[Finding, ...]) -> list[str]:
    """A key per finding: the SARIF key plus the snapshot, with a counter for repeats."""
    seen: Counter[str] = Counter()
    keys = []
    for finding in findings:
        base = f"{finding_key(finding)}\0{relative_path(finding.snapshot)}"
        seen[base] += 1
        if seen[base] > 1:
            base = f"{base}\0{seen[base]}"
        keys.append(hashlib.sha256(base.encode("utf-8")).hexdigest())
    return keys


class GitlabFormatter:
    """The `codequality` report artifact: a JSON array of issues."""

    name = "gitlab"

    def render(self, result: RunResult) -> str:
        """The JSON array as text (UTF-8, no BOM, when the caller writes it)."""
        keys = fingerprints(result.findings)
        issues = [issue(f, key) for f, key in zip(result.findings, keys, strict=True)]
        return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
