"""Seeded generator of a large HTML site (two page families, 30-60 KB pages) with known drift.

    python bench/make_html_site.py N OUT [--seed S] [--warc FILES]

writes `OUT/site/000/0000000.html ...` (at most 10,000 files per subfolder) and the truth
`OUT/truth.json`: every injected drift as `{"path", "kind"}`, paths relative to `OUT/site`.
With `--warc K` the same pages go as response records into K files `OUT/warc/part-*.warc.gz`
instead (the truth then names each drifted page by its URL).

Family `council` (about 60%) opens with a navigation menu and the contact block of
`make_site.BLOCK`; family `news` has a menu of its own and a footer block of links. Every page
has a head of inline style and script (a pool of 24), then 6-14 prose sections from
`make_site`'s body pool with per-page numbers, a table and per-page links. About 1% of the
pages carry exactly one drift in their family's block.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import time
from html import escape
from pathlib import Path
from typing import Any

from make_site import BLOCK, DRIFTS, WORDS, build_bodies, build_titles

PER_FOLDER = 10_000
DRIFT_RATE = 0.01
HOST = "http://www.northfield-council.example.org"

COUNCIL_MENU = ("Home", "Council", "Wards", "Meetings", "Planning", "Bins", "Schools", "Contact")
NEWS_MENU = ("News", "Press releases", "Events", "Archive", "Subscribe", "About us")
FOOTER: tuple[tuple[str, str], ...] = (
    ("Northfield News is published by the Press Office", ""),
    ("Editor: Sarah Lindqvist", ""),
    ("Newsroom phone: +44 1632 960777", ""),
    ("Send us a story", "/news/tips"),
    ("Corrections policy", "/news/corrections"),
    ("Privacy notice", "/privacy"),
    ("Accessibility statement", "/accessibility"),
    ("Copyright 2024 Northfield Regional Council", ""),
)
# (kind, footer index, replacement (text, href) or None for a removed line)
FOOTER_DRIFTS: tuple[tuple[str, int, tuple[str, str] | None], ...] = (
    ("url-changed", 3, ("Send us a story", "/news/tip-off")),
    ("url-missing", 4, ("Corrections policy", "")),
    ("number-changed", 2, ("Newsroom phone: +44 1632 960778", "")),
    ("value-changed", 1, ("Editor: Jonas Berg", "")),
    ("text-changed", 0, ("Northfield News is written by the Press Office", "")),
    ("line-missing", 5, None),
)


def _menu(items: tuple[str, ...], prefix: str) -> str:
    """A navigation list of links."""
    links = "".join(
        f'<li><a href="{prefix}/{item.lower().replace(" ", "-")}">{item}</a></li>\n'
        for item in items
    )
    return f'<nav class="menu"><ul>\n{links}</ul></nav>\n'


def _contact(lines: list[str]) -> str:
    """The council's contact block, one paragraph per line, URLs as links."""
    out = []
    for line in lines:
        words = [
            f'<a href="{w}">{w}</a>' if w.startswith("https://") else escape(w)
            for w in line.split(" ")
        ]
        out.append(f"<p>{' '.join(words)}</p>\n")
    return '<div class="contact">\n' + "".join(out) + "</div>\n"


def _footer(items: list[tuple[str, str]]) -> str:
    """The news footer block, one list item per line."""
    out = [f'<li><a href="{h}">{t}</a></li>\n' if h else f"<li>{t}</li>\n" for t, h in items]
    return '<footer><ul class="colophon">\n' + "".join(out) + "</ul></footer>\n"


def _heads(rng: random.Random) -> list[str]:
    """A pool of <head> contents: inline style and script of 6-14 KB."""
    heads = []
    for k in range(24):
        rules = "".join(
            f".c{k}-{i} {{ margin: {i % 9}px; color: #{rng.getrandbits(24):06x}; }}\n"
            for i in range(rng.randint(80, 200))
        )
        script = "".join(
            f"var {rng.choice(WORDS)}{i} = {rng.getrandbits(20)}; /* {rng.choice(WORDS)} */\n"
            for i in range(rng.randint(60, 140))
        )
        heads.append(f"<style>\n{rules}</style>\n<script>\n{script}</script>\n")
    return heads


def _section(body: str, nums: tuple[int, ...], page: int) -> str:
    """One prose section: a heading, paragraphs and a per-page link."""
    lines = body.format(*nums).splitlines()
    paragraphs = "".join(f"<p>{escape(line)}</p>\n" for line in lines[1:])
    return (
        f"<section><h2>{escape(lines[0][:60])}</h2>\n{paragraphs}"
        f'<p>See also <a href="/items/{page}/{nums[0]}">item {nums[0]}</a>.</p></section>\n'
    )


