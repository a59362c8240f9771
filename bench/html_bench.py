"""Benchmark snapdrift on HTML against the floor of merely parsing it (issue 14).

    python bench/html_bench.py [N] [--keep DIR] [--repeat K] [--jobs J]   # generated HTML site
    python bench/html_bench.py [N] --warc [--files K] [--keep DIR]        # the same as WARC
    python bench/html_bench.py --corpora                                  # each real HTML corpus

Times, in the same run, the floor (one Python process that reads every page, parses it with
`lxml.html` and takes its `text_content()`; for WARC, iterates the records with warcio first)
and `python -m checker check` on the same pages, and prints the ratio and the peak memory of
the checker's process tree. It prints figures; it never asserts timings.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_html_site import make_html_site  # noqa: E402
from run_bench import REPO, ToolRun, measure, timed  # noqa: E402

SHARED = REPO.parent / "shared" / "corpora"
SAVE: Path | None = None  # --save: the folder the first run's JSON report goes to
HTML_FLOOR = r"""
import fnmatch, os, sys
import lxml.html
root, pats = sys.argv[1], sys.argv[2:]
files = []
for folder, dirs, names in os.walk(root, followlinks=False):
    dirs.sort()
    files += [os.path.join(folder, n) for n in names if any(fnmatch.fnmatch(n, p) for p in pats)]
chars = 0
for path in sorted(files):
    with open(path, "rb") as f:
        raw = f.read()
    try:
        chars += len(lxml.html.fromstring(raw).text_content())
    except Exception:
        pass
print(len(files), chars)
"""
WARC_FLOOR = r"""
import os, sys
import lxml.html
from warcio.archiveiterator import ArchiveIterator
pages = chars = 0
for name in sorted(os.listdir(sys.argv[1])):
    with open(os.path.join(sys.argv[1], name), "rb") as f:
        for record in ArchiveIterator(f):
            if record.rec_type == "response":
                chars += len(lxml.html.fromstring(record.content_stream().read()).text_content())
                pages += 1
print(pages, chars)
"""


def floor_of(script: str, args: list[str]) -> float:
    """Best of two runs of the floor (the first also warms the page cache)."""
    return min(timed([sys.executable, "-c", script, *args], 2))


def tool_runs(args: list[str], repeat: int, jobs: int | None, label: str) -> ToolRun:
    """The median of `repeat` measured runs of `python -m checker check ARGS`."""
    cmd = [sys.executable, "-m", "checker", "check", "--format", "json", "--quiet", *args]
    cmd += ["--jobs", str(jobs)] if jobs else []
    runs = [measure(cmd) for _ in range(repeat)]
    if SAVE:
        SAVE.mkdir(parents=True, exist_ok=True)
        (SAVE / f"{label}.json").write_text(runs[0].stdout)
    if len(runs) > 1:
        print("  runs: " + ", ".join(f"{r.seconds:.2f} s" for r in runs), file=sys.stderr)
    return sorted(runs, key=lambda r: r.seconds)[len(runs) // 2]


def flagged(run: ToolRun) -> set[str]:
    """Snapshot names the checker's JSON report has findings on."""
    try:
        return {f["snapshot"] for f in json.loads(run.stdout)["findings"]}
    except (ValueError, KeyError, TypeError):
        print(
            f"could not read the checker's JSON; stderr tail:\n{run.stderr[-3000:]}",
            file=sys.stderr,
        )
        return set()


def row(name: str, pages: str, size: str, floor: float, run: ToolRun, extra: str) -> list[str]:
    """One table row."""
    mb = 1024
    return [
        name,
        pages,
        size,
        f"{floor:.2f}",
        f"{run.seconds:.2f}",
        f"{run.seconds / floor:.1f}",
        f"{run.memory.rss_sum_kb / mb:.0f}",
        str(run.code),
        extra,
    ]


def show(rows: list[list[str]]) -> None:
    """Print the table."""
    head = [
        "input",
        "pages",
        "MB",
        "floor s",
        "tool s",
        "tool/floor",
        "peak tree RSS MB",
        "exit",
        "found",
    ]
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    for r in [head, ["-" * w for w in widths], *rows]:
        print(" | ".join(v.rjust(w) for v, w in zip(r, widths, strict=True)))


