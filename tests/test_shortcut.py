"""The clean-page shortcut gives exactly what the full path gives."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.synth import generate_site

REPO = Path(__file__).resolve().parents[1]
SITES = [
    dict(seed=301, pages=30, placement="top", language="en"),
    dict(seed=302, pages=25, placement="both", language="ru", per_page=True),
    dict(seed=303, pages=40, placement="after-header", language="de", optional=True),
    dict(seed=304, pages=20, placement="bottom", language="el", decoys=True),
    dict(seed=305, pages=30, placement="top", language="fr", relative_links=True),
    dict(seed=306, pages=25, placement="both", language="es", edge_drift=True),
]


def findings(root: Path, shortcut: bool) -> list[dict]:
    """The JSON findings of a check, with or without the shortcut."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "CI"))}
    if not shortcut:
        env["SNAPDRIFT_NO_SHORTCUT"] = "1"
    done = subprocess.run([sys.executable, "-m", "checker", "check", "--format", "json",
                           str(root)], cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=300, check=False)
    return json.loads(done.stdout)["findings"]


@pytest.mark.parametrize("params", SITES, ids=lambda p: f"seed{p['seed']}")
def test_shortcut_and_full_path_agree(tmp_path: Path, params: dict) -> None:
    corpus = generate_site(tmp_path / "site", **params)
    fast, full = findings(corpus.root, True), findings(corpus.root, False)
    assert fast == full
    assert full, "the generated site carries drift, so both paths must report some"
