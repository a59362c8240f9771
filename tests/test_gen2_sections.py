"""Profile sections behind a per-page trail, on sites from the generator written without
reading the detector (tests/gen2):

- seed 151: a `* * *` rule some pages print between the block and the trail, and some
  bodies use between paragraphs. A line of marks alone is no page's own line.
- seed 136: the trail wraps onto a second line (`> Name`) on every page. A field's value
  wrapped onto the next line is still the field, and the trail's head, one value per part
  of the site, is a field's value where the section stands, not an added line.

In both, the section is joined to its block, its drift on two profile pages each is found,
and the drift-free copy gets no finding.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.test_accuracy import run_checker

sys.path.insert(0, str(Path(__file__).resolve().parent / "gen2"))
from generate import build_site  # noqa: E402


@pytest.mark.parametrize("seed", [136, 151])
def test_a_section_behind_a_trail_keeps_its_drift(tmp_path: Path, seed: int) -> None:
    site = tmp_path / "site"
    truth = build_site(seed, site)
    wanted = {(d["page"], d["line"], d["kind"]) for d in truth["drifts"] if "profile" in d["note"]}
    assert len(wanted) >= 2, f"gen2 seed {seed} changed: it no longer holds profile drifts"
    _, findings, err = run_checker(site)
    found = {
        (Path(f["snapshot"]).relative_to(site).as_posix(), f["line"], f["kind"]) for f in findings
    }
    assert wanted <= found, err


@pytest.mark.parametrize("seed", [136, 151])
def test_the_drift_free_copy_gets_no_finding(tmp_path: Path, seed: int) -> None:
    build_site(seed, tmp_path / "clean", clean=True)
    _, findings, err = run_checker(tmp_path / "clean")
    assert findings == [], err
