"""Write a corpus and its truth.json: `python -m tests.synth OUTDIR --seed 3 --pages 20`.

The site goes to OUTDIR/site-<seed>/ and the truth to OUTDIR/site-<seed>.truth.json beside it.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path

from .generator import PLACEMENTS, generate_site
from .pools_more import LANGUAGES


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, generate the site, write the truth file; return the exit code."""
    ap = argparse.ArgumentParser(prog="python -m tests.synth", description=__doc__)
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--pages", type=int, default=12)
    ap.add_argument("--language", choices=sorted(LANGUAGES), default="en")
    ap.add_argument("--placement", choices=PLACEMENTS, default="top")
    ap.add_argument("--drift-rate", type=float, default=0.2)
    ap.add_argument("--wrap", type=int, default=0)
    ap.add_argument("--families", type=int, default=1)
    for flag in (
        "no-noise",
        "no-decoys",
        "optional",
        "per-page",
        "relative-links",
        "encoding-faults",
        "half-rollout",
        "edge-drift",
        "block-missing",
    ):
        ap.add_argument(f"--{flag}", action="store_true")
    a = ap.parse_args(argv)
    site = a.outdir / f"site-{a.seed}"
    corpus = generate_site(
        site,
        seed=a.seed,
        pages=a.pages,
        language=a.language,
        placement=a.placement,
        drift_rate=a.drift_rate,
        noise=not a.no_noise,
        decoys=not a.no_decoys,
        wrap=a.wrap,
        optional=a.optional,
        per_page=a.per_page,
        families=a.families,
        relative_links=a.relative_links,
        encoding_faults=a.encoding_faults,
        half_rollout=a.half_rollout,
        edge_drift=a.edge_drift,
        block_missing=a.block_missing,
    )
    truth = {
        "site": str(site),
        "params": {k: v for k, v in corpus.params.items()},
        "files": corpus.files,
        "noise_only": corpus.noise_only,
        "blocks": corpus.blocks,
        "drifts": [asdict(d) for d in corpus.drifts],
    }
    out = a.outdir / f"site-{a.seed}.truth.json"
    out.write_text(json.dumps(truth, ensure_ascii=False, indent=1, default=list), encoding="utf-8")
    print(f"{len(corpus.files)} pages, {len(corpus.drifts)} drifts -> {site}  (truth: {out})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
