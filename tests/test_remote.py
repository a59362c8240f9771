"""Snapshot paths given as fsspec URLs: `memory://` in this process, `file://` in subprocesses.

The sample site read through a URL must give exactly the findings it gives as a local folder;
a URL that cannot be used is one message and exit 2; an object that cannot be read is a
finding on it.
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
from pathlib import Path

import fsspec
import pytest
from click.testing import CliRunner
from fsspec.implementations.memory import MemoryFileSystem

import checker.read.remote as remote
from checker.run.cli import cli
from checker.read.warc import ArchiveStats, iter_archive
from tests.badinput_helpers import SCRUBBED, Outcome, assert_one_error_line, copy_corpus, run_cli
from tests.sample_site import SAMPLE, SIX
from tests.test_warc import write_archive

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def memory() -> MemoryFileSystem:
    """fsspec's in-process file system, empty before and after the test."""
    fs = fsspec.filesystem("memory")
    fs.store.clear()
    fs.pseudo_dirs[:] = [""]
    yield fs
    fs.store.clear()
    fs.pseudo_dirs[:] = [""]


def upload(fs: MemoryFileSystem, folder: str) -> None:
    """Copy the sample site's pages into `folder` on the memory file system."""
    for page in sorted(SAMPLE.iterdir()):
        fs.pipe(f"{folder}/{page.name}", page.read_bytes())


def snapdrift(*args: str) -> Outcome:
    """Run the command line in this process (so it sees the memory file system)."""
    env: dict[str, str | None] = {name: None for name in SCRUBBED}
    result = CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)
    return Outcome(result.exit_code, result.stdout, result.stderr, 0.0)


def findings(stdout: str, prefix: str) -> list[tuple[str, int, str, str, str]]:
    """(path under `prefix`, line, kind, severity, site) of the JSON report's findings."""
    rows = []
    for finding in json.loads(stdout)["findings"]:
        assert finding["snapshot"].startswith(prefix), finding["snapshot"]
        name = finding["snapshot"][len(prefix) :]
        rows.append((name, finding["line"], finding["kind"], finding["severity"], finding["site"]))
    return rows


@pytest.mark.parametrize("url", ["memory://crawl/csto-pa", "memory://crawl/csto-pa/"])
def test_a_site_given_as_a_url_gives_its_local_findings(
    memory: MemoryFileSystem, tmp_path: Path, url: str
) -> None:
    upload(memory, "/crawl/csto-pa")
    local = copy_corpus(tmp_path / "csto-pa")
    done = snapdrift("check", str(local), "--format", "json", "--jobs", "1")
    assert done.returncode == 1, done.stderr
    expected = findings(done.stdout, f"{local}/")
    done = snapdrift("check", url, "--format", "json", "--jobs", "1")
    assert done.returncode == 1, done.stderr
    # One slash between the URL and the object's path, whether or not the URL ends in one.
    assert findings(done.stdout, "memory://crawl/csto-pa/") == expected
    assert {(name, line, kind) for name, line, kind, _, _ in expected} == set(SIX)
    assert json.loads(done.stdout)["summary"]["sites"][0]["site"] == "csto-pa"


def test_file_urls_are_read_in_worker_processes(tmp_path: Path) -> None:
    # 200 pages: fewer are checked in one process whatever --jobs says.
    site = tmp_path / "big"
    site.mkdir()
    for copy in range(40):
        for page in SAMPLE.iterdir():
            shutil.copy(page, site / f"{copy:02d}_{page.name}")
    local = run_cli(str(site), "--format", "json", "--jobs", "2", cwd=REPO, timeout=300)
    url = run_cli(site.as_uri(), "--format", "json", "--jobs", "2", cwd=REPO, timeout=300)
    assert local.returncode == url.returncode == 1, url.stderr
    expected = findings(local.stdout, f"{site}/")
    assert len(expected) >= 240
    assert findings(url.stdout, f"{site.as_uri()}/") == expected


