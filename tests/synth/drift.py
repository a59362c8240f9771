"""Plan drift operations for a page family and apply them to a page's entries."""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass, field

from .blocks import Site, Spec, make_url

CONTENT = (
    "number-changed",
    "url-changed",
    "url-missing",
    "url-added",
    "value-changed",
    "text-changed",
)
STRUCTURAL = ("line-missing", "line-added", "line-moved")
BLOCKISH = ("slot", "content", "optional", "added")
EDGE_END, EDGE_START = -2, -3


@dataclass
class Mark:
    """Truth attached to an entry: what kind of drift it carries."""

    kind: str
    expected: str
    found: str
    origin: Entry | None = None


@dataclass
class Entry:
    """One logical line of a page before layout."""

    text: str
    role: str
    block: int = -1
    slot: int = -1
    mark: Mark | None = None
    extra: list[Mark] = field(default_factory=list)


@dataclass(frozen=True)
class Op:
    """One drift to apply to a page: kind, where, and the new text or target."""

    kind: str
    block: int
    slot: int
    text: str = ""
    to: int = -1


def _bump(rng: random.Random, value: str) -> str:
    new = int(value) + rng.choice([-3, -2, -1, 1, 2, 4, 7])
    return str(new if new > 0 and str(new) != value else int(value) + 10)


def _mutate_url(rng: random.Random, site: Site, url: str) -> str:
    runs = list(re.finditer(r"\d+", url.split("://", 1)[1]))
    if runs and rng.random() < 0.6:
        m = rng.choice(runs)
        off = len(url.split("://", 1)[0]) + 3
        return url[: off + m.start()] + _bump(rng, m.group()) + url[off + m.end() :]
    words = [w for w in site.pool["sections"] if w not in url]
    head, _, tail = url.rpartition("/")
    return f"{head}/{rng.choice(words)}" if tail else f"{head}-{rng.choice(words)}/"


def content_text(rng: random.Random, site: Site, kind: str, spec: Spec) -> str | None:
    """The drifted text of `spec` for a content drift kind, or None when it does not apply."""
    old = spec.render()
    fields = [k for k in ("N", "M") if "{" + k + "}" in spec.variants[spec.choice]]
    if kind == "number-changed" and spec.kind == "num" and fields:
        key = rng.choice(fields)
        new = spec.render(**{key: _bump(rng, spec.values[key])})
    elif kind == "url-changed" and spec.kind in ("url", "url2", "web"):
        key = rng.choice(["URL", "URL2"] if spec.kind == "url2" else ["URL"])
        new = spec.render(**{key: _mutate_url(rng, site, spec.values[key])})
    elif kind == "url-missing" and spec.kind in ("url", "url2"):
        key = "URL2" if spec.kind == "url2" else "URL"
        new = spec.render(**{key: ""}).rstrip(" |:")
    elif kind == "url-added" and spec.kind in ("text", "url"):
        sep = " | " if spec.kind == "url" else " "
        new = old + sep + make_url(rng, site.pool, site.domain)
    elif kind == "value-changed" and spec.kind == "name":
        names = [f"{f} {x}" for f in site.pool["first"] for x in site.pool["last"]]
        new = spec.render(NAME=rng.choice([n for n in names if n != spec.values["NAME"]]))
    elif kind == "value-changed" and spec.kind == "hours":
        new = spec.render(
            HOURS=rng.choice([h for h in site.pool["hours"] if h != spec.values["HOURS"]])
        )
    elif (
        kind == "text-changed"
        and spec.kind in ("num", "url", "url2", "text")
        and len(spec.variants) > 1
    ):
        new = spec.render(
            choice=rng.choice([c for c in range(len(spec.variants)) if c != spec.choice])
        )
    else:
        return None
    return new if new != old else None


