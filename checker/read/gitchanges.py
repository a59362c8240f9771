"""`--changed-since`: the snapshot files git says changed since a revision."""

from __future__ import annotations

import subprocess
from pathlib import Path

from checker.read.load import InputError, is_url


def changed_since(revision: str, paths: tuple[str, ...]) -> set[Path]:
    """Resolved paths of files changed since `revision`, committed or not, plus new files,
    asked of the repository each snapshot path lives in (not the working folder's)."""
    if revision.startswith("-"):
        raise InputError(f"--changed-since {revision!r}: not a git revision")
    for path in paths:
        if is_url(path):
            raise InputError(f"--changed-since: {path}: git can only be asked about local paths")
    changed: set[Path] = set()
    for folder in sorted({_folder(path) for path in paths}):
        top = _git(folder, ["rev-parse", "--show-toplevel"]).strip()
        names = _git(folder, ["diff", "--name-only", "-z", revision, "--"]) + _git(
            folder, ["ls-files", "--others", "--exclude-standard", "-z"]
        )
        changed.update((Path(top) / name).resolve() for name in names.split("\0") if name)
    return changed


def _folder(path: str) -> str:
    """The folder git is asked in for a snapshot path."""
    return path if Path(path).is_dir() else str(Path(path).parent)


def _git(folder: str, arguments: list[str]) -> str:
    """Run git without a shell; any failure is an input error."""
    try:
        done = subprocess.run(
            ["git", "-C", folder, *arguments],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise InputError(f"--changed-since: cannot run git: {error}") from error
    if done.returncode != 0:
        message = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed"
        raise InputError(f"--changed-since: git {' '.join(arguments[:2])}: {message}")
    return done.stdout
