"""The sample a site is learned from: a seeded draw of its pages, an archive's one by one.

A folder of page files is sampled by file. A web archive holds many pages, so drawing it whole
would put every one of its records into learning (four archives of 10,000 records made a
1,000-page sample of 10,000 pages, all read in one process and all kept): where a site has
archives, every page of every file is one unit of the draw, and only the drawn records are
rendered.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from checker.model import Snapshot
from checker.read.load import Source, names_archive
from checker.read.reading import MARKED, PLAIN, Reading
from checker.read.snapshot import archived, read

if TYPE_CHECKING:  # warcio is imported only where a site has archives
    from checker.read.warc import ArchivedPage


@dataclass(eq=False)
class Record:
    """One page drawn out of a web archive, rendered once however often the sample is read
    (an archived page is HTML: how a site's text is re-joined does not change it)."""

    source: Source
    page: ArchivedPage
    _snapshot: Snapshot | None = field(default=None, repr=False)

    def snapshot(self) -> Snapshot:
        """The page rendered."""
        if self._snapshot is None:
            self._snapshot = archived(self.source, self.page, MARKED)
        return self._snapshot


Pick = Source | Record
"""A drawn page file, or a drawn record of an archive."""


def sample_of(sources: list[Source], size: int) -> list[Pick]:
    """A seeded, bounded sample, so the same corpus always learns the same template."""
    if not any(map(names_archive, sources)):
        if len(sources) <= size:
            return list(sources)
        picked = random.Random(len(sources)).sample(range(len(sources)), size)
        return [sources[i] for i in sorted(picked)]
    return _reservoir(_units(sources), size, random.Random(len(sources)))


def _reservoir(units: Iterable[Pick], size: int, draw: random.Random) -> list[Pick]:
    """`size` units drawn evenly from a stream read once, in stream order; all of them when
    there are no more (so an archive within the sample size is read whole, as a file is)."""
    kept: list[tuple[int, Pick]] = []
    for index, unit in enumerate(units):
        if index < size:
            kept.append((index, unit))
            continue
        slot = draw.randrange(index + 1)
        if slot < size:
            kept[slot] = (index, unit)
    kept.sort(key=lambda pair: pair[0])
    return [unit for _, unit in kept]


def _units(sources: list[Source]) -> Iterator[Pick]:
    """Every page file, and every page of every archive (its bytes, not yet rendered)."""
    from checker.read.warc import ArchiveStats, iter_archive

    for source in sources:
        if not names_archive(source):
            yield source
            continue
        stats = ArchiveStats()
        for page in iter_archive(source.display, stats):
            if not source.host or (urlsplit(page.uri).hostname or "-") == source.host:
                yield Record(source, page)


def snapshots(picks: Iterable[Pick], reading: Reading = PLAIN) -> Iterator[Snapshot]:
    """Read every drawn page in order."""
    for pick in picks:
        if isinstance(pick, Record):
            yield pick.snapshot()
        else:
            yield from read(pick, reading)
