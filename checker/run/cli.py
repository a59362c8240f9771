"""The command line: click parses options and hands them to `checker.run.commands`."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from types import FrameType
from typing import Any

import click

from checker import __version__
from checker.model import ExitCode
from checker.report import FORMAT_NAMES


def _report_option(value: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """`--report NAME=PATH` pairs."""
    pairs = []
    for item in value:
        name, sep, path = item.partition("=")
        if not sep or not name or not path:
            raise click.BadParameter(f"expected NAME=PATH, got {item!r}", param_hint="--report")
        if name not in FORMAT_NAMES or name == "auto":
            choices = ", ".join(n for n in FORMAT_NAMES if n != "auto")
            raise click.BadParameter(
                f"unknown format {name!r}; choose from {choices}", param_hint="--report"
            )
        pairs.append((name, path))
    return tuple(pairs)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="snapdrift")
def cli() -> None:
    """Find drift in the boilerplate blocks of scraped page snapshots."""


def _rule_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """`--rules FILE` and `--isolated`, as every command that reads rules takes them."""
    command = click.option(
        "--isolated",
        is_flag=True,
        help="Ignore config files (.snapdrift.yaml, pyproject.toml); use the built-in rules.",
    )(command)
    return click.option(
        "--rules",
        "rules",
        metavar="FILE",
        help="Rule file (default: .snapdrift.yaml or pyproject.toml found upward, else built-in).",
    )(command)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@_rule_options
@click.option(
    "--format",
    "format_",
    type=click.Choice(FORMAT_NAMES),
    default="auto",
    show_default=True,
    help="Report format on stdout.",
)
@click.option(
    "--report",
    "reports",
    multiple=True,
    metavar="NAME=PATH",
    help="Also write a report in format NAME to PATH (repeatable).",
)
@click.option(
    "--glob",
    "globs",
    multiple=True,
    metavar="PATTERN",
    help="File-name pattern to take from folders (repeatable).",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    default="error",
    show_default=True,
    help="Lowest severity that fails the run.",
)
@click.option(
    "--group-by",
    type=click.Choice(["auto", "folder", "host", "none"]),
    default="auto",
    show_default=True,
    help="How snapshots are grouped into sites.",
)
@click.option("--baseline", metavar="FILE", help="Compare against an accepted baseline.")
@click.option("--changed-since", metavar="GITREV", help="Only snapshots git says changed.")
@click.option("--quiet", "-q", is_flag=True, help="No text report, summary or progress.")
@click.option(
    "--verbose",
    "-v",
    is_flag=True,
    help="Say what was learned: sites, families, blocks, slots, layout, time source.",
)
@click.option("--color/--no-color", default=None, help="Force colour on or off.")
@click.option("--allow-empty", is_flag=True, help="Finding no snapshots is not an error.")
@click.option(
    "--jobs",
    "-j",
    type=int,
    default=None,
    metavar="N",
    help="Worker processes for reading and aligning (default: all cores).",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Run the per-snapshot stage locally or on Dask.",
)
@click.option("--scheduler", metavar="ADDRESS", help="Dask scheduler address (tcp://host:8786).")
@click.option(
    "--time-from",
    type=click.Choice(["auto", "mtime"]),
    default="auto",
    show_default=True,
    help="Capture times: archive dates and rule patterns (auto), or file mtimes too.",
)
@click.option(
    "--history",
    type=click.Choice(["none", "git"]),
    default="none",
    show_default=True,
    help="git: check every committed version of the files, dated by its commit.",
)
@click.option("--since", metavar="REV", help="With --history git: only commits after REV.")
def check(
    paths: tuple[str, ...],
    rules: str | None,
    isolated: bool,
    format_: str,
    reports: tuple[str, ...],
    globs: tuple[str, ...],
    fail_on: str,
    group_by: str,
    baseline: str | None,
    changed_since: str | None,
    quiet: bool,
    verbose: bool,
    color: bool | None,
    allow_empty: bool,
    jobs: int | None,
    engine: str,
    scheduler: str | None,
    time_from: str,
    history: str,
    since: str | None,
) -> None:
    """Check snapshot files and folders for boilerplate drift."""
    from checker.run.commands import CheckOptions, run_check

    options = CheckOptions(
        paths=paths,
        rules=rules,
        isolated=isolated,
        format=format_,
        reports=_report_option(reports),
        globs=globs,
        fail_on=fail_on,
        quiet=quiet,
        verbose=verbose,
        group_by=group_by,
        color=color,
        allow_empty=allow_empty,
        baseline=baseline,
        changed_since=changed_since,
        jobs=jobs,
        engine=engine,
        scheduler=scheduler,
        time_from=time_from,
        history=history,
        since=since,
    )
    sys.exit(run_check(options))


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    default="snapdrift.lock",
    show_default=True,
    metavar="FILE",
    help="Where to write the baseline.",
)
@_rule_options
@click.option("--glob", "globs", multiple=True, metavar="PATTERN")
@click.option(
    "--group-by",
    type=click.Choice(["auto", "folder", "host", "none"]),
    default="auto",
    show_default=True,
)
@click.option(
    "--accept",
    "accept",
    multiple=True,
    metavar="FINGERPRINT",
    help="Accept only this finding (repeatable; a unique prefix will do); keep the rest as is.",
)
def baseline(
    paths: tuple[str, ...],
    output: str,
    rules: str | None,
    isolated: bool,
    globs: tuple[str, ...],
    group_by: str,
    accept: tuple[str, ...],
) -> None:
    """Accept the drift present now: record templates and findings in a baseline.

    Run again, it keeps each entry's `reason` and `expires`, drops entries no longer seen
    and adds new ones; with --accept it adds only the chosen findings.
    """
    from checker.run.commands import BaselineOptions, run_baseline

    options = BaselineOptions(
        paths, output, rules, globs, group_by, isolated=isolated, accept=accept
    )
    sys.exit(run_baseline(options))


@cli.command()
@click.argument("snapshot")
@click.option(
    "--against",
    "against",
    multiple=True,
    metavar="PATH",
    help="Snapshots to learn the template from (default: the snapshot's folder).",
)
@_rule_options
@click.option("--glob", "globs", multiple=True, metavar="PATTERN")
def explain(
    snapshot: str,
    against: tuple[str, ...],
    rules: str | None,
    isolated: bool,
    globs: tuple[str, ...],
) -> None:
    """Show how SNAPSHOT splits into blocks and body."""
    from checker.run.explain import run_explain

    sys.exit(run_explain(snapshot, against, rules, globs, isolated))


@cli.group()
def rules() -> None:
    """Validate rule files and run their examples."""


@rules.command("show")
@click.argument("file", required=False)
@click.option("--isolated", is_flag=True, help="Ignore config files; show the built-in rules.")
def rules_show(file: str | None, isolated: bool) -> None:
    """Print the effective rules (FILE, else the config found) and where each came from."""
    from checker.rules.selftest import run_rules_show

    sys.exit(run_rules_show(file, isolated))


@rules.command("check")
@click.argument("file", required=False)
def rules_check(file: str | None) -> None:
    """Validate FILE (default: the config found) without checking snapshots; every error
    in it is reported."""
    from checker.rules.selftest import run_rules_check

    sys.exit(run_rules_check(file))


@rules.command("test")
@click.argument("file", required=False)
def rules_test(file: str | None) -> None:
    """Run the examples that FILE's rules (default: the config found) carry."""
    from checker.rules.selftest import run_rules_test

    sys.exit(run_rules_test(file))


