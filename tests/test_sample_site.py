"""Acceptance on the sample site: the command line as a user runs it."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from tests.sample_site import SAMPLE
from tests.sample_site import SIX as SIX_FINDINGS

REPO = Path(__file__).resolve().parents[1]
SIX = set(SIX_FINDINGS)
SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-2.1.0.json").read_text())


def snapdrift(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    """Run the command line with a clean environment."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("GITHUB_") and k not in ("CI", "NO_COLOR", "FORCE_COLOR")
    }
    return subprocess.run(
        [sys.executable, "-m", "checker", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def triples(document: dict) -> set[tuple[str, int, str]]:
    """(file name, line, kind) of the JSON findings."""
    return {(Path(f["snapshot"]).name, f["line"], f["kind"]) for f in document["findings"]}


def test_the_sample_site_gives_exactly_six_findings_and_exit_1() -> None:
    done = snapdrift("check", "snapshots/csto-pa", "--format", "json")
    assert done.returncode == 1, done.stderr
    document = json.loads(done.stdout)
    assert triples(document) == SIX and len(document["findings"]) == 6
    for finding in document["findings"]:
        assert {
            "kind",
            "severity",
            "rule",
            "snapshot",
            "line",
            "expected",
            "found",
            "message",
        } <= finding.keys()
    number = next(f for f in document["findings"] if f["kind"] == "number-changed")
    assert "6 deputies" in number["expected"] and "7 deputies" in number["found"]


def test_the_rule_file_keeps_the_six_and_sets_their_severities() -> None:
    done = snapdrift(
        "check", "snapshots/csto-pa", "--rules", "rules/csto-pa.yaml", "--format", "json"
    )
    document = json.loads(done.stdout)
    assert triples(document) == SIX
    severity = {f["kind"]: f["severity"] for f in document["findings"]}
    rule = {f["kind"]: f["rule"] for f in document["findings"]}
    assert severity == {
        "number-changed": "error",
        "text-changed": "error",
        "url-missing": "warning",
    }
    assert rule["text-changed"] == "russian-delegation-wording"
    assert rule["number-changed"] == "delegation-seats"
    assert snapdrift("rules", "test", "rules/csto-pa.yaml").returncode == 0


def test_the_text_report_marks_the_change_and_ends_with_a_summary() -> None:
    done = snapdrift("check", "snapshots/csto-pa")
    assert done.returncode == 1
    assert "[-6-] {+7+}" in done.stdout
    assert "\x1b[" not in done.stdout  # no colour when piped
    assert done.stdout.rstrip().splitlines()[-1].startswith("snapdrift: 6 finding(s)")


def test_fail_on_never_and_info_thresholds() -> None:
    assert snapdrift("check", "snapshots/csto-pa", "--fail-on", "never").returncode == 0
    assert snapdrift("check", "snapshots/csto-pa", "--fail-on", "warning").returncode == 1


def test_explain_shows_the_split() -> None:
    done = snapdrift("explain", "snapshots/csto-pa/003_bd67f9c5a52d8a82.txt")
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert "12 slot(s) in 1 block(s)" in lines[0]
    assert sum("block 0 slot" in line for line in lines) == 12
    assert " 7  block 0 slot   6 ~" in done.stdout  # the drifted line, matched fuzzily
    assert "edge (end)" in done.stdout and "body" in done.stdout


def test_explain_marks_a_variant_the_sample_holds_twice_as_not_the_usual_text() -> None:
    """Two pages reword the Russian delegation's line ("senators"): a variant held on two
    pages, which `check` reports, is not the slot's usual text (`=` said it was)."""
    done = snapdrift("explain", "snapshots/csto-pa/001_86663546f0d1bad6.txt")
    assert done.returncode == 0
    assert "10  block 0 slot   9 ~" in done.stdout
    assert (
        sum(
            re.search(r"block 0 slot +\d+ =", line) is not None for line in done.stdout.splitlines()
        )
        == 11
    )


def test_nothing_is_fitted_to_the_sample_site() -> None:
    for path in (REPO / "checker").rglob("*"):
        if path.is_file() and path.suffix in (".py", ".yaml", ".css", ".js"):
            text = path.read_text(encoding="utf-8").lower()
            assert "delegation" not in text and "csto" not in text, path


# --- SARIF, JUnit -------------------------------------------------------------------------


def sarif(folder: str, cwd: Path = REPO) -> dict:
    """The SARIF report of a folder."""
    done = snapdrift("check", folder, "--format", "sarif", cwd=cwd)
    assert done.returncode == 1, done.stderr
    return json.loads(done.stdout)


def test_sarif_validates_and_carries_the_six() -> None:
    document = sarif("snapshots/csto-pa")
    jsonschema.Draft4Validator(SCHEMA).validate(document)
    results = document["runs"][0]["results"]
    assert len(results) == 6
    got = set()
    for result in results:
        location = result["locations"][0]["physicalLocation"]
        uri = location["artifactLocation"]["uri"]
        assert not uri.startswith("/") and uri.startswith("snapshots/csto-pa/")
        got.add((Path(uri).name, location["region"]["startLine"], result["ruleId"]))
        assert result["level"] == ("warning" if result["ruleId"] == "text-changed" else "error")
    assert got == SIX


def test_sarif_fingerprints_survive_reruns_and_inserted_lines(tmp_path: Path) -> None:
    copy = tmp_path / "csto-pa"
    shutil.copytree(SAMPLE, copy)
    first = sarif("csto-pa", cwd=tmp_path)
    again = sarif("csto-pa", cwd=tmp_path)
    for page in copy.glob("*.txt"):
        page.write_text("\n" + page.read_text(encoding="utf-8"), encoding="utf-8")
    shifted = sarif("csto-pa", cwd=tmp_path)

    def prints(document: dict) -> list[str]:
        return sorted(
            r["partialFingerprints"]["snapdrift/v1"] for r in document["runs"][0]["results"]
        )

    assert prints(first) == prints(again) == prints(shifted)
    lines = sorted(
        r["locations"][0]["physicalLocation"]["region"]["startLine"]
        for r in shifted["runs"][0]["results"]
    )
    assert lines == sorted(line + 1 for _, line, _ in SIX)


def test_junit_failures_match_the_threshold() -> None:
    for fail_on, failing in (("error", 4), ("warning", 6)):
        done = snapdrift("check", "snapshots/csto-pa", "--format", "junit", "--fail-on", fail_on)
        root = ET.fromstring(done.stdout)
        assert len(root.findall(".//failure")) == failing


# --- baseline round trip ---------------------------------------------------------------


@pytest.fixture
def adopted(tmp_path: Path) -> Path:
    """A copy of the sample site with a baseline accepting its drift."""
    shutil.copytree(SAMPLE, tmp_path / "csto-pa")
    done = snapdrift("baseline", "csto-pa", "-o", "snapdrift.lock", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    return tmp_path


def test_baseline_then_check_is_clean_and_says_six_suppressed(adopted: Path) -> None:
    done = snapdrift(
        "check", "--baseline", "snapdrift.lock", "csto-pa", "--format", "json", cwd=adopted
    )
    assert done.returncode == 0, done.stdout
    assert json.loads(done.stdout)["summary"]["suppressed"] == 6
    assert "6 suppressed" in done.stderr


def test_a_new_drift_on_a_clean_page_is_the_one_new_finding(adopted: Path) -> None:
    page = adopted / "csto-pa" / "000_0a85903c3d619cf0.txt"
    text = page.read_text(encoding="utf-8")
    page.write_text(
        text.replace(
            "Kyrgyz Republic to the CSTO PA consists of 6 deputies",
            "Kyrgyz Republic to the CSTO PA consists of 8 deputies",
        ),
        encoding="utf-8",
    )
    done = snapdrift(
        "check", "--baseline", "snapdrift.lock", "csto-pa", "--format", "json", cwd=adopted
    )
    assert done.returncode == 1
    assert triples(json.loads(done.stdout)) == {("000_0a85903c3d619cf0.txt", 7, "number-changed")}


def test_a_deleted_snapshot_makes_its_entry_stale(adopted: Path) -> None:
    (adopted / "csto-pa" / "003_bd67f9c5a52d8a82.txt").unlink()
    done = snapdrift(
        "check", "--baseline", "snapdrift.lock", "csto-pa", "--format", "json", cwd=adopted
    )
    document = json.loads(done.stdout)
    stale = [f for f in document["findings"] if f["kind"] == "baseline-stale"]
    assert len(stale) == 1 and stale[0]["severity"] == "info"
    assert "003_bd67f9c5a52d8a82.txt" in stale[0]["snapshot"]
    assert done.returncode == 0


def test_one_new_snapshot_is_checked_alone_against_the_baseline(adopted: Path) -> None:
    new = adopted / "new"
    new.mkdir()
    text = (SAMPLE / "000_0a85903c3d619cf0.txt").read_text(encoding="utf-8")
    (new / "fresh.txt").write_text(text.replace("Viktor Kogut", "Ivan Petrov"), encoding="utf-8")
    done = snapdrift(
        "check", "--baseline", "snapdrift.lock", "new/fresh.txt", "--format", "json", cwd=adopted
    )
    assert done.returncode == 1, done.stderr
    assert triples(json.loads(done.stdout)) == {("fresh.txt", 2, "value-changed")}


def test_the_baseline_is_sorted_yaml_and_an_expired_entry_counts_again(adopted: Path) -> None:
    lock = adopted / "snapdrift.lock"
    text = lock.read_text(encoding="utf-8")
    assert "accepted:" in text and "sites:" in text and "\nversion: 1\n" in text
    lock.write_text(text.replace("expires: null", "expires: 2000-01-01", 1), encoding="utf-8")
    done = snapdrift(
        "check", "--baseline", "snapdrift.lock", "csto-pa", "--format", "json", cwd=adopted
    )
    document = json.loads(done.stdout)
    assert document["findings"] and all("now expired" in f["message"] for f in document["findings"])
    assert document["summary"]["suppressed"] < 6
