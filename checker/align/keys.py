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
    if getattr(lens, "trivial", False):
        views: list[str | None] = [line.norm for line in snapshot.lines]
    else:
        views = [lens(line.norm) for line in snapshot.lines]
    repeats = Counter(views)
    if len(repeats) == len(views) and None not in repeats:
        return list(zip(views, repeat(0)))  # type: ignore[arg-type]  # no None, no repeat
    seen: Counter[str] = Counter()
    keys: list[tuple[str, int] | None] = []
    for view in views:
        if view is None or repeats[view] >= FILLER:
            keys.append(None)
            continue
        keys.append((view, seen[view]))
        seen[view] += 1
    return keys


def filler_texts(snapshot: Snapshot, lens: Lens, keys: list[tuple[str, int] | None]) -> set[str]:
    """The texts `keyed_lines` left out of `keys` as list filler on this page (a rule the
    body repeats): where a line could not be seen as a line. Most pages hold none, and
    cost one pass over their keys."""
    if all(key is not None for key in keys):
        return set()
    views = [lens(line.norm) for line, key in zip(snapshot.lines, keys, strict=True) if key is None]
    return {view for view, count in Counter(views).items() if view and count >= FILLER}
