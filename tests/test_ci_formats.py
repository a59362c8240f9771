"""The CI report formatters: SARIF, GitHub annotations, JUnit, GitLab Code Quality, Markdown."""

from __future__ import annotations

import dataclasses
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import pytest

from checker.model import Kind, Severity
from checker.report.common import (
    describe,
    relative_path,
    relative_uri,
    short,
    strip_xml_illegal,
    visible,
)
from checker.report.github import GithubFormatter, unescape_data, unescape_property
from checker.report.gitlab import GitlabFormatter
from checker.report.junit import JunitFormatter
from checker.report.markdown import MarkdownFormatter
from checker.report.sarif import MAX_RESULTS, SarifFormatter
from checker.verdict import ExitCode, Finding, RunResult, SiteSummary

SCHEMA = Path(__file__).parent / "data" / "sarif-2.1.0.json"
NASTY = (
    'Footer 100% changed,\r\nnow: "x" ::stop-commands::x <script>alert(1)</script> | `q` \x07 \'s'
)
ODD_PATH = "shop/a page?id=1#top 50%\"'é.html"


def finding(
    site: str, snapshot: str, line: int, kind: Kind, severity: Severity, **kw: object
) -> Finding:
    """A finding with sensible defaults for the fields a test does not care about."""
    values: dict[str, object] = {
        "rule": kind.value,
        "expected": "© 2024 Example",
        "found": "© 2025 Example",
        "message": f"{kind.value} in {snapshot}",
        "slot": 3,
        "fingerprint": f"fp-{site}-{kind.value}",
    }
    values.update(kw)
    return Finding(site, snapshot, line, kind, severity, **values)  # type: ignore[arg-type]


