"""Fast, seeded generator of one large site of page snapshots with known boilerplate drift.

    python bench/make_site.py N OUT [--seed S]

writes `OUT/site/000/0000000.txt ...` (at most 10,000 files per subfolder; check it with
`--group-by none` so that it stays ONE site) and the truth `OUT/truth.json`, beside the
site folder: every injected drift as `{"path", "line", "kind"}`, paths relative to `OUT/site`.

Every page: a 13-line contact/roster block (`Key: value` lines, numbers, URLs, an e-mail),
then a title, a date and 10-40 lines of prose. Bodies come from a small pool of pre-built
format strings filled with per-page numbers, so that 1,000,000 files take minutes, not hours.
About 1% of pages carry exactly one drift in the block.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

PER_FOLDER = 10_000
BODY_POOL = 1024
DRIFT_RATE = 0.01

BLOCK: tuple[str, ...] = (
    "Northfield Regional Council - Contact and Roster",
    "Office: 14 Harbour Street, Northfield NF2 3QA",
    "Phone: +44 1632 960418",
    "E-mail: enquiries@northfield-council.example.org",
    "Website: https://www.northfield-council.example.org/",
    "Press office: https://press.northfield-council.example.org/contact",
    "Members: 42 councillors in 7 wards",
    "Chair: Margaret Okonkwo",
    "Clerk to the Council: Daniel Reyes",
    "Opening hours: Monday to Friday, 9:00 to 17:00",
    "Staff: 312 full-time employees",
    "All enquiries are answered within two working days.",
    "Minutes of every meeting are published at https://www.northfield-council.example.org/minutes",
)
"""The site's boilerplate block, top of every page."""

# (kind, block index, replacement line or None for a removed line)
DRIFTS: tuple[tuple[str, int, str | None], ...] = (
    ("number-changed", 2, "Phone: +44 1632 960481"),
    ("number-changed", 6, "Members: 43 councillors in 7 wards"),
    ("number-changed", 10, "Staff: 298 full-time employees"),
    ("url-missing", 4, "Website:"),
    ("url-missing", 5, "Press office:"),
    ("url-missing", 12, "Minutes of every meeting are published online"),
    ("text-changed", 0, "Northfield Regional Council - Contacts and Members"),
    ("text-changed", 11, "We try to answer all enquiries within two working days."),
    ("value-changed", 7, "Chair: Priya Natarajan"),
    ("value-changed", 8, "Clerk to the Council: Tomasz Wilk"),
    ("url-changed", 3, "E-mail: contact@northfield-council.example.org"),  # an address is a link
    ("line-missing", 9, None),
    ("line-missing", 3, None),
    ("line-missing", 7, None),
)

WORDS: list[str] = " ".join(
    (
        "council budget harbour road school library park housing planning transport bus route",
        "committee meeting residents survey grant funding repair bridge flood defence recycling",
        "waste parking permit license market festival museum swimming pool sports centre youth",
        "club care home health clinic footpath cycle lane street lighting tree planting allotment",
        "consultation report proposal decision appeal contract tender works schedule",
    )
).split()
VERBS = (
    "approved",
    "discussed",
    "postponed",
    "reviewed",
    "announced",
    "extended",
    "funded",
    "rejected",
    "welcomed",
    "opened",
    "closed",
    "updated",
    "published",
    "delayed",
)
PEOPLE = (
    "Councillor Hughes",
    "Councillor Patel",
    "the planning officer",
    "local residents",
    "the mayor",
    "Councillor Brennan",
    "the finance team",
    "the youth forum",
)


def _sentence(rng: random.Random, slot: int) -> str:
    """One prose line with a per-page number placeholder `{slot}` in it."""
    w = rng.sample(WORDS, 6)
    who, verb = rng.choice(PEOPLE), rng.choice(VERBS)
    who_ = who[0].upper() + who[1:]
    forms = (
        f"The {w[0]} {w[1]} was {verb} by {who} after {{{slot}}} comments on the {w[2]} {w[3]}.",
        f"{who_} {verb} the {w[0]} {w[1]} plan, costing {{{slot}}} thousand pounds "
        f"for the {w[2]} and {w[3]}.",
        f"About {{{slot}}} people attended the session on {w[0]} {w[1]}, {w[2]} and {w[3]} "
        f"near the {w[4]} {w[5]}.",
        f"Work on the {w[0]} {w[1]} will take {{{slot}}} weeks; the {w[2]} {w[3]} stays open.",
        f"In the {w[0]} {w[1]} survey, {{{slot}}} per cent asked for better {w[2]} {w[3]} "
        f"and a new {w[4]} {w[5]}.",
    )
    return rng.choice(forms)


