"""Audit gen2 truth lines against the real difference between a page's clean and drifted copy.

    python tests/gen2/audit_lines.py --seeds 100-400 [--verbose] [--keep DIR] [--tol 2]

For every seed it writes the drifted site and its clean copy (as score.py does), diffs the two
copies of each drifted page line by line (difflib, no junk heuristic) and checks every truth:

- `line-missing`, `block-missing`: the truth line against the line of the drifted file where a
  removed clean line would stand (the line that now follows the gap);
- changed, added and moved lines (and each of a `template-stale` truth's `lines`): the truth line
  against the changed or inserted lines of the drifted file;
- `snapshot-unreadable`: the page must be the clean page gzip-compressed, and the line 1.

A diff position is a range when difflib could have placed the gap elsewhere (a removed or added
line equal to its neighbour). Every change in the diff must also lie within the tolerance of a truth
of its sort (a removed line of a line-missing truth, a changed line of any other), otherwise it is
reported as `uncovered`.

`line-missing` follows a convention (tests/gen2/README.md, "Truth format"): the truth points right
after the previous *block* line (in HTML: or markup line), skipping per-page lines (and, in text,
blank lines) in between, so it can lie above the gap by as many physical lines as they take. The
audit computes that line too, from the generator's own line roles on the clean copy, and reports a
truth more than the tolerance from the diff as `convention` when it equals that line and as
`MISMATCH` otherwise (likewise a changed line reported at the first physical line of a wrapped line
whose continuation holds the change). Only `MISMATCH` and `uncovered` are errors; the exit code is
1 when there are any. Results are grouped by recipe (truth note) and by format (txt / md / html,
wrapped or not); `-v` also lists the cases within the tolerance but not at the diff.
"""

from __future__ import annotations

import argparse
import collections
import concurrent.futures as cf
import difflib
import gzip
import os
import pathlib
import re
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import generate  # noqa: E402
from score import LINE_KINDS, TOL  # noqa: E402

# Kinds whose truth line is a changed, added or moved line of the drifted page.
CHANGE_KINDS = LINE_KINDS - {"line-missing"}


def file_lines(data: bytes) -> list[str]:
    """The physical lines exactly as generate.render numbers them (split on its line end)."""
    text = data.decode("utf-8", errors="replace").removeprefix("\ufeff")  # a BOM is no text
    parts = re.split(r"\r?\n", text)
    if parts and parts[-1] == "":
        parts.pop()
    return parts


def fmt_label(truth: dict) -> str:
    ext = truth["ext"].lstrip(".")
    wrapped = truth["wrap"] if truth["format"] == "txt" else truth["srcwrap"]
    return f"{ext}/{'wrapped' if wrapped else 'plain'}"


def note_label(note: str) -> str:
    return re.sub(r"on \d+ page\(s\)", "on N page(s)", note)


def line_items(site: dict, page: dict, items: list[dict]) -> dict[int, tuple[str, int]]:
    """Physical line -> (role of the generator item written there, the item's first line)."""
    items = [x for x in items if x["role"] != "stale_note"]
    _, pos = generate.render(page, items, site)
    out = {}
    for it in items:
        if it["id"] not in pos:  # markup in a text site
            continue
        a, b = pos[it["id"]]
        for ln in range(a, b + 1):
            out[ln] = (it["role"], a)
    return out


def slide(seq: list[str], lo: int, hi: int) -> tuple[int, int]:
    """How far the gap seq[lo:hi] (removed or inserted) could move: (lowest lo, highest lo)."""
    a = lo
    while a > 0 and seq[a - 1] == seq[a - 1 + (hi - lo)]:
        a -= 1
    b = lo
    while b + (hi - lo) < len(seq) and seq[b] == seq[b + (hi - lo)]:
        b += 1
    return a, b


class PageDiff:
    """The diff of one page: removed clean lines with where they stand, and changed lines."""

    def __init__(self, old: list[str], new: list[str]):
        self.old, self.new = old, new
        sm = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
        # removed: (clean line, [(clean line, drifted line it stands at) for each place the
        # gap could take], text); changed: (lowest, highest drifted line, text)
        self.lost: list[tuple[int, list[tuple[int, int]], str]] = []
        self.changed: list[tuple[int, int, str]] = []
        self.to_new: dict[int, int] = {}  # clean line -> drifted line, for unchanged lines
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            if tag == "equal":
                for k in range(i2 - i1):
                    self.to_new[i1 + k + 1] = j1 + k + 1
            elif tag == "delete":
                a, b = slide(old, i1, i2)  # the gap moves on both sides by the same amount
                for i in range(i1, i2):
                    self.lost.append(
                        (
                            i + 1,
                            [(i + 1 + s, j1 + 1 + s) for s in range(a - i1, b - i1 + 1)],
                            old[i],
                        )
                    )
            elif tag == "insert":
                a, b = slide(new, j1, j2)
                for j in range(j1, j2):
                    self.changed.append((j + 1 - (j1 - a), j + 1 + (b - j1), new[j]))
            else:  # replace: a changed (possibly re-wrapped) line
                for j in range(j1, j2):
                    self.changed.append((j + 1, j + 1, new[j]))

    @staticmethod
    def dist(line: int, rng: tuple[int, int]) -> int:
        lo, hi = rng
        return 0 if lo <= line <= hi else min(abs(line - lo), abs(line - hi))

    @staticmethod
    def stand_range(places: list[tuple[int, int]]) -> tuple[int, int]:
        return places[0][1], places[-1][1]


