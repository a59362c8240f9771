#!/usr/bin/env python3
"""Re-create text/ (and html/) of the zohranfornyc-text corpus from the bare git
directory of github.com/fedex1/zohranfornyc-mirror (a daily `wget -k -p -r`
mirror of https://www.zohranfornyc.com/, Aug-Dec 2025).

The repository holds HTML only; each HTML capture is kept byte-for-byte
(gzip-compressed, .html.gz) under html/ and converted to Markdown-style text with the `html2text` Python package
(version 2025.4.15, default settings: body_width=78) into text/.

    ZOHRAN_GIT=/work/.mirror/fedex1+zohranfornyc-mirror/repo python3 build.py
"""
import gzip, os, subprocess, shutil, sys
import html2text

GIT = os.environ.get("ZOHRAN_GIT", "/work/.mirror/fedex1+zohranfornyc-mirror/repo")
HERE = os.path.dirname(os.path.abspath(__file__))
HOST = "www.zohranfornyc.com/"
NEWEST = "bc339d2ca662634d283a6527f9364c5120c9e045"  # 2025-12-25, the repository's newest commit

# Pages left out of the newest commit:
#  index.html: by December the home page is the *transition* site (other header/footer),
#              a different website, not a drifted copy of this one;
#  birthday, gotv, events, revenue, volunteer/*: landing pages/forms without the site-wide
#              header and footer (no block to compare).
EXCLUDE = {"index.html", "birthday", "gotv", "events", "revenue", "volunteer/signup",
           "volunteer/events", "volunteer/events?startDate=2025-08-17",
           "volunteer/events?startDate=2025-09-20&endDate=2025-09-21", "robots.txt"}

# Older captures (commit, path): English pages as the daily crawl saw them on
# earlier dates, chosen for the different states of the site-wide block.
OLDER = [
    ("501367aabdc62e7d9964afa1112c8b836afed1b3", "platform"),        # 2025-11-04
    ("501367aabdc62e7d9964afa1112c8b836afed1b3", "faq"),
    ("8a020e1b12fe682a588eb50865fe1aab1af52773", "endorsements"),    # 2025-11-01
    ("8a020e1b12fe682a588eb50865fe1aab1af52773", "press"),
    ("3aa616c8fde1aefe0c21b9953dfe824ee45cee00", "jobs"),            # 2025-10-29
    ("18428011c58970e21af72ad32ee662947f0484cc", "5things"),         # 2025-08-29
    ("f303ead3e57284d166378b638961539d04da9e43", "privacy-policy"),  # 2025-08-13
    ("e230c2c81a9a19587ea069ce1529e07b45820d9c", "terms-of-service"),# 2025-08-03
    # translated pages the day before (HTML bytes differ from the newest capture)
    ("501367aabdc62e7d9964afa1112c8b836afed1b3", "es/press"),        # 2025-11-04
    ("501367aabdc62e7d9964afa1112c8b836afed1b3", "fr/endorsements"),
    ("501367aabdc62e7d9964afa1112c8b836afed1b3", "zh-CN/endorsements"),
    ("8a020e1b12fe682a588eb50865fe1aab1af52773", "ht/platform"),     # 2025-11-01
]


def git(*args):
    return subprocess.run(["git", "--git-dir", GIT] + list(args), check=True,
                          capture_output=True).stdout


def convert(data):
    h = html2text.HTML2Text()  # defaults: body_width=78, links kept inline
    return h.handle(data.decode("utf-8", "replace"))


def emit(commit, path, prefix):
    data = git("show", f"{commit}:{HOST}{path}")
    name = path.replace("?", "_").replace("&", "_").replace("=", "_")
    out_t = os.path.join(HERE, "text", prefix, name + ".md")
    out_h = os.path.join(HERE, "html", prefix, name + ".html.gz")
    for p in (out_t, out_h):
        os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(out_h, "wb") as f:  # gzip only to save room; gunzip gives the committed bytes
        f.write(gzip.compress(data, mtime=0))
    with open(out_t, "w", encoding="utf-8", newline="\n") as f:
        f.write(convert(data))
    return os.path.relpath(out_t, os.path.join(HERE, "text"))


def main():
    for d in ("text", "html"):
        shutil.rmtree(os.path.join(HERE, d), ignore_errors=True)
    full = git("rev-parse", NEWEST).decode().strip()
    pages = []
    for p in git("ls-tree", "-r", "--name-only", full, HOST).decode().splitlines():
        rel = p[len(HOST):]
        if rel.startswith(("_next/", "static/")) or rel in EXCLUDE:
            continue
        pages.append((full, rel, ""))
    for c, rel in OLDER:
        fc = git("rev-parse", c).decode().strip()
        date = git("log", "-1", "--format=%ad", "--date=short", fc).decode().strip()
        pages.append((fc, rel, f"{date}_{fc[:7]}"))
    rows = []
    for c, rel, prefix in pages:
        t = emit(c, rel, prefix)
        rows.append((t, c, HOST + rel))
    with open(os.path.join(HERE, "pages.tsv"), "w") as f:
        f.write("text_path\tcommit\trepo_path\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(len(rows), "pages", file=sys.stderr)


if __name__ == "__main__":
    main()
