"""Each page line's comparison key: the text the rules' lens shows, and which copy of it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from itertools import repeat

from checker.knobs import FILLER
from checker.model import Snapshot

Lens = Callable[[str], "str | None"]


def keyed_lines(snapshot: Snapshot, lens: Lens) -> list[tuple[str, int] | None]:
    """Each line's comparison key: its lens text and which occurrence of it this is.

    Ignored lines and list filler get None: they are neither slots nor extra lines.
    """
    return _keyed(snapshot, lens)[0]


def keyed_with_filler(
    snapshot: Snapshot, lens: Lens
) -> tuple[list[tuple[str, int] | None], set[str]]:
    """`keyed_lines`, and the texts it left out as list filler on this page (a rule the body
    repeats FILLER times or more): where a line could not be seen as a line."""
    keys, repeats = _keyed(snapshot, lens)
    return keys, {view for view, count in repeats.items() if view and count >= FILLER}


def _keyed(
    snapshot: Snapshot, lens: Lens
) -> tuple[list[tuple[str, int] | None], Counter[str | None]]:
    """The keys, and how often each text stands on the page."""
    if getattr(lens, "trivial", False):
        views: list[str | None] = [line.norm for line in snapshot.lines]
    else:
        views = [lens(line.norm) for line in snapshot.lines]
    repeats = Counter(views)
    if len(repeats) == len(views) and None not in repeats:
        return list(zip(views, repeat(0))), repeats  # type: ignore[arg-type]  # no None, no repeat
    seen: Counter[str] = Counter()
    keys: list[tuple[str, int] | None] = []
    for view in views:
        if view is None or repeats[view] >= FILLER:
            keys.append(None)
            continue
        keys.append((view, seen[view]))
        seen[view] += 1
    return keys, repeats
