"""A wider accuracy battery on random site parameters, for seeds the tuned battery never saw.

Off by default (it takes minutes): `SNAPDRIFT_WIDE=80 python -m pytest tests/test_accuracy_wide.py`
checks 80 random sites starting at seed `SNAPDRIFT_WIDE_SEED` (default 9000) against the same
bars as the main battery.
"""

from __future__ import annotations

import os
import random
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.synth import LANGUAGES, PLACEMENTS, Score, generate_site, score
from tests.test_accuracy import run_checker

COUNT = int(os.environ.get("SNAPDRIFT_WIDE", "0"))
FIRST = int(os.environ.get("SNAPDRIFT_WIDE_SEED", "9000"))
EXTRAS = [
    {},
    {},
    {},
    {"families": 2},
    {"relative_links": True},
    {"encoding_faults": True},
    {"edge_drift": True},
    {"half_rollout": True},
    {"block_missing": True},
]


def params(seed: int) -> dict:
    """Random site parameters for one seed."""
    pick = random.Random(seed)
    chosen = dict(
        seed=seed,
        language=pick.choice(list(LANGUAGES)),
        placement=pick.choice(list(PLACEMENTS)),
        pages=pick.choice([5, 6, 8, 10, 15, 25, 40, 80]),
        noise=pick.random() < 0.8,
        decoys=pick.random() < 0.7,
        wrap=78 if pick.random() < 0.25 else 0,
        optional=pick.random() < 0.4,
        per_page=pick.random() < 0.5,
        drift_rate=pick.choice([0.1, 0.2, 0.3]),
    )
    extra = dict(pick.choice(EXTRAS))
    if extra.get("encoding_faults") and chosen["language"] in ("ru", "el"):
        extra = {}
    if extra.get("block_missing"):
        chosen["placement"] = "both"
    return chosen | extra


@pytest.mark.skipif(not COUNT, reason="set SNAPDRIFT_WIDE=N to run N random sites")
def test_random_sites_meet_the_bars(tmp_path: Path) -> None:
    def one(seed: int) -> tuple[dict, Score]:
        corpus = generate_site(tmp_path / str(seed), **params(seed))
        _, findings, _ = run_checker(corpus.root)
        return params(seed), score(corpus, findings)

    total = Score()
    with ThreadPoolExecutor(2) as pool:
        for chosen, result in pool.map(one, range(FIRST, FIRST + COUNT)):
            total = total + result
            if result.recall < 1 or result.precision < 1:
                print(chosen, f"recall {result.recall:.2f} precision {result.precision:.2f}")
    print(
        f"wide: recall {total.recall:.4f} precision {total.precision:.4f} "
        f"kind {total.kind_accuracy:.4f} noise {total.noise_flagged} over {total.truths} drifts"
    )
    assert total.recall >= 0.98 and total.precision >= 0.98
    assert total.kind_accuracy >= 0.95
