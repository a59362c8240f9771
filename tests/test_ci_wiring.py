"""Wiring snapdrift into CI: the composite GitHub Action (`action.yml`) is valid action
metadata and its `run:` steps work with the inputs substituted; the GitLab CI snippet is valid
YAML and its script writes both reports; the revisions the README pins exist."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from tests.badinput_helpers import REPO, clean_env
from tests.sample_site import SAMPLE

EXPRESSION = re.compile(r"\$\{\{\s*([^}]*?)\s*\}\}")

# The parts of GitHub's action metadata rules a composite action must meet ("Metadata syntax
# for GitHub Actions"): name, description and runs are required; every input and output is
# described; a composite output has a value; a step either runs a script (with a shell) or
# uses an action.
COMPOSITE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["name", "description", "runs"],
    "additionalProperties": False,
    "properties": {
        "name": {"type": "string", "minLength": 1},
        "description": {"type": "string", "minLength": 1},
        "author": {"type": "string"},
        "branding": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "icon": {"type": "string"},
                "color": {
                    "enum": [
                        "white",
                        "black",
                        "yellow",
                        "blue",
                        "green",
                        "orange",
                        "red",
                        "purple",
                        "gray-dark",
                    ]
                },
            },
        },
        "inputs": {
            "type": "object",
            "propertyNames": {"pattern": "^[a-zA-Z_][a-zA-Z0-9_-]*$"},
            "additionalProperties": {
                "type": "object",
                "required": ["description"],
                "additionalProperties": False,
                "properties": {
                    "description": {"type": "string", "minLength": 1},
                    "required": {"type": "boolean"},
                    "default": {"type": "string"},
                    "deprecationMessage": {"type": "string"},
                },
            },
        },
        "outputs": {
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "required": ["description", "value"],
                "properties": {"description": {"type": "string"}, "value": {"type": "string"}},
            },
        },
        "runs": {
            "type": "object",
            "required": ["using", "steps"],
            "additionalProperties": False,
            "properties": {
                "using": {"const": "composite"},
                "steps": {
                    "type": "array",
                    "minItems": 1,
                    "items": {
                        "type": "object",
                        "additionalProperties": False,
                        "properties": {
                            "name": {"type": "string"},
                            "id": {"type": "string", "pattern": "^[a-zA-Z_][a-zA-Z0-9_-]*$"},
                            "if": {"type": "string"},
                            "run": {"type": "string"},
                            "shell": {"type": "string"},
                            "uses": {"type": "string", "pattern": "^[^@\\s]+@[^@\\s]+$"},
                            "with": {"type": "object"},
                            "env": {"type": "object"},
                            "working-directory": {"type": "string"},
                            "continue-on-error": {"type": ["boolean", "string"]},
                        },
                        "oneOf": [
                            {"required": ["run", "shell"], "not": {"required": ["uses"]}},
                            {"required": ["uses"], "not": {"required": ["run"]}},
                        ],
                    },
                },
            },
        },
    },
}


def load(path: Path) -> Any:
    """A YAML file, read safely."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture
def stubs(tmp_path: Path) -> Path:
    """A folder of stand-ins put first on PATH: `pip` records what it was asked to install
    (the tests never install anything), `snapdrift` runs this worktree's package."""
    folder = tmp_path / "bin"
    folder.mkdir()
    (folder / "pip").write_text(
        f'#!/bin/sh\necho "$@" >> "{tmp_path / "pip.log"}"\n', encoding="utf-8"
    )
    (folder / "snapdrift").write_text(
        f'#!/bin/sh\nexec "{sys.executable}" -m checker "$@"\n', encoding="utf-8"
    )
    for stub in folder.iterdir():
        stub.chmod(0o755)
    return folder


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A repository checkout holding the sample site under snapshots/."""
    root = tmp_path / "workspace"
    shutil.copytree(SAMPLE, root / "snapshots" / "csto-pa")
    return root


def environment(stubs: Path, **extra: str) -> dict[str, str]:
    """The stubs first on PATH, the CI variables cleared."""
    return clean_env(PATH=f"{stubs}{os.pathsep}{os.environ['PATH']}", **extra)


# --- the GitHub Action -----------------------------------------------------------------------


def test_action_metadata_is_valid_composite_metadata() -> None:
    action = load(REPO / "action.yml")
    jsonschema.Draft7Validator(COMPOSITE_SCHEMA).validate(action)
    steps = action["runs"]["steps"]
    assert all(step["shell"] == "bash" for step in steps if "run" in step)
    upload = [
        step
        for step in steps
        if step.get("uses", "").startswith("github/codeql-action/upload-sarif@")
    ]
    assert len(upload) == 1
    assert upload[0]["with"]["sarif_file"] == "${{ inputs.sarif-file }}"
    assert "always()" in upload[0]["if"]
    # Every expression names an input that exists, the action's path, or a step output.
    inputs = set(action["inputs"])
    for found in EXPRESSION.findall((REPO / "action.yml").read_text(encoding="utf-8")):
        for name in re.findall(r"inputs\.([a-zA-Z0-9_-]+)", found):
            assert name in inputs, name


def substitute(value: str, inputs: dict[str, str]) -> str:
    """A step's text with `${{ inputs.X }}` and `${{ github.action_path }}` filled in."""

    def one(match: re.Match[str]) -> str:
        expression = match.group(1)
        if expression == "github.action_path":
            return str(REPO)
        name = re.fullmatch(r"inputs\.([a-zA-Z0-9_-]+)", expression)
        assert name is not None, f"the test cannot evaluate {expression!r}"
        return inputs[name.group(1)]

    return EXPRESSION.sub(one, value)


