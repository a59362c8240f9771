"""Pages read while learning a site, kept for its per-snapshot stage: no page is parsed twice.

`checker.read.snapshot.read` adds every source's pages while keeping is on (from the start of a
check, `checker.run.workers.start_workers`); the stage takes each source's pages once, and the
rest is forgotten when the stage has run (`checker.run.workers.in_order`). Keeping then goes on
for the next site's sample, so pages a program reads after a check (and before the next) are
held until then, within the bound.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from checker.model import Snapshot
from checker.read.load import Source


class Kept:
    """Pages by source and reading key (a site's sample is read again once its wrap column
    and re-joined lines are known: only pages read as the stage reads serve it)."""

    # At most this many lines are kept (a few hundred bytes each); pages read past it are
    # read again by the stage.
    LINES = 5_000_000

    def __init__(self) -> None:
        self.on = False
        self.pages: dict[tuple[Source, Hashable], list[Snapshot]] = {}
        self.lines = 0

    def add(self, source: Source, key: Hashable, snapshots: list[Snapshot]) -> None:
        """Keep a source's pages, within the bound."""
        lines = _lines(snapshots)
        if self.lines + lines <= self.LINES:
            self.lines += lines - _lines(self.pages.pop((source, key), []))
            self.pages[(source, key)] = snapshots


KEPT = Kept()


def rekeyed(
    was: Hashable, key: Hashable, settle: Callable[[list[Snapshot]], list[Snapshot]]
) -> None:
    """Pages kept as read with one reading, kept as another reads them (`settle` makes them
    so without parsing them again)."""
    for source, read_as in [k for k in KEPT.pages if k[1] == was]:
        KEPT.pages[(source, key)] = settle(KEPT.pages.pop((source, read_as)))


def keep_reads(on: bool) -> None:
    """Keep what is read from now on, or stop adding to what is kept."""
    KEPT.on = on


def forget_kept() -> None:
    """Forget every page kept."""
    KEPT.pages.clear()
    KEPT.lines = 0


def all_kept(sources: list[Source], key: Hashable) -> bool:
    """Whether every source of a chunk was kept (read with this reading key). When not, the
    chunk goes to a worker, which reads its pages again: the ones kept here are forgotten
    now rather than held to the end of the check."""
    pages = KEPT.pages
    if not pages:
        return False
    held = [(source, key) in pages for source in sources]
    if all(held):
        return True
    for source, was in zip(sources, held, strict=True):
        if was:
            take(source, key)
    return False


def take(source: Source, key: Hashable) -> list[Snapshot] | None:
    """A source's kept pages, or None; each source is handed out once."""
    if not KEPT.pages:
        return None  # a worker's case: nothing kept, no key to build
    snapshots = KEPT.pages.pop((source, key), None)
    if snapshots is not None:
        KEPT.lines -= _lines(snapshots)
    return snapshots


def _lines(snapshots: list[Snapshot]) -> int:
    """Lines of some pages."""
    return sum(len(s.lines) for s in snapshots)