def make_result(fail_on: Severity | None = Severity.ERROR) -> RunResult:
    """Several sites, every severity, hostile text and an awkward path."""
    findings = (
        finding(
            "shop",
            ODD_PATH,
            12,
            Kind.NUMBER_CHANGED,
            Severity.ERROR,
            message=NASTY,
            found="<b>2025</b> | \x07",
            label="regression",
        ),
        finding("shop", ODD_PATH, 14, Kind.URL_MISSING, Severity.WARNING, found="", fingerprint=""),
        finding(
            "shop",
            "shop/b.html",
            12,
            Kind.NUMBER_CHANGED,
            Severity.ERROR,
            message=NASTY,
            found=NASTY,
        ),
        finding(
            "shop",
            "shop/c.html",
            0,
            Kind.SNAPSHOT_UNREADABLE,
            Severity.INFO,
            expected="",
            found="",
            slot=-1,
            fingerprint="",
        ),
        finding("blog", "blog/x.html", 3, Kind.TEXT_CHANGED, Severity.WARNING),
        finding("blog", "blog/y.html", 4, Kind.LINE_ADDED, Severity.INFO, expected=""),
    )
    sites = (SiteSummary("shop", 10), SiteSummary("blog", 2), SiteSummary("docs", 4))
    exit_code = ExitCode.DRIFT if fail_on else ExitCode.OK
    return RunResult(tuple(sorted(findings)), sites, (), fail_on, exit_code, suppressed=2)


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No runner variables leak in from the machine running the tests."""
    for name in ("GITHUB_STEP_SUMMARY", "GITHUB_ACTIONS", "CI", "NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)


def sarif(result: RunResult) -> dict:
    """Render and parse SARIF."""
    return json.loads(SarifFormatter().render(result))


def test_sarif_validates_against_schema() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(sarif(make_result()))


def test_sarif_rules_results_and_levels() -> None:
    result = make_result()
    run = sarif(result)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [k.value for k in Kind]
    assert rules[0]["name"] == "NumberChanged"
    assert all(r["shortDescription"]["text"] and r["help"]["markdown"] for r in rules)
    levels = {"error": Severity.ERROR, "warning": Severity.WARNING, "note": Severity.INFO}
    for res, f in zip(run["results"], result.findings, strict=True):
        assert res["ruleId"] == f.kind.value
        assert rules[res["ruleIndex"]]["id"] == f.kind.value
        assert levels[res["level"]] is f.severity
        region = res["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] == max(f.line, 1)
        assert f.message in res["message"]["text"]
        assert res["properties"]["site"] == f.site
    first = next(r for r in run["results"] if r["properties"].get("label"))
    assert "expected:" in first["message"]["text"] and "2025" in first["message"]["text"]


def test_sarif_uris_relative_and_encoded() -> None:
    for res in sarif(make_result())["runs"][0]["results"]:
        uri = res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert not uri.startswith("/") and ".." not in uri.split("/")
        assert re.fullmatch(r"[A-Za-z0-9/!$&()*+,;=@%._~-]+", uri), uri
    encoded = relative_uri(ODD_PATH)
    assert encoded == "shop/a%20page%3Fid=1%23top%2050%25%22%27%C3%A9.html"
    assert unquote(encoded) == ODD_PATH


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("./a/b.html", "a/b.html"),
        ("../../x/y.html", "x/y.html"),
        ("a/../../b", "b"),
        ("/srv/snaps/p.html", "srv/snaps/p.html"),
        ("a//b/./c", "a/b/c"),
    ],
)
def test_relative_uri_never_escapes(path: str, expected: str) -> None:
    assert relative_uri(path) == expected


def test_relative_uri_under_working_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    assert relative_uri(str(tmp_path / "site" / "p q.html")) == "site/p%20q.html"


def test_fingerprint_ignores_line() -> None:
    result = make_result()
    moved = RunResult(
        tuple(dataclasses.replace(f, line=f.line + 40) for f in result.findings),
        result.sites,
        (),
        result.fail_on,
        result.exit_code,
    )
    prints = [r["partialFingerprints"] for r in sarif(result)["runs"][0]["results"]]
    assert prints == [r["partialFingerprints"] for r in sarif(moved)["runs"][0]["results"]]
    assert all(p["snapdrift/v1"] for p in prints)


def test_sarif_truncates_past_the_limit() -> None:
    base = finding("s", "s/p.html", 1, Kind.TEXT_CHANGED, Severity.INFO)
    many = tuple(dataclasses.replace(base, line=i + 1) for i in range(MAX_RESULTS + 5))
    many += (dataclasses.replace(base, severity=Severity.ERROR, line=MAX_RESULTS + 9),)
    result = RunResult(many, (SiteSummary("s", 1),), (), Severity.ERROR, ExitCode.DRIFT)
    run = sarif(result)["runs"][0]
    assert len(run["results"]) == MAX_RESULTS
    assert run["properties"]["truncated"] and run["properties"]["omittedResults"] == 6
    assert run["invocations"][0]["toolExecutionNotifications"]
    assert any(r["level"] == "error" for r in run["results"])


def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    """Split a workflow command as the runner does: at the first `::` after the properties."""
    assert line.startswith("::")
    head, _, message = line[2:].partition("::")
    command, _, props = head.partition(" ")
    properties = dict(p.split("=", 1) for p in props.split(","))
    return command, {k: unescape_property(v) for k, v in properties.items()}, unescape_data(message)


def test_github_annotations_round_trip() -> None:
    result = make_result()
    lines = GithubFormatter().render(result).splitlines()
    assert len(lines) == len(result.findings)
    words = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    for line, f in zip(lines, result.findings, strict=True):
        command, props, message = parse_command(line)
        assert command == words[f.severity]
        assert props["file"] == f.snapshot == relative_path(f.snapshot)
        assert props["line"] == str(max(f.line, 1))
        assert props["title"] == f"snapdrift: {f.kind.value}"
        # Control characters from snapshots are shown as escapes (`\r` -> `\\x0d`), never sent.
        assert message == visible(describe(f))
        assert "\n" not in line and "\r" not in line
    assert any(visible(NASTY) in parse_command(line)[2] for line in lines)


def test_github_step_summary_appended(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    out = GithubFormatter().render(make_result())
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n") and "## snapdrift report" in text
    assert all(line.startswith("::") for line in out.splitlines())


def test_github_no_summary_without_variable(tmp_path: Path) -> None:
    out = GithubFormatter().render(make_result())
    assert "snapdrift report" not in out


@pytest.mark.parametrize("fail_on", [Severity.ERROR, Severity.WARNING, Severity.INFO, None])
def test_junit_counts(fail_on: Severity | None) -> None:
    result = make_result(fail_on)
    root = ET.fromstring(JunitFormatter().render(result).encode("utf-8"))
    assert root.tag == "testsuites"
    assert len(root.findall(".//failure")) == len(result.failing())
    cases = root.findall(".//testcase")
    failed = [c for c in cases if c.find("failure") is not None]
    assert root.get("tests") == str(len(cases)) and root.get("failures") == str(len(failed))
    for suite in root.findall("testsuite"):
        assert suite.get("tests") == str(len(suite.findall("testcase")))
    names = {s.get("name"): [c.get("name") for c in s] for s in root.findall("testsuite")}
    assert names["docs"] == ["(all other snapshots)"]
    assert "(all other snapshots)" not in names["blog"]
    below = len(result.findings) - len(result.failing())
    outs = "".join(e.text or "" for e in root.iter("system-out"))
    assert outs.count(" at line ") == below


def test_junit_strips_illegal_characters() -> None:
    xml_text = JunitFormatter().render(make_result())
    assert xml_text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert "\x07" not in xml_text and "<script>" not in xml_text
    assert ODD_PATH in [c.get("name") for c in ET.fromstring(xml_text).iter("testcase")]
    assert strip_xml_illegal("a\x00b\x1bc\td\ufffee") == "abc\tde"


def test_gitlab_issues() -> None:
    result = make_result()
    issues = json.loads(GitlabFormatter().render(result))
    assert len(issues) == len(result.findings)
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    for item in issues:
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(item)
        assert item["severity"] in {"info", "minor", "major"}
        assert item["location"]["lines"]["begin"] >= 1
        assert not item["location"]["path"].startswith("/")


def test_gitlab_same_variant_on_two_pages_differs_and_is_stable() -> None:
    result = make_result()
    twins = [f for f in result.findings if f.kind is Kind.NUMBER_CHANGED]
    assert twins[0].fingerprint == twins[1].fingerprint
    first = json.loads(GitlabFormatter().render(result))
    moved = dataclasses.replace(
        result, findings=tuple(dataclasses.replace(f, line=f.line + 3) for f in result.findings)
    )
    again = json.loads(GitlabFormatter().render(moved))
    assert [i["fingerprint"] for i in first] == [i["fingerprint"] for i in again]


def test_markdown_escapes_scraped_text() -> None:
    text = MarkdownFormatter().render(make_result())
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "<b>" not in text and "\x07" not in text
    for row in (line for line in text.splitlines() if line.startswith("| error")):
        assert row.count("|") - row.count("\\|") == 5
    assert "**Verdict: drift.**" in text


def test_markdown_stays_under_comment_limit() -> None:
    long = "x" * 300 + " | <i>"
    findings = tuple(
        finding(
            f"site{i % 300}",
            f"site{i % 300}/{'deep/' * 20}page{i}.html",
            i + 1,
            Kind.TEXT_CHANGED,
            Severity.WARNING,
            slot=i % 37,
            found=f"{long}{i}",
        )
        for i in range(10_000)
    )
    sites = tuple(SiteSummary(f"site{i}", 40) for i in range(300))
    result = RunResult(findings, sites, (), Severity.WARNING, ExitCode.DRIFT)
    text = MarkdownFormatter().render(result)
    assert len(text) < 65_536
    assert "more variants not shown" in text and "more sites" in text


def test_short() -> None:
    assert short("abcdef", 4) == "abc…" and short("abc", 4) == "abc"
