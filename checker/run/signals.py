"""SIGTERM and background-thread errors: a terminated run unwinds as Ctrl-C does, and a run
that cannot unwind is stopped hard within a grace period."""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from types import FrameType

from checker.verdict import ExitCode


class Terminated(BaseException):
    """SIGTERM arrived: unwind as Ctrl-C does (worker pools terminated, temporary report
    files removed), then exit 143."""


# Seconds the run has to unwind after SIGTERM before it is stopped hard.
GRACE = 3.0
said: list[bool] = []
terminating: list[bool] = []


def thread_error(args: threading.ExceptHookArgs) -> None:
    """A background thread's exception, shown unless the run is being terminated: the
    pool's helper threads fail when the same SIGTERM killed the workers' server, and that
    is no news. The signal may reach the main thread a moment after the failure."""
    if not terminating:
        time.sleep(0.5)
    if not terminating:
        threading.__excepthook__(args)


def on_sigterm(signum: int, frame: FrameType | None) -> None:
    """The first SIGTERM unwinds the run; a second one kills at once, as by default.

    A watchdog stops the run hard if unwinding hangs: a worker killed by the same signal
    while holding a pool lock makes the pool's own clean-up wait forever.
    """
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    terminating.append(True)
    watchdog = threading.Timer(GRACE, stop_hard)
    watchdog.daemon = True
    watchdog.start()
    raise Terminated


def stop_hard() -> None:
    """Kill the worker processes and the resource tracker (which would warn of leaked
    semaphores), say the one line, and exit 143 without further clean-up."""
    import multiprocessing
    from multiprocessing import resource_tracker

    for child in multiprocessing.active_children():
        child.kill()
    tracker = getattr(resource_tracker._resource_tracker, "_pid", None)
    if tracker:
        with contextlib.suppress(OSError):
            os.kill(tracker, signal.SIGKILL)
    if not said:
        os.write(2, b"snapdrift: terminated\n")
    os._exit(ExitCode.TERMINATED)


def install() -> None:
    """Handle SIGTERM and background-thread errors as above, for the rest of the process."""
    signal.signal(signal.SIGTERM, on_sigterm)
    threading.excepthook = thread_error
