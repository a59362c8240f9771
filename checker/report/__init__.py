"""Reports: formatters behind one tiny interface, in a name -> class registry."""

from __future__ import annotations

import os
from typing import Protocol

from checker.verdict import RunResult


class Formatter(Protocol):
    """Turns a run result into one document."""

    name: str

    def render(self, result: RunResult) -> str:
        """The whole document."""
        ...


def formatters() -> dict[str, type[Formatter]]:
    """Every format by name; imported lazily so start-up stays fast."""
    from checker.report.github import GithubFormatter
    from checker.report.gitlab import GitlabFormatter
    from checker.report.html import HtmlFormatter
    from checker.report.json import JsonFormatter
    from checker.report.junit import JunitFormatter
    from checker.report.markdown import MarkdownFormatter
    from checker.report.sarif import SarifFormatter
    from checker.report.text import TextFormatter

    classes: list[type[Formatter]] = [
        TextFormatter,
        JsonFormatter,
        SarifFormatter,
        GithubFormatter,
        JunitFormatter,
        MarkdownFormatter,
        GitlabFormatter,
        HtmlFormatter,
    ]
    return {cls.name: cls for cls in classes}


FORMAT_NAMES = (
    "auto",
    "text",
    "json",
    "sarif",
    "github",
    "junit",
    "markdown",
    "gitlab",
    "html",
)


def resolve(name: str) -> str:
    """`auto` is `github` under GitHub Actions, `text` elsewhere."""
    if name == "auto":
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    return name
