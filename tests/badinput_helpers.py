"""Helpers for the bad-input battery: run the CLI in a clean environment, watch folders, read JSON.

Every CLI call goes through `run_cli`, which
  * runs `python -m checker check ...` with a timeout (never a hang),
  * clears the CI/colour variables that change the tool's output,
  * snapshots the listing and mtimes of the folders it is told to watch, before and after,
    and fails when anything under them changed (the tool must never write into them).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from tests.sample_site import SAMPLE
from tests.sample_site import SIX as SAMPLE_SIX

REPO = Path(__file__).resolve().parent.parent
CORPUS = SAMPLE

# Variables that switch the report format, colour or step summaries; tests never inherit them.
SCRUBBED = ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "CI", "NO_COLOR", "FORCE_COLOR")

# The six findings `snapdrift check snapshots/csto-pa` reports: (kind, file name, line, severity).
SIX = frozenset(
    (kind, name, line, "warning" if kind == "text-changed" else "error")
    for name, line, kind in SAMPLE_SIX
)
ORIGINALS = frozenset(p.name for p in CORPUS.iterdir())
CLEAN_PAGE = "000_0a85903c3d619cf0.txt"  # no findings, pure ASCII
UTF8_PAGE = "003_bd67f9c5a52d8a82.txt"  # one number-changed (line 7), curly quotes in UTF-8


def clean_env(**extra: str) -> dict[str, str]:
    """The current environment without CI/colour variables, with the repo importable."""
    env = {k: v for k, v in os.environ.items() if k not in SCRUBBED}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH", "")]))
    env.setdefault("LANG", "C.UTF-8")
    env.update(extra)
    return env


def cli_command(*args: str, command: str = "check") -> list[str]:
    """The argv of one `snapdrift COMMAND` run (`check` unless told)."""
    return [sys.executable, "-m", "checker", command, *args]


def folder_state(folder: Path) -> dict[str, tuple[int, int, int]]:
    """Every entry under `folder` (symlinks not followed): relative path -> (mode, size, mtime)."""
    state: dict[str, tuple[int, int, int]] = {}
    root = os.fsencode(folder)
    top = os.lstat(root)
    state["."] = (top.st_mode, 0, top.st_mtime_ns)
    for here, dirs, names in os.walk(root, followlinks=False):
        for name in dirs + names:
            path = os.path.join(here, name)
            info = os.lstat(path)
            rel = os.fsdecode(os.path.relpath(path, root))
            state[rel] = (info.st_mode, info.st_size, info.st_mtime_ns)
    return state


@dataclass
class Outcome:
    """What one CLI run gave."""

    returncode: int
    stdout: str
    stderr: str
    seconds: float
    max_rss_kb: int = 0

    def json(self) -> dict:
        """stdout parsed as the JSON report."""
        return json.loads(self.stdout)

    def stderr_lines(self) -> list[str]:
        """The non-blank lines of stderr."""
        return [line for line in self.stderr.splitlines() if line.strip()]


def run_cli(
    *args: str,
    cwd: Path | str | None = None,
    watch: tuple[Path, ...] | list[Path] = (),
    timeout: float = 60,
    measure: bool = False,
    command: str = "check",
) -> Outcome:
    """Run `snapdrift COMMAND ARGS` (`check` by default).

    Fails when it hangs or changes anything under `watch`.

    With `measure`, the child's peak RSS is read with wait4 (the rusage of that child alone).
    """
    before = [folder_state(Path(w)) for w in watch]
    start = time.monotonic()
    if measure:
        outcome = _run_measured(cli_command(*args, command=command), cwd, timeout)
    else:
        done = subprocess.run(
            cli_command(*args, command=command),
            cwd=cwd,
            env=clean_env(),
            capture_output=True,
            timeout=timeout,
        )
        outcome = Outcome(
            done.returncode,
            done.stdout.decode("utf-8", "surrogateescape"),
            done.stderr.decode("utf-8", "surrogateescape"),
            time.monotonic() - start,
        )
    after = [folder_state(Path(w)) for w in watch]
    for folder, old, new in zip(watch, before, after, strict=True):
        assert old == new, f"the run changed {folder}: {_diff(old, new)}"
    return outcome


def _diff(old: dict, new: dict) -> str:
    """What changed between two folder states."""
    added = sorted(set(new) - set(old))
    removed = sorted(set(old) - set(new))
    changed = sorted(k for k in set(old) & set(new) if old[k] != new[k])
    return f"added {added}, removed {removed}, changed {changed}"


def _run_measured(argv: list[str], cwd: Path | str | None, timeout: float) -> Outcome:
    """Popen + wait4, so the child's own peak RSS is known; killed at `timeout`."""
    import tempfile

    start = time.monotonic()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(argv, cwd=cwd, env=clean_env(), stdout=out, stderr=err)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.monotonic() - start
        if seconds >= timeout:
            raise subprocess.TimeoutExpired(argv, timeout)
        out.seek(0)
        err.seek(0)
        return Outcome(
            proc.returncode,
            out.read().decode("utf-8", "surrogateescape"),
            err.read().decode("utf-8", "surrogateescape"),
            seconds,
            int(usage.ru_maxrss),
        )


