"""Honest names: `explain` takes the snapshot names reports print (`crawl.warc.gz#URL@date`)
and numbers families and slots as `check` does; a site read from a web archive is named by
its host, and a file given alone by its folder, never `.`."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.run.cli import cli
from checker.run.commands import CheckOptions, check
from checker.model import Kind
from tests.badinput_helpers import SCRUBBED
from tests.sample_site import SAMPLE
from tests.test_warc import write_archive


@pytest.fixture(autouse=True)
def _no_ci_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in SCRUBBED:
        monkeypatch.delenv(name, raising=False)


def run(*args: str) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of one CLI call."""
    result = CliRunner().invoke(cli, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small web archive of one host (ex.org), in the working folder."""
    monkeypatch.chdir(tmp_path)
    return write_archive(tmp_path / "crawl.warc.gz", gz=True)


def test_a_site_read_from_an_archive_is_named_by_its_host(archive: Path) -> None:
    code, out, _ = run("check", "--format", "json", "crawl.warc.gz")
    document = json.loads(out)
    assert [site["site"] for site in document["summary"]["sites"]] == ["ex.org"]
    assert {f["site"] for f in document["findings"]} <= {"ex.org"}


def test_a_file_given_alone_is_named_by_its_folder(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    shutil.copytree(SAMPLE, tmp_path / "csto-pa")
    monkeypatch.chdir(tmp_path / "csto-pa")
    files = sorted(p.name for p in Path().glob("*.txt"))
    out = run("check", "--format", "json", *files)[1]
    assert [site["site"] for site in json.loads(out)["summary"]["sites"]] == ["csto-pa"]


def test_explain_takes_an_archive_snapshot_name_from_a_report(archive: Path) -> None:
    out = run("check", "--format", "json", "crawl.warc.gz")[1]
    (name,) = {f["snapshot"] for f in json.loads(out)["findings"]}
    assert name.startswith("crawl.warc.gz#http://ex.org/")
    code, explained, err = run("explain", name)
    assert code == 0, err
    assert explained.splitlines()[0].startswith(f"{name}: ")
    assert explained.count("crawl.warc.gz#") == 1  # that page only, not the whole archive
    code, _, err = run("explain", "crawl.warc.gz#http://ex.org/nowhere@2024")
    assert code == 2
    assert "crawl.warc.gz holds no snapshot of that name (it holds" in err


def test_explain_numbers_families_and_slots_as_check_does(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.synth",
            str(tmp_path),
            "--seed",
            "4",
            "--pages",
            "60",
            "--drift-rate",
            "0.3",
            "--families",
            "2",
        ],
        check=True,
        capture_output=True,
    )
    site = tmp_path / "site-4"
    result = check(CheckOptions(paths=(str(site),)))
    kinds = (Kind.NUMBER_CHANGED, Kind.URL_CHANGED, Kind.TEXT_CHANGED)
    findings = [f for f in result.findings if f.slot >= 0 and f.kind in kinds]
    assert len({f.family for f in findings}) == 2
    for finding in findings[:6]:
        explained = run("explain", finding.snapshot)[1].splitlines()
        assert f": family {finding.family}: template of " in explained[0]
        line = next(x for x in explained[1:] if x[:5].strip() == str(finding.line))
        assert re.search(rf"slot +{finding.slot} ", line), (finding, line)
