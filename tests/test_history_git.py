"""`--history git`: every committed version of a snapshot file is a capture, dated by its
commit, read straight from git; the same labels as an export of its commits into folders."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner
from history_site import START, history_page

from checker.run.cli import cli

COMMITS = 50


def git(repo: Path, *args: str, when: datetime | None = None) -> str:
    """Run git in the repository (with a fixed identity and, if given, commit time)."""
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    if when is not None:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = when.isoformat()
    done = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, env=env, check=True
    )
    return done.stdout


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git-scraping repository: one page committed 50 times (captures 10 to 59 of the
    history site: flapping, a glitch, an update, whitespace flips)."""
    root = tmp_path_factory.mktemp("scrape")
    git(root, "init", "-q")
    (root / "snapshots").mkdir()
    (root / "README.md").write_text("not a snapshot\n", encoding="utf-8")
    for n in range(COMMITS):
        (root / "snapshots" / "index.html").write_text(
            history_page("index", n + 10), encoding="utf-8"
        )
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", f"capture {n}", when=START + timedelta(days=n))
    return root


def export(repo: Path, target: Path) -> Path:
    """Every commit's snapshot file written into a Wayback-style folder of its commit time."""
    for line in git(repo, "log", "--format=%H %ct").splitlines():
        sha, when = line.split()
        stamp = datetime.fromtimestamp(int(when), tz=timezone.utc).strftime("%Y%m%d%H%M%S")
        (target / stamp).mkdir(parents=True)
        blob = git(repo, "show", f"{sha}:snapshots/index.html")
        (target / stamp / "index.html").write_text(blob, encoding="utf-8")
    return target


def check(*args: str) -> tuple[int, list[dict]]:
    """Exit code and JSON findings of a check."""
    result = CliRunner().invoke(cli, ["check", "--format", "json", *args])
    return result.exit_code, json.loads(result.stdout)["findings"]


def events(findings: list[dict]) -> list[tuple[str, str, str, str, str]]:
    """What each finding says happened, without the paths."""
    return sorted(
        (f["label"], f["kind"], f["severity"], f["expected"], f["found"]) for f in findings
    )


def test_git_history_gives_the_labels_of_its_export(repo: Path, tmp_path: Path) -> None:
    code, from_git = check("--history", "git", str(repo / "snapshots"))
    exported_code, from_folders = check(str(export(repo, tmp_path / "export")))
    assert events(from_git) == events(from_folders)
    assert sorted(f["label"] for f in from_git) == ["flapping", "glitch", "update"]
    assert code == exported_code == 1
    assert all("@git:" in f["snapshot"] for f in from_git)


def test_git_history_is_dated_by_commit(repo: Path) -> None:
    _, findings = check("--history", "git", str(repo / "snapshots"))
    update = next(f for f in findings if f["label"] == "update")
    first = (START + timedelta(days=40)).strftime("%Y-%m-%d")
    assert f"({first} " in update["message"] and "10 capture(s)" in update["message"]


def test_since_limits_the_history(repo: Path) -> None:
    shas = git(repo, "log", "--reverse", "--format=%H").split()
    code, findings = check("--history", "git", "--since", shas[44], str(repo / "snapshots"))
    assert [(f["label"], f["severity"]) for f in findings] == []
    assert code == 0


def test_a_folder_outside_git_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--history", "git", str(tmp_path)])
    assert result.exit_code == 2
    assert "not inside a git repository" in result.stderr
    assert "Traceback" not in result.output


def test_since_needs_history_git(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["check", "--since", "HEAD~1", str(tmp_path)])
    assert result.exit_code == 2
    assert "--since goes with --history git" in result.stderr


def test_an_unknown_revision_is_refused(repo: Path) -> None:
    result = CliRunner().invoke(
        cli, ["check", "--history", "git", "--since", "nope", str(repo / "snapshots")]
    )
    assert result.exit_code == 2 and "nope" in result.stderr


def test_one_file_path_has_the_history_of_its_folder(repo: Path) -> None:
    _, of_folder = check("--history", "git", str(repo / "snapshots"))
    _, of_file = check("--history", "git", str(repo / "snapshots" / "index.html"))
    assert events(of_file) == events(of_folder)
    assert of_file[0]["snapshot"].startswith(f"{repo}/snapshots/index.html@git:")