@dataclass
class Planner:
    """Chooses drifts for one page family, keeping every drifted slot a strict minority."""

    rng: random.Random
    site: Site
    pages: int
    wrap: int
    block_missing: bool = False
    counts: Counter = field(default_factory=Counter)

    @property
    def cap(self) -> int:
        """How many pages may drift in one slot."""
        return 1 if self.pages < 5 else 2 if self.pages < 10 else self.pages // 5

    def free(self, b: int, i: int, banned: set) -> bool:
        """True when slot (b, i) may take one more drift."""
        return (b, i) not in banned and self.counts[(b, i)] < self.cap

    def try_kind(self, kind: str, banned: set) -> Op | None:
        """One op of `kind` on a random free slot, or None."""
        slots = [(b, i) for b, blk in enumerate(self.site.blocks) for i in range(len(blk))]
        self.rng.shuffle(slots)
        for b, i in slots:
            spec, size = self.site.blocks[b][i], len(self.site.blocks[b])
            if not self.free(b, i, banned) or spec.kind == "rel":
                continue
            if kind in CONTENT:
                text = content_text(self.rng, self.site, kind, spec)
                if text:
                    return Op(kind, b, i, text)
            elif kind == "line-missing" and not (self.wrap and i == size - 1):
                return Op(kind, b, i)
            elif kind == "line-added" and i < size - 1 and self.counts[("gap", b, i)] < self.cap:
                return Op(kind, b, i, self.rng.choice(self.site.pool["added"]))
            elif kind == "line-moved" and size >= 5 and i < size - 1:
                far = [
                    j
                    for j in range(size)
                    if abs(j - i) >= 2 and self.site.blocks[b][j].kind != "rel"
                ]
                if far:
                    return Op(kind, b, i, to=self.rng.choice(far))
        return None

    def take(self, op: Op) -> None:
        """Count `op` against its slot's cap."""
        if op.kind == "block-missing":
            for i in range(len(self.site.blocks[op.block])):
                self.counts[(op.block, i)] += 1
            return
        self.counts[(op.block, op.slot)] += 1
        if op.kind == "line-added":
            self.counts[("gap", op.block, op.slot)] += 1

    def page_ops(self) -> list[Op]:
        """One or two drifts for one page; at most one structural, never near each other."""
        kinds = list(CONTENT + STRUCTURAL)
        if (
            self.block_missing
            and len(self.site.blocks) > 1
            and self.pages >= 7
            and self.rng.random() < 0.15
        ):
            op = Op("block-missing", self.rng.randrange(len(self.site.blocks)), -1)
            if all(
                self.counts[(op.block, i)] < self.cap
                for i in range(len(self.site.blocks[op.block]))
            ):
                self.take(op)
                return [op]
        ops: list[Op] = []
        banned: set = set()
        for _ in range(1 if self.rng.random() < 0.65 else 2):
            self.rng.shuffle(kinds)
            op = next((o for k in kinds if (o := self.try_kind(k, banned))), None)
            if op is None:
                break
            ops.append(op)
            self.take(op)
            lo, hi = sorted((op.slot, op.to if op.to >= 0 else op.slot))
            reach = 2 if op.kind in STRUCTURAL else 0
            banned |= {(op.block, j) for j in range(lo - reach, hi + reach + 1)}
            kinds = list(CONTENT)
        return ops


def _index(entries: list[Entry], b: int, i: int) -> int:
    return next(
        k for k, e in enumerate(entries) if e.role == "slot" and e.block == b and e.slot == i
    )


def apply_op(entries: list[Entry], op: Op) -> None:
    """Apply one drift to a page's entries in place, marking the truth on them."""
    if op.kind == "block-missing":
        idx = [k for k, e in enumerate(entries) if e.block == op.block and e.role in BLOCKISH]
        ghost = Entry("", "ghost", op.block, -1, Mark(op.kind, "", ""))
        entries[idx[0] : idx[-1] + 1] = [ghost]
        return
    if op.slot in (EDGE_END, EDGE_START):
        idx = [k for k, e in enumerate(entries) if e.block == op.block and e.role in BLOCKISH]
        at = idx[-1] + 1 if op.slot == EDGE_END else idx[0]
        entries.insert(at, Entry(op.text, "added", op.block, -1, Mark("line-added", "", op.text)))
        return
    k = _index(entries, op.block, op.slot)
    e = entries[k]
    if op.kind in CONTENT or op.kind == "no-majority":
        e.mark, e.text = Mark(op.kind, e.text, op.text), op.text
    elif op.kind == "line-missing":
        entries[k] = Entry("", "ghost", op.block, op.slot, Mark(op.kind, e.text, ""))
    elif op.kind == "line-added":
        entries.insert(k + 1, Entry(op.text, "added", op.block, -1, Mark(op.kind, "", op.text)))
    elif op.kind == "line-moved":
        ghost = Entry("", "ghost", op.block, op.slot)
        entries[k] = ghost
        e.mark = Mark(op.kind, e.text, e.text, ghost)
        j = _index(entries, op.block, op.to)
        entries.insert(j + 1 if op.to > op.slot else j, e)
