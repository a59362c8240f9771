"""Seeded generator of synthetic scraped sites with known boilerplate drift.

`generate_site` writes one folder of page snapshots and returns the truth: every injected
drift with its file, physical line and kind, and the pages that carry formatting noise only.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from .blocks import Site, build_site
from .drift import EDGE_END, EDGE_START, Entry, Mark, Op, Planner, apply_op
from .noise import add_noise, encode_page, mojibake
from .page import PageCtx, add_decoys, layout, make_body, page_entries, sentence, truth
from .pools_more import LANGUAGES

PLACEMENTS = ("top", "bottom", "after-header", "both")


@dataclass(frozen=True)
class Drift:
    """One injected difference: file (relative to the site folder), physical line, kind."""

    snapshot: str
    line: int
    kind: str
    expected: str = ""
    found: str = ""
    origin: int = 0
    """For `line-moved`: where the line was (as a `line-missing` would be reported)."""


@dataclass(frozen=True)
class SiteCorpus:
    """A generated site folder and its truth."""

    root: Path
    files: list[str]
    drifts: list[Drift]
    noise_only: list[str]
    params: dict = field(default_factory=dict)
    blocks: tuple[tuple[str, ...], ...] = ()
    """Canonical clean lines of every block of every family."""


@dataclass
class _Plan:
    ops: dict[int, list[Op]] = field(default_factory=dict)
    broken: set[int] = field(default_factory=set)


def _plan_family(rng: random.Random, site: Site, fam: list[int], opts: dict) -> _Plan:
    """Choose which pages of one family drift and how."""
    plan, pl = _Plan(), Planner(rng, site, len(fam), opts["wrap"], opts["block_missing"])
    if opts["half_rollout"] and len(fam) >= 8:
        cands = [
            (b, i)
            for b, blk in enumerate(site.blocks)
            for i, s in enumerate(blk)
            if s.kind in ("num", "text") and len(s.variants) > 1
        ]
        b, i = rng.choice(cands)
        spec = site.blocks[b][i]
        op = Op("no-majority", b, i, spec.render(choice=(spec.choice + 1) % len(spec.variants)))
        pl.counts[(b, i)] = 10**9
        for p in rng.sample(fam, len(fam) // 2):
            plan.ops[p] = [op]
    free = [p for p in fam if p not in plan.ops]
    if opts["edge_drift"] and pl.cap >= 2 and len(free) >= 4:
        b, at = (0, EDGE_START) if opts["placement"] == "bottom" else (0, EDGE_END)
        op = Op("line-added", b, at, site.pool["added"][-1])
        for p in rng.sample(free, 2):
            plan.ops[p] = [op]
    free = [p for p in fam if p not in plan.ops]
    want = max(1, round(len(fam) * opts["drift_rate"])) if opts["drift_rate"] > 0 else 0
    for p in rng.sample(free, min(want, len(free))):
        if p in plan.ops:
            continue
        ops = pl.page_ops()
        if not ops:
            continue
        plan.ops[p] = ops
        rest = [q for q in free if q not in plan.ops]
        op = ops[0]
        heavy = op.kind != "block-missing" and pl.counts[(op.block, op.slot)] < pl.cap
        if rest and heavy and len(fam) >= 5 and rng.random() < 0.35:
            plan.ops[rng.choice(rest)] = [op]
            pl.take(op)
    rest = [q for q in free if q not in plan.ops]
    if opts["encoding_faults"] and rest and site.lang in ("en", "de", "fr", "es"):
        plan.broken.add(rng.choice(rest))
    return plan


def _paths(rng: random.Random, pages: int, opts: dict, domain: str) -> list[tuple[str, str]]:
    """(relative file name, relative-link prefix) for every page."""
    width = max(3, len(str(pages - 1)))
    out = []
    for i in range(pages):
        name = f"page_{i:0{width}d}" + (".md" if rng.random() < opts["md_share"] else ".txt")
        if not opts["relative_links"]:
            out.append((name, ""))
        elif rng.random() < 0.5:
            out.append((f"{domain}/news/{name}", "../"))
        else:
            out.append((f"{domain}/{name}", rng.choice(["", f"../{domain}/"])))
    return out


def _ctx(rng: random.Random, site: Site, i: int, rel: str, opt: bool, opts: dict) -> PageCtx:
    slug = "-".join(rng.sample(site.pool["words"], rng.randint(1, 4)))
    url = (
        f"https://{site.domain}/{rng.choice(site.pool['sections'])}/{2020 + i % 6}/{slug}-{i}.html"
    )
    day = (date(2021, 1, 4) + timedelta(days=3 * i + rng.randint(0, 2))).isoformat()
    header = [sentence(rng, site.pool).rstrip(".")] + ([day] if rng.random() < 0.5 else [])
    body = make_body(rng, site.pool, *opts["body"], opts["wrap"])
    return PageCtx(opt, rel, url, day, header, body)


def _tables(rng: random.Random, sites: list[Site], fams: list[int], ctxs: list[PageCtx]) -> None:
    """Copy one table body between pages of different families (must not decide grouping)."""
    groups = [[p for p, f in enumerate(fams) if f == k] for k in range(len(sites))]
    for a, b in zip(groups[0][::2], groups[1][::2], strict=False):
        pool = sites[0].pool
        table = [
            f"{c} | {rng.randint(10, 9999)} | {rng.randint(1, 99)} %"
            for c in rng.sample(pool["city"] + pool["first"], rng.randint(8, 13))
        ]
        ctxs[a].body += table
        ctxs[b].body += table


def _write_page(path: Path, lines: list[str], nrng: random.Random, noisy: bool) -> None:
    if noisy:
        lines = add_noise(lines, nrng)
    crlf, bom = noisy and nrng.random() < 0.5, noisy and nrng.random() < 0.3
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(encode_page(lines, crlf=crlf, bom=bom))


def _break_encoding(
    lines: list[str], entries: list[Entry], where: dict[int, int], style: int
) -> list[str]:
    """Mojibake the whole page; every non-ASCII block line becomes a text change."""
    for e in entries:
        if e.role in ("slot", "optional") and any(ord(c) > 127 for c in e.text):
            e.mark = Mark("text-changed", e.text, mojibake(e.text, style))
    return [mojibake(t, style) for t in lines]


def generate_site(
    root: Path,
    *,
    seed: int,
    pages: int,
    language: str = "en",
    placement: str = "top",
    drift_rate: float = 0.2,
    noise: bool = True,
    decoys: bool = True,
    wrap: int = 0,
    optional: bool = False,
    per_page: bool = False,
    families: int = 1,
    relative_links: bool = False,
    encoding_faults: bool = False,
    half_rollout: bool = False,
    edge_drift: bool = False,
    block_missing: bool = False,
    body: tuple[int, int] = (3, 25),
    md_share: float = 0.2,
) -> SiteCorpus:
    """Write a synthetic site of `pages` snapshots under `root` and return its truth."""
    assert placement in PLACEMENTS and language in LANGUAGES and pages >= 1
    opts = dict(locals())
    opts.pop("root")
    rng, nrng = random.Random(seed), random.Random(f"noise-{seed}")
    others = [lang for lang in LANGUAGES if lang != language]
    langs = [language] + rng.sample(others, families - 1)
    sites = [
        build_site(
            rng,
            lang,
            placement,
            optional=optional,
            per_page=per_page,
            relative=relative_links,
            wrap=wrap,
        )
        for lang in langs
    ]
    fams = [i % families for i in range(pages)]
    rng.shuffle(fams)
    plans = [
        _plan_family(rng, s, [p for p in range(pages) if fams[p] == k], opts)
        for k, s in enumerate(sites)
    ]
    paths = _paths(rng, pages, opts, sites[0].domain)
    has_opt = [True] * pages
    for k in range(families):  # the box is on 70-85% of every family's pages (one absent at least)
        fam = [p for p in range(pages) if fams[p] == k]
        absent = min(len(fam) - 1, max(1, round(len(fam) * rng.uniform(0.15, 0.3))))
        for p in rng.sample(fam, absent):
            has_opt[p] = False
    ctxs = [_ctx(rng, sites[fams[p]], p, paths[p][1], has_opt[p], opts) for p in range(pages)]
    if families > 1:
        _tables(rng, sites, fams, ctxs)
    drifts, noise_only = _render(root, rng, nrng, sites, plans, fams, paths, ctxs, opts)
    blocks = tuple(tuple(b) for s in sites for b in s.canonical())
    return SiteCorpus(root, [p for p, _ in paths], drifts, noise_only, opts, blocks)


def _render(
    root: Path,
    rng: random.Random,
    nrng: random.Random,
    sites: list[Site],
    plans: list[_Plan],
    fams: list[int],
    paths: list[tuple[str, str]],
    ctxs: list[PageCtx],
    opts: dict,
) -> tuple[list[Drift], list[str]]:
    """Drift, lay out, add noise to and write every page; return the truth and noise-only pages."""
    p_blank = rng.choice([0.0, 0.3, 1.0])
    drifts, noise_only = [], []
    wrap, decoys, noise = opts["wrap"], opts["decoys"], opts["noise"]
    for p in range(len(paths)):
        placement = opts["placement"]
        site, plan = sites[fams[p]], plans[fams[p]]
        entries = page_entries(site, ctxs[p], placement)
        for op in plan.ops.get(p, []):
            apply_op(entries, op)
        if decoys and rng.random() < 0.5:
            add_decoys(rng, site, entries)
        lines, where = layout(entries, rng, wrap, p_blank)
        if p in plan.broken:
            lines = _break_encoding(lines, entries, where, rng.randrange(2))
        found = truth(entries, where)
        drifts += [Drift(paths[p][0], ln, m.kind, m.expected, m.found, org) for ln, m, org in found]
        noisy = noise and p not in plan.broken and nrng.random() < 0.6
        if noisy and not found:
            noise_only.append(paths[p][0])
        _write_page(root / paths[p][0], lines, nrng, noisy)
    return drifts, noise_only


def mega(
    root: Path, *, seed: int, pages: int, language: str = "en", placement: str = "top"
) -> SiteCorpus:
    """A large site (1,000-100,000 pages) written quickly: short bodies, ~1% drift pages."""
    return generate_site(
        root,
        seed=seed,
        pages=pages,
        language=language,
        placement=placement,
        drift_rate=0.01,
        noise=False,
        decoys=False,
        body=(3, 6),
        md_share=0.0,
    )
