"""gen2: an independent generator of synthetic snapshot sites with injected boilerplate drift.

Written without reading the detector (see tests/gen2/README.md). One seed gives one site; everything
is drawn from random.Random(seed).

    python tests/gen2/generate.py OUT --seeds 100-159

writes OUT/<seed>/site/ (the drifted site), OUT/<seed>/clean/ (its drift-free copy) and
OUT/<seed>/truth.json.

A site is modelled as pages made of *items* (logical lines). Items have a role:

    block   a line of the shared boilerplate block (has a slot name)
    page    a per-page line inside or next to the block (breadcrumb, dates, share line, title)
    body    the page's own text
    blank   an empty line (text format only)
    markup  an HTML-only line (<nav>, <ul>, </footer> ...)

Drifts are planned on the model as operations on items; the clean copy is written from the same
items without the operations, so every byte of noise is shared by both copies.
"""

from __future__ import annotations

import argparse
import copy
import gzip
import html
import json
import pathlib
import random
import re
import shutil
import sys
import textwrap
import unicodedata

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from phrases import LANGS  # noqa: E402

KINDS = [
    "number-changed",
    "url-changed",
    "url-missing",
    "url-added",
    "value-changed",
    "text-changed",
    "line-missing",
    "line-added",
    "line-moved",
    "block-missing",
    "template-stale",
]

LINK = re.compile(r"(!?)\[([^\]]*)\]\(([^)\s]*)\)")
PROTECT = re.compile(r"\]\([^)]*\)|https?://\S+|[\w.+-]+@[\w.-]+")
KEYLINE = re.compile(r"^\s*([^:：\[\]()|]{1,40}?)\s*([:：])\s*(\S.*)$")
NUM = re.compile(r"\d+")
COLON = {"fr": " : ", "zh": "："}
STRAY = "\ue000"  # written as the single byte 0xA9 (Latin-1 "©") in a script comment


# ----------------------------------------------------------------------------------------------
# small text helpers


def outside_urls(s: str) -> list[tuple[int, int]]:
    """Spans of s that are not link targets, bare URLs or e-mail addresses."""
    spans, pos = [], 0
    for m in PROTECT.finditer(s):
        start = m.start() + (1 if m.group().startswith("](") else 0)
        spans.append((pos, start))
        pos = m.end()
    spans.append((pos, len(s)))
    return [(a, b) for a, b in spans if b > a]


def map_outside(s: str, fn) -> str:
    out, pos = [], 0
    for a, b in outside_urls(s):
        out.append(s[pos:a])
        out.append(fn(s[a:b]))
        pos = b
    out.append(s[pos:])
    return "".join(out)


def numbers_outside(s: str) -> list[tuple[int, int]]:
    res = []
    for a, b in outside_urls(s):
        for m in NUM.finditer(s, a, b):
            res.append((m.start(), m.end()))
    return res


def is_key(s: str) -> bool:
    t = s.strip()
    return bool(KEYLINE.match(t)) and not t.startswith(("*", "[", "!", "#"))


def has_letters(s: str) -> bool:
    return any(ch.isalpha() for ch in s)


def link_only(s: str) -> bool:
    return bool(re.fullmatch(r"\s*(\* )?!?\[[^\]]*\]\([^)]*\)\s*", s))


# ----------------------------------------------------------------------------------------------
# noise


def noise_applicable(s: str, style: str) -> list[str]:
    opts = ["trail"]
    s = s[re.match(r"\s*(\* |#+ )?", s).end() :]
    plain = "".join(s[a:b] for a, b in outside_urls(s))
    if re.search(r"(?<=\S) (?=\S)", plain):
        opts += ["nbsp", "tab"]
    if unicodedata.normalize("NFD", plain) != plain:
        opts.append("nfd")
    if "'" in plain or '"' in plain:
        opts.append("smart")
    return opts


def apply_noise(s: str, noise: list[str]) -> str:
    """Formatting noise on the text after any list or heading marker (kept with its plain space)."""
    m = re.match(r"\s*(\* |#+ )?", s)
    prefix, s = s[: m.end()], s[m.end() :]
    for n in noise:
        if n == "nbsp":
            s = map_outside(s, lambda t: re.sub(r"(?<=\S) (?=\S)", "\u00a0", t, count=1))
        elif n == "tab":
            s = map_outside(s, lambda t: re.sub(r"(?<=\S) (?=\S)", "\t", t, count=1))
        elif n == "nfd":
            s = map_outside(s, lambda t: unicodedata.normalize("NFD", t))
        elif n == "smart":
            s = map_outside(
                s, lambda t: re.sub(r'"([^"]*)"', "\u201c\\1\u201d", t).replace("'", "\u2019")
            )
    return prefix + s


# ----------------------------------------------------------------------------------------------
# rendering


def wrap_txt(s: str, width: int | None, style: str) -> list[str]:
    if not width or len(s) <= width or style in ("list", "row", "sep", "img") or link_only(s):
        return [s]
    lines = textwrap.wrap(
        s,
        width,
        break_long_words=False,
        break_on_hyphens=False,
        expand_tabs=False,
        replace_whitespace=False,
        subsequent_indent="    " if style == "list" else "",
    )
    return lines or [s]


def inline_html(s: str) -> str:
    out, pos = [], 0
    for m in LINK.finditer(s):
        out.append(html.escape(s[pos : m.start()], quote=False))
        bang, label, url = m.groups()
        if bang:
            out.append(f'<img src="{html.escape(url)}" alt="{html.escape(label)}">')
        else:
            out.append(f'<a href="{html.escape(url)}">{html.escape(label, quote=False)}</a>')
        pos = m.end()
    out.append(html.escape(s[pos:], quote=False))
    return "".join(out)


def to_html(s: str, style: str, ent: bool) -> str:
    if style == "list":
        inner, tag = inline_html(re.sub(r"^\s*\* ", "", s)), "li"
    elif style == "h":
        level = len(s) - len(s.lstrip("#"))
        inner, tag = inline_html(s.lstrip("#").strip()), f"h{max(1, level)}"
    elif style == "row":
        cells = [c.strip() for c in s.strip().strip("|").split("|")]
        return "<tr>" + "".join(f"<td>{html.escape(c, quote=False)}</td>" for c in cells) + "</tr>"
    else:
        inner, tag = inline_html(s), "p"
    if ent:
        inner = inner.replace("\u00a0", "&nbsp;").replace("\u2019", "&rsquo;")
    attr = ' class="sep"' if style == "sep" else ""
    return f"<{tag}{attr}>{inner}</{tag}>"