def copy_corpus(dest: Path) -> Path:
    """A fresh copy of the csto-pa corpus at `dest` (which must not exist)."""
    shutil.copytree(CORPUS, dest, symlinks=True)
    return dest


def keys(findings: list[dict]) -> set[tuple[str, str, int, str]]:
    """(kind, file name, line, severity) of each finding."""
    return {
        (f["kind"], os.path.basename(f["snapshot"]), f["line"], f["severity"]) for f in findings
    }


def on_originals(findings: list[dict]) -> set[tuple[str, str, int, str]]:
    """The keys of the findings on the corpus's own five files."""
    return {k for k in keys(findings) if k[1] in ORIGINALS}


def assert_six_intact(findings: list[dict], exact: bool = True) -> None:
    """The six normal findings are still reported; with `exact`, nothing else on those files."""
    found = on_originals(findings)
    missing = SIX - found
    assert not missing, f"normal findings lost: {sorted(missing)}; got {sorted(found)}"
    if exact:
        extra = found - SIX
        assert not extra, f"new findings on the untouched snapshots: {sorted(extra)}"


def assert_clean_exit(outcome: Outcome, code: int) -> None:
    """The exit code, and never a traceback."""
    assert "Traceback" not in outcome.stderr, outcome.stderr[-3000:]
    assert outcome.returncode == code, (
        f"exit {outcome.returncode}, expected {code}; stderr: {outcome.stderr[-2000:]}"
    )


def assert_one_error_line(outcome: Outcome, *needles: str) -> None:
    """Exit 2 with exactly one line on stderr that holds every needle."""
    assert_clean_exit(outcome, 2)
    lines = outcome.stderr_lines()
    assert len(lines) == 1, f"expected one line on stderr, got {len(lines)}: {outcome.stderr!r}"
    for needle in needles:
        assert needle in lines[0], f"{needle!r} not in {lines[0]!r}"


def findings_on(findings: list[dict], name: str) -> list[dict]:
    """The findings on the snapshot whose file name is `name`."""
    return [f for f in findings if os.path.basename(f["snapshot"]) == name]


def wait_for_handler(pid: int, signum: int, limit: float = 60.0) -> None:
    """Wait until process `pid` catches `signum` (Linux: the SigCgt mask in /proc)."""
    status = Path(f"/proc/{pid}/status")
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines())
        except OSError:
            return  # gone already: the assertions after report it
        if int(fields["SigCgt"].strip(), 16) >> (signum - 1) & 1:
            return
        time.sleep(0.02)
    raise AssertionError(f"no handler for signal {signum} after {limit} s")
