"""SARIF 2.1.0 report for GitHub code scanning and other SARIF viewers."""

from __future__ import annotations

import json
from collections.abc import Mapping
from importlib import metadata
from typing import Any

from checker.model import Kind, Severity
from checker.verdict import ExitCode, Finding, RunResult

from .common import (
    KIND_HELP,
    LEVEL_WORDS,
    describe,
    finding_key,
    located,
    relative_uri,
    scrub,
    summary_counts,
)

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/snapdrift/snapdrift"
MAX_RESULTS = 25_000
"""GitHub rejects runs with more results than this."""
FINGERPRINT_KEY = "snapdrift/v1"
RULES: tuple[Kind, ...] = tuple(Kind)
RULE_INDEX: dict[Kind, int] = {kind: i for i, kind in enumerate(RULES)}


def tool_version() -> str:
    """The snapdrift version: `checker.__version__`, else the installed distribution's."""
    try:
        from checker import __version__  # type: ignore[attr-defined]

        return str(__version__)
    except ImportError:
        pass
    try:
        return metadata.version("snapdrift")
    except metadata.PackageNotFoundError:
        return "0.0.0"


def camel_case(kind: Kind) -> str:
    """`number-changed` → `NumberChanged`."""
    return "".join(word.capitalize() for word in kind.value.split("-"))


def rule_descriptor(kind: Kind, level: Severity) -> dict[str, Any]:
    """The `reportingDescriptor` for one drift kind."""
    brief, full = KIND_HELP[kind]
    return {
        "id": kind.value,
        "name": camel_case(kind),
        "shortDescription": {"text": brief},
        "fullDescription": {"text": full},
        "help": {"text": f"{brief}. {full}", "markdown": f"**{brief}.** {full}"},
        "defaultConfiguration": {"level": LEVEL_WORDS[level]},
    }


def result_object(finding: Finding) -> dict[str, Any]:
    """The SARIF `result` for one finding."""
    properties: dict[str, Any] = {
        "site": finding.site,
        "slot": finding.slot,
        "expected": finding.expected,
        "found": finding.found,
        "severity": finding.severity.label,
        "rule": finding.rule,
    }
    if finding.label:
        properties["label"] = finding.label
    if finding.changes:
        properties["changes"] = list(finding.changes)
    if finding.related:
        properties["related"] = list(finding.related)
    file, line, _ = located(finding.snapshot, finding.line)
    location = {
        "physicalLocation": {
            "artifactLocation": {"uri": relative_uri(file), "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": line},
        }
    }
    return {
        "ruleId": finding.kind.value,
        "ruleIndex": RULE_INDEX[finding.kind],
        "level": LEVEL_WORDS[finding.severity],
        "message": {"text": describe(finding)},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: finding_key(finding)},
        "properties": properties,
    }


def keep_most_severe(findings: tuple[Finding, ...], limit: int) -> tuple[Finding, ...]:
    """At most `limit` findings, the most severe first chosen, in their original order."""
    if len(findings) <= limit:
        return findings
    ranked = sorted(range(len(findings)), key=lambda i: -findings[i].severity)
    chosen = sorted(ranked[:limit])
    return tuple(findings[i] for i in chosen)


class SarifFormatter:
    """Writes one SARIF 2.1.0 run; `default_levels` sets each rule's default level."""

    name = "sarif"

    def __init__(self, default_levels: Mapping[Kind, Severity] | None = None) -> None:
        self.default_levels = dict(default_levels or {})

    def rule_level(self, kind: Kind, result: RunResult) -> Severity:
        """The rule's default level: the caller's, else the highest seen, else warning."""
        if kind in self.default_levels:
            return self.default_levels[kind]
        seen = [f.severity for f in result.findings if f.kind is kind]
        return max(seen, default=Severity.WARNING)

    def invocation(self, result: RunResult, dropped: int) -> dict[str, Any]:
        """The run's single invocation, with a notification when results were cut."""
        invocation: dict[str, Any] = {
            "executionSuccessful": result.exit_code in (ExitCode.OK, ExitCode.DRIFT),
            "exitCode": int(result.exit_code),
        }
        if dropped:
            text = (
                f"{dropped} of {len(result.findings)} results were left out: a SARIF run for "
                f"GitHub code scanning holds at most {MAX_RESULTS}; the most severe were kept."
            )
            invocation["toolExecutionNotifications"] = [
                {"level": "warning", "message": {"text": text}}
            ]
        return invocation

    def document(self, result: RunResult) -> dict[str, Any]:
        """The whole SARIF log as a dict."""
        kept = keep_most_severe(result.findings, MAX_RESULTS)
        dropped = len(result.findings) - len(kept)
        driver = {
            "name": "snapdrift",
            "version": tool_version(),
            "informationUri": INFORMATION_URI,
            "rules": [rule_descriptor(k, self.rule_level(k, result)) for k in RULES],
        }
        run = {
            "tool": {"driver": driver},
            "invocations": [self.invocation(result, dropped)],
            "results": [result_object(f) for f in kept],
            "properties": {
                "summary": summary_counts(result),
                "failOn": result.fail_on.label if result.fail_on else "never",
                "truncated": bool(dropped),
                "omittedResults": dropped,
            },
        }
        return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}

    def render(self, result: RunResult) -> str:
        """The SARIF log as JSON text."""
        text = json.dumps(self.document(result), ensure_ascii=False, indent=2)
        return scrub(text) + "\n"
