#!/usr/bin/env python3
"""Label the zohranfornyc-text corpus: find each page's site-wide block in the
text rendering, compare it with the canonical block of its page type, write
truth.json.  Output of a run is kept in label_output.txt.

Block (found by inspection of which lines nearly every page shares, see the
"shared lines" table this script prints first):
  TOP    = everything from the start of the page up to the end of the main menu
           (the bullet list that follows the "Zohran for NYC" logo link): skip
           link, site-wide notice banner, logo, menu.
  BOTTOM = from the social-media links ("External source: Facebook ...") to the
           end: social links, footer menu, press contact, "Paid for by",
           credits.
Comparison works on normalised *units*, so line wrapping cannot count:
  - a unit is a paragraph, a list item or a heading; wrapped continuation lines
    are joined and runs of white space collapsed;
  - relative link targets are resolved against the page's own URL (wget -k
    rewrote links relative to each page's depth), and a link to the page
    itself (the skip link "...#main-content") is reduced to its fragment.
Page type = language folder (en, ar, bn, es, fr, ht, ur, zh-CN).
Canonical block of a type = the most common TOP and the most common BOTTOM
among that type's pages from the newest commit (top level of text/).
"""
import collections, difflib, json, os, re, sys
from urllib.parse import urljoin

HERE = os.path.dirname(os.path.abspath(__file__))
TEXT = os.path.join(HERE, "text")
SITE = "https://www.zohranfornyc.com/"
LANGS = {"ar", "bn", "es", "fr", "ht", "ur", "zh-CN"}
DATED = re.compile(r"^\d{4}-\d\d-\d\d_[0-9a-f]{7}$")
LINK = re.compile(r"\]\(([^)\s]+)\)")


def page_url(rel):
    parts = rel.split("/")
    if DATED.match(parts[0]):
        parts = parts[1:]
    p = "/".join(parts)[:-3]  # drop .md
    return SITE + p


def lang_of(rel):
    parts = rel.split("/")
    if DATED.match(parts[0]):
        parts = parts[1:]
    return parts[0] if parts[0] in LANGS else "en"


def units(text, url):
    out, cur = [], []
    def flush():
        if cur:
            out.append(re.sub(r"\s+", " ", " ".join(cur)).strip())
            cur.clear()
    for line in text.splitlines():
        s = line.strip()
        if not s:
            flush(); continue
        if re.match(r"^(\*|-|\+|\d+\.)\s", s) or s.startswith("#"):
            flush()
        cur.append(s)
    flush()
    # html2text breaks long link targets after a hyphen: "...-\nrest" -> "...- rest"
    def fix(u):
        u = re.sub(r"\]\(([^)]*?)- ([^)]*)\)", r"](\1-\2)", u)
        def res(m):
            t = m.group(1)
            a = urljoin(url, t)
            if a.split("#")[0] == url and "#" in a:
                a = "#" + a.split("#", 1)[1]
            return "](" + a + ")"
        return LINK.sub(res, u)
    return [fix(u) for u in out]


def split_block(us):
    logo = next((i for i, u in enumerate(us) if u.startswith("[![Zohran for NYC]")), None)
    top = None
    if logo is not None:
        j = logo + 1
        while j < len(us) and re.match(r"^(\*|-|\+)\s", us[j]):
            j += 1
        top = us[:j]
    soc = next((i for i, u in enumerate(us) if "External source: Facebook" in u), None)
    bottom = us[soc:] if soc is not None else None
    return top, bottom


def main():
    pages = sorted(os.path.relpath(os.path.join(d, f), TEXT)
                   for d, _, fs in os.walk(TEXT) for f in fs)
    info = {}
    linecount = collections.Counter()
    for rel in pages:
        txt = open(os.path.join(TEXT, rel), encoding="utf-8").read()
        us = units(txt, page_url(rel))
        top, bot = split_block(us)
        info[rel] = dict(lang=lang_of(rel), top=top, bot=bot,
                         newest=not DATED.match(rel.split("/")[0]))
        for u in set(us):
            linecount[u] += 1
    print("== shared lines (units on >= 40%% of the %d pages)" % len(pages))
    for u, n in sorted(linecount.items(), key=lambda x: (-x[1], x[0])):
        if n < 0.4 * len(pages):
            break
        print("%3d  %s" % (n, u[:110]))
    canon = {}
    for lang in sorted({v["lang"] for v in info.values()}):
        tops = collections.Counter(tuple(v["top"]) for v in info.values()
                                   if v["lang"] == lang and v["newest"] and v["top"] is not None)
        bots = collections.Counter(tuple(v["bot"]) for v in info.values()
                                   if v["lang"] == lang and v["newest"] and v["bot"] is not None)
        (ct, nt), (cb, nb) = tops.most_common(1)[0], bots.most_common(1)[0]
        canon[lang] = (list(ct), list(cb))
        print("\n== type %s: canonical TOP on %d/%d newest pages, BOTTOM on %d/%d"
              % (lang, nt, sum(tops.values()), nb, sum(bots.values())))
        for u in ct:
            print("   T| " + u[:120])
        for u in cb:
            print("   B| " + u[:120])
    flag, clean, unscored, why = [], [], [], {}
    print("\n== per page")
    for rel in pages:
        v = info[rel]
        ct, cb = canon[v["lang"]]
        diffs = []
        for name, got, want in (("top", v["top"], ct), ("bottom", v["bot"], cb)):
            if got is None:
                diffs.append("%s block missing" % name); continue
            for op in difflib.SequenceMatcher(None, want, got).get_opcodes():
                tag, i1, i2, j1, j2 = op
                if tag == "equal":
                    continue
                lost, added = want[i1:i2], got[j1:j2]
                d = "%s: " % name
                if lost:
                    d += "lost " + " / ".join(repr(x[:90]) for x in lost)
                if added:
                    d += ("; " if lost else "") + "added " + " / ".join(repr(x[:90]) for x in added)
                diffs.append(d)
        if diffs:
            flag.append(rel); why[rel] = " | ".join(diffs)
            print("FLAG  %s\n      %s" % (rel, "\n      ".join(diffs)))
        else:
            clean.append(rel)
            print("clean %s" % rel)
    print("\n== %d flag, %d clean, %d unscored" % (len(flag), len(clean), len(unscored)))
    return flag, clean, unscored, why


if __name__ == "__main__":
    f, c, u, w = main()
    if "--write" in sys.argv:  # draft labels; truth.json = these plus hand-written "why" lines
        json.dump({"flag": f, "clean": c, "unscored": u, "why": w},
                  open(os.path.join(HERE, "truth.auto.json"), "w"), indent=1, ensure_ascii=False)
