#!/usr/bin/env python3
"""Extract the boilerplate block of every page in html/ and compare it with the site's
current block (the majority block of the pages taken from the newest commit).

The block of a creativecommons.org 4.0 legal-code page is:
  HEADER   div.site-header-wrapper (logo, mobile/primary/secondary/social menus) and
           aside#header-below (donation bar); in the old design only p#header exists
  LANGSEL  div#language-selector-block: the language <select> (its options) and its label
  LANGFOOT the list of links "other languages available" (the <p> that holds a#languages)
  FOOTER   div.site-footer-wrapper (footer menu, contact address, licence notice)

Per-page parts that are NOT drift and are normalised away:
  * the licence part of the language links (/licenses/by-sa/4.0/ vs /licenses/by/4.0/):
    every licence links to its own translations -> replaced by {LIC};
  * //creativecommons.org/... vs /...: same link target -> host prefix removed;
  * the page's own language: it is `selected` in the <select> and left out of LANGFOOT;
  * the label of the language selector is written in the page's language -> it is
    compared with the label of the same language on the newest pages, not with English.

Output: for every page, "SAME" or the list of differing lines (- current / + page).
"""
import collections, json, os, re, sys
import lxml.html

HERE = os.path.dirname(os.path.abspath(__file__))
HTML = os.path.join(HERE, 'html')
NEWEST = '7f5253347532fc0cb6cf51d78a7085d081fb4216'


def norm(s):
    return ' '.join((s or '').split())


def norm_href(h, lic=False):
    h = h or ''
    h = re.sub(r'^(https?:)?//creativecommons\.org(?=/)', '', h)
    if lic:   # only for the language links: each licence links to its own translations
        h = re.sub(r'^/licenses/[a-z-]+/4\.0/', '/licenses/{LIC}/4.0/', h)
    return h


def items(el):
    """Flatten an element into a list of lines: links, images, options and text."""
    out = []
    for e in el.iter():
        if not isinstance(e.tag, str) or e.tag in ('script', 'style'):
            continue
        if e.tag == 'a':
            out.append('LINK %s | %s' % (norm_href(e.get('href')), norm(e.text_content())))
        elif e.tag == 'img':
            out.append('IMG %s | %s' % (e.get('src'), e.get('alt')))
        elif e.tag == 'option':
            out.append('OPTION %s | %s' % (e.get('value'), norm(e.text_content())))
        elif e.tag in ('input', 'button', 'select'):
            t = norm(e.text)
            out.append('%s %s' % (e.tag.upper(), t) if t else e.tag.upper())
        else:
            t = norm(e.text)
            if t and not any(a.tag == 'a' for a in e.iterancestors() if isinstance(a.tag, str)) \
                    and e.tag not in ('option',):
                out.append('TEXT ' + t)
        t = norm(e.tail)
        if t and t not in (',', '.', ':') and e is not el:
            # tails of links and options are separators; keep real text only
            if not (e.tag == 'a' and t in (',', '.')):
                out.append('TEXT ' + t)
    return out


def page_lang(relpath):
    m = re.search(r'/legalcode(?:\.([A-Za-z-]+))?\.html$', relpath)
    return m.group(1) or 'en'


def extract(path, relpath):
    with open(path, 'rb') as f:
        raw = f.read()
    # all pages are UTF-8 (some with a BOM, some declare it only after the <title>): decode explicitly
    doc = lxml.html.document_fromstring(raw.decode('utf-8-sig'))
    lang = page_lang(relpath)
    own_value = 'legalcode' if lang == 'en' else 'legalcode.' + lang
    blk = {}
    # HEADER
    hdr = []
    for el in doc.xpath('//div[contains(concat(" ",@class," ")," site-header-wrapper ")]'
                        ' | //aside[@id="header-below"] | //p[@id="header"]'):
        hdr.append('<%s %s>' % (el.tag, el.get('id') or el.get('class')))
        hdr += items(el)
    blk['HEADER'] = hdr
    # LANGSEL
    sel = doc.xpath('//div[@id="language-selector-block"]')
    label = None
    opts = []
    notes = []
    if sel:
        s = sel[0]
        label = norm(' '.join(t for t in s.xpath('.//div[@class="language-selector-inner"]/text()')))
        for o in s.xpath('.//option'):
            opts.append('OPTION %s | %s' % (o.get('value'), norm(o.text_content())))
            if o.get('selected') is not None and o.get('value') != own_value:
                notes.append('selected option is %s, page language is %s' % (o.get('value'), lang))
        for im in s.xpath('.//img'):
            opts.append('IMG %s | %s' % (im.get('src'), im.get('alt')))
    blk['LANGSEL'] = opts
    # LANGFOOT: links to legalcode translations in the paragraph that holds the languages anchor
    foot = []
    anc = doc.xpath('//a[@id="languages" or @name="languages"]')
    if anc:
        p = anc[0].getparent()
        for a in p.xpath('.//a[@href]'):
            h = norm_href(a.get('href'), lic=True)
            if re.match(r'^/licenses/\{LIC\}/4\.0/legalcode', h):
                v = h.rsplit('/', 1)[1]
                if v == own_value:
                    notes.append('LANGFOOT lists the page\'s own language')
                    continue
                foot.append('LINK %s | %s' % (h, norm(a.text_content())))
    blk['LANGFOOT'] = foot
    # FOOTER
    ftr = []
    for el in doc.xpath('//div[contains(concat(" ",@class," ")," site-footer-wrapper ")]'):
        ftr += items(el)
    blk['FOOTER'] = ftr
    return blk, label, lang, notes