def _table(rng: random.Random, page: int) -> str:
    """A per-page table of figures."""
    rows = "".join(
        f"<tr><td>{rng.choice(WORDS)}</td><td>{rng.getrandbits(16)}</td>"
        f"<td>{(page * 7 + r) % 1000}</td></tr>\n"
        for r in range(rng.randint(5, 25))
    )
    return f"<table>\n<tr><th>Item</th><th>Amount</th><th>Ref</th></tr>\n{rows}</table>\n"


def render_page(
    rng: random.Random, pools: dict[str, Any], page: int, drift: int | None
) -> tuple[str, str, str | None]:
    """(family, HTML text, drift kind or None) of one page."""
    family = "council" if rng.random() < 0.6 else "news"
    kind = None
    if family == "council":
        lines = list(BLOCK)
        if drift is not None:
            kind, at, new = DRIFTS[drift % len(DRIFTS)]
            lines[at : at + 1] = [] if new is None else [new]
        block = _menu(COUNCIL_MENU, "") + _contact(lines)
        tail = ""
    else:
        items = list(FOOTER)
        if drift is not None:
            kind, at, changed = FOOTER_DRIFTS[drift % len(FOOTER_DRIFTS)]
            items[at : at + 1] = [] if changed is None else [changed]
        block = _menu(NEWS_MENU, "/news")
        tail = _footer(items)
    target = rng.randint(30_000, 60_000)
    title = pools["titles"][page % len(pools["titles"])].format(page)
    parts = [
        f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n{rng.choice(pools['heads'])}</head>\n<body>\n",
        block,
        f"<main>\n<h1>{escape(title)}</h1>\n"
        f'<p class="date">Published {page % 28 + 1} May 2024</p>\n',
    ]
    size = sum(map(len, parts)) + len(tail) + 40
    while size < target:
        nums = tuple(rng.getrandbits(12) for _ in range(4))
        piece = _section(rng.choice(pools["bodies"]), nums, page)
        if rng.random() < 0.2:
            piece += _table(rng, page)
        parts.append(piece)
        size += len(piece)
    parts.append(f"</main>\n{tail}</body>\n</html>\n")
    return family, "".join(parts), kind


def make_html_site(n: int, out: Path, seed: int = 1, warc: int = 0) -> dict[str, Any]:
    """Write the site (or `warc` archives) under `out` and `out/truth.json`; return the truth."""
    rng = random.Random(seed)
    pools = {"bodies": build_bodies(rng), "titles": build_titles(rng), "heads": _heads(rng)}
    drifted = dict.fromkeys(rng.sample(range(n), max(1, round(n * DRIFT_RATE))))
    for page in drifted:
        drifted[page] = rng.randrange(1 << 16)
    writers = _Archives(out / "warc", warc, n) if warc else None
    truth: list[dict[str, str]] = []
    for page in range(n):
        family, html, kind = render_page(rng, pools, page, drifted.get(page))
        rel = f"{page // PER_FOLDER:03d}/{page:07d}.html"
        if writers:
            writers.add(page, f"{HOST}/{family}/{page:07d}.html", html.encode())
        else:
            path = out / "site" / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(html.encode())
        if kind:
            truth.append(
                {"path": f"{HOST}/{family}/{page:07d}.html" if warc else rel, "kind": kind}
            )
    if writers:
        writers.close()
    doc = {"n": n, "seed": seed, "warc": warc, "drifts": truth}
    (out / "truth.json").write_text(json.dumps(doc, indent=1) + "\n")
    return doc


class _Archives:
    """`count` gzipped WARC files taking the pages in turn, one response record each."""

    def __init__(self, folder: Path, count: int, n: int) -> None:
        from warcio.warcwriter import WARCWriter

        folder.mkdir(parents=True, exist_ok=True)
        self.per = (n + count - 1) // count
        self.files = [open(folder / f"part-{k:02d}.warc.gz", "wb") for k in range(count)]  # noqa: SIM115
        self.writers = [WARCWriter(f, gzip=True) for f in self.files]

    def add(self, page: int, uri: str, body: bytes) -> None:
        """One 200 text/html response record."""
        from warcio.statusandheaders import StatusAndHeaders

        writer = self.writers[page // self.per]
        http = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        date = f"2024-05-{page % 28 + 1:02d}T{page % 24:02d}:00:00Z"
        record = writer.create_warc_record(
            uri,
            "response",
            payload=io.BytesIO(body),
            http_headers=http,
            warc_headers_dict={"WARC-Date": date},
        )
        writer.write_record(record)

    def close(self) -> None:
        """Close every file."""
        for f in self.files:
            f.close()


def main() -> None:
    """Command line: N OUT [--seed S] [--warc K]."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--warc", type=int, default=0, help="write K .warc.gz files instead")
    args = parser.parse_args()
    began = time.perf_counter()
    doc = make_html_site(args.n, args.out, args.seed, args.warc)
    print(
        f"wrote {args.n} pages ({len(doc['drifts'])} drifted) to {args.out} "
        f"in {time.perf_counter() - began:.1f} s"
    )


if __name__ == "__main__":
    main()
