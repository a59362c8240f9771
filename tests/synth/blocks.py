"""Compose a site's boilerplate blocks from the language pools: specs, values and placement."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .pools_more import LANGUAGES

TLD = {"en": "org", "de": "de", "fr": "fr", "es": "es", "ru": "ru", "el": "gr"}
PHONE_CC = {"en": "44", "de": "49", "fr": "33", "es": "34", "ru": "7", "el": "30"}
DRIFTABLE_TEXT = ("num", "url", "url2", "text")


@dataclass
class Spec:
    """One template line: synonymous wordings sharing placeholder values."""

    kind: str
    variants: tuple[str, ...]
    values: dict[str, str] = field(default_factory=dict)
    choice: int = 0

    def render(self, choice: int | None = None, **over: str) -> str:
        """The line's text with the canonical (or given) wording and values."""
        pattern = self.variants[self.choice if choice is None else choice]
        return pattern.format_map({**self.values, **over})


@dataclass
class Site:
    """Everything shared by the pages of one page family."""

    lang: str
    pool: dict
    domain: str
    blocks: list[list[Spec]]
    optional: tuple[int, int, list[Spec]] | None = None
    content: list[tuple[int, int, Spec]] = field(default_factory=list)
    rel: tuple[int, int] | None = None

    def canonical(self) -> list[list[str]]:
        """The clean canonical text of every block slot."""
        return [[s.render() for s in block] for block in self.blocks]


def make_url(rng: random.Random, pool: dict, domain: str) -> str:
    """A URL with a path; some carry numbers inside, some point at a partner host."""
    scheme = rng.choice(["https", "https", "http"])
    host = domain if rng.random() < 0.7 else f"{rng.choice(pool['words'])}-{rng.randint(1, 99)}.net"
    sec, word = rng.choice(pool["sections"]), rng.choice(pool["words"])
    form = rng.randrange(4)
    if form == 0:
        path = f"/{sec}/{rng.randint(2015, 2025)}/{word}-{rng.randint(1, 99)}.pdf"
    elif form == 1:
        path = f"/{sec}/{word}/"
    elif form == 2:
        path = f"/{sec}.php?id={rng.randint(100, 9999)}"
    else:
        path = f"/{sec}/{word}-{rng.choice(pool['words'])}.html"
    return f"{scheme}://{host}{path}"


def make_values(rng: random.Random, pool: dict, lang: str, domain: str) -> dict[str, str]:
    """Fresh placeholder values for one spec."""
    bare = domain.removeprefix("www.")
    street, city = rng.choice(pool["street"]), rng.choice(pool["city"])
    num, zipc = rng.randint(1, 120), rng.randint(10000, 99999)
    addr = (
        f"{num} {street}, {zipc} {city}"
        if lang in ("en", "fr")
        else f"{street} {num}, {zipc} {city}"
    )
    digits = " ".join(str(rng.randint(100, 999)) for _ in range(3))
    return {
        "N": str(rng.randint(3, 40)),
        "M": str(rng.randint(2, 30)),
        "Y": str(rng.randint(2015, 2025)),
        "URL": make_url(rng, pool, domain),
        "URL2": make_url(rng, pool, domain),
        "MAIL": f"{rng.choice(pool['words'])}.{rng.choice(pool['sections'])}@{bare}",
        "NAME": f"{rng.choice(pool['first'])} {rng.choice(pool['last'])}",
        "PHONE": f"+{PHONE_CC[lang]} {digits}",
        "ADDR": addr,
        "ORG": rng.choice(pool["org"]),
        "HOURS": rng.choice(pool["hours"]),
    }


def _key_specs(pool: dict) -> list[tuple[str, str]]:
    keys = pool["keys"]
    return [
        ("name", f"{keys['chair']}: {{NAME}}"),
        ("name", f"{keys['sec']}: {{NAME}}"),
        ("phone", f"{keys['phone']}: {{PHONE}}"),
        ("phone", f"{keys['fax']}: {{PHONE}}"),
        ("mail", f"{keys['mail']}: {{MAIL}}"),
        ("addr", f"{keys['addr']}: {{ADDR}}"),
        ("web", f"{keys['web']}: {{URL}}"),
        ("hours", f"{keys['hours']}: {{HOURS}}"),
    ]


