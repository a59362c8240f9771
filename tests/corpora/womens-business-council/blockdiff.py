#!/usr/bin/env python3
"""blockdiff.py - labelling aid for the wbc-offline corpus.

Extracts the boilerplate block of every page under html/ (default: the
html/ folder next to this script), normalises it, groups pages whose
block is identical and prints each group's diff against the majority
group.

The block = three regions, found by element id:
  #header              site header (logo linking to the home page)
  #main-menu-container main menu (with its drop-down sub-menus)
  #footer              footer: "Latest reports" widget, footer menu,
                       copyright line

Normalisation:
  * <script>, <style>, <noscript>, <title>, comments and processing
    instructions are dropped, as are elements hidden with the `hidden`
    attribute or an inline `display:none` style.
  * Only visible text, link hrefs (<a href>) and image srcs (<img src>)
    are kept, one item per line, whitespace collapsed.
  * hrefs/srcs are resolved against the page's own URL
    (http://localhost:8080/<path below html/localhost+8080/>), so
    "../../x/index.html" and "/x/index.html" compare equal; the scheme
    http/https is ignored; a trailing "index.html" is dropped (a
    directory URL and its index.html are the same resource).
  * An in-page anchor link (a link to the page itself with a #fragment,
    e.g. the footer's "scroll to top" link "index.html#scroll-top") is
    page-specific and is replaced by the token SELF#<fragment>.
  * Classes are not looked at, so the current page's menu highlight
    (class "current-menu-item") is not a difference.

Usage:
  python3 blockdiff.py [HTML_ROOT] [--truth truth.json]
With --truth, pages listed as "unscored" are skipped and the grouping
is compared with the flag/clean lists.
"""
import difflib
import json
import os
import re
import sys
from collections import OrderedDict
from urllib.parse import urljoin, urlsplit, urlunsplit

import lxml.html
from lxml import etree

REGION_IDS = ["header", "main-menu-container", "footer"]
DROP_TAGS = {"script", "style", "noscript", "title", "template"}


def page_url(relpath):
    """html/<host>/<path> -> http://<host>/<path>; wget writes host:port as host+port."""
    host, _, rest = relpath.replace(os.sep, "/").partition("/")
    return "http://%s/%s" % (host.replace("+", ":"), rest)


def norm_url(url, base):
    if url is None:
        return None
    url = url.strip()
    if not url:
        return None
    if url.lower().startswith(("mailto:", "tel:", "javascript:")):
        return url
    absu = urljoin(base, url)
    p = urlsplit(absu)
    scheme = p.scheme.lower()
    if scheme in ("http", "https"):
        scheme = "http"
    path = p.path or "/"
    if path.endswith("/index.html"):
        path = path[: -len("index.html")]
    return urlunsplit((scheme, p.netloc.lower(), path, p.query, p.fragment))


def same_page(u, base):
    a = urlsplit(u)
    b = urlsplit(norm_url(base, base))
    return (a.netloc, a.path, a.query) == (b.netloc, b.path, b.query)


def hidden(el):
    if el.get("hidden") is not None:
        return True
    style = (el.get("style") or "").replace(" ", "").lower()
    return "display:none" in style


def items(el, base, out):
    """Depth-first walk: emit text, link targets and image sources in order."""
    if not isinstance(el.tag, str):  # comment / PI
        if el.tail and el.tail.strip():
            out.append("T " + el.tail)
        return
    tag = el.tag.lower()
    if tag in DROP_TAGS or hidden(el):
        if el.tail and el.tail.strip():
            out.append("T " + el.tail)
        return
    if tag == "a" and el.get("href") is not None:
        u = norm_url(el.get("href"), base)
        if u is not None:
            frag = urlsplit(u).fragment
            if frag and same_page(u, base):
                u = "SELF#" + frag  # in-page anchor, e.g. "scroll to top"
            out.append("A " + u)
    if tag == "img" and el.get("src"):
        out.append("I " + norm_url(el.get("src"), base))
    if el.text and el.text.strip():
        out.append("T " + el.text)
    for ch in el:
        items(ch, base, out)
    if el.tail and el.tail.strip():
        out.append("T " + el.tail)


def block(path, relpath):
    with open(path, "rb") as f:
        doc = lxml.html.fromstring(f.read())
    base = page_url(relpath)
    lines = []
    for rid in REGION_IDS:
        found = doc.xpath('//*[@id="%s"]' % rid)
        lines.append("## #%s%s" % (rid, "" if found else " MISSING"))
        if not found:
            continue
        out = []
        # the region element itself: its tail belongs to the page, not to it
        el = found[0]
        saved_tail, el.tail = el.tail, None
        items(el, base, out)
        el.tail = saved_tail
        for ln in out:
            ln = re.sub(r"\s+", " ", ln).strip()
            if ln not in ("T", ""):
                lines.append(ln)
    return lines


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.join(here, "html")
    truth = None
    args = list(argv)
    if "--truth" in args:
        i = args.index("--truth")
        truth = json.load(open(args[i + 1]))
        del args[i : i + 2]
    if args:
        root = args[0]
    pages = []
    for dp, dn, fn in os.walk(root):
        for f in fn:
            if f.endswith(".html"):
                full = os.path.join(dp, f)
                pages.append(os.path.relpath(full, root).replace(os.sep, "/"))
    pages.sort()
    if truth:
        pages = [p for p in pages if p not in set(truth.get("unscored", []))]
    groups = OrderedDict()
    for rel in pages:
        key = tuple(block(os.path.join(root, rel), rel))
        groups.setdefault(key, []).append(rel)
    ordered = sorted(groups.items(), key=lambda kv: -len(kv[1]))
    major = list(ordered[0][0])
    print("%d pages, %d distinct blocks\n" % (len(pages), len(ordered)))
    for n, (key, members) in enumerate(ordered):
        tag = "MAJORITY" if n == 0 else "group %d" % n
        print("=== %s: %d page(s)" % (tag, len(members)))
        for m in members:
            print("    " + m)
        if n:
            for ln in difflib.unified_diff(major, list(key), "majority", tag, n=0, lineterm=""):
                if ln.startswith(("---", "+++")):
                    continue
                print("      " + ln)
        print()
    if truth:
        flag, clean = set(truth["flag"]), set(truth["clean"])
        bad = 0
        for n, (key, members) in enumerate(ordered):
            for m in members:
                want = "clean" if n == 0 else "flag"
                have = "flag" if m in flag else "clean" if m in clean else "?"
                if want != have:
                    bad += 1
                    print("MISMATCH %s: blockdiff says %s, truth says %s" % (m, want, have))
        print("truth check: %d mismatch(es)" % bad)


if __name__ == "__main__":
    main(sys.argv[1:])