def test_group_by_folder_makes_each_subfolder_of_a_url_a_site(memory: MemoryFileSystem) -> None:
    upload(memory, "/corpus/one")
    upload(memory, "/corpus/two")
    memory.pipe("/corpus/two/notes.orig", b"not a snapshot by the default patterns")
    done = snapdrift("check", "memory://corpus", "--group-by", "folder", "--format", "json")
    assert done.returncode == 1, done.stderr
    sites = json.loads(done.stdout)["summary"]["sites"]
    assert [(s["site"], s["snapshots"]) for s in sites] == [("one", 5), ("two", 5)]
    assert {site for *_, site in findings(done.stdout, "memory://corpus/")} == {"one", "two"}
    done = snapdrift("check", "memory://corpus", "--group-by", "none", "--format", "json")
    assert [s["site"] for s in json.loads(done.stdout)["summary"]["sites"]] == ["."]


def test_a_glob_chooses_the_objects_under_a_url(memory: MemoryFileSystem) -> None:
    upload(memory, "/crawl/site")
    memory.pipe("/crawl/site/extra.orig", (SAMPLE / "000_0a85903c3d619cf0.txt").read_bytes())
    done = snapdrift("check", "memory://crawl/site", "--glob", "*.orig", "--format", "json")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)["summary"]
    assert summary["snapshots"] == 1 and summary["sites"][0]["site"] == "site"


def test_a_url_naming_one_object_is_one_snapshot(memory: MemoryFileSystem) -> None:
    upload(memory, "/crawl/site")
    url = "memory://crawl/site/003_bd67f9c5a52d8a82.txt"
    done = snapdrift("check", url, "--format", "json")
    assert done.returncode == 0, done.stderr
    sites = json.loads(done.stdout)["summary"]["sites"]
    assert [(s["site"], s["snapshots"]) for s in sites] == [("site", 1)]
    # explain reads the object and learns from the others in its folder.
    done = snapdrift("explain", url)
    assert done.returncode == 0, done.stderr
    first, line_one = done.stdout.splitlines()[:2]
    assert first.startswith(f"{url}: template of 12 slot(s)")
    assert "learned from 5 snapshot(s)" in first and "consists of 7 deputies" in line_one
    done = snapdrift("explain", "memory://crawl/site")
    assert_one_error_line(done, "memory://crawl/site: explain takes one snapshot file")


def test_a_missing_url_is_an_input_error(memory: MemoryFileSystem) -> None:
    upload(memory, "/crawl/site")
    done = snapdrift("check", "memory://crawl/site", "memory://crawl/nowhere")
    assert_one_error_line(done, "snapdrift: error: memory://crawl/nowhere: no such file")


def test_an_unknown_protocol_is_an_input_error() -> None:
    done = snapdrift("check", "nosuchproto://x/y")
    assert_one_error_line(done, "nosuchproto://x/y: unknown URL protocol nosuchproto://")


def test_a_backend_that_is_not_installed_is_named() -> None:
    try:
        import s3fs  # noqa: F401
    except ImportError:
        pass
    else:
        pytest.skip("s3fs is installed")
    done = snapdrift("check", "s3://bucket/crawl")
    assert_one_error_line(done, "s3://bucket/crawl: reading s3:// URLs needs the s3fs package")


def test_urls_without_fsspec_name_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("fsspec", "fsspec.core", "fsspec.registry"):
        monkeypatch.setitem(sys.modules, name, None)
    done = snapdrift("check", "memory://crawl")
    assert_one_error_line(done, "memory://crawl", "needs the fsspec package", "snapdrift[remote]")


def test_an_object_that_cannot_be_read_is_a_finding_and_the_run_goes_on(
    memory: MemoryFileSystem, monkeypatch: pytest.MonkeyPatch
) -> None:
    upload(memory, "/crawl/site")
    # Without this page its site still has a clear majority: the other five findings stay.
    broken = "/crawl/site/001_86663546f0d1bad6.txt"
    opened = MemoryFileSystem._open

    def refuse(self: MemoryFileSystem, path: str, *args: object, **kwargs: object) -> object:
        if path == broken:
            raise OSError("the object store said no")
        return opened(self, path, *args, **kwargs)

    monkeypatch.setattr(MemoryFileSystem, "_open", refuse)
    done = snapdrift("check", "memory://crawl/site", "--format", "json", "--jobs", "1")
    assert done.returncode == 1, done.stderr
    document = json.loads(done.stdout)
    unreadable = [f for f in document["findings"] if f["kind"] == "snapshot-unreadable"]
    assert [(f["snapshot"], f["message"]) for f in unreadable] == [
        (f"memory:/{broken}", f"memory:/{broken} cannot be read: the object store said no")
    ]
    others = {
        (name, line, kind)
        for name, line, kind, _, _ in findings(done.stdout, "memory://crawl/site/")
        if kind != "snapshot-unreadable"
    }
    assert others == {finding for finding in SIX if finding[0] not in broken}
    assert document["summary"]["snapshots"] == 5


