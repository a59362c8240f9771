"""Data-driven end-to-end cases: each `tests/cases/*.yml` is a small site and the exact
findings (and exit code) snapdrift must report on it.

Case file keys:

    description: one sentence
    snapshots: {file name: text}         # written as UTF-8 unless an option below says otherwise
    crlf: [file, ...]                    # write these with CRLF line endings
    bom: [file, ...]                     # prefix these with a UTF-8 byte-order mark
    encoding: {file: codec}              # encode these with another codec (cp1251, latin-1, ...)
    raw_bytes_b64: {file: base64}        # extra files written byte for byte (binary, empty, ...)
    rules: rule file text                # passed as --rules
    args: [extra CLI args]               # e.g. [--fail-on, warning]
    expect:
      exit: 0|1|2
      findings: [{snapshot, line, kind[, severity]}, ...]   # the exact set, order-free;
                                         # snapshot "*" = any page (for grouped findings)
    xfail: "reason"                      # the tool is wrong here; the expectation is right

Every case runs in-process through the real click command (fast). The cases named in
SUBPROCESS_CASES also run as `python -m checker` in a child process with a clean
environment; set SNAPDRIFT_CASES_SUBPROCESS=1 to run every case that way.
"""

from __future__ import annotations

import base64
import codecs
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from checker.run.cli import cli

CASES_DIR = Path(__file__).parent / "cases"
ROOT = Path(__file__).parent.parent

# Environment variables that change how a CI-aware tool behaves; never inherited.
DROPPED_ENV = ("CI", "NO_COLOR", "FORCE_COLOR")

# Cases also run through a real child process: one per exit code and each arg/rule path.
SUBPROCESS_CASES = (
    "number_changed_top",
    "noise_formatting",
    "fail_on_warning",
    "half_rolled_out_no_majority",
    "unreadable_empty_and_binary",
    "rules_conflict_slot",
)

OPTION_KEYS = {"crlf", "bom", "encoding", "raw_bytes_b64"}
CASE_KEYS = {"description", "snapshots", "rules", "args", "expect", "xfail"} | OPTION_KEYS


