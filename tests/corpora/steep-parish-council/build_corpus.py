#!/usr/bin/env python3
"""Copy the selected page versions, byte-identical, out of the fetched bare git
repository of thomas041/steep-parish-council-steep and write pages.tsv."""
import os, subprocess, sys
GITDIR = '/work/.mirror/thomas041+steep-parish-council-steep/repo/.git'
HOST = 'www.steep-pc.gov.uk'
HEAD = '740472a'
# (commit, path) of older versions; newest commit is taken whole
OLDER = [
    # 2020-06-01 first commit ("Migrated to Gitlab"): 9-item menu, no Accessibility Statement
    ('f5865d3', p) for p in ['index.html', 'councillors.html', 'minutes.html', 'foi.html',
                             'links.html', 'tcode.html', 'working.html', 'assembly.html']
] + [
    # 2020-06-22 "Added accessibility statement": 10th item mislabelled "Archived Minutes"
    ('4995e38', p) for p in ['index.html', 'councillors.html', 'minutes.html', 'tcode.html',
                             'archive.html', 'accessibility.html']
] + [
    # later versions that already carry the current menu + footer
    ('ffb023e', 'index.html'), ('6f1d11e', 'index.html'), ('764689b', 'index.html'),
    ('5d9b5ae', 'index.html'), ('0607ba7', 'index.html'), ('4496281', 'index.html'),
    ('9cbcaf2', 'index.html'),
    ('c4e34ce', 'councillors.html'), ('e6b8cc8', 'councillors.html'), ('57bed97', 'councillors.html'),
    ('c4e34ce', 'minutes.html'), ('0fb5935', 'minutes.html'), ('13943df', 'minutes.html'),
    ('d4e2a84', 'minutes.html'),
    ('c4e34ce', 'tcode.html'), ('bdd3874', 'tcode.html'),
]

def git(*a):
    return subprocess.check_output(['git', '--git-dir=' + GITDIR] + list(a))

def info(c):
    full, date = git('log', '-1', '--format=%H %ad', '--date=short', c).decode().split()
    return full, date

rows = []
def put(commit, path, rel):
    full, date = info(commit)
    data = git('cat-file', 'blob', f'{full}:{path}')
    out = os.path.join('html', rel)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, 'wb') as f:
        f.write(data)
    rows.append((rel, full, date, f'https://{HOST}/{path}'))

head_full, head_date = info(HEAD)
for p in git('ls-tree', '-r', '--name-only', HEAD).decode().split('\n'):
    if p.endswith('.html'):
        put(HEAD, p, f'{HOST}/{p}')
for c, p in OLDER:
    full, date = info(c)
    put(c, p, f'{HOST}/{date}_{c}/{p}')

with open('pages.tsv', 'w') as f:
    f.write('page\tsource_commit\tcommit_date\turl\n')
    for r in rows:
        f.write('\t'.join(r) + '\n')
print(len(rows), 'pages')
