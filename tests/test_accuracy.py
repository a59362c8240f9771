"""End-to-end accuracy of `python -m checker check` on a battery of generated sites.

Aggregated over the battery: recall >= 0.98, precision >= 0.98, kind accuracy >= 0.95 and no
finding on a noise-only page. On failure a per-site table shows what was missed or invented.
The 1,000-page site runs on its own: `pytest tests/test_accuracy.py -k big`.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.synth import LANGUAGES, PLACEMENTS, Score, SiteCorpus, generate_site, mega, score

REPO = Path(__file__).resolve().parents[1]
SIZES = (5, 7, 12, 30, 100)
HARD = [
    dict(families=2, pages=16, language="en"),
    dict(families=2, pages=12, language="de", placement="both"),
    dict(relative_links=True, pages=12),
    dict(encoding_faults=True, language="fr", pages=12),
    dict(encoding_faults=True, language="en", pages=7),
    dict(half_rollout=True, pages=12),
    dict(edge_drift=True, pages=7),
    dict(edge_drift=True, placement="bottom", pages=12),
    dict(block_missing=True, placement="both", pages=30, drift_rate=0.3),
    dict(drift_rate=0.0, pages=12, wrap=78, per_page=True, optional=True),
    dict(drift_rate=0.0, pages=7, placement="both", language="ru"),
]


def battery() -> list[dict]:
    """Every language x placement, cycling sizes and features, plus the hard cases."""
    out = []
    for n, (lang, place) in enumerate((lg, pl) for lg in LANGUAGES for pl in PLACEMENTS):
        out.append(
            dict(
                seed=100 + n,
                language=lang,
                placement=place,
                pages=SIZES[n % len(SIZES)],
                noise=n % 4 != 3,
                decoys=n % 3 != 2,
                wrap=78 if n % 5 in (1, 3) else 0,
                optional=n % 2 == 0,
                per_page=n % 3 != 1,
            )
        )
    return out + [dict(seed=200 + n) | cfg for n, cfg in enumerate(HARD)]


def run_report(root: Path) -> subprocess.CompletedProcess[str]:
    """`python -m checker check --format json root`, run from the repository."""
    return subprocess.run(
        [sys.executable, "-m", "checker", "check", "--format", "json", str(root)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )


def run_checker(root: Path) -> tuple[int, list[dict], str]:
    """Exit code, findings and stderr of `python -m checker check --format json root`."""
    proc = run_report(root)
    try:
        findings = json.loads(proc.stdout)["findings"] if proc.stdout.strip() else []
    except (json.JSONDecodeError, KeyError, TypeError):
        findings = [
            {"snapshot": "?", "line": 0, "kind": "unparsable-output", "message": proc.stdout[:300]}
        ]
    return proc.returncode, findings, proc.stderr[-2000:]


def kinds_by_page(root: Path) -> list[tuple[str, str]]:
    """(file name, kind) of every finding of a check of `root`, sorted."""
    _, findings, _ = run_checker(root)
    return sorted((Path(f["snapshot"]).name, f["kind"]) for f in findings)


def _label(params: dict) -> str:
    keys = (
        "seed",
        "language",
        "placement",
        "pages",
        "noise",
        "decoys",
        "wrap",
        "optional",
        "per_page",
        "families",
        "relative_links",
        "encoding_faults",
        "half_rollout",
        "edge_drift",
        "block_missing",
        "drift_rate",
    )
    short = {k: params[k] for k in keys if k in params and params[k] not in (False, 0, 1, None)}
    return " ".join(f"{k}={v}" for k, v in short.items())


def table(rows: list[tuple[SiteCorpus, Score, int, str]], limit: int = 4) -> str:
    """A per-site debugging table: params, recall, precision, missed drifts, false findings."""
    out = [f"{'site':90} {'rec':>5} {'prec':>5} {'kind':>5} noise exit"]
    for corpus, s, code, err in rows:
        out.append(
            f"{_label(corpus.params):90} {s.recall:5.2f} {s.precision:5.2f} "
            f"{s.kind_accuracy:5.2f} {s.noise_flagged:5} {code:4}  {corpus.root}"
        )
        out += [
            f"    MISSED {d.snapshot}:{d.line} {d.kind} {d.expected[:50]!r} -> {d.found[:50]!r}"
            for d in s.missed[:limit]
        ]
        out += [
            f"    FALSE  {f.get('snapshot')}:{f.get('line')} {f.get('kind')} "
            f"{str(f.get('found'))[:60]!r}"
            for f in s.false[:limit]
        ]
        out += [
            f"    KIND   {d.snapshot}:{d.line} want {d.kind} got {f.get('kind')}"
            for d, f in s.wrong_kind[:limit]
        ]
        if code not in (0, 1):
            out.append(f"    EXIT {code}: {err.strip()[-300:]}")
    return "\n".join(out)


def _require_checker() -> None:
    sys.path.insert(0, str(REPO))
    try:
        if importlib.util.find_spec("checker") is None:
            pytest.fail(
                "the `checker` package is not importable from the repo; nothing to test",
                pytrace=False,
            )
    finally:
        sys.path.remove(str(REPO))


def _check_one(root: Path, params: dict) -> tuple[SiteCorpus, Score, int, str]:
    corpus = generate_site(root / f"site-{params['seed']}", **params)
    code, findings, err = run_checker(corpus.root)
    return corpus, score(corpus, findings), code, err


def _assert_thresholds(rows: list[tuple[SiteCorpus, Score, int, str]]) -> None:
    total = sum((s for _, s, _, _ in rows), Score())
    crashed = [r for r in rows if r[2] not in (0, 1)]
    clean_fail = [r for r in rows if not r[0].drifts and r[2] != 0]
    msg = (
        f"\nrecall {total.recall:.3f} precision {total.precision:.3f} "
        f"kind {total.kind_accuracy:.3f} "
        f"noise-page findings {total.noise_flagged} over {len(rows)} sites, {total.truths} drifts, "
        f"{total.findings} findings\n" + table(rows)
    )
    assert not crashed and not clean_fail, msg
    assert total.recall >= 0.98 and total.precision >= 0.98, msg
    assert total.kind_accuracy >= 0.95 and total.noise_flagged == 0, msg


def test_accuracy_battery(tmp_path: Path) -> None:
    """All languages x placements, sizes 5-100, features on and off, and the hard cases."""
    _require_checker()
    sites = battery()
    assert len(sites) >= 24
    with ThreadPoolExecutor(max_workers=4) as pool:
        rows = list(pool.map(lambda p: _check_one(tmp_path, p), sites))
    _assert_thresholds(rows)


def test_big_site(tmp_path: Path) -> None:
    """One 1,000-page site with ~1% drift pages."""
    _require_checker()
    corpus = mega(tmp_path / "big", seed=7, pages=1000, language="de", placement="both")
    code, findings, err = run_checker(corpus.root)
    _assert_thresholds([(corpus, score(corpus, findings), code, err)])
