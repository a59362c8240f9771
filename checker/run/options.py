"""The options each command takes, declared once: click parses them, `cli` passes them on."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import click

from checker.report import FORMAT_NAMES


def report_pairs(value: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
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


def rule_options(command: Callable[..., Any]) -> Callable[..., Any]:
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


def check_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Every option of `check` but its paths, in the order `--help` lists them."""
    for option in reversed(_CHECK):
        command = option(command)
    return rule_options(command)


_CHECK: list[Callable[[Callable[..., Any]], Callable[..., Any]]] = [
    click.option(
        "--format",
        "format_",
        type=click.Choice(FORMAT_NAMES),
        default="auto",
        show_default=True,
        help="Report format on stdout.",
    ),
    click.option(
        "--report",
        "reports",
        multiple=True,
        metavar="NAME=PATH",
        help="Also write a report in format NAME to PATH (repeatable).",
    ),
    click.option(
        "--glob",
        "globs",
        multiple=True,
        metavar="PATTERN",
        help="File-name pattern to take from folders (repeatable).",
    ),
    click.option(
        "--fail-on",
        type=click.Choice(["error", "warning", "info", "never"]),
        default="error",
        show_default=True,
        help="Lowest severity that fails the run.",
    ),
    click.option(
        "--group-by",
        type=click.Choice(["auto", "folder", "host", "none"]),
        default="auto",
        show_default=True,
        help="How snapshots are grouped into sites.",
    ),
    click.option("--baseline", metavar="FILE", help="Compare against an accepted baseline."),
    click.option("--changed-since", metavar="GITREV", help="Only snapshots git says changed."),
    click.option("--quiet", "-q", is_flag=True, help="No text report, summary or progress."),
    click.option(
        "--verbose",
        "-v",
        is_flag=True,
        help="Say what was learned: sites, families, blocks, slots, layout, time source.",
    ),
    click.option("--color/--no-color", default=None, help="Force colour on or off."),
    click.option("--allow-empty", is_flag=True, help="Finding no snapshots is not an error."),
    click.option(
        "--jobs",
        "-j",
        type=int,
        default=None,
        metavar="N",
        help="Processes for reading and aligning: this one and N-1 workers (default: all cores).",
    ),
    click.option(
        "--engine",
        type=click.Choice(["local", "dask"]),
        default="local",
        show_default=True,
        help="Run the per-snapshot stage locally or on Dask.",
    ),
    click.option(
        "--scheduler", metavar="ADDRESS", help="Dask scheduler address (tcp://host:8786)."
    ),
    click.option(
        "--time-from",
        type=click.Choice(["auto", "mtime"]),
        default="auto",
        show_default=True,
        help="Capture times: archive dates and rule patterns (auto), or file mtimes too.",
    ),
    click.option(
        "--history",
        type=click.Choice(["none", "git"]),
        default="none",
        show_default=True,
        help="git: check every committed version of the files, dated by its commit.",
    ),
    click.option("--since", metavar="REV", help="With --history git: only commits after REV."),
]


@dataclass(frozen=True)
class CheckOptions:
    """Everything `snapdrift check` was asked to do."""

    paths: tuple[str, ...]
    rules: str | None = None
    isolated: bool = False
    """Ignore config files found from the working folder."""
    format: str = "auto"
    reports: tuple[tuple[str, str], ...] = ()
    globs: tuple[str, ...] = ()
    fail_on: str = "error"
    quiet: bool = False
    group_by: str = "auto"
    color: bool | None = None
    allow_empty: bool = False
    baseline: str | None = None
    changed_since: str | None = None
    jobs: int | None = None
    time_from: str = "auto"
    engine: str = "local"
    scheduler: str | None = None
    history: str = "none"
    """`git`: read every committed version of the snapshot files (`--history git`)."""
    since: str | None = None
    """With `--history git`: only commits after this revision."""
    verbose: bool = False
    """Say on stderr what was learned: sites, families, blocks, slots, layout, time source."""


@dataclass(frozen=True)
class BaselineOptions:
    """Everything `snapdrift baseline` was asked to do."""

    paths: tuple[str, ...]
    output: str = "snapdrift.lock"
    rules: str | None = None
    globs: tuple[str, ...] = ()
    group_by: str = "auto"
    isolated: bool = False
    """Ignore config files found from the working folder."""
    accept: tuple[str, ...] = ()
    """Fingerprints (or unique prefixes) to accept, leaving the rest of the baseline alone."""
