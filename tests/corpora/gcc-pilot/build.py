#!/usr/bin/env python3
"""Re-create html/ from the bare git directory of
https://github.com/Gloucester-City-Council/gcc-public-web (fetched as
/work/.mirror/Gloucester-City-Council+gcc-public-web/repo).

pages.json lists, for every page: repo_path (file in the repository, under _site/),
commit (full hash of the commit the capture is taken from), blob (git blob id, checked),
file (output path under html/) and url.  43 pages come from the newest commit
001b2e4ac2... (2026-02-25); 10 from older commits (2026-01-07 .. 2026-02-03).
Files are written byte-identical to the git blobs.
"""
import json, os, subprocess, sys, shutil
G = os.environ.get('GCC_GIT', '/work/.mirror/Gloucester-City-Council+gcc-public-web/repo')
here = os.path.dirname(os.path.abspath(__file__))
pages = json.load(open(os.path.join(here, 'pages.json')))
out = os.path.join(here, 'html')
if os.path.isdir(out): shutil.rmtree(out)
total = 0
for p in pages:
    raw = subprocess.run(['git', '--git-dir', G, 'show', f"{p['commit']}:{p['repo_path']}"],
                         capture_output=True, check=True).stdout
    bid = subprocess.run(['git', '--git-dir', G, 'rev-parse', f"{p['commit']}:{p['repo_path']}"],
                         capture_output=True, text=True, check=True).stdout.strip()
    assert bid == p['blob'], (p, bid)
    dst = os.path.join(out, p['file'])
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    open(dst, 'wb').write(raw)
    total += len(raw)
print(len(pages), 'pages,', total, 'bytes')
