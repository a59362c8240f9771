#!/usr/bin/env python3
"""Extract the shared boilerplate block of a Sheet Parish Council page and group pages by it.

Block = #nav1 (left menu), div.news (the 'Contact us' box), #footer and the logo in #leftcol .title.
For each element: visible text (whitespace-collapsed, entities decoded) plus link targets
(href normalised: './x.html' -> 'x.html', mailto entity-decoded) and image srcs.
The current page's own menu item is written href="#" (class="on"); that '#' is resolved to the
page's own file name, so it compares equal to the same item on other pages.
"""
import sys, re, collections, difflib
from lxml import html

def norm_href(h, page):
    h = (h or '').strip()
    if h.startswith('./'):
        h = h[2:]
    if h == '#':
        h = page.split('/')[-1]   # the current page's own menu item is written href="#"
    h = re.sub(r'^https?://', '', h)
    return h

def block_lines(data, page):
    doc = html.fromstring(data)
    for bad in doc.xpath('//script|//style|//comment()'):
        bad.drop_tree() if hasattr(bad, 'drop_tree') else None
    out = []
    for sel, name in (("//div[@id='leftcol']/div[@class='title']", 'logo'),
                      ("//div[@id='nav1']", 'menu'),
                      ("//div[@class='news']", 'contact'),
                      ("//div[@id='footer']", 'footer')):
        els = doc.xpath(sel)
        if not els:
            out.append(f'[{name}] <missing>')
            continue
        for el in els:
            for node in el.iter():
                if not isinstance(node.tag, str):
                    continue
                if node.tag == 'a':
                    t = ' '.join(node.text_content().split())
                    out.append(f'[{name}] link {t!r} -> {norm_href(node.get("href"), page)}')
                elif node.tag == 'img':
                    out.append(f'[{name}] img {node.get("src","").lstrip("./")} alt={node.get("alt")!r}')
            txt = ' '.join(el.text_content().split())
            out.append(f'[{name}] text: {txt}')
    return out

if __name__ == '__main__':
    root = sys.argv[1]
    pages = sys.argv[2:]
    blocks = {}
    for p in pages:
        with open(f'{root}/{p}', 'rb') as fh:
            blocks[p] = tuple(block_lines(fh.read(), p))
    groups = collections.defaultdict(list)
    for p, b in blocks.items():
        groups[b].append(p)
    ordered = sorted(groups.items(), key=lambda kv: -len(kv[1]))
    major = ordered[0][0]
    for i, (b, ps) in enumerate(ordered):
        print(f'=== group {i}: {len(ps)} pages: {" ".join(sorted(ps))}')
        if i == 0:
            print('\n'.join(b))
        else:
            for line in difflib.unified_diff(major, b, 'majority', f'group{i}', lineterm='', n=0):
                print(line)
