#!/usr/bin/env python3
"""Label the drought.ca.gov captures by comparing their boilerplate block.

Block = the site chrome shared by every page:
  * div.header-container  (ca.gov official bar, site name "State of California /
    California Drought Action", search box and buttons, main navigation menu)
  * div.footer-container  (agency footer links, social links, ca.gov footer links,
    copyright line)
For each page the block is reduced to a list of lines:
  T <text>           visible text run
  P <placeholder>    visible placeholder of a search input
  S <text>           screen-reader-only text (class sr-only): reported, but by itself
                     not counted as a visible difference
  A <text> -> <href> every link, with its text (incl. sr-only text) and target
Scripts, styles, svg, comments, attributes other than href/placeholder, and
whitespace are ignored.  Pages are grouped by identical block; the canonical block
is the one carried by the captures of the newest commit (also the largest group).
Every other group is diffed against it.
"""
import os, sys, json, hashlib, difflib, collections
import lxml.html

HERE = os.path.dirname(os.path.abspath(__file__))
HTML = os.path.join(HERE, 'html')


def norm(s):
    return ' '.join(s.split())


def block_lines(data):
    doc = lxml.html.fromstring(data)
    for bad in doc.xpath('//script|//style|//noscript|//svg|//comment()|//template'):
        bad.drop_tree()   # removes the element but keeps its tail text in place
    out = []
    for cls in ('header-container', 'footer-container'):
        els = doc.xpath('//*[contains(concat(" ", normalize-space(@class), " "), " %s ")]' % cls)
        if not els:
            out.append('# no %s' % cls)
            continue
        el = els[0]
        out.append('## ' + cls)

        def walk(e, hidden):
            h = hidden or 'sr-only' in (e.get('class') or '').split()
            if e.tag == 'input' and e.get('placeholder') and not h:
                out.append('P ' + norm(e.get('placeholder')))
            if e.text and norm(e.text):
                out.append(('S ' if h else 'T ') + norm(e.text))
            for c in e:
                if isinstance(c.tag, str):
                    walk(c, h)
                if c.tail and norm(c.tail):
                    out.append(('S ' if hidden else 'T ') + norm(c.tail))
        walk(el, False)
        for a in el.iter('a'):
            out.append('A %s -> %s' % (norm(a.text_content()), a.get('href')))
    return out


def main():
    mp = json.load(open(os.path.join(HERE, 'map.json')))
    newest = max(v['warc_date'] for v in mp.values())
    pages = sorted(mp)
    blocks = {}
    for p in pages:
        with open(os.path.join(HTML, p), 'rb') as f:
            data = f.read()
        blocks[p] = (tuple(block_lines(data)), hashlib.md5(data).hexdigest()[:10])
    groups = collections.defaultdict(list)
    for p in pages:
        groups[blocks[p][0]].append(p)
    newest_blocks = {blocks[p][0] for p in pages if mp[p]['warc_date'] == newest}
    assert len(newest_blocks) == 1, 'newest captures disagree'
    canon = newest_blocks.pop()
    biggest = max(groups, key=lambda k: len(groups[k]))
    print('pages:', len(pages), ' distinct blocks:', len(groups))
    print('canonical block = newest commit block; also the largest group:', canon == biggest)
    print()
    print('=== canonical block (%d pages) ===' % len(groups[canon]))
    for l in canon:
        print('   ', l)
    for p in groups[canon]:
        print('  CLEAN', p, mp[p]['warc_date'], 'page-md5', blocks[p][1])
    verdict = {}
    for p in groups[canon]:
        verdict[p] = 'clean'
    n = 0
    for k, ps in sorted(groups.items(), key=lambda kv: mp[kv[1][0]]['warc_date']):
        if k == canon:
            continue
        n += 1
        print()
        print('=== variant %d (%d pages) ===' % (n, len(ps)))
        for p in ps:
            print('  ', p, mp[p]['warc_date'])
        vis_diff = False
        for l in difflib.unified_diff(list(canon), list(k), 'canonical', 'variant', n=0, lineterm=''):
            print('   ', l)
            if l[:1] in '+-' and not l.startswith(('+++', '---')) and not l[1:].startswith('S '):
                vis_diff = True
        for p in ps:
            verdict[p] = 'flag' if vis_diff else 'sr-only-diff'
        print('   => visible difference:', vis_diff)
    print()
    print('=== verdicts ===')
    c = collections.Counter(verdict.values())
    print(dict(c))
    for p in pages:
        print(verdict[p], p)
    return verdict


if __name__ == '__main__':
    main()