def load_cases() -> dict[str, dict[str, Any]]:
    """Every case file by name (file stem)."""
    cases = {}
    for path in sorted(CASES_DIR.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert isinstance(data, dict), f"{path.name}: not a mapping"
        cases[path.stem] = data
    return cases


CASES = load_cases()


def _params(names: Any) -> list[Any]:
    params = []
    for name in names:
        case = CASES[name]
        marks = []
        if case.get("xfail"):
            marks.append(pytest.mark.xfail(reason=str(case["xfail"]), strict=True))
        params.append(pytest.param(name, marks=marks, id=name))
    return params


def write_case(case: dict[str, Any], root: Path) -> tuple[Path, Path | None]:
    """Write the case's snapshots under root/site (and its rules beside it)."""
    site = root / "site"
    site.mkdir(parents=True)
    crlf = set(case.get("crlf") or ())
    bom = set(case.get("bom") or ())
    encodings = dict(case.get("encoding") or {})
    raw = dict(case.get("raw_bytes_b64") or {})
    for name, text in (case.get("snapshots") or {}).items():
        if name in crlf:
            text = text.replace("\r\n", "\n").replace("\n", "\r\n")
        data = text.encode(encodings.get(name, "utf-8"))
        if name in bom:
            data = codecs.BOM_UTF8 + data
        (site / name).write_bytes(data)
    for name, b64 in raw.items():
        (site / name).write_bytes(base64.b64decode(b64))
    rules = None
    if case.get("rules") is not None:
        rules = root / "rules.yml"
        rules.write_text(case["rules"], encoding="utf-8")
    return site, rules


def command(site: Path, rules: Path | None, case: dict[str, Any]) -> list[str]:
    """The `check` arguments (after the program name)."""
    args = ["check", "--format", "json"]
    if rules is not None:
        args += ["--rules", str(rules)]
    args += [str(a) for a in case.get("args") or ()]
    return args + [str(site)]


def run_in_process(args: list[str]) -> tuple[int, str, str]:
    runner = CliRunner()
    env: dict[str, str | None] = {k: None for k in os.environ if k.startswith("GITHUB_")}
    env.update({k: None for k in DROPPED_ENV})
    result = runner.invoke(cli, args, env=env, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def run_subprocess(args: list[str]) -> tuple[int, str, str]:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith("GITHUB_") and k not in DROPPED_ENV
    }
    proc = subprocess.run(
        [sys.executable, "-m", "checker", *args],
        capture_output=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    return (
        proc.returncode,
        proc.stdout.decode("utf-8", "replace"),
        proc.stderr.decode("utf-8", "replace"),
    )


def _fmt(items: Any) -> str:
    return "\n".join(f"    {item}" for item in sorted(items, key=str)) or "    (none)"


def check_case(name: str, tmp_path: Path, runner: Any) -> None:
    case = CASES[name]
    unknown = set(case) - CASE_KEYS
    assert not unknown, f"{name}: unknown case keys {sorted(unknown)}"
    site, rules = write_case(case, tmp_path)
    code, stdout, stderr = runner(command(site, rules, case))
    expect = case["expect"]
    try:
        document = json.loads(stdout)
    except json.JSONDecodeError:
        pytest.fail(f"{name}: exit {code}, stdout is not JSON:\n{stdout}\nstderr:\n{stderr}")
    got = [
        (os.path.basename(f["snapshot"]), f["line"], f["kind"], f["severity"])
        for f in document["findings"]
    ]
    wanted = [
        (e["snapshot"], e["line"], e["kind"], e.get("severity")) for e in expect["findings"] or ()
    ]
    # Exact snapshots first, then `snapshot: "*"` (a grouped finding whose page is any holder).
    unmatched = list(got)
    missing = []
    for want in sorted(wanted, key=lambda w: w[0] == "*"):
        match = next(
            (
                g
                for g in unmatched
                if want[0] in ("*", g[0]) and g[1:3] == want[1:3] and want[3] in (None, g[3])
            ),
            None,
        )
        if match is None:
            missing.append(want)
        else:
            unmatched.remove(match)
    problems = []
    if missing or unmatched:
        problems.append(
            "findings differ:\n  expected, not reported:\n"
            + _fmt(missing)
            + "\n  reported, not expected:\n"
            + _fmt(unmatched)
        )
    if code != expect["exit"]:
        problems.append(f"exit code: expected {expect['exit']}, got {code}")
    if problems:
        detail = "\n".join(
            f"    {os.path.basename(f['snapshot'])}:{f['line']} {f['kind']} {f['severity']}: "
            f"{f['message']} | expected {f['expected']!r} found {f['found']!r}"
            for f in document["findings"]
        )
        pytest.fail(
            f"{name}: {case.get('description', '')}\n"
            + "\n".join(problems)
            + "\n  all findings:\n"
            + (detail or "    (none)")
            + f"\n  expected:\n{_fmt(wanted)}\n  got:\n{_fmt(got)}",
            pytrace=False,
        )


ALL_SUBPROCESS = os.environ.get("SNAPDRIFT_CASES_SUBPROCESS") == "1"


@pytest.mark.parametrize("name", _params(CASES))
def test_case(name: str, tmp_path: Path) -> None:
    check_case(name, tmp_path, run_subprocess if ALL_SUBPROCESS else run_in_process)


@pytest.mark.parametrize("name", _params(n for n in SUBPROCESS_CASES if n in CASES))
def test_case_subprocess(name: str, tmp_path: Path) -> None:
    """The same case through `python -m checker`: real exit code, clean environment."""
    check_case(name, tmp_path, run_subprocess)


def test_subprocess_cases_exist() -> None:
    assert set(SUBPROCESS_CASES) <= set(CASES)
