"""`--changed-since`: the snapshot files git says changed since a revision."""

from __future__ import annotations

import subprocess
from pathlib import Path

from checker.load import InputError


def changed_since(revision: str) -> set[Path]:
    """Resolved paths of files changed since `revision`, committed or not, plus new files."""
    if revision.startswith("-"):
        raise InputError(f"--changed-since {revision!r}: not a git revision")
    top = _git(["rev-parse", "--show-toplevel"]).strip()
    changed = _git(["diff", "--name-only", "-z", revision, "--"])
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z"])
    names = [n for n in (changed + untracked).split("\0") if n]
    return {(Path(top) / name).resolve() for name in names}


def _git(arguments: list[str]) -> str:
    """Run git without a shell; any failure is an input error."""
    try:
        done = subprocess.run(
            ["git", *arguments], capture_output=True, text=True, timeout=60, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise InputError(f"--changed-since: cannot run git: {error}") from error
    if done.returncode != 0:
        message = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed"
        raise InputError(f"--changed-since: git {' '.join(arguments[:2])}: {message}")
    return done.stdout
