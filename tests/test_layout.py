"""Capture layouts: which folder names are capture times, and which page a path is."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from checker.read.layout import captures_repeat, page_of, stamp, without_capture


def utc(*parts: int) -> datetime:
    """A UTC time."""
    return datetime(*parts, tzinfo=timezone.utc)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("name", "when"),
    [
        ("20180523165433", utc(2018, 5, 23, 16, 54, 33)),
        ("2018-05-23", utc(2018, 5, 23)),
        ("2018-05-23T16:54:33Z", utc(2018, 5, 23, 16, 54, 33)),
        ("2018-05-23T16:54", utc(2018, 5, 23, 16, 54)),
        ("2018-05-23T165433", utc(2018, 5, 23, 16, 54, 33)),
        ("2018-05-23_16-54-33", utc(2018, 5, 23, 16, 54, 33)),
        ("2018-05-23T16:54:33+02:00", utc(2018, 5, 23, 14, 54, 33)),
        ("2018-05-23T16:54-0130", utc(2018, 5, 23, 18, 24)),
        ("20181323165433", None),  # month 13
        ("2018-05-23-run", None),  # not the whole name
        ("v2018-05-23", None),
        ("201805231654", None),  # 12 digits: not a Wayback timestamp
        ("index.html", None),
    ],
)
def test_stamp(name: str, when: datetime | None) -> None:
    assert stamp(name) == when


@pytest.mark.parametrize(
    ("path", "page"),
    [
        ("web/20180523165433/index.html", "web/index.html"),
        ("web/20180523165433/a/20190101000000/b.html", "web/20180523165433/a/b.html"),
        ("crawl.warc.gz#http://ex.org/a@20240102030405", "http://ex.org/a"),
        ("crawl.warc.gz#http://ex.org/a@-", "http://ex.org/a"),
        ("repo/snaps/p.txt@git:0123456789ab", "repo/snaps/p.txt"),
        ("notes#draft.txt", "notes#draft.txt"),
        ("20180523165433.html", "20180523165433.html"),  # a file, not a folder
    ],
)
def test_page_of(path: str, page: str) -> None:
    assert page_of(path) == page


def test_the_capture_folder_is_kept_when_the_site_has_none() -> None:
    assert page_of("blog/2018-05-23/post.html", folders=False) == "blog/2018-05-23/post.html"
    assert without_capture("blog/post.html") == "blog/post.html"


def test_captures_repeat_only_when_a_page_recurs() -> None:
    assert captures_repeat(["20180523165433/a.html", "20180524165433/a.html"])
    assert not captures_repeat(["2018-05-23/a.html", "2018-05-24/b.html"])
    assert not captures_repeat(["a.html", "b/c.html"])
