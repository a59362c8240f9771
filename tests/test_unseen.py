"""The reproductions of shared/UNSEEN-FAILURES.md (M1..M15) as regression tests.

Each case in tests/unseen_cases.py builds the invented pages of one reproduction in tmp_path,
runs `python -m checker check <root> --format json [args]` in a child process (cwd: this
repository, so its own package is imported), and asserts the document's "Right:" outcome:
the exact multiset of (snapshot relative to the root, line, kind) findings, of every
severity (or, for r14, one of two alternatives), and an exit code that agrees with it
(1 exactly when an error-level finding is expected and reported).

Cases that today's code gets wrong carry `xfail` in the CASES table ("M<n>: principle") and
run as `xfail(strict=True)`: the suite passes today, and once a mechanism is fixed its cases
XPASS, which strict mode turns into a failure until the mark is removed from the table. The
mark expects only a wrong outcome (raises=NotRight): a crash, a missing JSON report or an exit
code that disagrees with the reported severities fails even a marked case. A fix must fix the
mechanism, not only these pages (see the document).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.unseen_cases import CASES, Case, Found

REPO = Path(__file__).resolve().parent.parent

# Environment variables that change how a CI-aware tool behaves; never inherited.
DROPPED_ENV = ("CI", "NO_COLOR", "FORCE_COLOR")


class NotRight(AssertionError):
    """The run is not the Right outcome: the only failure an xfail mark expects (a crash, a
    missing report or an exit code that disagrees with the findings still fails the suite)."""


def _name(snapshot: str, root: Path) -> str:
    """A snapshot's name relative to the case root; a WARC capture
    (`.../site.warc.gz#URL@date`) is named by its URL's path (`news`)."""
    if "#" in snapshot:
        _, _, rest = snapshot.partition("#")
        url = rest.rsplit("@", 1)[0]
        return urlsplit(url).path.lstrip("/")
    path = Path(snapshot)
    for base in (root, root.resolve()):
        try:
            return path.relative_to(base).as_posix()
        except ValueError:
            continue
    return snapshot


def _run(case: Case, root: Path) -> tuple[int, list[Found], str]:
    env = {k: v for k, v in os.environ.items() if k not in DROPPED_ENV}
    cmd = [sys.executable, "-m", "checker", "check", str(root / case.target), "--format", "json"]
    proc = subprocess.run(
        [*cmd, *case.args], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"no JSON report (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    found = [
        {
            "name": _name(f["snapshot"], root),
            "line": f["line"],
            "kind": f["kind"],
            "severity": f["severity"],
            "related": [_name(r, root) for r in f.get("related") or []],
            "message": f.get("message", ""),
        }
        for f in report["findings"]
    ]
    return proc.returncode, found, proc.stderr


def _show(found: list[Found]) -> str:
    rows = sorted(found, key=lambda f: (f["name"], f["line"], f["kind"]))
    lines = [
        f"  {f['name']}:{f['line']} {f['kind']} {f['severity']}"
        + (f" related={f['related']}" if f["related"] else "")
        + f"  {f['message'][:70]}"
        for f in rows
    ]
    return "\n".join(lines) or "  (no finding)"


def _params() -> list:
    params = []
    for case in CASES:
        marks = (
            [pytest.mark.xfail(strict=True, reason=case.xfail, raises=NotRight)]
            if case.xfail
            else []
        )
        params.append(pytest.param(case, id=case.name, marks=marks))
    return params


def test_checker_is_this_worktrees() -> None:
    out = subprocess.run(
        [sys.executable, "-c", "import checker; print(checker.__file__)"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert Path(out).resolve().is_relative_to(REPO / "checker"), out


@pytest.mark.parametrize("case", _params())
def test_unseen(case: Case, tmp_path: Path) -> None:
    root = tmp_path / case.name
    root.mkdir()
    case.build(root)
    code, found, stderr = _run(case, root)

    errors = [f for f in found if f["severity"] == "error"]
    assert code == (1 if errors else 0), (
        f"exit {code} disagrees with the findings' severities:\n{_show(found)}\n{stderr}"
    )
    if not any(outcome.matches(found, code) for outcome in case.right):
        wanted = "\n".join(f"  - {o.describe}" for o in case.right)
        raise NotRight(
            f"{case.name}: not the Right outcome.\nRight (any of):\n{wanted}\n"
            f"actual (exit {code}):\n{_show(found)}"
        )


def test_r14_template_stale_alternative() -> None:
    """The r14 predicate (no run today produces it): one grouped template-stale finding with
    the other old pages as related, or one on each old page; nothing else, nothing short."""
    (r14,) = (c for c in CASES if c.name == "r14")
    stale = r14.right[1]

    def finding(name: str, related: list[str], kind: str = "template-stale") -> Found:
        return {"name": name, "line": 1, "kind": kind, "severity": "warning", "related": related}

    assert stale.matches([finding("s10.txt", ["s10.txt", "s11.txt", "s12.txt"])], 0)
    assert stale.matches([finding(f"s1{i}.txt", []) for i in range(3)], 0)
    assert not stale.matches([finding("s10.txt", ["s11.txt"])], 0)
    assert not stale.matches([], 0)
    extra = finding("s03.txt", [], kind="line-added")
    assert not stale.matches([finding("s10.txt", ["s11.txt", "s12.txt"]), extra], 0)
