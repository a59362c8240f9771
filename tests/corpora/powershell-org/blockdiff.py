#!/usr/bin/env python3
"""blockdiff.py - labelling aid for the powershell-org corpus.

Extracts the site boilerplate ("block") of every page under html/, groups
pages with identical blocks and prints each minority group's diff against the
majority block.

Block = the page-level <header> and <footer> that are direct children of
<body> (site header with logo, desktop nav, mobile nav, "Summit" call to
action; site footer with about text, social links, Quick Links, Resources,
Upcoming Events, copyright line and legal links).  Everything inside <main>
(headline, breadcrumb, byline, date, tags, body, "related" cards, pagination)
is the page's own and is ignored.

Normalisation:
  * <script>, <style>, <noscript>, <template>, <title> (also SVG <title>) and
    comments are dropped; so are elements carrying the HTML `hidden`
    attribute or an inline style display:none / visibility:hidden.
  * kept: visible text (element text and tails), <a href>, <img src>.
  * whitespace collapsed; empty strings dropped.
  * links resolved against the page's own URL (https://<host>/<path>/),
    scheme folded (http == https), host lower-cased, default port dropped,
    empty path -> "/", fragment dropped; so "../x/", "/x/" and
    "https://powershell.org/x/" compare equal, as do "https://powershell.org"
    and "https://powershell.org/".

Usage:
  python3 blockdiff.py [CORPUS_DIR]          # groups + diffs
  python3 blockdiff.py [CORPUS_DIR] --truth  # also compare with truth.json
  python3 blockdiff.py [CORPUS_DIR] --dump PAGE   # print one page's block
  add --keep-hidden to keep display:none elements (the header's hover
  drop-down "Community" sub-menu); the grouping/labels are the same.
Only stdlib + lxml.
"""
import collections
import difflib
import json
import os
import re
import sys
from urllib.parse import urljoin, urlsplit, urlunsplit

import lxml.html
from lxml import etree

WS = re.compile(r"\s+")
DROP_TAGS = {"script", "style", "noscript", "template", "title"}
KEEP_HIDDEN = "--keep-hidden" in sys.argv  # keep display:none hover menus
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def page_url(rel):
    """html/<host>/a/b/index.html -> https://<host>/a/b/ (rel is relative to html/)."""
    parts = rel.split("/")
    host, rest = parts[0], parts[1:]
    if rest and rest[-1] == "index.html":
        path = "/".join(rest[:-1])
        path = "/" + path + "/" if path else "/"
    else:
        path = "/" + "/".join(rest)
    return "https://" + host + path


def norm_url(href, base):
    href = href.strip()
    if not href:
        return ""
    if re.match(r"^(mailto|tel|javascript|data):", href, re.I):
        return href
    u = urljoin(base, href)
    s = urlsplit(u)
    scheme = s.scheme.lower()
    if scheme in ("http", "https"):
        scheme = "https"
    host = (s.hostname or "").lower()
    if s.port and s.port not in (80, 443):
        host += ":%d" % s.port
    path = s.path or "/"
    return urlunsplit((scheme, host, path, s.query, ""))


def local_name(el):
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return etree.QName(tag).localname.lower() if "}" in tag else tag.lower()


def clean(el):
    for node in list(el.iter()):
        if node is el:
            continue
        if not isinstance(node.tag, str):  # comment / processing instruction
            node.drop_tree()  # drop_tree keeps the tail text
            continue
        name = local_name(node)
        hidden = node.get("hidden") is not None or HIDDEN_STYLE.search(node.get("style") or "")
        if name in DROP_TAGS or (hidden and not KEEP_HIDDEN):
            node.drop_tree()


def block_lines(data, url):
    doc = lxml.html.fromstring(data)
    regions = doc.xpath("/html/body/header | /html/body/footer")
    out = []
    for reg in regions:
        out.append("[%s]" % reg.tag)
        clean(reg)
        for e in reg.iter():
            if not isinstance(e.tag, str):
                continue
            name = local_name(e)
            if name == "a" and e.get("href") is not None:
                out.append("LINK " + norm_url(e.get("href"), url))
            if name == "img" and e.get("src"):
                out.append("IMG " + norm_url(e.get("src"), url))
            for t in (e.text, e.tail if e is not reg else None):
                t = WS.sub(" ", t or "").strip()
                if t:
                    out.append("TEXT " + t)
    return out


def load(corpus):
    root = os.path.join(corpus, "html")
    pages = {}
    for d, _, fs in os.walk(root):
        for f in fs:
            if f.endswith((".html", ".htm")):
                p = os.path.join(d, f)
                rel = os.path.relpath(p, root).replace(os.sep, "/")
                with open(p, "rb") as fh:
                    pages[rel] = block_lines(fh.read(), page_url(rel))
    return pages


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    corpus = args[0] if args else os.path.dirname(os.path.abspath(__file__))
    if "--dump" in argv:
        page = args[1]
        with open(os.path.join(corpus, "html", page), "rb") as fh:
            print("\n".join(block_lines(fh.read(), page_url(page))))
        return
    pages = load(corpus)
    groups = collections.defaultdict(list)
    for rel, lines in pages.items():
        groups["\n".join(lines)].append(rel)
    ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[1][0]))
    major_key, major_pages = ordered[0]
    print("pages: %d   block groups: %d   majority: %d pages" % (len(pages), len(groups), len(major_pages)))
    page_group = {}
    for gi, (key, members) in enumerate(ordered):
        for m in members:
            page_group[m] = gi
        print("\n=== group %d: %d page(s)%s" % (gi, len(members), "  [MAJORITY]" if gi == 0 else ""))
        for m in sorted(members):
            print("   ", m)
        if gi == 0:
            continue
        diff = difflib.unified_diff(major_key.split("\n"), key.split("\n"), "majority", "group %d" % gi, n=1, lineterm="")
        for line in diff:
            print("      " + line)
    if "--truth" in argv:
        with open(os.path.join(corpus, "truth.json")) as fh:
            truth = json.load(fh)
        listed = set(truth["flag"]) | set(truth["clean"]) | set(truth["unscored"])
        bad = 0
        for rel in sorted(pages):
            pred = "clean" if page_group[rel] == 0 else "flag"
            if rel not in listed:
                print("NOT IN TRUTH:", rel); bad += 1; continue
            if rel in truth["unscored"]:
                continue
            want = "flag" if rel in truth["flag"] else "clean"
            if want != pred:
                print("DISAGREE:", rel, "truth=%s blockdiff=%s" % (want, pred)); bad += 1
        for rel in listed - set(pages):
            print("MISSING FILE:", rel); bad += 1
        print("\ntruth check: %s" % ("OK" if not bad else "%d problem(s)" % bad))


if __name__ == "__main__":
    main(sys.argv[1:])