def main():
    pages = json.load(open(os.path.join(HERE, 'pages.json')))
    data = {}
    for p in pages:
        data[p['path']] = extract(os.path.join(HTML, p['path']), p['path']) + (p,)

    # current block = majority over the pages of the newest commit, per section;
    # LANGFOOT: the full list = union of the page lists; a page must show it minus its own language
    newest = [k for k, v in data.items() if v[4]['commit'] == NEWEST]
    current = {}
    for sec in ('HEADER', 'LANGSEL', 'FOOTER'):
        c = collections.Counter(tuple(data[k][0][sec]) for k in newest)
        current[sec], n = c.most_common(1)[0]
        print('current %-8s: %d lines, shared by %d of %d newest pages' % (sec, len(current[sec]), n, len(newest)))
    c = collections.Counter()
    for k in newest:
        full = tuple(sorted(set(data[k][0]['LANGFOOT']) | {
            'LINK /licenses/{LIC}/4.0/%s | %s' % (o.split()[1], o.split(' | ')[1])
            for o in data[k][0]['LANGSEL'] if o.startswith('OPTION') and
            o.split()[1] == ('legalcode' if data[k][2] == 'en' else 'legalcode.' + data[k][2])}))
        c[full] += 1
    full_foot, n = c.most_common(1)[0]
    print('current LANGFOOT (all languages): %d links, shared by %d of %d newest pages' % (len(full_foot), n, len(newest)))
    # order of the LANGFOOT = order of the options in LANGSEL (alphabetical by code)
    order = [o.split()[1] for o in current['LANGSEL'] if o.startswith('OPTION')]
    full_foot = sorted(full_foot, key=lambda l: order.index(l.split()[1].rsplit('/', 1)[1]))
    labels = collections.defaultdict(collections.Counter)
    for k in newest:
        labels[data[k][2]][data[k][1]] += 1
    print()
    import difflib
    result = {}
    for k in sorted(data):
        blk, label, lang, notes, p = data[k]
        own = 'legalcode' if lang == 'en' else 'legalcode.' + lang
        exp = dict(current)
        exp['LANGFOOT'] = [l for l in full_foot if l.split()[1].rsplit('/', 1)[1] != own]
        diffs = []
        for sec in ('HEADER', 'LANGSEL', 'LANGFOOT', 'FOOTER'):
            if list(blk[sec]) != list(exp[sec]):
                d = [l for l in difflib.unified_diff(list(exp[sec]), list(blk[sec]), lineterm='', n=0)
                     if not l.startswith(('---', '+++', '@@'))]
                diffs.append((sec, d))
        exp_label = labels[lang].most_common(1)[0][0] if labels[lang] else None
        if label != exp_label:
            diffs.append(('LABEL', ['- %s' % exp_label, '+ %s' % label]))
        tag = 'SAME' if not diffs and not notes else 'DIFF'
        result[k] = diffs
        print('%s %s  [%s %s]' % (tag, k, p['commit'][:8], p['commit_date'][:10]))
        for n_ in notes:
            print('    NOTE', n_)
        for sec, d in diffs:
            minus = sum(1 for l in d if l.startswith('-'))
            plus = sum(1 for l in d if l.startswith('+'))
            print('    %s: %d current lines missing, %d other lines' % (sec, minus, plus))
            for l in d[:60]:
                print('      ' + l[:160])
            if len(d) > 60:
                print('      ... %d more' % (len(d) - 60))
    print()
    print('pages:', len(data), ' same:', sum(1 for v in result.values() if not v),
          ' differing:', sum(1 for v in result.values() if v))


if __name__ == '__main__':
    main()
