"""Accuracy on data the detector was not tuned on: real labelled crawls and two generators.

    python bench/accuracy.py [--synth 9000-9039] [--gen2 100-159] [--corpora-only]

Prints one table:
- each real corpus (../shared/corpora/*/truth.json beside this repository, and
  tests/corpora/*): drifted pages flagged and clean pages flagged, where a page counts as
  flagged when an error or a warning names it (as ../shared/corpora/score_real.py counts);
- each synthetic battery: recall, precision, kind accuracy and findings on drift-free copies.
  `synth` is the project's own generator (tests/synth) on seeds its battery never used;
  `gen2` is the second generator (tests/gen2), written without reading the detector.

It measures and prints; it asserts nothing and always exits 0.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "corpora"
sys.path.insert(0, str(REPO))


def corpora() -> list[Path]:
    """Every labelled real corpus: a folder with truth.json and html/ or text/."""
    found = [p.parent for p in sorted(SHARED.glob("*/truth.json"))]
    found += [p.parent for p in sorted((REPO / "tests" / "corpora").glob("*/truth.json"))]
    return found


def check(folder: Path, glob: str) -> list[dict]:
    """The findings `python -m checker check` reports on one folder."""
    proc = subprocess.run(
        [sys.executable, "-m", "checker", "check", str(folder), "--glob", glob, "--format", "json"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    try:
        return json.loads(proc.stdout)["findings"]
    except (ValueError, KeyError):
        sys.stderr.write(proc.stderr[-2000:])
        return []


def scored(corpus: Path, flagged: set[str]) -> tuple[str, str]:
    """`drifted flagged H/F`, `clean flagged C/N` of the pages `flagged`, by the corpus's
    truth."""
    truth = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))
    drift, clean = set(truth["flag"]), set(truth["clean"])
    return f"{len(drift & flagged)}/{len(drift)}", f"{len(clean & flagged)}/{len(clean)}"


def score_corpus(corpus: Path) -> tuple[str, str]:
    """`drifted flagged H/F`, `clean flagged C/N` of one corpus."""
    pages = corpus / "html" if (corpus / "html").is_dir() else corpus / "text"
    glob = "*.html" if pages.name == "html" else "*.md"
    flagged = set()
    for finding in check(pages, glob):
        if finding.get("severity") in ("error", "warning"):
            path = finding["snapshot"].replace("\\", "/")
            marker = f"/{pages.name}/"
            flagged.add(path.split(marker, 1)[1] if marker in path else path)
    return scored(corpus, flagged)


def score_archive(corpus: Path) -> tuple[str, str]:
    """The same for a corpus's captures as a web archive (`warc/`, with `map.json` naming each
    html/ page's URL and capture time): a finding names `FILE#URL@YYYYMMDDhhmmss`."""
    mapping = json.loads((corpus / "map.json").read_text(encoding="utf-8"))
    page_of = {
        (where["uri"], "".join(c for c in where["warc_date"] if c.isdigit())): path
        for path, where in mapping.items()
    }
    flagged = set()
    for finding in check(corpus / "warc", "*.warc.gz"):
        if finding.get("severity") in ("error", "warning") and "#" in finding["snapshot"]:
            uri, _, when = finding["snapshot"].split("#", 1)[1].rpartition("@")
            flagged.add(page_of.get((uri, when), finding["snapshot"]))
    return scored(corpus, flagged)


def seeds(text: str) -> range:
    """`9000-9039` as a range."""
    first, _, last = text.partition("-")
    return range(int(first), int(last or first) + 1)


def score_synth(chosen: range) -> dict[str, float]:
    """The project's own generator on random parameters (tests/test_accuracy_wide.py)."""
    from tests.synth import Score, generate_site, score
    from tests.test_accuracy import run_checker
    from tests.test_accuracy_wide import params

    total = Score()
    with tempfile.TemporaryDirectory() as tmp:

        def one(seed: int) -> Score:
            corpus = generate_site(Path(tmp) / str(seed), **params(seed))
            return score(corpus, run_checker(corpus.root)[1])

        with ThreadPoolExecutor(2) as pool:
            for result in pool.map(one, chosen):
                total = total + result
    return {
        "recall": total.recall,
        "precision": total.precision,
        "kind_accuracy": total.kind_accuracy,
        "clean_findings": total.noise_flagged,
    }


def score_gen2(chosen: range) -> dict[str, float]:
    """The second generator, through its own scorer (its last line is JSON)."""
    proc = subprocess.run(
        [sys.executable, "tests/gen2/score.py", "--seeds", f"{chosen.start}-{chosen.stop - 1}"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    lines = proc.stdout.strip().splitlines()
    return json.loads(lines[-1]) if lines else {}


def main(argv: list[str] | None = None) -> int:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synth", default="9000-9039")
    parser.add_argument("--gen2", default="100-159")
    parser.add_argument("--corpora-only", action="store_true")
    options = parser.parse_args(argv)
    print("| real corpus | drifted flagged | clean flagged |")
    print("|---|---|---|")
    for corpus in corpora():
        drifted, clean = score_corpus(corpus)
        print(f"| {corpus.name} | {drifted} | {clean} |")
        if (corpus / "warc").is_dir() and (corpus / "map.json").is_file():
            drifted, clean = score_archive(corpus)
            print(f"| {corpus.name} (as a web archive) | {drifted} | {clean} |")
    if options.corpora_only:
        return 0
    print()
    print(
        "| battery | seeds | recall | precision | kind accuracy | findings on drift-free copies |"
    )
    print("|---|---|---|---|---|---|")
    for name, chosen, scorer in (
        ("synth", seeds(options.synth), score_synth),
        ("gen2", seeds(options.gen2), score_gen2),
    ):
        got = scorer(chosen)
        print(
            f"| {name} | {chosen.start}-{chosen.stop - 1} | {got.get('recall', 0):.3f} | "
            f"{got.get('precision', 0):.3f} | {got.get('kind_accuracy', 0):.3f} | "
            f"{got.get('clean_findings', '?')} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
