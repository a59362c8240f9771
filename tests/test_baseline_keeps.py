"""A baseline that keeps what people wrote: re-running `snapdrift baseline` keeps `reason`
and `expires`, drops and counts entries no longer seen, adds new ones with an empty reason;
`--accept FINGERPRINT` accepts chosen findings and leaves the rest alone."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from checker.run.cli import cli
from tests.badinput_helpers import SCRUBBED
from tests.sample_site import SAMPLE

ROSTER_7 = "Kyrgyz Republic to the CSTO PA consists of 7 deputies"
ROSTER_6 = "Kyrgyz Republic to the CSTO PA consists of 6 deputies"
DRIFTED = "003_bd67f9c5a52d8a82.txt"  # number-changed 6 -> 7 at line 7
CLEAN = "000_0a85903c3d619cf0.txt"


@pytest.fixture(autouse=True)
def _no_ci_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in SCRUBBED:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the sample site, with the working folder beside it and a baseline."""
    (tmp_path / ".git").mkdir()
    shutil.copytree(SAMPLE, tmp_path / "csto-pa")
    monkeypatch.chdir(tmp_path)
    assert run("baseline", "csto-pa")[0] == 0
    return tmp_path / "csto-pa"


def run(*args: str) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of one CLI call."""
    result = CliRunner().invoke(cli, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def entries() -> dict[str, dict]:
    """The accepted entries of snapdrift.lock by kind and first snapshot's file name."""
    document = yaml.safe_load(Path("snapdrift.lock").read_text(encoding="utf-8"))
    return {e["fingerprint"]: e for e in document["accepted"]}


def annotate(fingerprint: str, reason: str, expires: str) -> None:
    """Write a reason and an expiry date into one entry, as a person would."""
    document = yaml.safe_load(Path("snapdrift.lock").read_text(encoding="utf-8"))
    for entry in document["accepted"]:
        if entry["fingerprint"] == fingerprint:
            entry["reason"], entry["expires"] = reason, dt.date.fromisoformat(expires)
    Path("snapdrift.lock").write_text(yaml.safe_dump(document), encoding="utf-8")


def fingerprint_on(name: str, kind: str) -> str:
    """The fingerprint of the finding of `kind` on snapshot `name` in a plain check."""
    findings = json.loads(run("check", "--format", "json", "csto-pa")[1])["findings"]
    return next(f["fingerprint"] for f in findings if f["kind"] == kind and name in f["snapshot"])


def edit(page: Path, old: str, new: str) -> None:
    """Replace text in one snapshot."""
    text = page.read_text(encoding="utf-8")
    assert old in text
    page.write_text(text.replace(old, new), encoding="utf-8")


def test_a_reason_survives_baseline_run_again(site: Path) -> None:
    before = entries()
    assert len(before) == 5 and all(e["reason"] == "" for e in before.values())
    chosen = fingerprint_on(DRIFTED, "number-changed")
    annotate(chosen, "the Kyrgyz delegation grew in May", "2030-01-31")
    code, _, err = run("baseline", "csto-pa")
    assert code == 0
    assert "kept 5, dropped 0 no longer seen, added 0 new" in err
    after = entries()
    assert after[chosen]["reason"] == "the Kyrgyz delegation grew in May"
    assert after[chosen]["expires"] == dt.date(2030, 1, 31)
    assert set(after) == set(before)


def test_entries_no_longer_seen_are_dropped_and_counted(site: Path) -> None:
    fixed = fingerprint_on(DRIFTED, "number-changed")
    edit(site / DRIFTED, ROSTER_7, ROSTER_6)
    edit(site / CLEAN, ROSTER_6, "Kyrgyz Republic to the CSTO PA consists of 9 deputies")
    code, _, err = run("baseline", "csto-pa")
    assert code == 0
    assert "dropped 1 no longer seen, added 1 new" in err
    after = entries()
    assert fixed not in after
    (new,) = [e for e in after.values() if CLEAN in e["snapshots"][0]]
    assert new["reason"] == "" and new["expires"] is None


def test_accept_takes_only_the_chosen_finding(site: Path) -> None:
    old = entries()
    kept = next(iter(old))
    annotate(kept, "known", "2031-02-01")
    edit(site / CLEAN, ROSTER_6, "Kyrgyz Republic to the CSTO PA consists of 9 deputies")
    edit(site / "001_86663546f0d1bad6.txt", "Viktor Kogut", "Ivan Petrov")
    check = json.loads(
        run("check", "--format", "json", "--baseline", "snapdrift.lock", "csto-pa")[1]
    )
    new = {(Path(f["snapshot"]).name, f["kind"]): f["fingerprint"] for f in check["findings"]}
    assert len(new) == 2
    chosen = new[(CLEAN, "number-changed")]
    code, _, err = run("baseline", "csto-pa", "--accept", chosen[:10])
    assert code == 0, err
    assert "kept 5, dropped 0 no longer seen, added 1 new" in err
    after = entries()
    assert set(after) == set(old) | {chosen}
    assert after[kept]["reason"] == "known"
    code, out, _ = run("check", "--format", "json", "--baseline", "snapdrift.lock", "csto-pa")
    assert code == 1
    left = {f["fingerprint"] for f in json.loads(out)["findings"]}
    assert left == {new[("001_86663546f0d1bad6.txt", "value-changed")]}


def test_accept_of_an_unknown_fingerprint_is_refused(site: Path) -> None:
    before = Path("snapdrift.lock").read_bytes()
    code, _, err = run("baseline", "csto-pa", "--accept", "ffffffffff")
    assert code == 2
    assert "--accept ffffffffff: no finding of this run has that fingerprint" in err
    assert Path("snapdrift.lock").read_bytes() == before


def test_a_damaged_baseline_is_not_overwritten(site: Path) -> None:
    Path("snapdrift.lock").write_text("version: 1\nsites: [\n", encoding="utf-8")
    code, _, err = run("baseline", "csto-pa")
    assert code == 2
    assert err.startswith("snapdrift: error: snapdrift.lock:") and "not overwritten" in err
    assert Path("snapdrift.lock").read_text(encoding="utf-8") == "version: 1\nsites: [\n"


def test_the_text_report_shows_what_to_accept(site: Path) -> None:
    chosen = fingerprint_on(DRIFTED, "number-changed")
    out = run("check", "--format", "text", "csto-pa")[1]
    assert f"      fingerprint: {chosen}\n      at csto-pa/{DRIFTED}:7\n" in out