def render(page: dict, items: list[dict], site: dict) -> tuple[str, dict]:
    """Returns the file text and {item id: (first line, last line)}; markers get (line, line-1)."""
    out: list[str] = []
    pos: dict[int, tuple[int, int]] = {}
    is_html = site["fmt"] == "html"
    for it in items:
        role = it["role"]
        if role == "marker":
            pos[it["id"]] = (len(out) + 1, len(out))
            continue
        if role == "markup":
            if is_html:
                pos[it["id"]] = (len(out) + 1, len(out) + 1)
                out.append(it["html"])
            continue
        if role == "blank":
            if not is_html:
                pos[it["id"]] = (len(out) + 1, len(out) + 1)
                out.append("")
            continue
        s = apply_noise(it["tpl"].replace("{up}", page["up"]), it.get("noise", []))
        if is_html:
            el = to_html(s, it["style"], it.get("ent", False))
            phys = [page["indent"] + el]
            if (
                site["srcwrap"]
                and it["style"] == "p"
                and "<a " not in el
                and len(phys[0]) > site["srcwrap"]
            ):
                cut = phys[0].rfind(" ", 0, site["srcwrap"])
                if cut > len(page["indent"]) + 4:
                    phys = [phys[0][:cut], page["indent"] + page["indent"] + phys[0][cut + 1 :]]
        else:
            phys = wrap_txt(s, site["wrap"], it["style"])
        if "trail" in it.get("noise", []):
            phys[-1] += it.get("trail_str", "  ")
        pos[it["id"]] = (len(out) + 1, len(out) + len(phys))
        out.extend(phys)
    nl = "\r\n" if page["crlf"] else "\n"
    text = nl.join(out) + nl
    if page["bom"]:
        text = "\ufeff" + text
    return text, pos


# ----------------------------------------------------------------------------------------------
# the site model


def person(rng: random.Random, L: dict) -> str:
    if L is LANGS["zh"]:
        return (
            rng.choice(L["last"])
            + rng.choice(L["first"])
            + rng.choice(["", rng.choice(L["first"])])
        )
    name = f"{rng.choice(L['first'])} {rng.choice(L['last'])}"
    return f"{L['honor']} {name}".strip()


def make_family(rng: random.Random, lang: str, site: dict, fam: int, shared: dict | None) -> dict:
    """The boilerplate of one language family: a menu part and a contact part, as entry lists."""
    L = LANGS[lang]
    col = COLON.get(lang, ": ")
    city = site["city"][lang]
    org = site["org_tpl"][lang].format(c=city)
    y = site["year"]
    host = site["host"]
    menu_n = rng.randint(4, 8)
    menu = L["menu"][:1] + rng.sample(L["menu"][1:8], menu_n - 1)
    menu_part: list[tuple] = [("M", "<header>")]
    if rng.random() < 0.4:
        menu_part.append(("B", "logo", f"![{L['logo']}]({{up}}img/logo.png)", "img"))
    menu_part.append(("B", "org", org, "p"))
    if rng.random() < 0.6:
        menu_part.append(
            ("B", "sent", L["sentence"].format(org=org, n=site["nmembers"], m=site["ncomm"]), "p")
        )
    menu_part += [("BLANK",), ("M", "<nav>"), ("M", "<ul>")]
    for i, (label, path) in enumerate(menu):
        menu_part.append(("B", f"menu{i}", f"  * [{label}]({{up}}{path})", "list"))
    menu_part += [("M", "</ul>"), ("M", "</nav>")]
    if rng.random() < 0.5:
        menu_part.append(("B", "back", L["back"], "p"))
    if rng.random() < 0.35:
        menu_part.append(("B", "sep1", "* * *", "sep"))
    if site["crumbs"]:
        menu_part.append(("P", "crumb"))
    # page-type sections (profile / list pages)
    menu_part.append(
        (
            "T",
            "list",
            [
                ("B", "t_sort", L["sort"], "p"),
                ("B", "t_dl", f"  * [{L['download']}]({{up}}members/list.csv)", "list"),
            ],
        )
    )
    menu_part.append(
        (
            "T",
            "profile",
            [
                ("B", "t_back", f"  * [{L['backlist']}]({{up}}members/index.html)", "list"),
                ("B", "t_checked", L["checked"].format(n=rng.randint(2, 6)), "p"),
            ],
        )
    )
    menu_part += [("M", "</header>"), ("BLANK",)]

    contact: list[tuple] = [("BLANK",), ("M", "<footer>")]
    if rng.random() < 0.4:
        contact.append(("B", "sep2", "* * *", "sep"))
    contact.append(
        (
            "OPT",
            [
                ("B", "help0", L["help"][0], "p"),
                ("B", "help1", L["help"][1].format(n=rng.randint(2, 9)), "p"),
            ],
        )
    )
    if shared is None:
        lines = []
        if rng.random() < 0.7:
            lines.append(("B", "chair", f"{L['chair']}{col}{person(rng, L)}", "p"))
        if rng.random() < 0.6:
            lines.append(("B", "clerk", f"{L['clerk']}{col}{person(rng, L)}", "p"))
        lines.append(("B", "phone", f"{L['phone']}{col}{site['phone']}", "p"))
        if rng.random() < 0.7:
            lines.append(("B", "email", f"{L['email']}{col}office@{host}", "p"))
        if rng.random() < 0.6:
            lines.append(("B", "address", L["address"].format(city=city), "p"))
        if rng.random() < 0.5:
            lines.append(("B", "hours", L["hours"], "p"))
        contact += lines
    else:
        order = shared["orders"][fam]
        contact.append(("B", "chair", f"{L['chair']}{col}{shared['chair'][lang]}", "p"))
        for key in order:
            contact.append(("B", "sh_" + key, shared[key], "p"))
    if rng.random() < 0.6:
        contact.append(
            (
                "B",
                "report",
                f"[{L['report'].format(y=y)}](https://{host}/reports/{y}/annual-report.pdf)",
                "p",
            )
        )
    pp = [k for k in ("share", "permalink", "updated") if rng.random() < 0.5]
    contact += [("P", k) for k in pp]
    if shared is None:
        contact.append(("B", "copy", L["copyright"].format(y=y, org=org), "p"))
    contact += [("M", "</footer>")]
    sidebar = [("BLANK",), ("M", "<aside>"), ("B", "side_h", L["sidebar"], "h"), ("M", "<ul>")]
    for i, (label, path) in enumerate(L["extra_menu"][:2] + [L["menu"][8]]):
        sidebar.append(("B", f"side{i}", f"  * [{label}]({{up}}{path})", "list"))
    sidebar += [("M", "</ul>"), ("M", "</aside>"), ("BLANK",)]
    return dict(
        lang=lang,
        L=L,
        org=org,
        menu=menu_part,
        contact=contact,
        sidebar=sidebar,
        fam=fam,
        old_menu=L["old_menu"],
    )


