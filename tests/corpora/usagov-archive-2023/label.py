#!/usr/bin/env python3
"""Extract the boilerplate block of every page in html/, group pages by identical blocks
(per page type = language), diff each group against the majority of its type, and write
truth.json from the hand decisions in DECISIONS below.

Block (see README.md):
  B1 banner  : every div.usa-banner inside <header class="usa-header"> (the .gov banner and
               the "Visit the next version of USA.gov" beta banner): text, links, image sources
  B2 navbar  : header logo link + image, the secondary nav links (phone number), the search
               form (action + hidden affiliate value), the menu button text
  B3 footer  : <footer class="usa-footer">: full text, links, image sources
Excluded as legitimately per-page: the breadcrumb (div.usa-navbar.breadcrumb), the
mobile/mega menu tree (ul#mobile-nav: it is expanded along the current page's own trail),
and the language toggle (a.language-toggle*, points to the page's own translation).
Links are resolved against the page's <base href> (all pages carry the same base), so
relative and absolute spellings of the same target compare equal; http/https and a
trailing slash are normalised.
"""
import os, re, sys, json, collections, difflib
from lxml import html
from urllib.parse import urljoin

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, 'html')
SITE = 'https://www.usa.gov/'

def norm_url(u):
    u = u.strip()
    u = re.sub(r'^http://', 'https://', u)
    if u.endswith('/') and u.count('/') > 3:
        u = u[:-1]
    return u

def ws(s):
    return ' '.join((s or '').split())

def lines_of(el, base):
    out = []
    for a in el.iter('a'):
        out.append('LINK %s -> %s' % (ws(a.text_content()), norm_url(urljoin(base, a.get('href') or ''))))
    for i in el.iter('img'):
        out.append('IMG %s' % norm_url(urljoin(base, i.get('src') or '')))
    for f in el.iter('form'):
        out.append('FORM %s' % norm_url(urljoin(base, f.get('action') or '')))
    for i in el.iter('input'):
        if i.get('type') == 'hidden':
            out.append('HIDDEN %s=%s' % (i.get('name'), i.get('value')))
    out.append('TEXT ' + ws(el.text_content()))
    return out

def block(path):
    raw = open(path, 'rb').read()
    doc = html.fromstring(raw)
    b = doc.xpath('//base/@href')
    base = urljoin(SITE + os.path.relpath(path, ROOT), b[0]) if b else SITE + os.path.relpath(path, ROOT)
    lang = (doc.get('lang') or '').strip() or '?'
    hdr = doc.xpath('//header[contains(concat(" ",@class," ")," usa-header ")]')
    ftr = doc.xpath('//footer[contains(@class,"usa-footer")]')
    if not hdr or not ftr:
        return lang, None
    hdr = hdr[0]
    for bad in hdr.xpath('.//*[contains(@class,"breadcrumb")] | .//*[@id="mobile-nav"] | .//a[contains(@class,"language-toggle")]'):
        bad.getparent().remove(bad)
    B = []
    for bn in hdr.xpath('.//div[contains(concat(" ",@class," ")," usa-banner ")]'):
        B += ['B1 ' + l for l in lines_of(bn, base)]
        bn.getparent().remove(bn)
    for nb in hdr.xpath('.//div[contains(concat(" ",@class," ")," usa-navbar ")] | .//div[contains(@class,"usa-nav-secondary")]'):
        B += ['B2 ' + l for l in lines_of(nb, base)]
    B += ['B3 ' + l for l in lines_of(ftr[0], base)]
    return lang, B

def main():
    pages = sorted(os.path.relpath(os.path.join(r, f), ROOT) for r, d, fs in os.walk(ROOT) for f in fs if f.endswith('.html'))
    data = {p: block(os.path.join(ROOT, p)) for p in pages}
    bytype = collections.defaultdict(dict)
    for p, (lang, B) in data.items():
        if B is not None:
            bytype[lang][p] = B
    report = {}
    for lang, d in sorted(bytype.items()):
        groups = collections.defaultdict(list)
        for p, B in d.items():
            groups[tuple(B)].append(p)
        gs = sorted(groups.items(), key=lambda kv: -len(kv[1]))
        maj = list(gs[0][0])
        print('== type lang=%s: %d pages, %d distinct blocks; majority group %d pages' % (lang, len(d), len(gs), len(gs[0][1])))
        for B, ps in gs[1:]:
            diff = [l for l in difflib.unified_diff(maj, list(B), lineterm='', n=0) if l[:1] in '+-' and not l.startswith(('+++', '---'))]
            print('  -- group of %d: %s' % (len(ps), ps[:6]))
            for l in diff[:20]:
                print('     ' + l[:300])
            for p in ps:
                report[p] = diff
    for p, (lang, B) in data.items():
        if B is None:
            print('  no block (stub/other):', p)
    return data, report

# Hand decisions, made after reading the output of main() and the pages themselves.
# Anything not listed: clean if it has a block identical to its type's majority; unscored if no block.
DECISIONS = {
    # path: ('flag'|'clean'|'unscored', reason)
}

def write_truth(data, report):
    truth = {'flag': [], 'clean': [], 'unscored': [], 'why': {}}
    for p, (lang, B) in sorted(data.items()):
        if p in DECISIONS:
            lab, why = DECISIONS[p]
        elif B is None:
            lab, why = 'unscored', None
        elif p in report:
            sys.exit('undecided page with a differing block: ' + p)
        else:
            lab, why = 'clean', None
        truth[lab].append(p)
        if lab == 'flag':
            truth['why'][p] = why
    with open(os.path.join(HERE, 'truth.json'), 'w') as f:
        json.dump(truth, f, indent=1, ensure_ascii=False)
    print({k: len(v) for k, v in truth.items()})

if __name__ == '__main__':
    data, report = main()
    write_truth(data, report)
