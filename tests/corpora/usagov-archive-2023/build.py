#!/usr/bin/env python3
"""Re-create html/ from the bare git snapshot of usagov/usagov-archive-2023.

Selection rule (deterministic, by sorted path, at one commit = HEAD of the snapshot):
  * only *.html files (the .shtml files of the repo are not taken);
  * a file is a "full page" if it contains a <footer class="usa-footer ...">, else a "stub"
    (the stubs are the meta-refresh redirect pages of the archive);
  * full pages are grouped by section: English = first path segment, Spanish = 'espanol/<2nd segment>';
    sections holding a single page (the topic pages such as 'taxes/index.html') are pooled
    into 'en-topics' / 'es-topics'; the two home pages are always taken;
  * pools: every 12th page; sections with >=100 pages: 5 evenly spaced; 10..99 pages: 2
    (first and middle); <10 pages: the first;
  * stubs: every 40th;
  * plus every full page whose <html lang> disagrees with the language of its path
    (one page: avisos-y-politicas-de-este-sitio/index.html, a Spanish page at an English path).
Files are written byte-for-byte (git cat-file blob), keeping their repository paths.
"""
import os, subprocess, sys, json, re
GIT = '/work/.mirror/usagov+usagov-archive-2023/repo'
COMMIT = '7d2007e137c6c8c0e615d2025ddf2814774093c4'
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'html')

def git(*a, **k):
    return subprocess.run(['git', '--git-dir=' + GIT] + list(a), check=True, stdout=subprocess.PIPE, **k).stdout

def main():
    rows = []
    for line in git('ls-tree', '-r', COMMIT).decode().splitlines():
        meta, path = line.split('\t', 1)
        mode, typ, sha = meta.split()
        if path.endswith('.html'):
            rows.append((path, sha))
    rows.sort()
    full, stubs = [], []
    for path, sha in rows:
        b = git('cat-file', 'blob', sha)
        (full if re.search(rb'<footer[^>]*class="[^"]*usa-footer', b) else stubs).append((path, sha))
    groups = {}
    for path, sha in full:
        parts = path.split('/')
        if path in ('index.html', 'espanol/index.html'):
            key = 'home'
        elif parts[0] == 'espanol':
            key = 'espanol/' + parts[1] if len(parts) > 2 else 'espanol/' + parts[-1]
        else:
            key = parts[0]
        groups.setdefault(key, []).append((path, sha))
    pools = {'en-topics': [], 'es-topics': []}
    chosen = []
    for key, items in sorted(groups.items()):
        if key == 'home':
            chosen += items
        elif len(items) == 1:
            pools['es-topics' if key.startswith('espanol/') else 'en-topics'] += items
        elif len(items) >= 100:
            n = len(items); chosen += [items[i * n // 5] for i in range(5)]
        elif len(items) >= 10:
            chosen += [items[0], items[len(items) // 2]]
        else:
            chosen.append(items[0])
    for k in pools:
        chosen += sorted(pools[k])[::12]
    chosen += stubs[::40]
    for path, sha in full:
        head = git('cat-file', 'blob', sha)[:400]
        m = re.search(rb'<html[^>]*\blang="([a-z]+)"', head)
        if m and (m.group(1) == b'es') != path.startswith('espanol/') and (path, sha) not in chosen:
            chosen.append((path, sha))
    chosen.sort()
    manifest = []
    for path, sha in chosen:
        dst = os.path.join(OUT, path)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        b = git('cat-file', 'blob', sha)
        with open(dst, 'wb') as f:
            f.write(b)
        manifest.append({'page': path, 'blob': sha, 'commit': COMMIT,
                         'url_on_archive': 'https://federalist-36a58435-bbf2-47f1-8c05-dd08d446e3cf.sites.pages.cloud.gov/site/usagov/usagov-archive-2023/' + path})
    with open(os.path.join(os.path.dirname(OUT), 'pages.json'), 'w') as f:
        json.dump(manifest, f, indent=1)
    print(len(full), 'full pages,', len(stubs), 'stubs;', len(chosen), 'chosen')

if __name__ == '__main__':
    main()