def all_specs(rng: random.Random, site: Site) -> dict[str, list[Spec]]:
    """Every candidate line for the site's blocks, by family of line, shuffled."""
    pool, lang = site.pool, site.lang

    def spec(kind: str, variants: list[str]) -> Spec:
        choice = rng.randrange(len(variants))
        return Spec(kind, tuple(variants), make_values(rng, pool, lang, site.domain), choice)

    out = {
        "key": [spec(k, [v]) for k, v in _key_specs(pool)],
        "num": [spec("num", v) for v in pool["num"]],
        "url": [spec("url2" if "{URL2}" in v[0] else "url", v) for v in pool["url"]],
        "text": [spec("text", v) for v in pool["text"]],
        "menu": [spec("menu", v) for v in pool["menu"]],
    }
    for specs in out.values():
        rng.shuffle(specs)
    return out


def _take(cands: dict[str, list[Spec]], group: str, n: int) -> list[Spec]:
    got, cands[group] = cands[group][:n], cands[group][n:]
    return got


def compose_blocks(rng: random.Random, site: Site, placement: str) -> list[list[Spec]]:
    """One block (or a header and a footer block for `both`), 6-20 lines each."""
    c = all_specs(rng, site)
    copy = Spec("copy", (site.pool["copy"],), make_values(rng, site.pool, site.lang, site.domain))
    # the chair/secretary lines carry a name value; make sure one is there
    c["key"].sort(key=lambda s: s.kind != "name")
    if placement == "both":
        head = _take(c, "menu", rng.randint(4, 6)) + _take(c, "text", 1) + _take(c, "key", 1)
        head = head[: rng.randint(6, len(head))]
        rng.shuffle(head)
        foot = _take(c, "key", 2) + _take(c, "num", 1) + _take(c, "url", 1) + _take(c, "text", 1)
        rest = c["key"] + c["num"] + c["url"] + c["text"]
        rng.shuffle(rest)
        foot += rest[: rng.randint(1, 6)]
        rng.shuffle(foot)
        return [head, foot + [copy]]
    core = _take(c, "key", 1) + _take(c, "num", 1) + _take(c, "url", 1) + _take(c, "text", 2)
    rest = [s for group in c.values() for s in group]
    rng.shuffle(rest)
    block = core + rest[: rng.randint(0, 14)]
    rng.shuffle(block)
    if rng.random() < 0.7 or site.lang == "en":
        block.append(copy)
    return [block]


def build_site(
    rng: random.Random,
    lang: str,
    placement: str,
    *,
    optional: bool,
    per_page: bool,
    relative: bool,
    wrap: int,
) -> Site:
    """A page family: its domain, blocks, optional box, per-page lines and relative link."""
    pool = LANGUAGES[lang]
    words = rng.sample(pool["words"], 2)
    site = Site(lang, pool, f"www.{words[0]}-{words[1]}{rng.randint(1, 99)}.{TLD[lang]}", [])
    site.blocks = compose_blocks(rng, site, placement)
    vals = make_values(rng, pool, lang, site.domain)
    if optional:
        b = rng.randrange(len(site.blocks))
        box = [Spec("box", (t,), vals) for t in pool["box"][: rng.randint(2, 3)]]
        site.optional = (b, rng.randint(1, len(site.blocks[b]) - 1), box)
    if per_page:
        kinds = ["share"] if wrap else rng.sample(["share", "updated"], rng.randint(1, 2))
        for kind in kinds:
            b = rng.randrange(len(site.blocks))
            spec = Spec(kind, (pool[kind],), dict(vals))
            site.content.append((b, rng.randint(1, len(site.blocks[b]) - 1), spec))
    if relative:
        b = rng.randrange(len(site.blocks))
        label = pool["menu"][5][0]
        site.blocks[b].insert(
            rng.randint(1, len(site.blocks[b]) - 1),
            Spec("rel", (label + ": {REL}students.html",), {"REL": ""}),
        )
    return site