def convention_line(
    pd: PageDiff, clean_line: int, stand: int, roles: dict[int, str], is_html: bool
) -> int:
    """The README's line-missing line: right after the previous block line (in HTML: or markup
    line), skipping per-page lines (in text also blank lines) and lines lost with it; where the
    lost line stood when no such line precedes it."""
    lost = {c for c, _, _ in pd.lost}
    skip = {"page"} | (set() if is_html else {"blank"})
    anchors = {"block", "markup"} if is_html else {"block"}
    c = clean_line - 1
    while c >= 1 and (c in lost or roles.get(c) in skip):
        c -= 1
    if c >= 1 and roles.get(c) in anchors and c in pd.to_new:
        return pd.to_new[c] + 1
    return stand


def audit_seed(seed: int, root: pathlib.Path, tol: int = TOL) -> list[dict]:
    """One record per checked truth line (per line of a template-stale truth) and per change of
    the diff that no truth claims."""
    d = root / str(seed)
    truth = generate.build_site(seed, d / "site")
    generate.build_site(seed, d / "clean", clean=True)
    site = generate.make_site(seed)
    pages = {p["path"]: p for p in site["pages"]}
    is_html = truth["format"] == "html"
    fmt = fmt_label(truth)
    out: list[dict] = []
    by_page = collections.defaultdict(list)
    for t in truth["drifts"]:
        by_page[t["page"]].append(t)

    def rec(t, status, line, expected, detail=""):
        out.append(
            dict(
                seed=seed,
                page=t["page"],
                kind=t["kind"],
                note=note_label(t["note"]),
                fmt=fmt,
                line=line,
                expected=expected,
                status=status,
                detail=detail,
            )
        )

    def show(rng):
        return rng[0] if rng[0] == rng[1] else rng

    for page in sorted(pages):
        if page not in by_page:
            same = (d / "site" / page).read_bytes() == (d / "clean" / page).read_bytes()
            if not same:
                t = dict(page=page, kind="-", note="page without truth")
                rec(t, "uncovered", 1, None, "the copies differ but no truth names the page")
    for page, ts in sorted(by_page.items()):
        drifted = (d / "site" / page).read_bytes()
        original = (d / "clean" / page).read_bytes()
        if any(t["kind"] == "snapshot-unreadable" for t in ts):
            for t in ts:
                good = drifted[:2] == b"\x1f\x8b" and gzip.decompress(drifted) == original
                rec(t, "ok" if good and t["line"] == 1 else "MISMATCH", t["line"], 1)
            continue
        pd = PageDiff(file_lines(original), file_lines(drifted))
        roles = {ln: v[0] for ln, v in line_items(site, pages[page], pages[page]["items"]).items()}
        # the first physical line of the drifted copy's logical line holding each line
        first = {
            ln: v[1]
            for ln, v in line_items(site, pages[page], generate.apply_ops(pages[page])).items()
        }
        covered_lost, covered_changed = set(), set()
        for t in ts:
            kind, line = t["kind"], t["line"]
            if kind in ("line-missing", "block-missing"):
                if not pd.lost:
                    rec(t, "MISMATCH", line, None, "no removed line in the diff")
                    continue
                cands = pd.lost[:1] if kind == "block-missing" else pd.lost
                best = min(
                    cands, key=lambda x: (PageDiff.dist(line, PageDiff.stand_range(x[1])), x[0])
                )
                c, places, _ = best
                rng = PageDiff.stand_range(places)
                dd = PageDiff.dist(line, rng)
                if kind == "block-missing":  # the scorer matches it anywhere on the page
                    covered_lost.update(range(len(pd.lost)))
                    conv = set()
                else:
                    conv = {convention_line(pd, c2, j, roles, is_html) for c2, j in places}
                    covered_lost.update(
                        k
                        for k, (_, pl, _) in enumerate(pd.lost)
                        if PageDiff.dist(line, PageDiff.stand_range(pl)) <= tol
                        or line in {convention_line(pd, c2, j, roles, is_html) for c2, j in pl}
                    )
                if dd == 0:
                    rec(t, "ok", line, show(rng))
                    continue
                if line in conv:
                    status = "convention" if dd > tol else "near (convention)"
                    detail = f"{dd} per-page line(s) between the previous block line and the gap"
                else:
                    status = "MISMATCH" if dd > tol else "near"
                    detail = f"clean line {c}; convention says {sorted(conv)}"
                rec(t, status, line, show(rng), detail)
            elif kind in CHANGE_KINDS or kind == "template-stale":
                if t.get("lines") and line != min(t["lines"]):
                    rec(t, "MISMATCH", line, min(t["lines"]), "not the first of its lines")
                for ln in t.get("lines") or [line]:
                    if not pd.changed:
                        rec(t, "MISMATCH", ln, None, "no changed line in the diff")
                        continue
                    lo, hi, _ = min(pd.changed, key=lambda x: PageDiff.dist(ln, x[:2]))
                    dd = PageDiff.dist(ln, (lo, hi))
                    covered_changed.update(
                        k for k, x in enumerate(pd.changed) if PageDiff.dist(ln, x[:2]) <= tol
                    )
                    if dd == 0:
                        status = "ok"
                    elif any(first.get(j) == ln for j in range(lo, hi + 1)):
                        # the change sits in a continuation line of a wrapped logical line
                        status = "near (first physical line)" if dd <= tol else "convention"
                    else:
                        status = "MISMATCH" if dd > tol else "near"
                    rec(t, status, ln, show((lo, hi)))
            else:
                rec(t, "MISMATCH", line, None, f"unknown kind {kind}")
        # every change of the diff must be claimed by a truth of its sort
        moved = {x[2] for x in pd.changed} if any(t["kind"] == "line-moved" for t in ts) else set()
        for k, (c, places, text) in enumerate(pd.lost):
            if k in covered_lost or text in moved:  # a moved line's old place is not a loss
                continue
            rng = PageDiff.stand_range(places)
            rec(ts[0], "uncovered", rng[0], None, f"removed clean line {c}: {text[:60]!r}")
        for k, (lo, _, text) in enumerate(pd.changed):
            if k not in covered_changed:
                rec(ts[0], "uncovered", lo, None, f"changed line: {text[:60]!r}")
    return out


