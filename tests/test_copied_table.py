"""A table some pages copy into their body, left out by the others, is nothing lost.

Invented town-bulletin pages: a header, a "See also" box that the body flows around, a footer;
two pages of three (or so) also carry a two-row table of figures in their body. Where the box
lands between the rows on some pages, the learned order splits the rows around the box, and a
page without the table then misses two slots that are not neighbours in the template. Pages
hold the rows side by side, so leaving out both is leaving out one piece (as two neighbouring
optional lines are), never two lost lines.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.test_accuracy import REPO, run_checker

HEADER = ["Riverton Town Bulletin", "", "  * [Home](index.html)", "  * [Council](council.html)"]
BOX = ["## See also", "  * [Archive](archive.html)", "  * [Newsletter](news.html)"]
FOOTER = ["", "* * *", "Questions? Write to us.", "(c) 2026 Riverton", "Phone: 555 0142"]
TABLE = ["| 2019 | 24 | 4 |", "| 2020 | 17 | 1 |"]
TOPICS = ["water", "roads", "schools", "library", "harbour", "parks", "transport", "markets"]


def _page(i: int, draw: random.Random, share: float) -> tuple[str, bool]:
    body = [
        f"The committee discussed {TOPICS[(i * 3 + k) % 8]} on day {i + k + 1}, item {i * 7 + k}."
        for k in range(draw.randint(3, 6))
    ]
    copied = draw.random() < share
    if copied:
        at = draw.choice([len(body), len(body), draw.randint(1, len(body))])
        body[at:at] = TABLE
    box_at = draw.randint(max(1, len(body) - 3), len(body))
    body[box_at:box_at] = BOX
    return "\n".join([*HEADER, "", f"# Notice {i}", "", *body, *FOOTER]) + "\n", copied


def _site(root: Path, seed: int) -> float:
    """Write one seeded site; the share of its pages that copy the table."""
    draw = random.Random(seed)
    share = draw.choice([0.6, 0.7])
    copied = 0
    pages = draw.randint(16, 30)
    root.mkdir(parents=True)
    for i in range(pages):
        text, has_table = _page(i, draw, share)
        copied += has_table
        (root / f"notice-{i:02d}.txt").write_text(text)
    return copied / pages


@pytest.mark.parametrize("seed", range(1, 21))
def test_pages_without_the_copied_table_lose_nothing(tmp_path: Path, seed: int) -> None:
    share = _site(tmp_path / "site", seed)
    assert share < 0.9  # below a required line's share: the table is no required block
    code, findings, err = run_checker(tmp_path / "site")
    assert code in (0, 1), err
    lost = [
        (Path(f["snapshot"]).name, f["kind"])
        for f in findings
        if f["kind"] in ("line-missing", "template-stale") or f["severity"] == "error"
    ]
    assert lost == []


def test_a_baseline_keeps_the_rows_side_by_side(tmp_path: Path) -> None:
    """The pairs a baseline records come back when it is read: a page that drops the table
    after the baseline was taken, checked against it, loses nothing."""
    site = tmp_path / "site"
    _site(site, 16)
    lock = tmp_path / "snapdrift.lock"
    done = subprocess.run(
        [sys.executable, "-m", "checker", "baseline", str(site), "-o", str(lock)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    families = [f for fams in yaml.safe_load(lock.read_text())["sites"].values() for f in fams]
    assert any(family["beside"] for family in families)
    page = next(p for p in sorted(site.iterdir()) if TABLE[0] in p.read_text())
    page.write_text("".join(f"{ln}\n" for ln in page.read_text().splitlines() if ln not in TABLE))
    done = subprocess.run(
        [sys.executable, "-m", "checker", "check", str(site), "--baseline", str(lock)]
        + ["--format", "json"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode in (0, 1), done.stderr
    assert [
        f for f in json.loads(done.stdout)["findings"] if f["snapshot"].endswith(page.name)
    ] == []
