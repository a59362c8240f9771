"""Work forked off to run beside learning, on another core, while learning goes on.

A forked child shares the parent's memory as it was (the sample is not copied or pickled);
only the result comes back, pickled through a pipe. Where `fork` is not available, or the
child fails, the work is done here instead, so the result never depends on it.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Callable
from typing import Any, Generic, TypeVar

# A bound on time, not a tuning knob. With more than one job, a sample of at least this many
# pages learns its across-families template in a forked process while its families are
# learned (it is kept only when there are several families). Lower: small sites pay a fork
# (~10-50 ms) to save less; higher: mid-sized sites learn it after their families, on one core.
ASIDE_PAGES = 200

T = TypeVar("T")


class Aside(Generic[T]):
    """`work()` started in a forked child now; `result()` waits for it."""

    def __init__(self, work: Callable[[], T]) -> None:
        self.work = work
        self.process: Any = None
        if "fork" not in multiprocessing.get_all_start_methods():
            return
        context = multiprocessing.get_context("fork")
        self.reader, writer = context.Pipe(duplex=False)
        self.process = context.Process(target=_send, args=(work, writer), daemon=True)
        self.process.start()  # forked: `work` is not pickled
        writer.close()

    def result(self) -> T:
        """The child's result (or, if it could not give one, the work done here)."""
        if self.process is None:
            return self.work()
        try:
            value: T = self.reader.recv()
        except (EOFError, OSError):
            value = self.work()
        self.reader.close()
        self.process.join()
        return value

    def cancel(self) -> None:
        """Stop the child: its result is not wanted."""
        if self.process is not None:
            self.process.kill()
            self.process.join()
            self.reader.close()


def _send(work: Callable[[], Any], writer: Any) -> None:
    """In the child: do the work and send its result back. A Ctrl-C or SIGTERM is the
    parent's to handle (it ends this daemonic child on its way out)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    writer.send(work())
    writer.close()
