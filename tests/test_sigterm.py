"""Clean cancels: SIGTERM (a cancelled CI job, `timeout`) stops the workers within seconds,
with one line on stderr, exit 143, no worker left and no report written."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.badinput_helpers import REPO, clean_env, cli_command, wait_for_handler

PAGES = 60_000


@pytest.fixture(scope="module")
def big_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated site of 60,000 pages (bench/make_site.py), enough for a run of seconds."""
    out = tmp_path_factory.mktemp("big")
    subprocess.run(
        [sys.executable, str(REPO / "bench" / "make_site.py"), str(PAGES), str(out)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return out / "site"


def _group_gone(group: int, within: float) -> bool:
    """Whether every process of a process group has exited within `within` seconds."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc (Linux)")
@pytest.mark.parametrize("delay", [1.0, 2.5])
@pytest.mark.parametrize("whole_group", [False, True], ids=["parent", "group"])
def test_sigterm_stops_cleanly(
    big_site: Path, tmp_path: Path, delay: float, whole_group: bool
) -> None:
    report = tmp_path / "report.json"
    args = [str(big_site), "--group-by", "none", "--jobs", "2", "--report", f"json={report}"]
    proc = subprocess.Popen(
        cli_command(*args),
        env=clean_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    started = time.monotonic()
    # Cancelled `delay` seconds in, but never before the command line runs: a loaded machine
    # can spend longer than that starting the interpreter, which no handler covers.
    wait_for_handler(proc.pid, signal.SIGTERM)
    time.sleep(max(0.0, delay - (time.monotonic() - started)))
    assert proc.poll() is None, "the check finished before it could be cancelled"
    sent = time.monotonic()
    if whole_group:
        os.killpg(proc.pid, signal.SIGTERM)  # as `timeout` and CI runners do
    else:
        proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=30)
    assert time.monotonic() - sent < 5
    assert proc.returncode == 143
    assert err.decode("utf-8", "replace") == "snapdrift: terminated\n"
    assert _group_gone(proc.pid, 5), "a worker outlived the cancelled run"
    assert list(tmp_path.iterdir()) == [], "a report (or its temporary file) was left behind"
