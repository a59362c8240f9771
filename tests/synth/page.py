"""Build one page: its entries (header, blocks, body, decoys), then lay them out as lines."""

from __future__ import annotations

import random
from dataclasses import dataclass

from .blocks import Site
from .drift import BLOCKISH, Entry, Mark
from .noise import wrap_text


@dataclass
class PageCtx:
    """What differs from page to page of one family."""

    optional: bool
    rel: str
    self_url: str
    date: str
    header: list[str]
    body: list[str]


def sentence(rng: random.Random, pool: dict) -> str:
    """One prose sentence from the language's word pools, often with a number."""
    words = [rng.choice(pool[k]) for k in ("subj", "verb", "obj", "when")]
    if rng.random() < 0.2:
        words[2] = f'"{words[2]}"'
    tail = f" ({rng.randint(2, 900)})" if rng.random() < 0.5 else ""
    if rng.random() < 0.2:
        tail = f" - {rng.randint(2, 900)}"
    return " ".join(words) + tail + "."


def make_body(rng: random.Random, pool: dict, lo: int, hi: int, wrap: int) -> list[str]:
    """`lo`..`hi` lines of per-page prose; longer paragraphs when wrapping."""
    most = 4 if wrap else 3
    return [
        " ".join(sentence(rng, pool) for _ in range(rng.randint(1, most)))
        for _ in range(rng.randint(lo, hi))
    ]


def block_entries(site: Site, b: int, ctx: PageCtx) -> list[Entry]:
    """Block `b` as this page shows it, with optional box and per-page lines in place."""
    out: list[Entry] = []
    specs = site.blocks[b]
    for i in range(len(specs) + 1):
        if site.optional and site.optional[:2] == (b, i) and ctx.optional:
            out += [Entry(s.render(), "optional", b) for s in site.optional[2]]
        for cb, ci, spec in site.content:
            if (cb, ci) == (b, i):
                out.append(Entry(spec.render(URL=ctx.self_url, DATE=ctx.date), "content", b))
        if i < len(specs):
            out.append(Entry(specs[i].render(REL=ctx.rel), "slot", b, i))
    return out


def page_entries(site: Site, ctx: PageCtx, placement: str) -> list[Entry]:
    """All entries of a page in order, before drift."""
    body = [Entry(t, "body") for t in ctx.body]
    head = [Entry(t, "header") for t in ctx.header]
    if placement == "top":
        return block_entries(site, 0, ctx) + body
    if placement == "bottom":
        return body + block_entries(site, 0, ctx)
    if placement == "after-header":
        return head + block_entries(site, 0, ctx) + body
    return block_entries(site, 0, ctx) + body + block_entries(site, 1, ctx)


def add_decoys(rng: random.Random, site: Site, entries: list[Entry]) -> None:
    """Body lines that quote a block line with other numbers or another name (never drift)."""
    gone = {(e.block, e.slot) for e in entries if e.role == "ghost" or (e.mark and e.mark.origin)}
    cands = [
        s
        for b, blk in enumerate(site.blocks)
        for i, s in enumerate(blk)
        if s.kind in ("num", "name") and not {(b, i), (b, -1)} & gone
    ]
    body = [k for k, e in enumerate(entries) if e.role == "body"]
    if not cands or len(body) < 3:
        return
    spec = rng.choice(cands)
    if spec.kind == "num":
        text = spec.render(N=str(int(spec.values["N"]) + rng.randint(1, 9)))
        if rng.random() < 0.6:
            text = rng.choice(site.pool["decoy"]).format(L=text[0].lower() + text[1:])
    else:
        text = spec.render(NAME=f"{rng.choice(site.pool['first'])} {rng.choice(site.pool['last'])}")
    entries.insert(rng.choice(body[1:-1]) if len(body) > 2 else body[1], Entry(text, "body"))


def _group(e: Entry) -> str:
    return e.role if e.role in ("body", "header") else f"block{e.block}"


def layout(
    entries: list[Entry], rng: random.Random, wrap: int, p_blank: float
) -> tuple[list[str], dict[int, int]]:
    """Physical lines of the page and the first physical line of each entry (by id)."""
    lines: list[str] = []
    where: dict[int, int] = {}
    prev = None
    for e in entries:
        if e.role == "ghost":
            continue
        blank = lines and (wrap or (prev != _group(e) and rng.random() < 0.6))
        if blank and lines[-1] != "":
            lines.append("")
        where[id(e)] = len(lines) + 1
        lines.extend(wrap_text(e.text, wrap) if wrap else [e.text])
        if not wrap and e.role == "body" and rng.random() < p_blank:
            lines.append("")
        prev = _group(e)
    while lines and lines[-1] == "":
        lines.pop()
    _resolve_ghosts(entries, where, lines)
    return lines, where


def _resolve_ghosts(entries: list[Entry], where: dict[int, int], lines: list[str]) -> None:
    """A missing line stands where the next present block line is, else previous + 1."""
    for k, e in enumerate(entries):
        if e.role != "ghost":
            continue
        if e.slot < 0:  # a whole block: the next line of any kind
            nxt = [where[id(x)] for x in entries[k + 1 :] if x.role != "ghost"]
            last = max((n for n, t in enumerate(lines, 1) if t.strip()), default=0)
            where[id(e)] = nxt[0] if nxt else last + 1
            continue
        same = [(n, x) for n, x in enumerate(entries) if x.block == e.block and x.role in BLOCKISH]
        after = [where[id(x)] for n, x in same if n > k]
        before = [where[id(x)] for n, x in same if n < k]
        where[id(e)] = after[0] if after else before[-1] + 1


def truth(entries: list[Entry], where: dict[int, int]) -> list[tuple[int, Mark, int]]:
    """(line, mark, origin line) for every drifted entry of the page."""
    out = []
    for e in entries:
        for mark in ([e.mark] if e.mark else []) + e.extra:
            origin = where[id(mark.origin)] if mark.origin else 0
            out.append((where[id(e)], mark, origin))
    return sorted(out, key=lambda t: t[0])