def prepare(n: int, keep: Path | None, seed: int, warc: int) -> tuple[Path, dict, Path | None]:
    """(generated folder, truth document, temporary folder to delete or None)."""
    out = keep or Path(tempfile.mkdtemp(prefix="snapdrift-html-"))
    truth_file = out / "truth.json"
    if truth_file.exists():
        doc = json.loads(truth_file.read_text())
        if (doc.get("n"), doc.get("seed"), doc.get("warc")) == (n, seed, warc):
            print(f"reusing {out}", file=sys.stderr, flush=True)
            return out, doc, None
        raise SystemExit(f"{out} holds another site ({doc.get('n')} pages, warc={doc.get('warc')})")
    began = time.perf_counter()
    doc = make_html_site(n, out, seed, warc)
    print(f"generated {n} pages in {time.perf_counter() - began:.1f} s", file=sys.stderr)
    return out, doc, None if keep else out


def generated(args: argparse.Namespace) -> list[list[str]]:
    """The row of the generated site, as HTML files or as WARC files."""
    warc = args.files if args.warc else 0
    out, doc, scratch = prepare(args.n, args.keep, args.seed, warc)
    try:
        folder = out / ("warc" if warc else "site")
        if warc:
            floor = floor_of(WARC_FLOOR, [str(folder)])
        else:
            floor = floor_of(HTML_FLOOR, [str(folder), "*.html"])
        label = f"{'warc' if warc else 'html'}-{args.n}"
        run = tool_runs(["--group-by", "none", str(folder)], args.repeat, args.jobs, label)
        size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 2**20
    finally:
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)
    names = flagged(run)
    truth = doc["drifts"]
    if warc:
        hits = sum(any(f"#{t['path']}@" in name for name in names) for t in truth)
    else:
        hits = sum(any(name.endswith("/" + t["path"]) for name in names) for t in truth)
    extra = f"{hits}/{len(truth)} drifted pages, {len(names)} pages flagged"
    label = f"{'WARC' if warc else 'HTML'} {args.n}"
    return [row(label, str(args.n), f"{size:.0f}", floor, run, extra)]


def real_corpora() -> list[tuple[str, Path, str]]:
    """(name, folder, glob) of every real HTML corpus: shared ones, then the tests' own."""
    found = [(p.parent.name, p, "*.html") for p in sorted(SHARED.glob("*/html"))]
    found += [(p.parent.name, p, "*.orig") for p in sorted(SHARED.glob("*/orig"))]
    found += [(p.parent.name, p, "*.html") for p in sorted((REPO / "tests/corpora").glob("*/html"))]
    return found


def corpora(args: argparse.Namespace) -> list[list[str]]:
    """One row per real HTML corpus, checked as bench/accuracy.py checks it."""
    rows = []
    for name, folder, glob in real_corpora():
        files = sorted(folder.rglob(glob))
        size = sum(f.stat().st_size for f in files) / 2**20
        floor = floor_of(HTML_FLOOR, [str(folder), glob])
        run = tool_runs([str(folder), "--glob", glob], args.repeat, args.jobs, name)
        rows.append(
            row(
                name,
                str(len(files)),
                f"{size:.1f}",
                floor,
                run,
                f"{len(flagged(run))} pages flagged",
            )
        )
        print(" | ".join(rows[-1]), file=sys.stderr, flush=True)
    return rows


def main() -> int:
    """Parse the options, measure, print the table; exit 0 whatever the checker's code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, nargs="?", default=10_000, help="pages to generate")
    parser.add_argument("--keep", type=Path, help="generate into (or reuse) this folder")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--warc", action="store_true", help="the pages as WARC records")
    parser.add_argument("--files", type=int, default=4, help="WARC files (with --warc)")
    parser.add_argument("--corpora", action="store_true", help="each real HTML corpus instead")
    parser.add_argument("--repeat", type=int, default=1, help="checker runs; the median counts")
    parser.add_argument("--jobs", type=int, help="pass --jobs J to the checker")
    parser.add_argument(
        "--save", type=Path, help="write the checker's JSON reports into this folder"
    )
    args = parser.parse_args()
    global SAVE
    SAVE = args.save
    rows = corpora(args) if args.corpora else generated(args)
    show(rows)
    if len(rows) > 1:
        ratios = [float(r[4]) / float(r[3]) for r in rows]
        print(f"median tool/floor over corpora: {statistics.median(ratios):.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
