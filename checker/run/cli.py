"""The command line: click parses options and hands them to `checker.run.commands`."""

from __future__ import annotations

import sys

import click

from checker import __version__
from checker.run import signals
from checker.run.options import check_options, report_pairs, rule_options
from checker.verdict import ExitCode


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="snapdrift")
def cli() -> None:
    """Find drift in the boilerplate blocks of scraped page snapshots."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@check_options
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
        reports=report_pairs(reports),
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
@rule_options
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
    help="Snapshots to learn the template from (default: the snapshot's folder, or the "
    "nearest enclosing one holding enough pages, up to the working folder).",
)
@rule_options
@click.option(
    "--glob",
    "globs",
    multiple=True,
    metavar="PATTERN",
    help="File-name pattern to take from the folders learned from (repeatable).",
)
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


def main() -> None:
    """Entry point: usage errors exit 2, Ctrl-C 130, SIGTERM 143, never a traceback."""
    for stream in (sys.stdout, sys.stderr):
        # Undecodable file names must not break the output or make it invalid UTF-8.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    signals.install()
    try:
        cli.main(standalone_mode=False)
    except signals.Terminated:
        signals.said.append(True)
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