def page_blocks(site: dict, famd: dict) -> list[tuple[str, list]]:
    """[(where, entries)] in page order; where is 'pre' (before the body), 'mid' or 'post'."""
    menu = famd["menu"]
    contact = famd["contact"]
    pl = site["placement"]

    def strip(e):
        outer = ("<header>", "</header>", "<footer>", "</footer>")
        return [x for x in e if not (x[0] == "M" and x[1] in outer)]

    if pl == "top":
        return [
            (
                "pre",
                [("M", "<header>")]
                + strip(menu)
                + strip(contact)
                + [("M", "</header>"), ("BLANK",)],
            )
        ]
    if pl == "bottom":
        return [
            (
                "post",
                [("BLANK",), ("M", "<footer>")]
                + strip(contact)
                + strip(menu)
                + [("M", "</footer>")],
            )
        ]
    if pl == "after_header":
        return [
            (
                "pre",
                [("M", "<header>")]
                + strip(menu)
                + strip(contact)
                + [("M", "</header>"), ("BLANK",)],
            )
        ]
    if pl == "both":
        return [("pre", menu), ("post", contact)]
    return [("pre", menu), ("mid", famd["sidebar"]), ("post", contact)]


def make_body(rng: random.Random, site: dict, page: dict, famd: dict) -> list[tuple]:
    """Body entries: (role, text, style) or ('M', html)."""
    L = famd["L"]
    col = COLON.get(famd["lang"], ": ")
    out: list[tuple] = []
    for _ in range(rng.randint(2, 6)):
        sent = " ".join(
            rng.choice(L["body"]).format(
                w=rng.choice(L["topics"]), n=rng.randint(2, 40), d=rng.randint(1, 28)
            )
            for _ in range(rng.randint(1, 3))
        )
        out.append(("body", sent, "p"))
        if rng.random() < 0.5:
            out.append(("BLANK",))
    if page["type"] == "profile":
        rec = [
            ("page", f"{L['party']}{col}{page['party']}", "p"),
            ("page", f"{L['constituency']}{col}{rng.choice(L['towns'])} {rng.randint(1, 9)}", "p"),
            ("page", f"{L['mtype']}{col}{page['mtype']}", "p"),
            ("page", f"{L['phone']}{col}{site['phone'][:-4]}{1000 + page['index']}", "p"),
        ]
        out = rec + [("BLANK",)] + out
    if page["type"] == "list":
        names = [("M", "<ul>")]
        for _ in range(rng.randint(3, 8)):
            names.append(
                (
                    "body",
                    f"  * [{person(rng, L)}]({{up}}members/m{rng.randint(100, 999)}.html)",
                    "list",
                )
            )
        names.append(("M", "</ul>"))
        out = [("body", L["name_list"], "p")] + names + [("BLANK",)] + out
    # decoy: the block's number sentence quoted with other numbers
    if site["decoys"] and rng.random() < 0.35:
        decoy = L["sentence"].format(
            org=famd["org"],
            n=site["nmembers"] + rng.randint(1, 9),
            m=site["ncomm"] + rng.randint(1, 3),
        )
        out.insert(rng.randint(1, len(out)), ("body", decoy, "p"))
    if rng.random() < 0.3:
        out.insert(rng.randint(1, len(out)), ("body", "* * *", "sep"))
    if rng.random() < 0.25:
        out.insert(
            rng.randint(1, len(out)),
            ("body", rng.choice(["[", "---", "|", "...", "(…)", "—", "* * *"]), "p"),
        )
    if site["table"] and rng.random() < 0.4:
        rows = (
            [("M", "<table>")] + [("body", r, "row") for r in site["table"]] + [("M", "</table>")]
        )
        at = rng.randint(1, len(out))
        out[at:at] = rows
    return out