def test_an_object_is_read_up_to_the_limit_in_pieces(
    memory: MemoryFileSystem, monkeypatch: pytest.MonkeyPatch
) -> None:
    memory.pipe("/page.txt", b"0123456789" * 3)
    monkeypatch.setattr(remote, "_PIECE", 7)
    assert remote.read_url("memory://page.txt", 31) == b"0123456789" * 3
    assert remote.read_url("memory://page.txt", 12) == b"012345678901"
    with pytest.raises(OSError, match="no such file"):
        remote.read_url("memory://gone.txt", 12)


@pytest.mark.parametrize("gz,whole", [(False, False), (True, False), (False, True)])
def test_a_web_archive_reads_the_same_through_a_url(
    memory: MemoryFileSystem, tmp_path: Path, gz: bool, whole: bool
) -> None:
    archive = write_archive(tmp_path / "t.warc", gz=gz)
    if whole:  # one gzip member around the whole file, read as one decompressed stream
        archive.write_bytes(gzip.compress(archive.read_bytes()))
    memory.pipe("/a/t.warc.gz", archive.read_bytes())
    local, url = ArchiveStats(), ArchiveStats()
    expected = [(p.uri, p.captured, p.body) for p in iter_archive(archive, local)]
    got = [(p.uri, p.captured, p.body) for p in iter_archive("memory://a/t.warc.gz", url)]
    assert got == expected and len(got) == 3
    assert (url.pages, url.skipped_redirect, url.problems) == (local.pages, 1, [])


def test_a_report_cannot_go_into_a_folder_given_as_a_file_url(tmp_path: Path) -> None:
    site = copy_corpus(tmp_path / "csto-pa")
    report = site / "r.json"
    done = run_cli(site.as_uri(), "--report", f"json={report}", cwd=REPO, watch=[site])
    assert_one_error_line(done, f"{report}: refusing to write a report inside")


def test_a_report_of_a_remote_run_is_written_locally(
    memory: MemoryFileSystem, tmp_path: Path
) -> None:
    upload(memory, "/crawl/site")
    report = tmp_path / "r.json"
    done = snapdrift("check", "memory://crawl/site", "-q", "--report", f"json={report}")
    assert done.returncode == 1, done.stderr
    assert len(json.loads(report.read_text())["findings"]) == 6


def test_changed_since_refuses_a_url(memory: MemoryFileSystem) -> None:
    upload(memory, "/crawl/site")
    done = snapdrift("check", "memory://crawl/site", "--changed-since", "HEAD")
    assert_one_error_line(done, "--changed-since", "memory://crawl/site", "local paths")


def test_a_baseline_of_urls_accepts_and_notices_what_is_gone(
    memory: MemoryFileSystem, tmp_path: Path
) -> None:
    upload(memory, "/corpus/one")
    upload(memory, "/corpus/two")
    lock = str(tmp_path / "snapdrift.lock")
    done = snapdrift("baseline", "memory://corpus", "--group-by", "folder", "-o", lock)
    assert done.returncode == 0, done.stderr
    one = ("check", "memory://corpus/one", "--baseline", lock, "--format", "json")
    done = snapdrift(*one)
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    # Site two's objects still exist, so its accepted drift is not called stale.
    assert document["findings"] == [] and document["summary"]["suppressed"] == 6
    memory.rm("/corpus/two", recursive=True)
    found = json.loads(snapdrift(*one).stdout)["findings"]
    assert found and {(f["kind"], f["site"]) for f in found} == {("baseline-stale", "two")}


def test_a_local_run_does_not_import_fsspec() -> None:
    # fsspec costs start-up time; only a URL on the command line may import it.
    program = (
        "import runpy, sys\n"
        "sys.argv = ['snapdrift', 'check', 'snapshots/csto-pa', '-q']\n"
        "try:\n"
        "    runpy.run_module('checker', run_name='__main__')\n"
        "except SystemExit as done:\n"
        "    print(done.code, 'fsspec' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert done.stdout.split() == ["1", "False"], done.stderr
