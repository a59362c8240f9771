"""Benchmark snapdrift on one generated site of N snapshots.

    python bench/run_bench.py N [--keep DIR] [--jobs J] [--timeout S]

Generates the site (or reuses `--keep DIR`), times the floor (one Python process that only
reads, decodes and splits every file), times `python -m checker check` on the same site while
polling the memory of its whole process tree, scores recall against the known drift, times the
5-snapshot case, and prints one table. It prints figures; it never asserts timings.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_site import make_site  # noqa: E402

Record = dict[str, Any]  # one finding or one truth drift, as read from JSON
REPO = Path(__file__).resolve().parent.parent
SMALL = "snapshots/csto-pa"
FLOOR = r"""
import fnmatch, os, sys
pats = ("*.txt", "*.md", "*.html", "*.htm", "*.warc", "*.warc.gz", "*.arc", "*.arc.gz")
files = []
for folder, dirs, names in os.walk(sys.argv[1], followlinks=False):
    dirs.sort()
    files += [os.path.join(folder, n) for n in names if any(fnmatch.fnmatch(n, p) for p in pats)]
lines = 0
for path in sorted(files):
    with open(path, "rb") as f:
        lines += len(f.read().decode("utf-8").splitlines())
print(len(files), lines)
"""


@dataclass
class TreeMemory:
    """Peaks seen while polling a process tree every `interval` seconds."""

    rss_sum_kb: int = 0  # highest sum of VmRSS over root and descendants at one instant
    pss_sum_kb: int = 0  # the same for Pss (shared pages split between sharers), every 1 s
    processes: int = 0  # most processes seen in the tree at once
    samples: int = 0
    stop: threading.Event = field(default_factory=threading.Event)


def _children(pid: int) -> list[int]:
    """Child pids, from the kernel's /proc/PID/task/*/children lists (cheap: no global scan).

    Without CONFIG_PROC_CHILDREN, falls back to scanning the ppid field of /proc/*/stat.
    """
    kids: list[int] = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children", "rb") as f:
                kids += [int(k) for k in f.read().split()]
    except FileNotFoundError:
        if os.path.exists(f"/proc/{pid}/task"):
            return [c for c, parent in _parents().items() if parent == pid]
    except OSError:
        pass
    return kids


def _parents() -> dict[int, int]:
    """pid -> ppid for every process, from /proc/*/stat (comm may hold spaces and parens)."""
    parents: dict[int, int] = {}
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                parents[int(entry)] = int(f.read().rpartition(b")")[2].split()[1])
        except (OSError, IndexError, ValueError):
            continue
    return parents


def _field_kb(path: str, key: bytes) -> int:
    """A `Key:   123 kB` field of a /proc file, 0 when the process is gone."""
    try:
        with open(path, "rb") as f:
            for line in f:
                if line.startswith(key):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def poll_tree(root: int, memory: TreeMemory, interval: float = 0.05, pss_every: int = 10) -> None:
    """Sample the tree under `root` until `memory.stop` is set (run in a thread).

    VmRSS every `interval`; Pss only every `pss_every` samples, since `smaps_rollup` walks
    the page tables (~0.1 s of kernel time per GB) and would slow the process it measures.
    """
    while not memory.stop.is_set():
        todo, pids = [root], []
        while todo:
            pid = todo.pop()
            pids.append(pid)
            todo.extend(_children(pid))
        rss = sum(_field_kb(f"/proc/{p}/status", b"VmRSS:") for p in pids)
        memory.rss_sum_kb = max(memory.rss_sum_kb, rss)
        if memory.samples % pss_every == 0:
            pss = sum(_field_kb(f"/proc/{p}/smaps_rollup", b"Pss:") for p in pids)
            memory.pss_sum_kb = max(memory.pss_sum_kb, pss)
        memory.processes = max(memory.processes, len(pids))
        memory.samples += 1
        memory.stop.wait(interval)


def _kill_group(pid: int) -> None:
    """Kill the session the checker leads (only the processes this script started)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, 9)


@dataclass
class ToolRun:
    """One run of the checker on the big site."""

    seconds: float
    code: int
    maxrss_kb: int
    memory: TreeMemory
    stdout: str
    stderr: str


def run_tool(site: Path, jobs: int | None, timeout: float | None) -> ToolRun:
    """`python -m checker check --format json --group-by none --quiet SITE`, measured."""
    cmd = [
        sys.executable,
        "-m",
        "checker",
        "check",
        "--format",
        "json",
        "--group-by",
        "none",
        "--quiet",
        str(site),
    ] + (["--jobs", str(jobs)] if jobs else [])
    return measure(cmd, timeout)


