"""How chunks of sources travel to worker processes."""

from __future__ import annotations

import pickle

from checker.read.load import Source
from checker.run.workers import CHUNK, MIN_CHUNK, _chunk_size, _chunks, _pack, _unpack


def test_a_packed_chunk_unpacks_to_the_same_sources_in_the_same_order() -> None:
    sources = [
        Source("crawl", "a/1.txt", "a"),
        Source("crawl", "a/2.txt", "a"),
        Source("other", "", "b"),
        Source("crawl", "a/3.txt", "a"),
        Source("web.warc", "", "x.org", "x.org"),
        Source("web.warc", "", "y.org", "y.org"),
    ]
    batch = pickle.loads(pickle.dumps(_pack(sources)))
    assert _unpack(batch) == sources
    assert len(batch) == 5  # runs of the same folder, site and host share one entry


def test_chunks_cover_every_source_once_in_order() -> None:
    sources = [Source("s", f"{i}.txt", "s") for i in range(1000)]
    chunks = list(_chunks(sources, 64))
    assert [s for chunk in chunks for s in chunk] == sources
    assert {len(chunk) for chunk in chunks[:-1]} == {64}


def test_chunk_size_spreads_a_small_corpus_and_caps_a_large_one() -> None:
    assert _chunk_size([Source("s", "x", "s")] * 300, 2) < 300 // 2
    assert _chunk_size([Source("s", "x", "s")] * 20, 2) == MIN_CHUNK
    assert _chunk_size([Source("s", "x", "s")] * 1_000_000, 2) == CHUNK
    assert _chunk_size(iter([]), 2) == CHUNK  # an iterator of unknown length


class _NeverReady:
    """A worker's result that is not back until it is waited for."""

    def __init__(self, value: object) -> None:
        self.value = value

    def ready(self) -> bool:
        return False

    def get(self) -> object:
        return self.value


class _Pool:
    """A pool that runs each task at once but says it is not done: this process then checks
    chunks itself while it would wait."""

    def __init__(self) -> None:
        self.sent = 0

    def apply_async(self, func, args):  # noqa: ANN001, ANN201
        self.sent += 1
        return _NeverReady(func(*args))


def test_this_process_checks_chunks_while_it_waits_and_results_stay_in_order() -> None:
    from types import SimpleNamespace

    from checker.run import workers

    stage = SimpleNamespace(reading=SimpleNamespace(lines_key=None))
    workers._install(stage)  # type: ignore[arg-type]
    sources = [Source("s", f"{i}.txt", "s") for i in range(100)]
    pool = _Pool()
    try:
        results = list(
            workers._shared(
                pool,  # type: ignore[arg-type]
                1,
                stage,  # type: ignore[arg-type]
                _chunks(sources, 4),
                lambda _, chunk: [s.relative for s in chunk],
            )
        )
    finally:
        workers._STAGE = None
    assert [r for chunk in results for r in chunk] == [s.relative for s in sources]
    assert 0 < pool.sent < len(results)  # some chunks went to the worker, the others here


def test_a_chunk_sent_to_a_worker_forgets_the_pages_kept_of_it() -> None:
    from checker.read import kept

    a, b, c = (Source("s", f"{name}.txt", "s") for name in "abc")
    kept.forget_kept()
    kept.KEPT.add(a, "key", [])
    kept.KEPT.add(b, "key", [])
    try:
        assert kept.all_kept([a, b], "key")  # checked here: kept pages stay for the stage
        assert kept.take(a, "key") == [] and kept.take(b, "key") == []
        kept.KEPT.add(a, "key", [])
        assert not kept.all_kept([a, c], "key")  # sent to a worker, which reads a again
        assert kept.take(a, "key") is None
    finally:
        kept.forget_kept()


def test_archives_are_shared_with_this_process_not_queued_behind_one_worker() -> None:
    from types import SimpleNamespace

    from checker.run import workers

    stage = SimpleNamespace(reading=SimpleNamespace(lines_key=None))
    workers._install(stage)  # type: ignore[arg-type]
    archives = [Source("crawl", f"part-{i}.warc.gz", "s") for i in range(4)]
    pool = _Pool()
    try:
        results = list(
            workers._shared(
                pool,  # type: ignore[arg-type]
                1,
                stage,  # type: ignore[arg-type]
                _chunks(archives, CHUNK),
                lambda _, chunk: [s.relative for s in chunk],
            )
        )
    finally:
        workers._STAGE = None
    assert [r for chunk in results for r in chunk] == [s.relative for s in archives]
    # One archive fills the worker's window, so this process takes the next ones while the
    # worker is busy (here it never says it is done): before, all four queued behind it.
    assert pool.sent == 1


def test_an_archive_weighs_as_many_files_as_its_size_holds_pages(tmp_path) -> None:  # noqa: ANN001
    from checker.run.commands import ARCHIVE_BYTES_PER_FILE, PARALLEL_FROM, _files

    big, small = tmp_path / "big.warc.gz", tmp_path / "small.warc.gz"
    big.write_bytes(b"\0" * ARCHIVE_BYTES_PER_FILE * PARALLEL_FROM)
    small.write_bytes(b"\0" * 100)
    assert _files([Source(str(tmp_path), "big.warc.gz", "s")]) == PARALLEL_FROM
    assert _files([Source(str(tmp_path), "small.warc.gz", "s")]) == 1
    assert _files([Source(str(tmp_path), "gone.warc.gz", "s")]) == 1  # unreadable: one file
    assert _files([Source(str(tmp_path), f"{i}.html", "s") for i in range(3)]) == 3