def expand(rng: random.Random, site: dict, page: dict, famd: dict) -> list[dict]:
    """The page's items (clean), with noise decided here so both copies share it."""
    L = famd["L"]
    items: list[dict] = []
    is_html = site["fmt"] == "html"

    def add(role, tpl=None, style="p", **kw):
        it = dict(id=len(items), role=role, tpl=tpl, style=style, **kw)
        if role in ("block", "page", "body") and tpl is not None:
            if rng.random() < site["noise_p"]:
                it["noise"] = [rng.choice(noise_applicable(tpl, style))]
                it["trail_str"] = rng.choice(["  ", " ", "\t", "   "])
            if is_html and rng.random() < 0.5:
                it["ent"] = True
        items.append(it)
        return it

    def per_page(kind, blk):
        path, title = page["path"], page["title"]
        col = COLON.get(famd["lang"], ": ")
        if kind == "crumb":
            parts = [x.capitalize() for x in page["folder"].split("/") if x]
            if site["crumb_style"] == "line" or not parts:
                add(
                    "page",
                    f"{L['crumb']}{col}" + " > ".join([L["home"]] + parts + [title]),
                    "p",
                    blk=blk,
                )
            else:  # one line per level: 2 or 3 lines, by the page's depth
                add("page", f"{L['crumb']}{col}{L['home']} > {parts[0]}", "p", blk=blk)
                for x in parts[1:] + [title]:
                    add("page", f"> {x}", "p", blk=blk)
        elif kind == "updated":
            add("page", f"{L['updated']}{col}{page['date']}", "p", blk=blk)
        elif kind == "share":
            add(
                "page",
                f"{L['print']} | {L['share']}{col}https://{site['host']}/{path} | {L['top']}",
                "p",
                blk=blk,
            )
        elif kind == "permalink":
            add("page", f"{L['permalink']}{col}https://{site['host']}/{path}", "p", blk=blk)

    def entries(ents, blk, fam):
        for e in ents:
            if e[0] == "M":
                add("markup", html=e[1], blk=blk)
            elif e[0] == "BLANK":
                add("blank", blk=blk)
            elif e[0] == "B":
                add("block", e[2], e[3], slot=f"F{fam}.b{blk}.{e[1]}", blk=blk)
            elif e[0] == "P":
                per_page(e[1], blk)
            elif e[0] == "OPT":
                if page["help"]:
                    for x in e[1]:
                        add("block", x[2], x[3], slot=f"F{fam}.b{blk}.{x[1]}", blk=blk, opt=True)
            elif e[0] == "T" and page["type"] == e[1]:
                for x in e[2]:
                    add("block", x[2], x[3], slot=f"F{fam}.b{blk}.{x[1]}", blk=blk, section=e[1])

    if is_html:
        add("markup", html="<!DOCTYPE html>")
        add("markup", html=f'<html lang="{famd["lang"]}">')
        add("markup", html="<head>")
        add("markup", html='<meta charset="utf-8">')
        if site["script_byte"] and rng.random() < 0.3:
            add("markup", html=f"<script>/* slider helper {STRAY} some vendor */</script>")
            page["stray"] = True
        add(
            "markup",
            html=f"<title>{html.escape(page['title'], quote=False)} | "
            f"{html.escape(famd['org'], quote=False)}</title>",
        )
        add("markup", html="</head>")
        add("markup", html="<body>")
    blocks = page_blocks(site, famd)
    fam = famd["fam"]
    title_items = [("page", f"# {page['title']}", "h")]
    if site["placement"] == "after_header":
        add("page", f"# {page['title']}", "h")
        col = COLON.get(famd["lang"], ": ")
        add("page", f"{L['updated']}{col}{page['date']}", "p")
        add("blank")
        title_items = []
    body = make_body(rng, site, page, famd)
    for where, ents in blocks:
        if where == "pre":
            entries(ents, blocks.index((where, ents)), fam)
    add("markup", html="<main>")
    for role, text, style in title_items:
        add(role, text, style)
    if title_items:
        add("blank")
    half = len(body) // 2
    mid = [b for b in blocks if b[0] == "mid"]
    for k, b in enumerate(body):
        if mid and k == half:
            add("markup", html="</main>")
            entries(mid[0][1], blocks.index(mid[0]), fam)
            add("markup", html="<main>")
        if b[0] == "M":
            add("markup", html=b[1])
        elif b[0] == "BLANK":
            add("blank")
        else:
            add(b[0], b[1], b[2])
    add("markup", html="</main>")
    for where, ents in blocks:
        if where == "post":
            entries(ents, blocks.index((where, ents)), fam)
    if is_html:
        add("markup", html="</body>")
        add("markup", html="</html>")
    # collapse doubled blank lines (a converter writes at most one)
    clean: list[dict] = []
    for it in items:
        if it["role"] == "blank" and clean and clean[-1]["role"] == "blank":
            continue
        clean.append(it)
    while clean and clean[0]["role"] == "blank":
        clean.pop(0)
    while clean and clean[-1]["role"] == "blank":
        clean.pop()
    return clean


