#!/usr/bin/env python3
"""Re-create html/ of the cc-legalcode corpus from the bare git directory of
github.com/creativecommons/creativecommons.org (fetched with the search tool's `fetch`
verb to /work/.mirror/creativecommons+creativecommons.org/repo).

Every page is written byte-for-byte as the git blob (`git cat-file blob`), one capture per URL.
Repository file  docroot/legalcode/<lic>_4.0[_<lang>].html  is served as
https://creativecommons.org/licenses/<lic>/4.0/legalcode[.<lang>]  (the URL scheme the pages
themselves use in their language links), and is stored here as
html/creativecommons.org/licenses/<lic>/4.0/legalcode[.<lang>].html

Usage: python3 build.py [GIT_DIR]
"""
import os, subprocess, sys, json

GIT_DIR = sys.argv[1] if len(sys.argv) > 1 else '/work/.mirror/creativecommons+creativecommons.org/repo'
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, 'html')

NEWEST = '7f5253347532fc0cb6cf51d78a7085d081fb4216'   # 2026-04-29, newest commit of branch main

LANGS = ['ar', 'cs', 'da', 'de', 'el', 'en', 'es', 'eu', 'fi', 'fr', 'fy', 'hr', 'id', 'it', 'ja',
         'ko', 'lt', 'lv', 'mi', 'nl', 'no', 'pl', 'pt', 'ro', 'ru', 'sl', 'sv', 'tr', 'uk',
         'zh-Hans', 'zh-Hant']
SELECTION = {
    'by': LANGS, 'by-sa': LANGS, 'by-nc': LANGS,
    'by-nd': ['en', 'de', 'fr', 'ja', 'pt', 'zh-Hant'],
    'by-nc-sa': ['en', 'es', 'it', 'ko', 'nl', 'sv'],
    'by-nc-nd': ['en', 'ar', 'fi', 'pl', 'ru', 'uk'],
}
# URLs taken from an older commit of main instead of the newest one (full hashes).
OLDER = {
    # 2018-06-19 "Fix #818 - Add português to the language list ..." (old legalcode design)
    '5c7fc7c8eee0caf3b908c71ebf31b7ffb2616901': [('by-nd', 'en'), ('by-nc-sa', 'nl'), ('by-nc-nd', 'fi')],
    # 2018-11-29 "ran ../../tools/add_cc4_links.py el Ελληνικά"
    '811dfa6b2d40c8f2b4de5e4b2a97791baaf53865': [('by-nc', 'it'), ('by-sa', 'lv')],
    # 2019-07-01 "Remove ET from footer"
    '74f876fb76baf085e53cdd5a7e503dbbba03d62f': [('by', 'eu'), ('by-nc-nd', 'pl')],
    # 2020-01-02 merge of cc4-zh-Hant-legalcode
    '2d9c48111cd40a1a5e7329b77cc0ce1a4abf3b42': [('by-sa', 'de'), ('by-nd', 'ja')],
    # 2020-06-04 merge of cc4-sl-legalcode
    '98624a4031a3ded8d07f01e4f4dbc08d205c3ed3': [('by-nc', 'sl'), ('by', 'ko')],
    # 2022-06-27 merge of PR #1199
    'e57455dda7597a1a0fa6ff7588d17c4149d27b15': [('by-nc-sa', 'ko'), ('by-sa', 'ro')],
    # 2023-02-28 merge of cc4-da-legalcode (Danish added, Frisian not yet)
    '53221c0fa9bce98b70c4513b7d21aeb54aae56e6': [('by', 'da'), ('by-nc', 'en'), ('by-nd', 'pt')],
    # 2023-02-28 merge of cc4-fy-legalcode (block already as today; page text changed later)
    '2418de2159def15c01b20d36d8b8fba65e36dd3b': [('by-nc', 'fy')],
}

def git(*args):
    return subprocess.check_output(['git', '--git-dir=' + GIT_DIR] + list(args))

def full(c):
    return git('rev-parse', c + '^{commit}').decode().strip()

def repo_path(lic, lang):
    return 'docroot/legalcode/%s_4.0%s.html' % (lic, '' if lang == 'en' else '_' + lang)

def out_path(lic, lang):
    return 'creativecommons.org/licenses/%s/4.0/legalcode%s.html' % (lic, '' if lang == 'en' else '.' + lang)

def main():
    older = {}
    for c, lst in OLDER.items():
        for key in lst:
            assert key not in older, key
            older[key] = full(c)
    pages = []
    for lic, langs in SELECTION.items():
        for lang in langs:
            commit = older.get((lic, lang), NEWEST)
            rp = repo_path(lic, lang)
            line = git('ls-tree', commit, rp).decode().split()
            assert line and line[1] == 'blob' and line[0] in ('100644', '100755'), (commit, rp, line)
            blob = line[2]
            data = git('cat-file', 'blob', blob)
            op = out_path(lic, lang)
            dest = os.path.join(OUT, op)
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            with open(dest, 'wb') as f:
                f.write(data)
            date = git('log', '-1', '--format=%aI', commit).decode().strip()
            pages.append({'path': op, 'url': 'https://' + op[:-len('.html')], 'repo_path': rp,
                          'commit': commit, 'commit_date': date, 'blob': blob, 'bytes': len(data)})
    assert len({(p['path']) for p in pages}) == len(pages)
    for k in older:
        assert k[1] in SELECTION[k[0]], k
    with open(os.path.join(HERE, 'pages.json'), 'w') as f:
        json.dump(pages, f, indent=1, ensure_ascii=False)
    print(len(pages), 'pages,', sum(p['bytes'] for p in pages), 'bytes,',
          sum(p['commit'] != NEWEST for p in pages), 'from older commits')

if __name__ == '__main__':
    main()
