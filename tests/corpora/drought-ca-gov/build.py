#!/usr/bin/env python3
"""Re-create html/, warc/captures.warc.gz and map.json for the drought.ca.gov corpus.

Source: bare git directory of github.com/cagov/drought.ca.gov, branch deploy_production
(the 11ty build output that the "Eleventy Build Staging" workflow committed on every
deploy of https://staging.drought.ca.gov/).  Every capture is `git show <commit>:<path>`,
byte for byte; its date is the commit's committer date (UTC).

    DROUGHT_GIT_DIR=/work/.mirror/cagov+drought.ca.gov/repo python3 build.py
"""
import io, os, sys, json, shutil, subprocess, datetime, re
from warcio.warcwriter import WARCWriter
from warcio.statusandheaders import StatusAndHeaders

GIT_DIR = os.environ.get('DROUGHT_GIT_DIR', '/work/.mirror/cagov+drought.ca.gov/repo')
HERE = os.path.dirname(os.path.abspath(__file__))
HOST = 'https://staging.drought.ca.gov'
NEWEST = 'c47ddc878ecb2d0ca8bad2db0224cd33e51a5612'   # head of deploy_production, 2023-09-02

# newest capture: stored as html/<path>
NEWEST_PAGES = [
    'index.html',
    'current-drought-conditions/index.html',
    'drought-assistance/index.html',
    'water-saving-tips/index.html',
    'newsroom/index.html',
    'state-drought-response/index.html',
    'emergency-proclamation/index.html',
    'dwr-awards-86-million-to-build-water-resilience-for-millions-of-californians/index.html',
    'governor-newsom-signs-ab-148/index.html',
    'state-water-board-re-ups-ban-on-wasteful-water-uses-amid-drought/index.html',
    'second-snow-survey-reflects-boost-from-atmospheric-rivers/index.html',
    'water-waste-in-landscaping-prohibited/index.html',
    'july-2022-urban-water-use-10-4-lower-than-in-july-2020/index.html',
    'cdfw-saves-more-than-2-million-chinook-salmon-from-drought/index.html',
    'new-water-year-begins-amid-preparations-for-continued-drought/index.html',
    'year-in-review-state-water-board-delivers-3-3b-to-communities-to-boost-drought-resilience-increase-water-supplies/index.html',
]

# older captures: (commit prefix, path), stored as html/<YYYY-MM-DD>_<sha7>/<path>
OLDER = [
    ('5705e885', 'emergency-proclamation-expanded/index.html'),
    ('42b54e76', 'water-saving-tips/index.html'),
    ('42b54e76', 'drought-emergency-extended-statewide/index.html'),
    ('45bb973f', 'newsroom/index.html'),
    ('45bb973f', 'governor-newsom-takes-action-to-respond-to-drought-conditions/index.html'),
    ('68ddc01c', 'current-drought-conditions/index.html'),
    ('e86b4ee0', 'state-drought-response/index.html'),
    ('7273c741', 'reduce-water-use/index.html'),
    ('b84b96ac', 'index.html'),
    ('1308959e', 'dwr-awards-28-million-in-small-community-drought-relief-funding/index.html'),
    ('f70d8d52', 'statewide-snowpack-well-below-normal-as-wet-season-winds-down/index.html'),
    ('2880671d', 'resources/index.html'),
    ('58c62c0b', 'weekly-drought-update/index.html'),
    ('2735338a', 'index.html'),
]


def git(*args):
    return subprocess.check_output(['git', '--git-dir=' + GIT_DIR] + list(args))


def commit_info(ref):
    sha, cdate = git('log', '-1', '--format=%H %cI', ref).decode().split()
    dt = datetime.datetime.fromisoformat(cdate).astimezone(datetime.timezone.utc)
    return sha, dt.strftime('%Y-%m-%dT%H:%M:%SZ')


def uri_for(path):
    assert path.endswith('index.html')
    return HOST + '/' + path[:-len('index.html')]


def main():
    captures = []
    sha, date = commit_info(NEWEST)
    for p in NEWEST_PAGES:
        captures.append((p, sha, date, p))
    for ref, p in OLDER:
        sha, date = commit_info(ref)
        captures.append((f'{date[:10]}_{sha[:7]}/{p}', sha, date, p))

    for d in ('html', 'warc'):
        shutil.rmtree(os.path.join(HERE, d), ignore_errors=True)
    os.makedirs(os.path.join(HERE, 'warc'))
    mapping = {}
    with open(os.path.join(HERE, 'warc', 'captures.warc.gz'), 'wb') as out:
        writer = WARCWriter(out, gzip=True)
        for rel, sha, date, p in captures:
            data = git('show', f'{sha}:{p}')
            uri = uri_for(p)
            m = re.search(rb'<link rel="canonical" href="([^"]*)"', data)
            if m and m.group(1).decode() != uri:
                print('WARNING canonical differs', rel, m.group(1).decode(), file=sys.stderr)
            dst = os.path.join(HERE, 'html', rel)
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            with open(dst, 'wb') as f:
                f.write(data)
            http_headers = StatusAndHeaders('200 OK', [
                ('Content-Type', 'text/html; charset=utf-8'),
                ('Content-Length', str(len(data)))], protocol='HTTP/1.1')
            rec = writer.create_warc_record(uri, 'response', payload=io.BytesIO(data),
                                            http_headers=http_headers,
                                            warc_headers_dict={'WARC-Date': date})
            writer.write_record(rec)
            mapping[rel] = {'uri': uri, 'warc_date': date, 'commit': sha}
    with open(os.path.join(HERE, 'map.json'), 'w') as f:
        json.dump(mapping, f, indent=1, sort_keys=True)
    print(len(mapping), 'captures written')


if __name__ == '__main__':
    main()
