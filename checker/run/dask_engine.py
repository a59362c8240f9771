"""The Dask engine: the per-snapshot stage as tasks on an existing `dask.distributed` cluster."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from typing import Any

from checker.read.load import InputError, Source


def run_on_cluster(
    stage: object, chunks: Iterator[list[Source]], scheduler: str, task: Any
) -> Iterator:
    """Submit `task(stage, chunk)` for each chunk, at most a few per worker at once, and
    yield the results in order."""
    try:
        from distributed import Client
    except ImportError as error:
        raise InputError(
            "--engine dask needs the dask extra: pip install 'snapdrift[dask]'"
        ) from error
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
            pending.append(client.submit(task, shared, chunk, pure=False))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        client.close()
