#!/usr/bin/env python3
"""Extract the boilerplate block of each page (everything outside a content region), normalise, group, diff.
usage: blockdiff.py ROOT --content CSS [--drop CSS ...] [--base URL] [--self] files...
"""
import argparse, collections, difflib, hashlib, json, os, re, sys
from urllib.parse import urljoin, urldefrag
from bs4 import BeautifulSoup, Comment

def block_lines(path, rel, a):
    raw = open(path, 'rb').read()
    soup = BeautifulSoup(raw, 'lxml')
    for t in soup(['script', 'style', 'noscript', 'head', 'iframe']):
        t.decompose()
    for c in soup.find_all(string=lambda s: isinstance(s, Comment)):
        c.extract()
    found = 0
    if getattr(a, 'keep', None):
        keep = []
        for sel in a.keep:
            for el in soup.select(sel):
                if not any(el in k.descendants for k in keep):
                    keep.append(el)
        found = len(keep)
        new = BeautifulSoup('<html><body></body></html>', 'lxml')
        for el in keep:
            new.body.append(el.extract())
        soup = new
    for sel in a.content or []:
        for el in soup.select(sel):
            el.decompose(); found += 1
    for sel in a.drop or []:
        for el in soup.select(sel):
            el.decompose()
    base = urljoin(a.base, rel) if a.base else None
    selfurl = urldefrag(base)[0] if base else None
    out = []
    body = soup.body or soup
    for el in body.descendants:
        if isinstance(el, str):
            t = re.sub(r'\s+', ' ', el).strip()
            if t:
                out.append('T ' + t)
        elif el.name == 'a' and el.get('href') is not None:
            h = el['href'].strip()
            if base and not h.startswith(('mailto:', 'tel:', 'javascript:')):
                h = urljoin(base, h)
            if a.self and selfurl and urldefrag(h)[0] == selfurl:
                h = 'SELF'
            elif getattr(a, 'selffrag', False) and selfurl and urldefrag(h)[0] == selfurl and urldefrag(h)[1]:
                h = 'SELF#' + urldefrag(h)[1]
            out.append('A ' + h)
        elif el.name == 'img' and el.get('src'):
            s = el['src'].strip()
            if base: s = urljoin(base, s)
            out.append('I ' + s)
    return out, found

def main():
    p = argparse.ArgumentParser()
    p.add_argument('root'); p.add_argument('files', nargs='+')
    p.add_argument('--content', action='append')
    p.add_argument('--keep', action='append')
    p.add_argument('--drop', action='append')
    p.add_argument('--base'); p.add_argument('--self', action='store_true', help='any link to the page itself becomes SELF')
    p.add_argument('--selffrag', action='store_true', help='only links to a fragment of the page itself become SELF#frag')
    p.add_argument('--json'); p.add_argument('--ctx', type=int, default=1)
    a = p.parse_args()
    blocks, groups = {}, collections.defaultdict(list)
    for rel in a.files:
        lines, found = block_lines(os.path.join(a.root, rel), rel, a)
        if not found:
            print('NO CONTENT REGION:', rel, file=sys.stderr)
        h = hashlib.sha1('\n'.join(lines).encode()).hexdigest()[:10]
        blocks[h] = lines; groups[h].append(rel)
    order = sorted(groups, key=lambda h: -len(groups[h]))
    maj = order[0]
    for h in order:
        print('== group %s: %d pages, %d lines; e.g. %s' % (h, len(groups[h]), len(blocks[h]), groups[h][:3]))
    for h in order[1:]:
        print('\n##### diff majority %s -> %s (%d pages: %s)' % (maj, h, len(groups[h]), ' '.join(groups[h][:8])))
        for l in difflib.unified_diff(blocks[maj], blocks[h], lineterm='', n=a.ctx):
            if not l.startswith(('---', '+++')):
                print(l)
    if a.json:
        json.dump({'groups': {h: groups[h] for h in order}, 'majority': maj}, open(a.json, 'w'), indent=1)

main()
