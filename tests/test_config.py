"""Configuration found without a flag: `.snapdrift.yaml`/`.yml`, then `[tool.snapdrift]` in
`pyproject.toml`, from the working folder up to the repository root; `--rules` wins,
`--isolated` ignores them; `rules show` names where each setting came from."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.run.cli import cli
from checker.rules.config import find_config
from tests.badinput_helpers import SCRUBBED
from tests.sample_site import SAMPLE

THREE_OFF = {"url-missing": "off", "number-changed": "off", "text-changed": "off"}
YAML = "kinds:\n" + "".join(f"  {k}: {v}\n" for k, v in THREE_OFF.items())
TOML = "[project]\nname = 'x'\n\n[tool.snapdrift.kinds]\n" + "".join(
    f'{k} = "{v}"\n' for k, v in THREE_OFF.items()
)


@pytest.fixture(autouse=True)
def _no_ci_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in SCRUBBED:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository (a folder holding `.git`) with the sample site; the working folder is
    a sub-folder two levels down."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    shutil.copytree(SAMPLE, root / "snapshots" / "csto-pa")
    work = root / "a" / "b"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    return root


def run(*args: str) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of one CLI call in this process."""
    result = CliRunner().invoke(cli, list(args))
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), result.exception
    return result.exit_code, result.stdout, result.stderr


def check_site(repo: Path, *extra: str) -> int:
    """The exit code of checking the sample site from the working folder."""
    return run("check", "--format", "json", *extra, str(repo / "snapshots" / "csto-pa"))[0]


@pytest.mark.parametrize("name", [".snapdrift.yaml", ".snapdrift.yml"])
def test_yaml_config_found_upward(repo: Path, name: str) -> None:
    (repo / name).write_text(YAML, encoding="utf-8")
    assert find_config() == repo / name
    assert check_site(repo) == 0


def test_pyproject_table_found_upward(repo: Path) -> None:
    (repo / "pyproject.toml").write_text(TOML, encoding="utf-8")
    assert check_site(repo) == 0
    assert run("baseline", "-o", str(repo / "b.lock"), str(repo / "snapshots"))[0] == 0
    assert "accepted: []" in (repo / "b.lock").read_text(encoding="utf-8")


def test_pyproject_without_the_table_is_passed_over(repo: Path) -> None:
    (repo / "a" / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    (repo / ".snapdrift.yaml").write_text(YAML, encoding="utf-8")
    assert find_config() == repo / ".snapdrift.yaml"


def test_the_nearest_folder_wins_and_yaml_before_pyproject(repo: Path) -> None:
    (repo / ".snapdrift.yaml").write_text("kinds: {line-moved: off}\n", encoding="utf-8")
    (repo / "a" / "pyproject.toml").write_text(TOML, encoding="utf-8")
    assert find_config() == repo / "a" / "pyproject.toml"
    (repo / "a" / ".snapdrift.yml").write_text(YAML, encoding="utf-8")
    assert find_config() == repo / "a" / ".snapdrift.yml"


def test_search_stops_at_the_repository_root(repo: Path) -> None:
    (repo.parent / ".snapdrift.yaml").write_text(YAML, encoding="utf-8")
    assert find_config() is None
    assert check_site(repo) == 1


def test_rules_flag_wins_and_isolated_ignores(repo: Path) -> None:
    (repo / ".snapdrift.yaml").write_text(YAML, encoding="utf-8")
    strict = repo / "strict.yaml"
    strict.write_text("extends: default\n", encoding="utf-8")
    assert check_site(repo, "--rules", str(strict)) == 1
    assert check_site(repo, "--isolated") == 1
    code, _, err = run("check", "--isolated", "--rules", str(strict), str(repo))
    assert code == 2 and "--rules and --isolated exclude each other" in err


def test_toml_errors_name_file_key_path_and_place(repo: Path) -> None:
    (repo / "pyproject.toml").write_text(
        "[tool.snapdrift]\nbogus = 1\n[tool.snapdrift.thresholds]\nfuzzy = 3\n", encoding="utf-8"
    )
    code, _, err = run("check", str(repo / "snapshots"))
    assert code == 2
    assert "../../pyproject.toml: 2 errors:" in err
    assert "at tool.snapdrift: unknown key 'bogus'" in err
    assert "at tool.snapdrift.thresholds.fuzzy: expected a number from 0 to 1; got 3" in err
    (repo / "pyproject.toml").write_text("[tool.snapdrift]\nkinds = {a = \n", encoding="utf-8")
    code, _, err = run("check", str(repo / "snapshots"))
    assert code == 2
    assert err.startswith("snapdrift: error: ../../pyproject.toml:2:")
    assert "invalid TOML" in err and "Traceback" not in err


def test_rules_show_names_each_origin(repo: Path) -> None:
    (repo / "base.yaml").write_text("kinds: {line-moved: off}\n", encoding="utf-8")
    (repo / ".snapdrift.yaml").write_text(
        "extends: base.yaml\nkinds: {url-missing: warning}\nignore: ['^Page updated']\n",
        encoding="utf-8",
    )
    code, out, _ = run("rules", "show")
    assert code == 0
    lines = out.splitlines()
    here = "../../.snapdrift.yaml"
    assert f"  url-missing: warning  # from {here}" in lines
    assert "  line-moved: off  # from ../../base.yaml" in lines
    assert "  number-changed: error  # from default" in lines
    assert f'  - "^Page updated"  # from {here}' in lines
    assert "  fuzzy: 0.72  # from default" in lines
    code, out, _ = run("rules", "show", "--isolated")
    assert "  url-missing: error  # from default" in out.splitlines()


def test_rules_check_names_every_error(tmp_path: Path) -> None:
    bad = tmp_path / "three.yaml"
    bad.write_text(
        "kinds:\n  url-missing: fatal\nthresold: {}\nconflicts:\n"
        "  - {name: Bad Name, kind: text-changed, severity: error}\n",
        encoding="utf-8",
    )
    code, _, err = run("rules", "check", str(bad))
    assert code == 2
    assert err.splitlines() == [
        f"snapdrift: error: {bad}: 3 errors:",
        f"  {bad}:2:16: at kinds.url-missing: expected one of error, warning, info, off; "
        "got 'fatal'",
        f"  {bad}:3:1: unknown key 'thresold'; did you mean 'thresholds'?",
        f"  {bad}:5:12: at conflicts[0].name: expected a rule id of a-z, 0-9 and -; got 'Bad Name'",
    ]