class Terminated(BaseException):
    """SIGTERM arrived: unwind as Ctrl-C does (worker pools terminated, temporary report
    files removed), then exit 143."""


# Seconds the run has to unwind after SIGTERM before it is stopped hard.
GRACE = 3.0
_said: list[bool] = []
_terminating: list[bool] = []


def _thread_error(args: threading.ExceptHookArgs) -> None:
    """A background thread's exception, shown unless the run is being terminated: the
    pool's helper threads fail when the same SIGTERM killed the workers' server, and that
    is no news. The signal may reach the main thread a moment after the failure."""
    if not _terminating:
        time.sleep(0.5)
    if not _terminating:
        threading.__excepthook__(args)


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    """The first SIGTERM unwinds the run; a second one kills at once, as by default.

    A watchdog stops the run hard if unwinding hangs: a worker killed by the same signal
    while holding a pool lock makes the pool's own clean-up wait forever.
    """
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _terminating.append(True)
    watchdog = threading.Timer(GRACE, _stop_hard)
    watchdog.daemon = True
    watchdog.start()
    raise Terminated


def _stop_hard() -> None:
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
    if not _said:
        os.write(2, b"snapdrift: terminated\n")
    os._exit(ExitCode.TERMINATED)


def main() -> None:
    """Entry point: usage errors exit 2, Ctrl-C 130, SIGTERM 143, never a traceback."""
    for stream in (sys.stdout, sys.stderr):
        # Undecodable file names must not break the output or make it invalid UTF-8.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    signal.signal(signal.SIGTERM, _on_sigterm)
    threading.excepthook = _thread_error
    try:
        cli.main(standalone_mode=False)
    except Terminated:
        _said.append(True)
        click.echo("snapdrift: terminated", err=True)
        sys.exit(ExitCode.TERMINATED)
    except click.ClickException as error:
        error.show()
        sys.exit(ExitCode.ERROR)
    except click.Abort:
        click.echo("snapdrift: interrupted", err=True)
        sys.exit(ExitCode.INTERRUPTED)
    except KeyboardInterrupt:
        click.echo("snapdrift: interrupted", err=True)
        sys.exit(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(ExitCode.ERROR)
    except OSError as error:
        click.echo(f"snapdrift: error: cannot write output: {error.strerror or error}", err=True)
        sys.exit(ExitCode.ERROR)
    sys.exit(ExitCode.OK)