def summarize(records: list[dict], tol: int = TOL, verbose: bool = False) -> str:
    lines = []
    truths = [r for r in records if r["status"] != "uncovered"]
    st = collections.Counter(r["status"] for r in records)
    lines.append(
        f"checked truth lines: {len(truths)}  "
        + "  ".join(f"{k}: {v}" for k, v in sorted(st.items()))
    )
    beyond = [r for r in truths if r["status"] in ("MISMATCH", "convention")]
    lines.append(
        f"truth lines more than ±{tol} from the diff: {len(beyond)} "
        f"(explained by a truth convention: {st['convention']}, "
        f"unexplained: {st['MISMATCH']}); diff changes no truth claims: {st['uncovered']}"
    )
    shown = ("MISMATCH", "uncovered", "convention") + (
        ("near", "near (convention)", "near (first physical line)") if verbose else ()
    )
    for status in shown:
        rs = [r for r in records if r["status"] == status]
        if not rs:
            continue
        lines.append(f"{status}: {len(rs)}")
        by_note = collections.Counter((r["kind"], r["note"]) for r in rs)
        lines.append("  by recipe (kind / note):")
        for (k, n), v in by_note.most_common():
            lines.append(f"    {v:5}  {k} / {n}")
        by_fmt = collections.Counter(r["fmt"] for r in rs)
        lines.append("  by format: " + ", ".join(f"{f} {v}" for f, v in sorted(by_fmt.items())))
        for r in rs:
            lines.append(
                f"    {r['seed']} {r['page']}:{r['line']} {r['kind']} ({r['note']}; {r['fmt']}):"
                f" diff says {r['expected']}{'; ' + r['detail'] if r['detail'] else ''}"
            )
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="audit gen2 truth lines against the page diffs")
    ap.add_argument("--seeds", default="100-400")
    ap.add_argument("--tol", type=int, default=TOL, help="tolerance (default: score.py's TOL)")
    ap.add_argument("--verbose", "-v", action="store_true", help="also list the cases within it")
    ap.add_argument("--jobs", type=int, default=max(1, min(8, os.cpu_count() or 1)))
    ap.add_argument("--keep", type=pathlib.Path, help="write the sites here")
    args = ap.parse_args(argv)
    seeds = generate.parse_seeds(args.seeds)
    records: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="gen2-audit-") as tmpd:
        root = args.keep or pathlib.Path(tmpd)
        with cf.ProcessPoolExecutor(args.jobs) as ex:
            for recs in ex.map(audit_seed, seeds, [root] * len(seeds), [args.tol] * len(seeds)):
                records += recs
    print(summarize(records, args.tol, args.verbose))
    return 1 if any(r["status"] in ("MISMATCH", "uncovered") for r in records) else 0


if __name__ == "__main__":
    sys.exit(main())
