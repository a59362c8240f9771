"""Running a task over chunks of sources in order: here, here and on local worker processes
(`jobs` processes in all: this one checks chunks too while it waits), or on a Dask cluster.

Whatever runs it, results come back in source order, so findings never depend on it.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sized
from itertools import groupby
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from checker.read.kept import all_kept, forget_kept, keep_reads
from checker.read.load import Source, names_archive

if TYPE_CHECKING:
    from multiprocessing.pool import Pool

    from checker.run.engine import Stage

# Sources per task: large enough to amortize pickling and merging (a partial table per
# task), small enough that a small corpus still spreads over every worker.
CHUNK = 256
MIN_CHUNK = 16
# Tasks in flight per worker.
WINDOW = 4

T = TypeVar("T")


class Engine(Protocol):
    """Where the stage runs (`checker.run.pipeline.Execution` is one)."""

    @property
    def jobs(self) -> int:
        """Local processes checking chunks: this one and `jobs - 1` workers."""
        ...

    @property
    def engine(self) -> str:
        """`local` or `dask`."""
        ...

    @property
    def scheduler(self) -> str | None:
        """The Dask scheduler's address."""
        ...


def in_order(
    stage: Stage,
    sources: Iterable[Source],
    execution: Engine,
    task: Callable[[Stage, list[Source]], T],
) -> Iterator[T]:
    """A task over each chunk of sources: here, on local processes, or as Dask tasks;
    results come back in source order, with a bounded window in flight."""
    keep_reads(False)  # the pages learning read are handed to the stage; none are added
    try:
        yield from _in_order(stage, sources, execution, task)
    finally:
        forget_kept()
        keep_reads(True)  # for the next site's sample


def _in_order(
    stage: Stage,
    sources: Iterable[Source],
    execution: Engine,
    task: Callable[[Stage, list[Source]], T],
) -> Iterator[T]:
    """`in_order`, once keeping is off."""
    size = _chunk_size(sources, execution.jobs)
    if execution.engine == "dask" and execution.scheduler:
        from checker.run.dask_engine import run_on_cluster

        forget_kept()  # the cluster's workers read every page: none is checked here
        yield from run_on_cluster(stage, _chunks(sources, size), execution.scheduler, task)
        return
    if execution.jobs <= 1:
        for chunk in _chunks(sources, size):
            yield task(stage, chunk)
        return
    workers = execution.jobs - 1  # this process is the last of the `jobs`: see _shared
    with _context().Pool(workers, initializer=_install, initargs=(stage,)) as pool:
        yield from _shared(pool, workers, stage, _chunks(sources, size), task)


def _shared(
    pool: Pool,
    workers: int,
    stage: Stage,
    chunks: Iterator[list[Source]],
    task: Callable[[Stage, list[Source]], T],
) -> Iterator[T]:
    """Results in chunk order, from the pool's workers and from this process, which checks the
    next chunk itself whenever the oldest one sent is not back yet, rather than wait idle
    beside a worker process of its own. At most WINDOW chunks per worker are in flight (a web
    archive fills a worker's window alone, so that this process takes the next archive rather
    than queue them all behind one worker) and WINDOW checked here wait their turn. A chunk
    whose pages were all read while learning is checked here when its turn comes (reading is
    most of the work, and it is done)."""
    # ("sent", AsyncResult, weight), ("kept", chunk, 0), ("done", T, 0)
    pending: deque[tuple[str, Any, int]] = deque()
    sent = done = 0
    more = True
    while pending or more:
        while more and sent < WINDOW * workers:
            chunk = next(chunks, None)
            if chunk is None:
                more = False
            elif all_kept(chunk, stage.reading.lines_key):
                pending.append(("kept", chunk, 0))
            else:
                weight = _weight(chunk)
                pending.append(("sent", pool.apply_async(_work, (task, _pack(chunk))), weight))
                sent += weight
        if not pending:
            return
        kind, held, weight = pending[0]
        if kind == "sent" and more and done < WINDOW and not held.ready():
            chunk = next(chunks, None)
            if chunk is None:
                more = False
            else:
                pending.append(("done", task(stage, chunk), 0))
                done += 1
            continue
        pending.popleft()
        if kind == "sent":
            sent -= weight
            yield held.get()
        elif kind == "kept":
            yield task(stage, held)
        else:
            done -= 1
            yield held


def start_workers(execution: Engine) -> None:
    """Start the server local workers fork from while this process goes on learning (call
    it early; starting again is a no-op); and keep the pages learning reads, for the stage of
    this process to take rather than parse again.

    The server imports the stage's modules only when two workers or more will share them:
    each process's RSS counts the shared pages again, so for one worker a bare server (14 MB
    against 24) and a worker that imports them itself cost less memory, and the worker's
    import time is spent while this process checks the first chunks itself."""
    keep_reads(True)
    if (
        execution.jobs > 1
        and execution.engine == "local"
        and _context().get_start_method() == "forkserver"
    ):
        if execution.jobs > 2:
            multiprocessing.set_forkserver_preload(["checker.run.engine", "checker.run.workers"])
        from multiprocessing import forkserver

        forkserver.ensure_running()


def _context() -> multiprocessing.context.BaseContext:
    """Workers start from a small server process, not from this one: they do not inherit
    (and then copy) the million sources this process may hold."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


_STAGE: Stage | None = None


def _install(stage: Stage) -> None:
    """Pool initializer: keep the stage in the worker."""
    global _STAGE
    _STAGE = stage


def _work(task: Callable[[Stage, list[Source]], T], batch: Batch) -> T:
    """Worker: a task over one chunk, with the worker's stage."""
    assert _STAGE is not None
    return task(_STAGE, _unpack(batch))


Batch = list[tuple[str, str, str, tuple[str, ...]]]
"""A chunk of sources as runs of (given, site, host, relative paths)."""


def _pack(sources: list[Source]) -> Batch:
    """A chunk of sources as runs of plain strings, which pickle several times faster than
    the sources themselves (the parent sends every source of the corpus)."""
    return [
        (given, site, host, tuple(source.relative for source in run))
        for (given, site, host), run in groupby(sources, key=lambda s: (s.given, s.site, s.host))
    ]


def _unpack(batch: Batch) -> list[Source]:
    """The sources of a packed chunk, in order."""
    return [
        Source(given, relative, site, host)
        for given, site, host, relatives in batch
        for relative in relatives
    ]


def _weight(chunk: list[Source]) -> int:
    """How much of a worker's window a chunk sent to it fills."""
    return WINDOW if len(chunk) == 1 and names_archive(chunk[0]) else 1


def _chunk_size(sources: Iterable[Source], workers: int) -> int:
    """CHUNK, or less when a corpus of known size would give each worker few chunks."""
    if not isinstance(sources, Sized):
        return CHUNK
    return max(MIN_CHUNK, min(CHUNK, len(sources) // (max(1, workers) * WINDOW * 2)))


def _chunks(sources: Iterable[Source], size: int) -> Iterator[list[Source]]:
    """Sources in lists of `size`; a web archive, which holds many pages, is a chunk of its
    own, so that archives spread over the workers (four archives in one chunk kept one
    worker busy and the others idle)."""
    chunk: list[Source] = []
    for source in sources:
        if names_archive(source):
            if chunk:
                yield chunk
                chunk = []
            yield [source]
            continue
        chunk.append(source)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