def make_site(seed: int) -> dict:
    rng = random.Random(seed)
    fmt = rng.choice(["txt", "txt", "md", "html", "html"])
    langs = list(LANGS)
    lang_a = rng.choice(langs)
    two = rng.random() < 0.3
    lang_b = rng.choice([x for x in langs if x != lang_a]) if two else None
    n_pages = rng.randint(6, 60)
    if two:
        n_pages = max(n_pages, 10)
    city_i = rng.randrange(5)
    org_i = rng.randrange(5)
    site: dict = dict(
        seed=seed,
        fmt="html" if fmt == "html" else "txt",
        ext={"txt": ".txt", "md": ".md", "html": ".html"}[fmt],
        langs=[lang_a] + ([lang_b] if lang_b else []),
        n_pages=n_pages,
    )
    site["city"] = {lg: LANGS[lg]["cities"][city_i][0] for lg in langs}
    site["org_tpl"] = {lg: LANGS[lg]["orgs"][org_i] for lg in langs}
    site["host"] = LANGS[lang_a]["cities"][city_i][1] + rng.choice(
        [".example.org", ".example.net", "-online.example"]
    )
    site["year"] = rng.choice([2022, 2023, 2024, 2025])
    site["phone"] = (
        f"+{rng.choice([1, 30, 33, 49, 7, 86])} {rng.randint(20, 99)} "
        f"{rng.randint(100, 999)} {rng.randint(1000, 9999)}"
    )
    site["nmembers"] = rng.randint(9, 120)
    site["ncomm"] = rng.randint(3, 15)
    site["placement"] = rng.choice(["top", "bottom", "after_header", "both", "several"])
    site["wrap"] = rng.choice([None, None, 72, 76, 78, 80]) if site["fmt"] == "txt" else None
    site["srcwrap"] = rng.choice([None, 90, 110]) if site["fmt"] == "html" else None
    site["crumbs"] = rng.random() < 0.6
    site["crumb_style"] = rng.choice(["line", "line", "stack"])
    site["decoys"] = rng.random() < 0.6
    site["noise_p"] = rng.choice([0.03, 0.08, 0.15])
    # some HTML sites carry a Latin-1 byte inside a script comment on some pages (never shown)
    site["script_byte"] = site["fmt"] == "html" and rng.random() < 0.4
    site["table"] = (
        [
            f"| {y} | {rng.randint(1, 40)} | {rng.randint(1, 9)} |"
            for y in range(2019, 2019 + rng.randint(2, 4))
        ]
        if two and rng.random() < 0.7
        else None
    )
    site["has_types"] = (not two) and rng.random() < 0.5 and n_pages >= 10
    shared = None
    if two:
        shared = dict(
            phone_line=f"Tel. {site['phone']}",
            mail=f"office@{site['host']}",
            copy=f"© {site['year']} {site['host']}",
            chair={lg: person(rng, LANGS[lg]) for lg in site["langs"]},
        )
        shared["phone"] = shared.pop("phone_line")
        keys = ["phone", "mail", "copy"]
        o1 = keys[:]
        o2 = rng.choice(
            [["copy", "phone", "mail"], ["mail", "phone", "copy"], ["phone", "copy", "mail"]]
        )
        shared["orders"] = {0: o1, 1: o2}
    fams = [make_family(rng, lang_a, site, 0, shared)]
    if two:
        fams.append(make_family(rng, lang_b, site, 1, shared))
    site["families"] = fams

    # pages
    n_b = rng.randint(4, n_pages // 2) if two else 0
    fam_of = [0] * (n_pages - n_b) + [1] * n_b
    rng.shuffle(fam_of)
    types = ["article"] * n_pages
    if site["has_types"]:
        n_prof = rng.randint(3, n_pages // 2)
        n_list = rng.randint(3, max(3, n_pages // 4))
        types = ["profile"] * n_prof + ["list"] * n_list + ["article"] * (n_pages - n_prof - n_list)
        rng.shuffle(types)
    helpful = [rng.random() < 0.6 for _ in range(n_pages)]
    if sum(helpful) < 2 or sum(helpful) > n_pages - 2:
        helpful = [i % 5 < 3 for i in range(n_pages)]
    pages = []
    for i in range(n_pages):
        famd = fams[fam_of[i]]
        L = famd["L"]
        t = types[i]
        if t == "profile":
            folder = "members"
        elif t == "list":
            folder = rng.choice(["members", "members/lists"])
        else:
            folder = rng.choice(
                ["", "", "news", "news/" + str(site["year"]), "about", "about/team"]
            )
        depth = len(folder.split("/")) if folder else 0
        suffix = "" if fam_of[i] == 0 else "." + famd["lang"]
        stem = {"profile": "p", "list": "l"}.get(t, "page")
        name = f"{stem}-{i:02d}{suffix}{site['ext']}"
        path = f"{folder}/{name}" if folder else name
        if t == "profile":
            title = person(rng, L)
        else:
            title = rng.choice(L["titles"]).format(w=rng.choice(L["topics"]))
        page = dict(
            index=i,
            path=path,
            folder=folder,
            up="../" * depth,
            family=fam_of[i],
            type=t,
            title=title,
            help=helpful[i],
            date=f"{site['year']}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            crlf=rng.random() < 0.2,
            bom=rng.random() < 0.15,
            indent=rng.choice(["  ", "\t", "", "    "]),
            party=rng.choices(L["parties"], weights=[6, 3, 2])[0],
            mtype=rng.choices(L["mtypes"], weights=[4, 1])[0],
        )
        page["items"] = expand(rng, site, page, famd)
        page["ops"] = []
        pages.append(page)
    site["pages"] = pages
    plan_drifts(rng, site)
    return site


# ----------------------------------------------------------------------------------------------
# drift planning


def block_items(page: dict) -> list[dict]:
    return [it for it in page["items"] if it["role"] == "block"]


def mutate_number(rng, s):
    spans = numbers_outside(s)
    if not spans:
        return None
    a, b = rng.choice(spans)
    n = int(s[a:b])
    new = str(n + rng.choice([1, 2, 3, -1]) if n > 1 else n + 2)
    return s[:a] + new + s[b:]


def mutate_url(rng, s):
    links = [m for m in LINK.finditer(s) if not m.group(1)]
    if not links:
        return None, None
    m = rng.choice(links)
    url = m.group(3)
    digits = list(re.finditer(r"\d+", url))
    if digits:
        d = rng.choice(digits)
        newurl = url[: d.start()] + str(int(d.group()) - 1) + url[d.end() :]
        tag = "number inside URL"
    else:
        stem = re.search(r"([\w-]+)(\.\w+)?$", url)
        if not stem:
            return None, None
        newurl = (
            url[: stem.start(1)]
            + stem.group(1)
            + "-"
            + rng.choice(["old", "archive", "v2"])
            + url[stem.end(1) :]
        )
        tag = "path"
    return s[: m.start(3)] + newurl + s[m.end(3) :], tag


def strip_link(s):
    links = [m for m in LINK.finditer(s) if not m.group(1) and m.group(2).strip()]
    if not links:
        return None
    m = links[0]
    return s[: m.start()] + m.group(2) + s[m.end() :]


def mutate_words(rng, s, L):
    """Wording change: one word outside URLs replaced, or (CJK) two characters replaced."""
    cands = []
    for a, b in outside_urls(s):
        for m in re.finditer(r"[^\W\d_]{3,}", s[a:b]):
            cands.append((a + m.start(), a + m.end()))
    if not cands:
        return None
    a, b = rng.choice(cands)
    word = s[a:b]
    alt = rng.choice([w for w in L["alt_words"] if w != word])
    if re.fullmatch(r"[\u3000-\u9fff]+", word):
        k = rng.randrange(len(word) - 1)
        return s[:a] + word[:k] + alt + word[k + 2 :] + s[b:]
    return s[:a] + alt + s[b:] if rng.random() < 0.5 else s[:a] + alt + " " + word + s[b:]


def plan_drifts(rng: random.Random, site: dict) -> None:
    pages = site["pages"]
    n = len(pages)
    carriers: dict[str, int] = {}
    for p in pages:
        for it in block_items(p):
            carriers[it["slot"]] = carriers.get(it["slot"], 0) + 1
    drifted: dict[str, set] = {}
    used: set[int] = set()
    n_events = min(rng.choice([0, 1, 2, 3, 3, 4, 4, 5, 6]), n // 2)
    recipes = [
        "number",
        "url",
        "url_num",
        "url_missing",
        "url_added",
        "value",
        "text",
        "missing",
        "missing_pair",
        "missing_near_page",
        "edge",
        "added",
        "added_near_page",
        "moved",
        "block_missing",
        "stale",
        "minority_shared",
        "unreadable",
    ]
    weights = [2, 1, 1, 1, 1, 1, 1.2, 1, 0.7, 1, 1, 1, 1, 1, 0.5, 0.6, 2, 0.4]

    def ok(slots, k=1):
        return all((len(drifted.get(s, set())) + k) * 3 < carriers.get(s, 0) for s in slots)

    def mark(slots, pis):
        for s in slots:
            drifted.setdefault(s, set()).update(pis)
        used.update(pis)

    def lang_of(p):
        return site["families"][p["family"]]["L"]

    site["planned"] = []
    tries = 0
    sections = [t for t in ("profile", "list") if sum(q["type"] == t for q in pages) >= 7]
    first = "minority_shared" if sections and n_events and rng.random() < 0.6 else None
    while len(site["planned"]) < n_events and tries < 200:
        tries += 1
        recipe = first or rng.choices(recipes, weights=weights)[0]
        first = None
        free = [i for i in range(n) if i not in used]
        if not free:
            break
        pi = rng.choice(free)
        p = pages[pi]
        bis = block_items(p)
        if not bis:
            continue
        L = lang_of(p)
        ops = None
        if recipe in ("number", "url", "url_num", "url_missing", "url_added", "value", "text"):
            cands = []
            for it in bis:
                s = it["tpl"]
                if recipe == "number" and not is_key(s) and numbers_outside(s):
                    cands.append((it, mutate_number(rng, s), "number-changed", ""))
                elif recipe in ("url", "url_num") and it["style"] != "img":
                    new, tag = mutate_url(rng, s)
                    if new and (recipe == "url" or tag == "number inside URL"):
                        cands.append((it, new, "url-changed", tag))
                elif recipe == "url_missing" and it["style"] in ("list", "p"):
                    new = strip_link(s)
                    if new:
                        cands.append((it, new, "url-missing", ""))
                elif (
                    recipe == "url_added"
                    and it["style"] in ("p", "h")
                    and not LINK.search(s)
                    and not is_key(s)
                    and has_letters(s)
                ):
                    if it["slot"].endswith(".org"):
                        new = f"[{s}]({{up}}index.html)"
                    else:
                        new = f"{s} [{L['more']}]({{up}}about/more-{rng.randint(1, 9)}.html)"
                    cands.append((it, new, "url-added", ""))
                elif (
                    recipe == "value"
                    and is_key(s)
                    and not NUM.search(s)
                    and not PROTECT.search(s)
                    and it["slot"].split(".")[-1] in ("chair", "clerk")
                ):
                    m = KEYLINE.match(s.strip())
                    newname = person(rng, L)
                    if newname != m.group(3):
                        cands.append((it, s[: s.index(m.group(3))] + newname, "value-changed", ""))
                elif (
                    recipe == "text"
                    and not is_key(s)
                    and it["style"] in ("p", "list", "h")
                    and has_letters(s)
                ):
                    new = mutate_words(rng, s, L)
                    if new and new != s:
                        cands.append((it, new, "text-changed", ""))
            cands = [c for c in cands if c[1] and c[1] != c[0]["tpl"] and ok([c[0]["slot"]])]
            if not cands:
                continue
            it, new, kind, tag = rng.choice(cands)
            ops = [("replace", it["id"], new, kind, it["slot"], tag or recipe)]
            mark([it["slot"]], [pi])
        elif recipe == "missing":
            cands = [it for it in bis if not it.get("opt") and ok([it["slot"]])]
            if not cands:
                continue
            it = rng.choice(cands)
            ops = [("delete", it["id"], "line-missing", it["slot"], "missing")]
            mark([it["slot"]], [pi])
        elif recipe == "missing_near_page":
            # a block line lost right before or after per-page lines inside the block
            items = p["items"]
            cands = []
            for k, it in enumerate(items):
                if it["role"] != "block" or it.get("opt") or not ok([it["slot"]]):
                    continue
                prv = next((x for x in reversed(items[:k]) if x["role"] != "blank"), None)
                nxt = next((x for x in items[k + 1 :] if x["role"] != "blank"), None)
                if any(
                    x is not None and x["role"] == "page" and x.get("blk") is not None
                    for x in (prv, nxt)
                ):
                    cands.append(it)
            if not cands:
                continue
            it = rng.choice(cands)
            ops = [("delete", it["id"], "line-missing", it["slot"], "missing near page")]
            mark([it["slot"]], [pi])
        elif recipe == "missing_pair":
            pairs = []
            items = p["items"]
            for a, b in zip(bis, bis[1:], strict=False):
                between = items[items.index(a) + 1 : items.index(b)]
                if (
                    a.get("blk") == b.get("blk")
                    and not a.get("opt")
                    and not b.get("opt")
                    and all(x["role"] in ("markup", "blank") for x in between)
                    and ok([a["slot"], b["slot"]])
                ):
                    pairs.append((a, b))
            if not pairs:
                continue
            a, b = rng.choice(pairs)
            ops = [
                ("delete", a["id"], "line-missing", a["slot"], "missing pair"),
                ("delete", b["id"], "line-missing", b["slot"], "missing pair"),
            ]
            mark([a["slot"], b["slot"]], [pi])
        elif recipe == "edge":
            by_blk: dict = {}
            for it in bis:
                by_blk.setdefault(it["blk"], []).append(it)
            edges = [x for v in by_blk.values() for x in (v[0], v[-1]) if not x.get("opt")]
            edges = [x for x in edges if ok([x["slot"]])]
            if not edges:
                continue
            it = rng.choice(edges)
            s = it["tpl"]
            choices = [("delete", None, "line-missing")]
            if numbers_outside(s) and not is_key(s):
                choices.append(("replace", mutate_number(rng, s), "number-changed"))
            if has_letters(s) and not is_key(s) and it["style"] != "img":
                nw = mutate_words(rng, s, L)
                if nw:
                    choices.append(("replace", nw, "text-changed"))
            op, new, kind = rng.choice(choices)
            ops = (
                [(op, it["id"], new, kind, it["slot"], "block edge")]
                if op == "replace"
                else [(op, it["id"], kind, it["slot"], "block edge")]
            )
            mark([it["slot"]], [pi])
        elif recipe in ("added", "added_near_page"):
            items = p["items"]
            spots = []
            for k, it in enumerate(items):
                if recipe == "added" and it["role"] == "block":
                    nxt = next(
                        (x for x in items[k + 1 :] if x["role"] not in ("markup", "blank")), None
                    )
                    if (
                        nxt is not None
                        and nxt["role"] == "block"
                        and nxt.get("blk") == it.get("blk")
                    ):
                        spots.append((k, it, nxt))
                if (
                    recipe == "added_near_page"
                    and it["role"] == "page"
                    and it.get("blk") is not None
                ):
                    nxt = items[k + 1] if k + 1 < len(items) else None
                    prv = items[k - 1] if k else None
                    if nxt is not None and nxt["role"] == "block":
                        spots.append((k, it, nxt))  # right after the per-page line
                    elif prv is not None and prv["role"] == "block":
                        spots.append((k - 1, prv, it))  # right before it
            spots = [s for s in spots if ok([s[1].get("slot") or s[2].get("slot")])]
            if not spots:
                continue
            k, anchor, nxt = rng.choice(spots)
            if anchor.get("style") == "list" and nxt.get("style") == "list":
                lab, path = L["extra_menu"][2]
                new, style = f"  * [{lab}]({{up}}{path})", "list"
            else:
                new, style = rng.choice(L["added"]), "p"
            slot = anchor.get("slot") or nxt.get("slot")
            ops = [
                ("insert", items[k]["id"], new, style, "line-added", slot, recipe.replace("_", " "))
            ]
            mark([slot], [pi])
        elif recipe == "moved":
            items = p["items"]
            runs, cur = [], []
            for it in items:
                if (
                    it["role"] == "block"
                    and cur
                    and it["style"] == cur[-1]["style"]
                    and it["blk"] == cur[-1]["blk"]
                    and it["style"] in ("list", "p")
                    and not it.get("opt")
                    and not it.get("section")
                ):
                    cur.append(it)
                elif it["role"] in ("markup", "blank") and cur:
                    continue
                else:
                    if len(cur) >= 4:
                        runs.append(cur)
                    cur = (
                        [it]
                        if it["role"] == "block" and not it.get("opt") and not it.get("section")
                        else []
                    )
            if len(cur) >= 4:
                runs.append(cur)
            if not runs:
                continue
            run = rng.choice(runs)
            i = rng.randrange(len(run))
            js = [j for j in range(len(run)) if abs(j - i) >= 2]
            j = rng.choice(js)
            if not ok([run[i]["slot"]]):
                continue
            # move run[i] to stand after run[j] (down) or before run[j] (up)
            ops = [
                (
                    "move",
                    run[i]["id"],
                    run[j]["id"],
                    "after" if j > i else "before",
                    "line-moved",
                    run[i]["slot"],
                    "moved",
                )
            ]
            mark([run[i]["slot"]], [pi])
        elif recipe == "block_missing":
            if n < 8 or any(op[0] == "block_missing" for q in pages for op in q["ops"]):
                continue
            slots = [it["slot"] for it in bis]
            if not ok(slots):
                continue
            ops = [("block_missing", "block-missing", "whole block")]
            mark(slots, [pi])
        elif recipe == "unreadable":
            # a capture saved still gzip-compressed: the file holds no readable text
            if (
                n < 8
                or any(op[0] == "unreadable" for q in pages for op in q["ops"])
                or rng.random() < 0.5
            ):
                continue
            slots = [it["slot"] for it in bis]
            if not ok(slots):
                continue
            ops = [("unreadable", "snapshot-unreadable", "saved gzip-compressed")]
            mark(slots, [pi])
        elif recipe == "stale":
            if any(r[0] == "stale" for r in site["planned"]):
                continue  # one older version per site
            fam = p["family"]
            fam_pages = [q for q in pages if q["family"] == fam and q["index"] not in used]
            k = rng.randint(1, 4)
            while k > 1 and k * 3 >= len([q for q in pages if q["family"] == fam]):
                k -= 1
            if len(fam_pages) < k:
                continue
            chosen = [p] + rng.sample([q for q in fam_pages if q is not p], k - 1)
            famd = site["families"][fam]
            # the older version: reworded menu labels, last year's report link and
            # copyright, an old phone
            old_by_slot = {}
            for it in bis:
                s, name = it["tpl"], it["slot"].split(".")[-1]
                if name.startswith("menu"):
                    m = LINK.search(s)
                    if m and m.group(2) in famd["old_menu"]:
                        old_by_slot[it["slot"]] = s.replace(
                            f"[{m.group(2)}]", f"[{famd['old_menu'][m.group(2)]}]"
                        )
                elif name in ("report", "copy", "sh_copy"):
                    old_by_slot[it["slot"]] = s.replace(str(site["year"]), str(site["year"] - 1))
                elif name in ("phone", "sh_phone"):
                    old_by_slot[it["slot"]] = (
                        s[:-4] + "0000" if not s.endswith("0000") else s[:-4] + "1111"
                    )
            slots = list(old_by_slot)
            rng.shuffle(slots)
            slots = slots[: rng.randint(3, 5)]
            if len(slots) < 3:
                continue
            # every chosen page must carry all those slots
            chosen = [
                q
                for q in chosen
                if all(any(it["slot"] == s for it in block_items(q)) for s in slots)
            ]
            if not chosen or not ok(slots, len(chosen)):
                continue
            for q in chosen:
                reps = [
                    (it["id"], old_by_slot[it["slot"]])
                    for it in block_items(q)
                    if it["slot"] in slots
                ]
                q["ops"].append(
                    (
                        "stale",
                        reps,
                        "template-stale",
                        sorted(slots),
                        f"older block version on {len(chosen)} page(s)",
                    )
                )
            mark(slots, [q["index"] for q in chosen])
            site["planned"].append(("stale", [q["index"] for q in chosen]))
            continue
        elif recipe == "minority_shared":
            if not site["has_types"]:
                continue
            counts = {t: sum(1 for q in pages if q["type"] == t) for t in ("profile", "list")}
            big = [
                t for t in counts if counts[t] >= 7
            ]  # 2 drifted pages stay under a third of the section
            if not big:
                continue
            t = rng.choice(big)
            sec_pages = [q for q in pages if q["type"] == t and q["index"] not in used]
            if len(sec_pages) < 2:
                continue
            pair = rng.sample(sec_pages, 2)
            sec_items = [it for it in block_items(pair[0]) if it.get("section") == t]
            it = rng.choice(sec_items)
            s = it["tpl"]
            if numbers_outside(s) and rng.random() < 0.5:
                new, kind = mutate_number(rng, s), "number-changed"
            elif LINK.search(s) and rng.random() < 0.5:
                new, kind = mutate_url(rng, s)[0], "url-changed"
            elif is_key(s):  # "Sort by: name | party": the key stays, a value word changes
                key, sep, value = KEYLINE.match(s).groups()
                changed = mutate_words(rng, value, L)
                new = s[: s.rindex(value)] + changed if changed else None
                kind = "value-changed"
            else:
                new, kind = mutate_words(rng, s, L), "text-changed"
            if not new or new == s or not ok([it["slot"]], 2):
                continue
            for q in pair:
                qi = next(x for x in block_items(q) if x["slot"] == it["slot"])
                q["ops"].append(
                    ("replace", qi["id"], new, kind, it["slot"], f"shared by 2 {t} pages")
                )
            mark([it["slot"]], [q["index"] for q in pair])
            site["planned"].append((recipe, [q["index"] for q in pair]))
            continue
        if ops:
            p["ops"].extend(ops)
            site["planned"].append((recipe, [pi]))


# ----------------------------------------------------------------------------------------------
# applying drift and writing


def apply_ops(page: dict) -> list[dict]:
    items = copy.deepcopy(page["items"])
    next_id = max(it["id"] for it in items) + 1
    byid = lambda i: next(k for k, x in enumerate(items) if x["id"] == i)  # noqa: E731
    for op in page["ops"]:
        if op[0] == "replace":
            _, iid, new, kind, slot, note = op
            it = items[byid(iid)]
            it.update(tpl=new, truth=kind, slot_t=slot, note=note)
        elif op[0] == "delete":
            _, iid, kind, slot, note = op
            k = byid(iid)
            items[k] = dict(id=next_id, role="marker", truth=kind, slot_t=slot, note=note)
            next_id += 1
        elif op[0] == "insert":
            _, iid, new, style, kind, slot, note = op
            k = byid(iid)
            items.insert(
                k + 1,
                dict(
                    id=next_id,
                    role="block",
                    tpl=new,
                    style=style,
                    truth=kind,
                    slot_t=slot,
                    note=note,
                ),
            )
            next_id += 1
        elif op[0] == "move":
            _, iid, tid, where, kind, slot, note = op
            it = items.pop(byid(iid))
            k = byid(tid)
            items.insert(k + 1 if where == "after" else k, it)
            it.update(truth=kind, slot_t=slot, note=note)
        elif op[0] == "stale":
            _, reps, kind, slots, note = op
            for iid, new in reps:
                items[byid(iid)].update(tpl=new, stale=True)
            items.append(dict(id=next_id, role="stale_note", slot_t=slots, note=note))
            next_id += 1
        elif op[0] == "unreadable":
            continue
        elif op[0] == "block_missing":
            ks = [k for k, x in enumerate(items) if x.get("blk") is not None]
            first = ks[0]
            items = [x for k, x in enumerate(items) if k not in set(ks)]
            items.insert(
                first,
                dict(id=next_id, role="marker", truth="block-missing", slot_t="*", note=op[2]),
            )
            next_id += 1
    return [x for x in items if x["role"] != "stale_note"] + [
        x for x in items if x["role"] == "stale_note"
    ]


def truth_for(page: dict, items: list[dict], pos: dict, site: dict) -> list[dict]:
    out = []
    is_html = site["fmt"] == "html"
    skip = {"page", "blank", "marker"} | (set() if is_html else {"markup"})
    for k, it in enumerate(items):
        if "truth" not in it:
            continue
        if it["role"] == "marker" and it["truth"] == "line-missing":
            j = k - 1
            while j >= 0 and items[j]["role"] in skip:
                j -= 1
            if j >= 0 and (
                items[j]["role"] == "block" or (is_html and items[j]["role"] == "markup")
            ):
                line = pos[items[j]["id"]][1] + 1
            else:
                line = pos[it["id"]][0]
        else:
            line = pos[it["id"]][0]
        out.append(
            dict(page=page["path"], line=line, kind=it["truth"], slot=it["slot_t"], note=it["note"])
        )
    stale = [it for it in items if it.get("stale")]
    if stale:
        note = next(x for x in items if x["role"] == "stale_note")
        lines = sorted(pos[it["id"]][0] for it in stale)
        out.append(
            dict(
                page=page["path"],
                line=lines[0],
                kind="template-stale",
                slot=note["slot_t"],
                note=note["note"],
                lines=lines,
            )
        )
    return sorted(out, key=lambda d: d["line"])


def noise_summary(site: dict) -> list[str]:
    feats = set()
    for p in site["pages"]:
        if p["crlf"]:
            feats.add("crlf")
        if p["bom"]:
            feats.add("bom")
        if p.get("stray"):
            feats.add("stray-byte")
        for it in p["items"]:
            feats.update(it.get("noise", []))
    return sorted(feats)


def build_site(seed: int, root: pathlib.Path, *, clean: bool = False) -> dict:
    """Writes the site of `seed` into `root` (created; emptied first) and returns its truth."""
    site = make_site(seed)
    root = pathlib.Path(root)
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    drifts = []
    for p in site["pages"]:
        items = p["items"] if clean else apply_ops(p)
        text, pos = render(p, [x for x in items if x["role"] != "stale_note"], site)
        f = root / p["path"]
        f.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8").replace(STRAY.encode("utf-8"), b"\xa9")
        if not clean and any(op[0] == "unreadable" for op in p["ops"]):
            data = gzip.compress(data, mtime=0)
            drifts.append(
                dict(
                    page=p["path"],
                    line=1,
                    kind="snapshot-unreadable",
                    slot="*",
                    note="saved gzip-compressed",
                )
            )
        f.write_bytes(data)
        if not clean:
            drifts += truth_for(p, items, pos, site)
    fams = site["families"]
    types = sorted({p["type"] for p in site["pages"]})
    return dict(
        seed=seed,
        clean=clean,
        format=site["fmt"],
        ext=site["ext"],
        languages=site["langs"],
        pages=len(site["pages"]),
        placement=site["placement"],
        wrap=site["wrap"],
        srcwrap=site["srcwrap"],
        families=len(fams),
        page_types=types,
        noise=noise_summary(site),
        drifts=sorted(drifts, key=lambda d: (d["page"], d["line"])),
    )


def parse_seeds(spec: str) -> list[int]:
    out: list[int] = []
    for part in spec.split(","):
        part = part.strip()
        if "-" in part:
            a, b = part.split("-")
            out += list(range(int(a), int(b) + 1))
        elif part:
            out.append(int(part))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=pathlib.Path)
    ap.add_argument("--seeds", default="100-159")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for seed in parse_seeds(args.seeds):
        d = args.out / str(seed)
        truth = build_site(seed, d / "site")
        build_site(seed, d / "clean", clean=True)
        (d / "truth.json").write_text(
            json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        print(
            f"{seed}: {truth['pages']} pages, {truth['format']}, {'/'.join(truth['languages'])}, "
            f"{truth['placement']}, {len(truth['drifts'])} drift(s)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
