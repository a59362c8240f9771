"""Score a drift checker against gen2 sites (a measuring tool: it always exits 0).

    python tests/gen2/score.py --seeds 100-159 [--checker "python -m checker check"] [--verbose]

For every seed it writes the drifted site and its drift-free copy into a temporary folder, runs
`CHECKER DIR --format json` on both (from the repository root), and compares the findings with the
truth. See tests/gen2/README.md for the matching rules. The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import collections
import concurrent.futures as cf
import json
import os
import pathlib
import shlex
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))
from generate import build_site, parse_seeds  # noqa: E402

TOL = 2
LINE_KINDS = {
    "number-changed",
    "url-changed",
    "url-missing",
    "url-added",
    "value-changed",
    "text-changed",
    "line-missing",
    "line-added",
    "line-moved",
}
PAGE_LEVEL = {"template-stale", "block-missing"}
COUNTED = {"error", "warning", "info"}


def run_checker(cmd: str, site: pathlib.Path) -> tuple[list[dict], str | None]:
    argv = shlex.split(cmd) + [str(site), "--format", "json"]
    try:
        r = subprocess.run(argv, cwd=REPO, capture_output=True, text=True, timeout=600)
    except Exception as e:  # a measuring tool: report, don't crash
        return [], f"could not run: {e}"
    if r.returncode not in (0, 1):
        return [], f"exit {r.returncode}: {r.stderr.strip()[-300:]}"
    try:
        data = json.loads(r.stdout)
    except json.JSONDecodeError:
        return [], f"no JSON on stdout (exit {r.returncode}): {r.stderr.strip()[-300:]}"
    out = []
    for f in data.get("findings", []):
        snap = pathlib.Path(f.get("snapshot") or "")
        if not snap.is_absolute():
            snap = (REPO / snap) if (REPO / snap).exists() else (site / snap)
        try:
            rel = snap.resolve().relative_to(site.resolve()).as_posix()
        except ValueError:
            rel = snap.as_posix()
        out.append(
            dict(
                page=rel,
                line=int(f.get("line") or 0),
                kind=f.get("kind"),
                severity=f.get("severity"),
                message=(f.get("message") or "")[:120],
            )
        )
    return out, None


def kind_ok(truth_kind: str, found_kind: str) -> bool:
    if truth_kind == "template-stale":
        return found_kind == "template-stale" or found_kind in LINE_KINDS
    return truth_kind == found_kind


def near(t: dict, loc: tuple[str, int]) -> bool:
    page, line = loc
    if page != t["page"]:
        return False
    if t["kind"] == "block-missing":
        return True
    lines = t.get("lines") or [t["line"]]
    return any(abs(line - x) <= TOL for x in lines)


def score_site(seed: int, tmp: pathlib.Path, checker: str) -> dict:
    d = tmp / str(seed)
    truth = build_site(seed, d / "site")
    build_site(seed, d / "clean", clean=True)
    found, err = run_checker(checker, d / "site")
    found_clean, err_clean = run_checker(checker, d / "clean")
    drifts = truth["drifts"]
    counted = [f for f in found if f["severity"] in COUNTED]
    locs: dict[tuple[str, int], list[dict]] = {}
    for f in counted:
        locs.setdefault((f["page"], f["line"]), []).append(f)
    res = dict(
        seed=seed,
        truth=len(drifts),
        matched=0,
        kind_ok=0,
        matched_findings=0,
        matched_findings_kind_ok=0,
        misses=[],
        wrong_kind=[],
        locations=len(locs),
        true_locations=0,
        false=[],
        clean_findings=len(found_clean),
        clean_list=found_clean[:20],
        clean_by_kind=dict(collections.Counter(f["kind"] for f in found_clean)),
        error=err or err_clean,
        errwarn_locations=0,
        errwarn_true=0,
        drifts=drifts,
    )
    for t in drifts:
        if t["kind"] == "template-stale":  # recall: any finding on the page
            cands = [f for (pg, _), fs in locs.items() if pg == t["page"] for f in fs]
        else:
            cands = [f for loc, fs in locs.items() if near(t, loc) for f in fs]
        if cands:
            res["matched"] += 1
            if any(kind_ok(t["kind"], f["kind"]) for f in cands):
                res["kind_ok"] += 1
            else:
                res["wrong_kind"].append(dict(truth=t, found=sorted({f["kind"] for f in cands})))
        else:
            res["misses"].append(t)
    for loc, fs in locs.items():
        sev_ew = any(f["severity"] in ("error", "warning") for f in fs)
        hit = any(near(t, loc) for t in drifts)
        res["true_locations"] += hit
        if hit:  # kind accuracy per matched finding: its kind fits a truth it matches
            for f in fs:
                res["matched_findings"] += 1
                res["matched_findings_kind_ok"] += any(
                    near(t, loc) and kind_ok(t["kind"], f["kind"]) for t in drifts
                )
        if sev_ew:
            res["errwarn_locations"] += 1
            res["errwarn_true"] += hit
        if not hit:
            res["false"].append(
                dict(
                    page=loc[0],
                    line=loc[1],
                    kinds=sorted({f["kind"] for f in fs}),
                    message=fs[0]["message"],
                )
            )
    return res


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="score a checker on gen2 sites")
    ap.add_argument("--seeds", default="100-159")
    ap.add_argument("--checker", default=f"{shlex.quote(sys.executable)} -m checker check")
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--jobs", type=int, default=max(1, min(8, os.cpu_count() or 1)))
    ap.add_argument(
        "--keep", type=pathlib.Path, help="write the sites here instead of a temporary folder"
    )
    args = ap.parse_args(argv)
    seeds = parse_seeds(args.seeds)
    with tempfile.TemporaryDirectory(prefix="gen2-score-") as tmpd:
        tmp = args.keep or pathlib.Path(tmpd)
        with cf.ThreadPoolExecutor(args.jobs) as ex:
            results = list(ex.map(lambda s: score_site(s, tmp, args.checker), seeds))
    T = sum(r["truth"] for r in results)
    M = sum(r["matched"] for r in results)
    K = sum(r["kind_ok"] for r in results)
    MF = sum(r["matched_findings"] for r in results)
    MFk = sum(r["matched_findings_kind_ok"] for r in results)
    Lc = sum(r["locations"] for r in results)
    Tl = sum(r["true_locations"] for r in results)
    EW = sum(r["errwarn_locations"] for r in results)
    EWt = sum(r["errwarn_true"] for r in results)
    C = sum(r["clean_findings"] for r in results)
    clean_sites = sum(1 for r in results if r["clean_findings"])
    errors = [(r["seed"], r["error"]) for r in results if r["error"]]
    if args.verbose:
        for r in results:
            if not (
                r["misses"] or r["false"] or r["wrong_kind"] or r["clean_findings"] or r["error"]
            ):
                continue
            print(
                f"--- seed {r['seed']}: {r['matched']}/{r['truth']} found, "
                f"{len(r['false'])} false location(s), "
                f"{r['clean_findings']} finding(s) on the clean copy"
            )
            if r["error"]:
                print(f"  checker error: {r['error']}")
            for t in r["misses"]:
                print(
                    f"  MISS  {t['page']}:{t['line']} {t['kind']} ({t['note']}; slot {t['slot']})"
                )
            for w in r["wrong_kind"]:
                t = w["truth"]
                print(
                    f"  KIND  {t['page']}:{t['line']} truth {t['kind']}, "
                    f"found {', '.join(w['found'])}"
                )
            for f in r["false"]:
                print(f"  FALSE {f['page']}:{f['line']} {', '.join(f['kinds'])}: {f['message']}")
            for f in r["clean_list"]:
                print(
                    f"  CLEAN {f['page']}:{f['line']} {f['kind']} ({f['severity']}): {f['message']}"
                )
    # per-kind recall
    kinds: dict[str, list[int]] = {}
    for r in results:
        missed = {(t["page"], t["line"], t["kind"]) for t in r["misses"]}
        wrong = {
            (w["truth"]["page"], w["truth"]["line"], w["truth"]["kind"]) for w in r["wrong_kind"]
        }
        for t in r["drifts"]:
            k = kinds.setdefault(t["kind"], [0, 0, 0])
            k[0] += 1
            key = (t["page"], t["line"], t["kind"])
            k[1] += key not in missed
            k[2] += key not in missed and key not in wrong
    summary = dict(
        recall=round(M / T, 4) if T else None,
        precision=round(Tl / Lc, 4) if Lc else None,
        kind_accuracy=round(MFk / MF, 4) if MF else None,
        clean_findings=C,
    )
    print(
        f"seeds: {len(seeds)}  truth drifts: {T}  matched: {M}  finding locations: {Lc} (true {Tl})"
    )
    print(f"recall          {summary['recall']}")
    print(
        f"precision       {summary['precision']}   "
        f"(error+warning only: {round(EWt / EW, 4) if EW else None})"
    )
    print(
        f"kind accuracy   {summary['kind_accuracy']}   (of {MF} matched findings; "
        f"per matched truth: {round(K / M, 4) if M else None})"
    )
    print(f"clean findings  {C} (on {clean_sites} of {len(seeds)} drift-free copies)")
    by_kind = collections.Counter()
    for r in results:
        by_kind.update(r["clean_by_kind"])
    if by_kind:
        print("clean findings by kind: " + ", ".join(f"{k} {n}" for k, n in by_kind.most_common()))
    if kinds:
        print("per truth kind (truths / found / right kind):")
        for k in sorted(kinds):
            print(f"  {k:16} {kinds[k][0]:4} {kinds[k][1]:4} {kinds[k][2]:4}")
    if errors:
        print(f"checker errors on {len(errors)} run(s): {errors[:3]}")
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
