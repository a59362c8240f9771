"""Growth of the check's time along each input dimension: is any of them superlinear?

    python bench/worstcase.py [--scales 1,4,16,64] [--repeat 2] [--only NAME] [--timeout S]

Each dimension grows from 1 to 64 units on a generated temporary folder, always beside the five
sample pages `snapshots/csto-pa/*`, and `python -m checker check DIR --format json --quiet` is
timed on it (wall time, start-up included, best of `--repeat` runs):

- `file-size`: one extra file of 80-column lines of random words, unit 256 KB;
- `line-count`: one extra file of short unwrapped lines (one to three words), unit 8,000 lines;
- `line-length`: one extra page holding one line of random words, unit 256 KB;
- `repeated`: one extra page holding the same block line over and over, unit 4,000 times;
- `pages`: copies of the sample pages with one number changed per copy, unit 160 pages;
- `families`: one site of N page families (each its own 8-line block), unit 1 family of 20
  pages, one folder (`--group-by none`). A family is a family only on 2% of the site's pages
  (families.frequent_keys), so at most 49 equal families can exist: this dimension's largest
  scale is 48, not 64, and the families the checker found are printed under the table.

The fixed cost (start-up, the sample pages alone) is measured once on the five sample pages
and subtracted: per-unit time is (time - fixed) / units, and the ratio is per-unit time at the
largest scale over per-unit time at the smallest. A ratio near 1 is linear; above 1.5 is
suspect. Units are chosen so that the smallest scale already costs more than a few hundredths
of a second over the fixed cost, but figures at scale 1 are the noisiest: on a shared machine
repeat the run. A run stopped by `--timeout` shows as inf. `--repo DIR` times the checker of
another checkout (an older commit, for a before/after table). It prints figures and asserts
nothing.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "snapshots" / "csto-pa"
_RNG_WORDS = random.Random(7)
WORDS = [
    "".join(
        _RNG_WORDS.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(_RNG_WORDS.randint(2, 9))
    )
    for _ in range(5000)
]


def sample_pages(folder: Path) -> list[str]:
    """Copy the sample pages into `folder`; their texts."""
    texts = []
    for page in sorted(SAMPLE.glob("*.txt")):
        shutil.copy(page, folder / page.name)
        texts.append(page.read_text(encoding="utf-8"))
    return texts


def wrapped_words(size: int, seed: int, width: int = 80) -> str:
    """About `size` bytes of random words wrapped greedily at `width` columns."""
    rng = random.Random(seed)
    lines, line, total = [], "", 0
    while total < size:
        word = rng.choice(WORDS)
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            total += len(line) + 1
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join(lines) + "\n"


def file_size(folder: Path, units: int) -> None:
    sample_pages(folder)
    (folder / "900_big.txt").write_text(wrapped_words(units * 256 * 1024, 1), encoding="utf-8")


def line_count(folder: Path, units: int) -> None:
    sample_pages(folder)
    rng = random.Random(2)
    lines = (" ".join(rng.choices(WORDS, k=rng.randint(1, 3))) for _ in range(units * 8000))
    (folder / "900_lines.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def line_length(folder: Path, units: int) -> None:
    texts = sample_pages(folder)
    rng = random.Random(3)
    words: list[str] = []
    size = 0
    while size < units * 256 * 1024:
        words.append(rng.choice(WORDS))
        size += len(words[-1]) + 1
    head = texts[0].splitlines()
    page = head[:4] + [" ".join(words)] + head[4:]
    (folder / "900_long.txt").write_text("\n".join(page) + "\n", encoding="utf-8")


def repeated(folder: Path, units: int) -> None:
    texts = sample_pages(folder)
    head = texts[0].splitlines()
    page = head + [head[2]] * (units * 4000)
    (folder / "900_repeated.txt").write_text("\n".join(page) + "\n", encoding="utf-8")


def pages(folder: Path, units: int) -> None:
    texts = sample_pages(folder)
    for index in range(units * 160):
        text = texts[index % len(texts)].replace("consists of", f"consists of {index}", 1)
        (folder / f"9{index:05d}.txt").write_text(text, encoding="utf-8")


def families(folder: Path, units: int) -> None:
    sample_pages(folder)
    rng = random.Random(4)
    for family in range(units):
        block = [" ".join(rng.choices(WORDS, k=6)) + f" family {family}" for _ in range(8)]
        for index in range(20):
            body = [" ".join(rng.choices(WORDS, k=10)) for _ in range(10)]
            path = folder / f"f{family:04d}_{index}.txt"
            path.write_text("\n".join(block + body) + "\n", encoding="utf-8")


def html_body(folder: Path, units: int) -> None:
    """Twenty HTML pages of one header and footer; one holds a body of `units` x 5,000
    paragraphs between the two, clean, so the clean-page shortcut over read pages takes it."""
    sample_pages(folder)
    for index in range(20):
        count = units * 5000 if index == 0 else 2
        body = "".join(f"<p>Item {index} {k}: {k * 7} dykes.</p>\n" for k in range(count))
        page = (
            '<html><body><header><p>Fen Board</p><nav><a href="/">Home</a>'
            f'<a href="/news">News</a></nav></header>\n<main>{body}</main>\n'
            "<footer><p>Chair: Olu Reed</p><p>(c) 2026 fen</p></footer></body></html>\n"
        )
        (folder / f"h{index:02d}.html").write_text(page, encoding="utf-8")


DIMENSIONS: dict[str, tuple[Callable[[Path, int], None], str, list[str]]] = {
    "file-size": (file_size, "256 KB", []),
    "line-count": (line_count, "8000 lines", []),
    "line-length": (line_length, "256 KB line", []),
    "repeated": (repeated, "4000 repeats", []),
    "pages": (pages, "160 pages", []),
    "families": (families, "1 family", ["--group-by", "none"]),
    "html-body": (html_body, "5000 paragraphs", []),
}


# Scales above this are cut to it, per dimension: more equal families than 49 cannot exist.
LARGEST = {"families": 48}
FOUND: list[int] = []  # page families the last runs reported, for the note under the table


def timed(folder: Path, extra: list[str], repeat: int, timeout: float, repo: Path) -> float:
    """Best wall time of `python -m checker check` on `folder`."""
    command = [sys.executable, "-m", "checker", "check", str(folder), "--format", "json"]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        try:
            proc = subprocess.run(
                command + ["--quiet", *extra],
                cwd=repo,
                capture_output=True,
                check=False,
                timeout=timeout,
            )
        except subprocess.TimeoutExpired:
            return float("inf")  # shown as inf: the run was stopped
        times.append(time.perf_counter() - start)
    try:
        FOUND.append(sum(site["families"] for site in json.loads(proc.stdout)["summary"]["sites"]))
    except (ValueError, KeyError, TypeError):
        FOUND.append(-1)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,4,16,64")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--only", action="append", choices=sorted(DIMENSIONS))
    parser.add_argument("--repo", type=Path, default=REPO, help="checkout whose checker runs")
    parser.add_argument("--timeout", type=float, default=300, help="stop a run (shown as inf)")
    args = parser.parse_args()
    scales = [int(s) for s in args.scales.split(",")]
    with tempfile.TemporaryDirectory(prefix="worstcase-") as tmp:
        base = Path(tmp) / "fixed"
        base.mkdir()
        sample_pages(base)
        fixed = statistics.median(
            timed(base, [], args.repeat, args.timeout, args.repo) for _ in range(3)
        )
        print(f"fixed cost (the 5 sample pages alone): {fixed:.2f} s")
        header = " | ".join(f"x{s} s/unit" for s in scales)
        print(f"| dimension | unit | {header} | ratio |")
        print("|---|---|" + "---|" * len(scales) + "---|")
        found: dict[str, list[int]] = {}
        for name in args.only or list(DIMENSIONS):
            make, unit, extra = DIMENSIONS[name]
            per_unit = []
            FOUND.clear()
            for scale in (min(s, LARGEST.get(name, s)) for s in scales):
                folder = Path(tmp) / f"{name}-{scale}"
                folder.mkdir()
                make(folder, scale)
                per_unit.append(
                    (timed(folder, extra, args.repeat, args.timeout, args.repo) - fixed) / scale
                )
                shutil.rmtree(folder)
            cells = " | ".join(f"{t:.3f}" for t in per_unit)
            ratio = per_unit[-1] / per_unit[0] if per_unit[0] > 0 else float("nan")
            print(f"| {name} | {unit} | {cells} | {ratio:.2f} |", flush=True)
            found[name] = list(FOUND)
        if "families" in found:
            print(f"families found at each scale (families row): {found['families']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
