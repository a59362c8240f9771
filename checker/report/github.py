"""GitHub Actions workflow commands (annotations), plus the Markdown step summary."""

from __future__ import annotations

import os

from checker.model import Severity
from checker.verdict import Finding, RunResult

from .common import describe, located, relative_path, scrub, visible
from .markdown import MarkdownFormatter

COMMANDS: dict[Severity, str] = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "notice",
}


def escape_data(text: str) -> str:
    """Escape a command's message: `%` first, then CR and LF."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: as data, plus `:` and `,`."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def unescape_data(text: str) -> str:
    """Undo `escape_data`, `%25` last, as the runner does."""
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def unescape_property(text: str) -> str:
    """Undo `escape_property`, `%25` last, as the runner does."""
    text = text.replace("%0D", "\r").replace("%0A", "\n")
    return text.replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def annotation(finding: Finding) -> str:
    """The workflow command for one finding."""
    file, line, _ = located(finding.snapshot, finding.line)
    properties = {
        "file": visible(relative_path(file)),
        "line": str(line),
        "title": f"snapdrift: {finding.kind.value}",
    }
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    message = escape_data(visible(scrub(describe(finding))))
    return f"::{COMMANDS[finding.severity]} {joined}::{message}"


class GithubFormatter:
    """One annotation per finding; the Markdown report goes to `$GITHUB_STEP_SUMMARY` when set."""

    name = "github"

    def render(self, result: RunResult) -> str:
        """The workflow commands, one per line; appends the step summary as a side effect."""
        lines = [annotation(finding) for finding in result.findings]
        problem = self.write_summary(result)
        if problem:
            lines.append(f"::warning title=snapdrift::{escape_data(problem)}")
        return "".join(line + "\n" for line in lines)

    def write_summary(self, result: RunResult) -> str | None:
        """Append the Markdown report to the runner's summary file; a problem, or None."""
        target = os.environ.get("GITHUB_STEP_SUMMARY")
        if not target:
            return None
        try:
            with open(target, "a", encoding="utf-8") as summary:
                summary.write(MarkdownFormatter().render(result))
        except OSError as error:
            return f"could not write the step summary to {target}: {error}"
        return None
