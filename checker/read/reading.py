"""How a site's pages are read: capture times, and what the site's sample taught about its
lines (a wrap column, line starts, re-joined lines, usual placeholder links)."""

from __future__ import annotations

from dataclasses import dataclass

from checker.read.capture import CaptureTimes
from checker.read.placeholders import Placeholders
from checker.read.reflow import Joins

NO_TIMES = CaptureTimes()


@dataclass(frozen=True)
class Reading:
    """How snapshots are read: where capture times come from, and a site's wrap column."""

    times: CaptureTimes = NO_TIMES
    """Where a snapshot without an archive date gets its capture time."""
    wrap: int | None = None
    """The column a converter wrapped this site's text at, learned from the site's sample;
    every text page is re-joined at it."""
    starts: frozenset[str] = frozenset()
    """How the site's text lines begin where they follow a line that was not full: such a
    line is never taken for the continuation of a wrapped one."""
    joins: Joins = frozenset()
    """Lines the site's text pages break in different places (`reflow.learn_joins`), as
    skeletons: every text page's broken ones are re-joined."""
    placeholders: Placeholders | None = frozenset()
    """The site's usual lines of placeholder links (`placeholders.learn_placeholders`); None
    keeps every placeholder mark, as the sample is read before they are known."""

    @property
    def lines_key(self) -> tuple[int | None, frozenset[str], Joins, Placeholders | None]:
        """What decides a page's lines (capture times aside): pages read with equal keys
        hold equal lines."""
        return (self.wrap, self.starts, self.joins, self.placeholders)


PLAIN = Reading()
MARKED = Reading(placeholders=None)  # how a site's sample is read: placeholder marks kept
