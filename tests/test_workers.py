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
