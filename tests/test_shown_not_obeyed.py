"""Text from snapshots is shown, never obeyed: terminal escapes and other control characters
reach the text, Markdown and GitHub reports written visibly (`\\x1b`), never raw."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace

import pytest

from checker.run.commands import CheckOptions, check
from checker.report.github import GithubFormatter, annotation
from checker.report.markdown import MarkdownFormatter, md_escape
from checker.report.text import TextFormatter
from tests.badinput_helpers import SCRUBBED
from tests.sample_site import SAMPLE

CLEAN = "000_0a85903c3d619cf0.txt"
HOSTILE = " \x1b]0;pwned\x07\x1b[2J \u202eevil\x9b"
RAW = ("\x1b]", "\x1b[2J", "\x07", "\u202e", "\x9b")
"""Raw pieces of the hostile text; the colour report has ESC of its own, never these."""


@pytest.fixture(autouse=True)
def _no_ci_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in SCRUBBED:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="module")
def hostile_result(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    """The sample site with a block line of one page ending in a title-setting OSC
    sequence (ESC ] 0 ; title BEL), a clear-screen CSI (ESC [ 2 J) and a bidi override."""
    site = tmp_path_factory.mktemp("hostile") / "csto-pa"
    shutil.copytree(SAMPLE, site)
    page = site / CLEAN
    lines = page.read_text(encoding="utf-8").split("\n")
    lines[4] += HOSTILE
    page.write_text("\n".join(lines), encoding="utf-8")
    result = check(CheckOptions(paths=(str(site),)))
    assert any(HOSTILE.strip() in f.found for f in result.findings)
    return result


@pytest.mark.parametrize(
    "formatter", [TextFormatter(color=False), TextFormatter(color=True), MarkdownFormatter()]
)
def test_no_raw_control_reaches_a_report(hostile_result, formatter) -> None:  # noqa: ANN001
    report = formatter.render(hostile_result)
    assert not any(raw in report for raw in RAW)


def _rendered(markdown: str) -> str:
    """What a Markdown viewer shows for backslash-escaped punctuation."""
    return re.sub(r"\\(.)", r"\1", markdown)


def test_markdown_shows_the_escapes() -> None:
    cell = md_escape("Contact" + HOSTILE)
    assert not any(raw in cell for raw in RAW)
    assert _rendered(cell) == "Contact \\x1b]0;pwned\\x07\\x1b[2J \\u202eevil\\x9b"


def test_text_report_line_shows_the_sequence(hostile_result) -> None:  # noqa: ANN001
    report = TextFormatter(color=False).render(hostile_result)
    assert "{+\\x1b]0;pwned\\x07\\x1b[2J \\u202eevil\\x9b+}" in report


def test_github_annotations_show_escapes(hostile_result) -> None:  # noqa: ANN001
    report = GithubFormatter().render(hostile_result)
    assert not any(raw in report for raw in RAW)
    finding = replace(hostile_result.findings[0], found="Contact" + HOSTILE)
    line = annotation(finding)
    assert "\n" not in line
    assert 'found: "Contact \\x1b]0;pwned\\x07\\x1b[2J \\u202eevil\\x9b")' in line
