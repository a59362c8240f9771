"""The Dask engine: the per-snapshot stage as tasks on an existing `dask.distributed` cluster."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from typing import Any

from checker.load import InputError, Source


def run_on_cluster(
    stage: object, chunks: Iterator[list[Source]], scheduler: str, task: Any = None
) -> Iterator:
    """Submit chunks as tasks, at most a few per worker at once, and yield results in order:
    each a list of checked snapshots, or whatever `task` (stage, sources) returns."""
    try:
        from distributed import Client
    except ImportError as error:
        raise InputError(
            "--engine dask needs the dask extra: pip install 'snapdrift[dask]'"
        ) from error
    from checker.engine import _apply_with

    try:
        client = Client(scheduler, timeout="30s", set_as_default=False)
    except (OSError, TimeoutError, ValueError) as error:
        raise InputError(
            f"--scheduler {scheduler}: cannot reach the Dask scheduler: {error}"
        ) from error
    try:
        shared = client.scatter(stage, broadcast=True)
        window = max(4, 4 * len(client.scheduler_info().get("workers", {})))
        pending: deque = deque()
        for chunk in chunks:
            pending.append(client.submit(task or _apply_with, shared, chunk, pure=False))
            if len(pending) >= window:
                done = pending.popleft().result()
                yield from (done if task is None else [done])
        while pending:
            done = pending.popleft().result()
            yield from (done if task is None else [done])
    finally:
        client.close()