def build_bodies(rng: random.Random) -> list[str]:
    """The pool of body format strings: a long lead line then 10-40 prose lines each.

    Placeholders {0}..{3} take per-page numbers, so that no two pages' bodies are alike.
    """
    bodies = []
    for _ in range(BODY_POOL):
        lead = " ".join(_sentence(rng, k) for k in range(4))
        count = rng.randint(10, 40)
        lines = [lead] + [_sentence(rng, k % 4) for k in range(count)]
        bodies.append("\n".join(lines) + "\n")
    return bodies


def build_titles(rng: random.Random) -> list[str]:
    """Title format strings with a page number placeholder `{0}`."""
    return [
        f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} {rng.choice(VERBS)} (item {{0}})"
        for _ in range(256)
    ]


def choose_drifts(rng: random.Random, n: int) -> dict[int, int]:
    """Page index -> index into DRIFTS for about 1% of the pages (at least one)."""
    count = max(1, round(n * DRIFT_RATE))
    pages = rng.sample(range(n), min(count, n))
    return {p: rng.randrange(len(DRIFTS)) for p in pages}


def rel_path(i: int) -> str:
    """Relative path of page `i` under the site folder."""
    return f"{i // PER_FOLDER:03d}/{i:07d}.txt"


def drifted_block(index: int) -> tuple[str, int, str]:
    """(block text, 1-based line of the drift, kind) for the drift DRIFTS[index]."""
    kind, at, new = DRIFTS[index]
    lines = list(BLOCK)
    if new is None:
        del lines[at]
    else:
        lines[at] = new
    return "\n".join(lines) + "\n", at + 1, kind


def make_site(n: int, out: Path, seed: int = 1) -> dict[str, Any]:
    """Write `out/site` with `n` pages and `out/truth.json`; return the truth document."""
    rng = random.Random(seed)
    bodies, titles = build_bodies(rng), build_titles(rng)
    drifts = choose_drifts(rng, n)
    site = out / "site"
    for folder in range((n + PER_FOLDER - 1) // PER_FOLDER):
        (site / f"{folder:03d}").mkdir(parents=True, exist_ok=True)
    clean = ("\n".join(BLOCK) + "\n").encode()
    variants = [drifted_block(k) for k in range(len(DRIFTS))]
    start = date(2015, 1, 1)
    days = [(start + timedelta(days=d)).strftime("%d %B %Y") for d in range(2048)]
    root = str(site)
    truth: list[dict[str, Any]] = []
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    pick = rng.getrandbits
    for i in range(n):
        bits = pick(64)
        nums = (bits & 0x3FF, (bits >> 10) & 0x7F, (bits >> 17) & 0xFFF, (bits >> 29) & 0x3F)
        body = bodies[(bits >> 35) & (BODY_POOL - 1)].format(*nums)
        head = f"{titles[(bits >> 45) & 255].format(i)}\n{days[bits >> 53]}\n"
        rel = rel_path(i)
        if i in drifts:
            text, line, kind = variants[drifts[i]]
            block = text.encode()
            truth.append({"path": rel, "line": line, "kind": kind})
        else:
            block = clean
        fd = os.open(f"{root}/{rel}", flags, 0o644)
        try:
            os.write(fd, block + (head + body).encode())
        finally:
            os.close(fd)
    doc = {"n": n, "seed": seed, "site": "site", "drifts": truth}
    (out / "truth.json").write_text(json.dumps(doc, indent=1) + "\n")
    return doc


def main() -> None:
    """Command line: N OUT [--seed S]."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of snapshots")
    parser.add_argument("out", type=Path, help="folder to hold site/ and truth.json")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    began = time.perf_counter()
    doc = make_site(args.n, args.out, args.seed)
    took = time.perf_counter() - began
    print(
        f"wrote {args.n} snapshots ({len(doc['drifts'])} drifted) to {args.out / 'site'} "
        f"in {took:.1f} s; truth in {args.out / 'truth.json'}"
    )


if __name__ == "__main__":
    main()
