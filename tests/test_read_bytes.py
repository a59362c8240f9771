"""Reading one page file: whole, cut at the limit, or refused without blocking."""

from __future__ import annotations

import os
import signal
import sys

import pytest

import checker.read.snapshot as snapshot_module
from checker.read.load import Source
from checker.model import Snapshot
from checker.read.snapshot import read_bytes


def _source(path) -> Source:
    return Source(str(path), "", "site")


@pytest.mark.parametrize("size", [0, 1, 4095, 4096, 70_000])
def test_a_page_is_read_whole(tmp_path, size):
    data = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
    (tmp_path / "p.txt").write_bytes(data)
    assert read_bytes(_source(tmp_path / "p.txt")) == data


def test_a_file_over_the_limit_is_read_one_byte_past_it(tmp_path, monkeypatch):
    monkeypatch.setattr(snapshot_module, "MAX_BYTES", 1000)
    (tmp_path / "big.txt").write_bytes(b"a\n" * 5000)
    raw = read_bytes(_source(tmp_path / "big.txt"))
    assert raw == b"a\n" * 500 + b"a"
    page = snapshot_module.from_bytes(_source(tmp_path / "big.txt"), raw)
    assert any("only the first" in note for note in page.notes)


def test_reads_after_the_first_continue_until_the_limit(tmp_path, monkeypatch):
    # A file that grew after fstat: the first read takes the stat size, later ones the rest.
    monkeypatch.setattr(snapshot_module, "_READ_MORE", 7)
    fd = os.open(tmp_path / "grow.txt", os.O_RDWR | os.O_CREAT)
    os.write(fd, b"0123456789" * 10)
    os.lseek(fd, 0, os.SEEK_SET)
    assert snapshot_module._read_all(fd, 30) == b"0123456789" * 10
    os.close(fd)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    previous = signal.signal(signal.SIGALRM, lambda *_: pytest.fail("reading a pipe blocked"))
    signal.alarm(5)
    try:
        result = read_bytes(_source(tmp_path / "pipe.txt"))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert isinstance(result, Snapshot)
    assert "is not a regular file" in (result.problem or "")


def test_a_folder_and_a_missing_file_become_broken_snapshots(tmp_path):
    (tmp_path / "dir.txt").mkdir()
    folder = read_bytes(_source(tmp_path / "dir.txt"))
    missing = read_bytes(_source(tmp_path / "gone.txt"))
    assert isinstance(folder, Snapshot) and folder.problem
    assert isinstance(missing, Snapshot) and "cannot be read" in (missing.problem or "")


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads anything")
def test_an_unreadable_file_becomes_a_broken_snapshot(tmp_path):
    (tmp_path / "locked.txt").write_text("x")
    (tmp_path / "locked.txt").chmod(0)
    result = read_bytes(_source(tmp_path / "locked.txt"))
    assert isinstance(result, Snapshot) and "cannot be read" in (result.problem or "")


def _html_site(folder, link: str, pages: int = 4) -> None:
    """A small HTML site whose pages share a block and carry the given link."""
    folder.mkdir()
    for i in range(pages):
        (folder / f"p{i}.html").write_text(
            '<html><head><base href="http://example.org/x/"></head><body>'
            "<p>Contact office</p><p>Phone 555 0100</p>"
            f'<p><a href="{link}">link</a></p><p>Page {i} is about topic {i * 7}</p>'
            "</body></html>",
            encoding="utf-8",
        )


def test_a_link_urllib_cannot_parse_is_kept_as_written_not_a_crash(tmp_path):
    from tests.badinput_helpers import run_cli

    _html_site(tmp_path / "site", "http://[::1")
    outcome = run_cli("--format", "json", str(tmp_path / "site"), watch=[tmp_path / "site"])
    assert outcome.returncode == 0, outcome.stderr
    assert "Traceback" not in outcome.stderr
    assert outcome.json()["findings"] == []


def test_a_page_no_reader_anticipated_is_a_finding_and_the_run_goes_on(tmp_path, monkeypatch):
    from checker.run.commands import CheckOptions, check

    _html_site(tmp_path / "site", "/about")
    real = snapshot_module.page

    def fails_on_p2(source, raw, **kwargs):
        if source.display.endswith("p2.html"):
            raise ValueError("an unexpected parser state")
        return real(source, raw, **kwargs)

    monkeypatch.setattr(snapshot_module, "page", fails_on_p2)
    result = check(CheckOptions(paths=(str(tmp_path / "site"),), jobs=1))
    unreadable = [f for f in result.findings if f.kind == "snapshot-unreadable"]
    assert [f.snapshot.rsplit("/", 1)[-1] for f in unreadable] == ["p2.html"]
    assert "ValueError: an unexpected parser state" in unreadable[0].message
    assert result.sites[0].snapshots == 4
