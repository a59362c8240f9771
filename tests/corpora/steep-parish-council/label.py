#!/usr/bin/env python3
"""Labelling helper for the Steep Parish Council corpus.

Block = the hand-copied left-column menu  (div#nav1 ul li a)
      + the footer                        (div#footer, text and link targets).

Normalisation (trivial differences that are NOT drift):
  * whitespace collapsed;
  * class="on" (current-page highlighting) ignored;
  * a link whose href is "#" or "" is replaced by the page's own file name
    (that is how the site marks "you are here");
  * "./x.html", "x.html", "/x.html" and absolute https://www.steep-pc.gov.uk/x.html
    all become "x.html".
Pages are grouped by identical normalised block; every group is diffed against
the largest group that comes from the newest commit (the current block).
Differences that remain (e.g. the current page's own label written with other
capitalisation) are then judged by hand in the raw HTML; see truth.json "why".
"""
import collections, csv, difflib, os, re, sys
from lxml import html as H

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'html')
SITE = re.compile(r'^(https?://(www\.)?steep-pc\.gov\.uk)?/?(\./)?')

def norm_href(href, own):
    href = (href or '').strip()
    if href in ('', '#'):
        return own + '  [self-link "#"]'
    return SITE.sub('', href)

def block(path):
    t = H.fromstring(open(path, 'rb').read())
    own = os.path.basename(path)
    lines = []
    for a in t.xpath('//div[@id="nav1"]//a'):
        lines.append('menu: %s -> %s' % (re.sub(r'\s+', ' ', a.text_content()).strip(),
                                         norm_href(a.get('href'), own)))
    for ft in t.xpath('//div[@id="footer"]'):
        lines.append('footer: ' + re.sub(r'\s+', ' ', ft.text_content()).strip())
        for a in ft.xpath('.//a'):
            lines.append('footer-link: ' + norm_href(a.get('href'), own))
    return lines

def main():
    rows = list(csv.DictReader(open(os.path.join(ROOT, '..', 'pages.tsv')), delimiter='\t'))
    newest = max(r['commit_date'] for r in rows)
    groups = collections.defaultdict(list)
    for r in rows:
        b = block(os.path.join(ROOT, r['page']))
        # a page's own menu entry is allowed to be "[self-link]"; compare with own-name form
        key = tuple(re.sub(r'  \[self-link "#"\]$', '', l) if ('-> ' + os.path.basename(r['page'])) in l else l for l in b)
        groups[key].append(r)
    def cur_size(item):
        return sum(1 for r in item[1] if r['commit_date'] == newest)
    ordered = sorted(groups.items(), key=lambda kv: (-cur_size(kv), -len(kv[1])))
    ref = ordered[0][0]
    print('REFERENCE (current) block, %d pages:' % len(ordered[0][1]))
    for l in ref: print('   ', l)
    for r in ordered[0][1]: print('    *', r['page'])
    for n, (key, members) in enumerate(ordered[1:], 1):
        print('\n=== group %d: %d page(s)' % (n, len(members)))
        for r in members: print('    *', r['page'], r['commit_date'])
        if not key:
            print('    (no menu / footer found)'); continue
        for l in difflib.unified_diff(list(ref), list(key), 'current', 'this group', lineterm='', n=0):
            if not l.startswith(('---', '+++', '@@')): print('   ', l)

if __name__ == '__main__':
    main()