def run_action(workspace: Path, stubs: Path, **given: str) -> tuple[int, str]:
    """Run the action's `run:` steps in order as the runner would (bash -eo pipefail,
    inputs substituted into `env`, GITHUB_OUTPUT a file), skipping `uses:` steps; stop at
    the first failing step. Returns its exit code and the GITHUB_OUTPUT text."""
    action = load(REPO / "action.yml")
    inputs = {name: spec.get("default", "") for name, spec in action["inputs"].items()}
    inputs.update({key.replace("_", "-"): value for key, value in given.items()})
    output = workspace.parent / "github_output"
    output.write_text("", encoding="utf-8")
    for step in action["runs"]["steps"]:
        if "uses" in step:
            continue
        env = {k: substitute(str(v), inputs) for k, v in step.get("env", {}).items()}
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            cwd=workspace,
            env=environment(stubs, GITHUB_OUTPUT=str(output), **env),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert "Traceback" not in done.stderr, done.stderr
        if done.returncode:
            return done.returncode, output.read_text(encoding="utf-8")
    return 0, output.read_text(encoding="utf-8")


def test_action_installs_itself_checks_and_writes_sarif(workspace: Path, stubs: Path) -> None:
    code, outputs = run_action(workspace, stubs)
    assert code == 1  # the sample site drifts
    assert "exit-code=1" in outputs.splitlines()
    assert (stubs.parent / "pip.log").read_text(encoding="utf-8").split() == [
        "install",
        "--quiet",
        str(REPO),
    ]
    sarif = json.loads((workspace / "snapdrift.sarif").read_text(encoding="utf-8"))
    schema = json.loads((REPO / "tests" / "data" / "sarif-2.1.0.json").read_text())
    jsonschema.Draft4Validator(schema).validate(sarif)
    assert len(sarif["runs"][0]["results"]) == 6


def test_action_inputs_reach_the_check(workspace: Path, stubs: Path) -> None:
    subprocess.run(
        [str(stubs / "snapdrift"), "baseline", "snapshots/", "-o", "accepted.lock"],
        cwd=workspace,
        env=environment(stubs),
        check=True,
        capture_output=True,
    )
    code, outputs = run_action(
        workspace,
        stubs,
        paths="snapshots/csto-pa",
        baseline="accepted.lock",
        sarif_file="out/drift.sarif",
    )
    assert code == 2  # the folder of the SARIF file does not exist: bad input, named
    (workspace / "out").mkdir()
    code, outputs = run_action(
        workspace,
        stubs,
        paths="snapshots/csto-pa",
        baseline="accepted.lock",
        sarif_file="out/drift.sarif",
    )
    assert code == 0 and "exit-code=0" in outputs
    assert json.loads((workspace / "out" / "drift.sarif").read_text())["runs"][0]["results"] == []


# --- the GitLab CI snippet -------------------------------------------------------------------


def test_gitlab_snippet_writes_code_quality_and_junit(workspace: Path, stubs: Path) -> None:
    snippet = load(REPO / "ci" / "gitlab-snapdrift.yml")
    job = snippet["snapdrift"]
    reports = job["artifacts"]["reports"]
    assert job["artifacts"]["when"] == "always"
    env = environment(stubs, **{k: str(v) for k, v in job.get("variables", {}).items()})
    codes = [
        subprocess.run(
            ["sh", "-c", line], cwd=workspace, env=env, capture_output=True, timeout=120
        ).returncode
        for line in job["script"]
    ]
    assert codes == [0, 1]  # installed; drift found, so the job fails and still uploads
    issues = json.loads((workspace / reports["codequality"]).read_text(encoding="utf-8"))
    assert len(issues) == 6
    assert all(
        {"description", "check_name", "fingerprint", "severity", "location"} <= set(i)
        for i in issues
    )
    root = ET.parse(workspace / reports["junit"]).getroot()
    assert len(root.findall(".//failure")) == 4
    assert "git+https://github.com/snapdrift/snapdrift@" in (stubs.parent / "pip.log").read_text(
        encoding="utf-8"
    )


# --- pinned revisions -------------------------------------------------------------------------


def _exists(revision: str) -> bool:
    """Whether the repository has this commit or tag."""
    done = subprocess.run(
        ["git", "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"],
        cwd=REPO,
        capture_output=True,
    )
    return done.returncode == 0


@pytest.mark.skipif(not (REPO / ".git").exists(), reason="not a git checkout")
def test_pinned_revisions_exist() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    pins = re.findall(r"^\s+rev: (\S+)", readme, re.M)
    pins += re.findall(r"snapdrift/snapdrift@([0-9a-f]{7,40}|v[\d.]+)", readme)
    pins += re.findall(
        r"SNAPDRIFT_REF: (\S+)", (REPO / "ci" / "gitlab-snapdrift.yml").read_text(encoding="utf-8")
    )
    assert pins, "the README pins no revision"
    missing = [pin for pin in pins if not _exists(pin)]
    assert not missing, f"pinned revisions that do not exist: {missing}"
