"""Check one site on a two-worker Dask LocalCluster and locally, and compare the findings.

    python bench/dask_run.py SITE [--local-json FILE] [--workers 2] [--timeout S]

Starts `distributed.LocalCluster(n_workers=2, threads_per_worker=1)` (worker processes, no
dashboard), runs `python -m checker check SITE --group-by none --format json --quiet --engine
dask --scheduler ADDRESS` against it, and `python -m checker check SITE --group-by none --format
json --quiet` on this machine (or reads that run's JSON from `--local-json`), each timed as a
whole command (start-up included; the cluster's own start is timed apart). Prints both times
and whether the two reports' findings are identical; exits 1 when they differ. It asserts
nothing about timings.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def run_check(site: str, extra: list[str], timeout: float) -> tuple[float, dict]:
    """Wall time and parsed JSON report of one `python -m checker check` on the site."""
    command = [sys.executable, "-m", "checker", "check", site, "--group-by", "none"]
    command += ["--format", "json", "--quiet", *extra]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=REPO, capture_output=True, timeout=timeout, check=False)
    took = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"checker exited {done.returncode}: {done.stderr.decode()[-2000:]}")
    return took, json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site")
    parser.add_argument("--local-json", help="the local run's JSON report, instead of running it")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=3600)
    options = parser.parse_args()

    from distributed import LocalCluster

    start = time.perf_counter()
    with LocalCluster(
        n_workers=options.workers,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=50,
    ) as cluster:
        started = time.perf_counter() - start
        extra = ["--engine", "dask", "--scheduler", cluster.scheduler_address]
        dask_s, remote = run_check(options.site, extra, options.timeout)
    if options.local_json:
        local_s, local = None, json.loads(Path(options.local_json).read_text())
    else:
        local_s, local = run_check(options.site, [], options.timeout)
    same = remote["findings"] == local["findings"]
    print(f"cluster start: {started:.2f} s ({options.workers} workers, 1 thread each)")
    print(f"dask run:  {dask_s:.2f} s, {len(remote['findings'])} findings")
    shown = f"{local_s:.2f} s" if local_s is not None else f"from {options.local_json}"
    print(f"local run: {shown}, {len(local['findings'])} findings")
    print(f"findings identical: {'yes' if same else 'NO'}")
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
