"""`-v/--verbose` says what was learned: the rules, the layout, the time source, and each
site's families, blocks and slot counts, on stderr (stdout keeps the report)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from checker.run.cli import cli
from tests.badinput_helpers import SCRUBBED
from tests.sample_site import SAMPLE


@pytest.fixture(autouse=True)
def _no_ci_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in SCRUBBED:
        monkeypatch.delenv(name, raising=False)


def test_verbose_says_what_was_learned() -> None:
    result = CliRunner().invoke(cli, ["check", "-v", "--format", "json", str(SAMPLE)])
    assert result.exit_code == 1
    assert len(json.loads(result.stdout)["findings"]) == 6
    learned = [line for line in result.stderr.splitlines() if not line.startswith("snapdrift: 6")]
    assert learned == [
        "snapdrift: rules: default",
        "snapdrift: layout: 1 site(s) (csto-pa); --group-by auto: each folder given "
        "(or a file's folder) is one site",
        "snapdrift: time source: none (no archive dates, no rule patterns): no timelines",
        "snapdrift: site csto-pa: 5 snapshot(s), 1 page family",
        "snapdrift:   family 0: learned from 5 snapshot(s), 1 block(s), 12 slot(s)",
        "snapdrift:     block 0: 12 slot(s), at the top (line 1)",
    ]


def test_verbose_names_a_folder_of_sites_and_the_time_patterns(tmp_path) -> None:  # noqa: ANN001
    rules = tmp_path / "rules.yaml"
    rules.write_text("time:\n  filename: '(?P<date>\\d{4}-\\d{2}-\\d{2})'\n", encoding="utf-8")
    folder = SAMPLE.parent
    result = CliRunner().invoke(
        cli, ["check", "--verbose", "--time-from", "mtime", "--rules", str(rules), str(folder)]
    )
    err = result.stderr.splitlines()
    assert f"snapdrift: rules: {rules}" in err
    assert (
        "snapdrift: layout: 1 site(s) (csto-pa); --group-by auto: a folder of sites: "
        "each top folder is a site" in err
    )
    assert (
        "snapdrift: time source: time.filename '(?P<date>\\\\d{4}-\\\\d{2}-\\\\d{2})' over file "
        "names; then file modification times (--time-from mtime)" in err
    )