def measure(cmd: list[str], timeout: float | None = None) -> ToolRun:
    """One run of a command from the repository root: wall time, exit code, memory, output."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        began = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=REPO, stdout=out, stderr=err, start_new_session=True)
        memory = TreeMemory()
        poller = threading.Thread(target=poll_tree, args=(proc.pid, memory), daemon=True)
        poller.start()
        timer = None
        if timeout:
            timer = threading.Timer(timeout, _kill_group, (proc.pid,))
            timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - began
        proc.returncode = os.waitstatus_to_exitcode(status)
        if timer:
            timer.cancel()
        memory.stop.set()
        poller.join()
        out.seek(0)
        err.seek(0)
        return ToolRun(
            seconds,
            proc.returncode,
            usage.ru_maxrss,
            memory,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
        )


def timed(cmd: list[str], runs: int) -> list[float]:
    """Wall times of `runs` runs of a whole command (start-up included), run from the repo."""
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        subprocess.run(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - began)
    return times


def score(findings: list[Record], truth: list[Record], site: Path) -> tuple[int, int, int]:
    """(truth drifts found, findings matching no truth drift, matches of the same kind)."""
    by_path: dict[str, list[Record]] = {}
    for t in truth:
        by_path.setdefault(t["path"], []).append(t)
    found: set[int] = set()
    false = same_kind = 0
    for f in findings:
        rel = os.path.relpath(os.path.join(REPO, f.get("snapshot") or ""), site)
        hit = None
        for t in by_path.get(Path(rel).as_posix(), []):
            slack = 1 if "line-missing" in (t["kind"], f.get("kind")) else 0
            if f.get("line") is not None and abs(f["line"] - t["line"]) <= slack:
                hit = t
                break
        if hit is None:
            false += 1
        elif id(hit) not in found:
            found.add(id(hit))
            same_kind += hit["kind"] == f.get("kind")
    return len(found), false, same_kind


def prepare(n: int, keep: Path | None, seed: int) -> tuple[Path, list[Record], Path | None]:
    """(site folder, truth drifts, temporary folder to delete or None)."""
    out = keep or Path(tempfile.mkdtemp(prefix="snapdrift-bench-"))
    truth_file = out / "truth.json"
    if truth_file.exists():
        doc = json.loads(truth_file.read_text())
        if doc.get("n") == n and doc.get("seed") == seed:
            print(f"reusing {out / 'site'} ({n} snapshots)", file=sys.stderr, flush=True)
            return out / "site", doc["drifts"], None
        raise SystemExit(f"{out} holds a site of {doc.get('n')} snapshots, not {n}")
    began = time.perf_counter()
    doc = make_site(n, out, seed)
    print(
        f"generated {n} snapshots in {time.perf_counter() - began:.1f} s",
        file=sys.stderr,
        flush=True,
    )
    return out / "site", doc["drifts"], None if keep else out


def checker_version() -> str:
    """The commit the checker is at, and whether checker/ has uncommitted changes."""
    git = ["git", "-C", str(REPO)]
    rev = subprocess.run(git + ["rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run(
        git + ["status", "--porcelain", "checker"], capture_output=True, text=True
    ).stdout.strip()
    return (rev.stdout.strip() or "unknown") + (" + uncommitted changes in checker/" * bool(dirty))


def main() -> int:
    """Run everything and print the table; exit 0 whatever the tool's exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of snapshots")
    parser.add_argument("--keep", type=Path, help="generate into (or reuse) this folder")
    parser.add_argument("--jobs", type=int, help="pass --jobs J to the checker")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, help="kill the checker after S seconds")
    parser.add_argument("--runs", type=int, default=5, help="runs of the 5-snapshot case")
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="runs of the checker on the big site; the median run is shown",
    )
    args = parser.parse_args()
    site, truth, scratch = prepare(args.n, args.keep, args.seed)
    version = checker_version()  # before the run: the checker may change while it runs
    try:
        # Best of two: the first run also warms the page cache, so both read warm files.
        floor = min(timed([sys.executable, "-c", FLOOR, str(site)], 2))
        runs = [run_tool(site, args.jobs, args.timeout) for _ in range(args.repeat)]
        tool = sorted(runs, key=lambda r: r.seconds)[len(runs) // 2]  # the median run
    finally:
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)
    recall, findings, false, kinds = "n/a", "n/a", "n/a", "n/a"
    try:
        got = json.loads(tool.stdout)["findings"]
        hits, bad, same = score(got, truth, site)
        recall = f"{hits}/{len(truth)} = {hits / max(1, len(truth)):.3f}"
        findings, false, kinds = str(len(got)), str(bad), f"{same}/{hits}"
    except (ValueError, KeyError, TypeError) as error:
        print(f"could not read the checker's JSON: {error}", file=sys.stderr)
    if tool.code not in (0, 1):
        print(
            f"checker exit code {tool.code}; stderr tail:\n{tool.stderr[-4000:]}", file=sys.stderr
        )
    small = statistics.median(timed([sys.executable, "-m", "checker", "check", SMALL], args.runs))
    mb = 1024
    head = (
        "N",
        "cores",
        "floor s",
        "tool s",
        "tool/floor",
        "peak tree RSS MB",
        "ru_maxrss MB",
        "recall",
        "findings",
        "false findings",
    )
    row = (
        str(args.n),
        str(os.cpu_count()),
        f"{floor:.2f}",
        f"{tool.seconds:.2f}",
        f"{tool.seconds / floor:.1f}",
        f"{tool.memory.rss_sum_kb / mb:.0f}",
        f"{tool.maxrss_kb / mb:.0f}",
        recall,
        findings,
        false,
    )
    widths = [max(len(h), len(v)) for h, v in zip(head, row, strict=True)]
    print(" | ".join(h.rjust(w) for h, w in zip(head, widths, strict=True)))
    print("-+-".join("-" * w for w in widths))
    print(" | ".join(v.rjust(w) for v, w in zip(row, widths, strict=True)))
    print(
        f"jobs: {args.jobs or 'default'}; exit code: {tool.code}; "
        f"peak tree PSS: {tool.memory.pss_sum_kb / mb:.0f} MB; "
        f"max processes: {tool.memory.processes}; memory samples: {tool.memory.samples}; "
        f"kind agrees: {kinds}"
    )
    print(f"checker (at start): {version}")
    if len(runs) > 1:
        print(
            "checker runs: "
            + ", ".join(f"{r.seconds:.2f} s" for r in runs)
            + f"; peak tree RSS over all runs: "
            f"{max(r.memory.rss_sum_kb for r in runs) / mb:.0f} MB"
        )
    print(f"5-snapshot case ({SMALL}), median of {args.runs}: {small:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
