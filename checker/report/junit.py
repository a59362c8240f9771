"""JUnit XML report: a test suite per site, a test case per snapshot with findings."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from checker.verdict import Finding, RunResult

from .common import located, relative_path, short, strip_xml_illegal

OTHERS = "(all other snapshots)"


def clean(text: str) -> str:
    """Scraped text safe for XML 1.0."""
    return strip_xml_illegal(text)


def finding_text(finding: Finding) -> str:
    """A finding as a few plain lines, for failure bodies and system-out."""
    lines = [
        f"{finding.severity.label} {finding.kind.value} at line {finding.line}",
        finding.message,
        f"expected: {finding.expected}",
        f"found: {finding.found}",
    ]
    lines += [f"change: {change}" for change in finding.changes]
    if finding.label:
        lines.append(f"label: {finding.label}")
    return clean("\n".join(lines))


def testcase(site: str, snapshot: str, findings: list[Finding], fail_on: int | None) -> ET.Element:
    """One snapshot's test case: a failure per finding at or above the threshold."""
    case = ET.Element(
        "testcase",
        classname=clean(f"snapdrift.{site}"),
        name=clean(snapshot),
        file=clean(relative_path(located(snapshot, 1)[0])),
        time="0",
    )
    below: list[str] = []
    for finding in findings:
        if fail_on is not None and finding.severity >= fail_on:
            failure = ET.SubElement(
                case, "failure", message=clean(short(finding.message, 200)), type=finding.kind.value
            )
            failure.text = finding_text(finding)
        else:
            below.append(finding_text(finding))
    if below:
        ET.SubElement(case, "system-out").text = "\n\n".join(below)
    return case


def testsuite(
    site: str, snapshots: int, findings: list[Finding], fail_on: int | None
) -> ET.Element:
    """One site's suite; clean snapshots share one passing case."""
    by_snapshot: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_snapshot[finding.snapshot].append(finding)
    cases = [testcase(site, snap, fs, fail_on) for snap, fs in by_snapshot.items()]
    if snapshots > len(by_snapshot):
        cases.append(
            ET.Element("testcase", classname=clean(f"snapdrift.{site}"), name=OTHERS, time="0")
        )
    failed = sum(1 for case in cases if case.find("failure") is not None)
    suite = ET.Element(
        "testsuite",
        name=clean(site),
        tests=str(len(cases)),
        failures=str(failed),
        errors="0",
        skipped="0",
        time="0",
    )
    suite.extend(cases)
    return suite


class JunitFormatter:
    """JUnit XML that GitLab, Jenkins and most CI test tabs read."""

    name = "junit"

    def render(self, result: RunResult) -> str:
        """The whole XML document, with its declaration."""
        by_site: dict[str, list[Finding]] = defaultdict(list)
        for finding in result.findings:
            by_site[finding.site].append(finding)
        snapshots = {s.site: s.snapshots for s in result.sites}
        sites = list(snapshots) + [s for s in by_site if s not in snapshots]
        fail_on = result.fail_on
        suites = [testsuite(s, snapshots.get(s, 0), by_site.get(s, []), fail_on) for s in sites]
        root = ET.Element(
            "testsuites",
            name="snapdrift",
            tests=str(sum(int(s.get("tests", "0")) for s in suites)),
            failures=str(sum(int(s.get("failures", "0")) for s in suites)),
            errors="0",
            time="0",
        )
        root.extend(suites)
        ET.indent(root)
        body = ET.tostring(root, encoding="unicode")
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
