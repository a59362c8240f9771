#!/usr/bin/env python3
"""Label the gcc-pilot corpus.

Block = the site-wide boilerplate every ordinary page of the Gloucester City Council pilot
site shares:
  header : <header class="site-header"> (logo link, search form) MINUS the per-page
           <h1 class="welcome-banner"> (the page title, per-page content)
  nav    : <nav class="main-nav"> (Menu button + Contact us / My Gloucester / News / Subscribe)
  footer : <footer class="site-footer"> (logo, Quick links, About Gloucester, Using our site,
           copyright and registered-office lines)
Each part is reduced to a list of lines: visible text of h2/h3/p/label/button, and for every
link its text plus its target resolved against the page URL (so a relative href that points
somewhere else from a sub-folder page counts as a different link), img src+alt, form action,
input attributes.
Current block = for each part, the most common value among the versions of ALL 53 site URLs
in the newest commit (HEAD of the bare git directory).
A page is 'flag' if any part differs from the current one, 'clean' if all three match,
'unscored' if it has none of the three parts (no site block at all).
Bytes are decoded by the charset declared in the page's <meta charset>, never guessed.
"""
import json, os, re, subprocess, difflib
from collections import Counter
from urllib.parse import urljoin
from lxml import html as LH

G = os.environ.get('GCC_GIT', '/work/.mirror/Gloucester-City-Council+gcc-public-web/repo')
HERE = os.path.dirname(os.path.abspath(__file__))
PAGES = json.load(open(os.path.join(HERE, 'pages.json')))
HOST = 'salmon-meadow-0dcf69803.2.azurestaticapps.net'

def decode(raw):
    m = re.search(rb'<meta[^>]+charset=["\']?([\w-]+)', raw[:4000], re.I)
    # no declared charset (only search/index.html, a pure-ASCII JS stub): decode as ASCII strictly
    return raw.decode(m.group(1).decode('ascii') if m else 'ascii')

def ws(s): return re.sub(r'\s+', ' ', s or '').strip()

def lines(el, base):
    out = []
    for e in el.iter():
        if not isinstance(e.tag, str): continue
        if e.tag == 'a':
            href = e.get('href')
            out.append(f'link {ws(e.text_content()) or "(no text)"} -> {urljoin(base, href) if href is not None else None}')
        elif e.tag == 'img':
            out.append(f'img {urljoin(base, e.get("src") or "")} alt={e.get("alt")!r}')
        elif e.tag == 'form':
            out.append(f'form action={urljoin(base, e.get("action")) if e.get("action") else None}')
        elif e.tag == 'input':
            out.append(f'input type={e.get("type")} name={e.get("name")} placeholder={e.get("placeholder")!r}')
        elif e.tag in ('h2', 'h3', 'h4', 'p', 'button', 'label'):
            out.append(f'{e.tag} {ws(e.text_content())}')
    return out

def extract(raw, url):
    t = LH.fromstring(decode(raw))
    res = {}
    h = t.xpath('//header[contains(concat(" ",@class," ")," site-header ")]')
    if h:
        h = h[0]
        for x in h.xpath('.//h1[contains(@class,"welcome-banner")]'): x.getparent().remove(x)
        res['header'] = lines(h, url)
    n = t.xpath('//nav[contains(concat(" ",@class," ")," main-nav ")]')
    if n: res['nav'] = lines(n[0], url)
    f = t.xpath('//footer[contains(concat(" ",@class," ")," site-footer ")]')
    if f: res['footer'] = lines(f[0], url)
    return res

def git_show(rev, path):
    return subprocess.run(['git', '--git-dir', G, 'show', f'{rev}:{path}'], capture_output=True, check=True).stdout

PARTS = ('header', 'nav', 'footer')
# 1. current block from the newest commit (all 53 URLs at HEAD)
cnt = {p: Counter() for p in PARTS}
for pg in PAGES:
    e = extract(git_show('HEAD', pg['repo_path']), pg['url'])
    for p in PARTS:
        if p in e: cnt[p][json.dumps(e[p])] += 1
cur = {}
print('== current block (newest commit, majority per part)')
for p in PARTS:
    mc = cnt[p].most_common()
    cur[p] = json.loads(mc[0][0])
    print(f'{p}: majority {mc[0][1]} of {sum(cnt[p].values())} pages; other variants: {[n for _, n in mc[1:]]}')
    for l in cur[p]: print('    ' + l)

def short(l): return l.replace(f'https://{HOST}', '')

# 2. compare every corpus page
truth = {'flag': [], 'clean': [], 'unscored': [], 'why': {}}
print('\n== pages')
for pg in PAGES:
    raw = open(os.path.join(HERE, 'html', pg['file']), 'rb').read()
    e = extract(raw, pg['url'])
    tag = 'HEAD' if pg['commit'] == subprocess.run(['git', '--git-dir', G, 'rev-parse', 'HEAD'], capture_output=True, text=True).stdout.strip() else 'old ' + pg['commit_date'][:10]
    if not e:
        truth['unscored'].append(pg['file'])
        print(f'UNSCORED {pg["file"]} [{tag}] no site-header / main-nav / site-footer')
        continue
    diffs = []
    for p in PARTS:
        a, b = cur[p], e.get(p)
        if b is None:
            diffs.append(f'{p}: missing'); continue
        if a == b: continue
        rm = [short(x) for x in a if x not in b]; ad = [short(x) for x in b if x not in a]
        d = f'{p}:'
        if rm: d += ' current lines absent: ' + ' | '.join(rm) + ';'
        if ad: d += ' page has instead: ' + ' | '.join(ad) + ';'
        if not rm and not ad: d += ' same lines, different order;'
        diffs.append(d)
    if diffs:
        truth['flag'].append(pg['file'])
        print(f'FLAG  {pg["file"]} [{tag}]')
        for d in diffs: print('      ' + d)
    else:
        truth['clean'].append(pg['file'])
        print(f'CLEAN {pg["file"]} [{tag}]')
print(f'\nflag {len(truth["flag"])}, clean {len(truth["clean"])}, unscored {len(truth["unscored"])}')
json.dump(truth, open(os.path.join(HERE, 'label_auto.json'), 'w'), indent=1)  # raw decisions; truth.json adds the hand-written reasons
