"""The types that pass between read, learn and align, with the severities and kinds every
stage names (what judging gives is in `checker/verdict.py`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum, IntEnum
from typing import NamedTuple


class Severity(IntEnum):
    """How much a finding matters; `off` findings are dropped before reporting."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        """The lower-case name used in rule files and reports."""
        return self.name.lower()

    @classmethod
    def parse(cls, word: str) -> Severity:
        """Read `error`, `warning` or `info`."""
        return cls[word.upper()]


class Kind(str, Enum):
    """What differs: detection decides the kind, the rules decide the severity."""

    NUMBER_CHANGED = "number-changed"
    URL_CHANGED = "url-changed"
    URL_MISSING = "url-missing"
    URL_ADDED = "url-added"
    VALUE_CHANGED = "value-changed"
    TEXT_CHANGED = "text-changed"
    LINE_MISSING = "line-missing"
    LINE_ADDED = "line-added"
    LINE_MOVED = "line-moved"
    BLOCK_MISSING = "block-missing"
    NO_MAJORITY = "no-majority"
    TEMPLATE_STALE = "template-stale"
    SNAPSHOT_UNREADABLE = "snapshot-unreadable"
    BASELINE_STALE = "baseline-stale"
    BASELINE_EXPIRED = "baseline-expired"

    def __str__(self) -> str:
        return self.value


class Line(NamedTuple):
    """One logical line of a snapshot as the checker compares it (a tuple: a snapshot
    holds thousands of them, and they are built on the hot path)."""

    number: int
    """1-based line in the source file where this line starts."""
    text: str
    """The text as rendered, before normalization (shown in reports)."""
    norm: str
    """The normalized text that comparisons use."""
    end: int = 0
    """The last physical line it covers when a wrapped line was re-joined (0: `number`)."""

    @property
    def last(self) -> int:
        """The last physical line of this logical line."""
        return self.end or self.number


@dataclass(frozen=True)
class Snapshot:
    """One captured page, read and rendered to lines."""

    path: str
    """The path as the user gave it, joined with the file's path under a folder."""
    site: str
    """The group of snapshots this one is compared with."""
    lines: tuple[Line, ...]
    """The non-blank logical lines, in order."""
    captured: datetime | None = None
    """When the page was captured, where known."""
    problem: str | None = None
    """Why the snapshot could not be read or rendered; it then has no lines."""
    notes: tuple[str, ...] = ()
    """Remarks for the report, such as an encoding that had to be detected."""
    url: str | None = None
    """The page's own address, where known (WARC target URI, `<base href>`)."""
    html: bool = False
    """Whether it was rendered from HTML (its line breaks are the markup's, not a
    converter's)."""
    skipped: int = 0
    """For an archive's closing record only: records passed over (non-HTML, redirects);
    such a record is no snapshot."""
    address: str = ""
    """What its relative links resolved against (`site:///folder/page.html`, or its URL):
    the page itself, which its menu need not link to."""
    alias: str = ""
    """For a mirrored page whose `<base href>` names another root: its address there (the
    base joined with its path in the mirror), as its links to itself read."""


@dataclass(frozen=True)
class Slot:
    """One line position of the learned template."""

    id: int
    """Position in the template, 0-based across all blocks of the site."""
    block: int
    """Which block of the template the slot belongs to."""
    canonical: str
    """The normalized text most snapshots hold (the sample's majority)."""
    support: float
    """Share of sampled snapshots that hold the slot in any variant."""
    variants: tuple[str, ...] = ()
    """Every text the sample holds here on two pages or more, canonical first."""
    occurrence: int = 0
    """Which occurrence of the text in a page this slot is (0 for the first)."""
    position: int = 0
    """Usual index among a page's lines: from the start, or from the end when negative."""
    shown: str = ""
    """The canonical text as pages spell it (before the rules' equivalents), for reports."""
    section: int = -1
    """The page section whose pages alone carry the slot (a page type's own lines), or -1."""


@dataclass(frozen=True)
class Template:
    """The boilerplate learned for one page family of a site."""

    site: str
    """The site this template belongs to."""
    family: int
    """Which page family within the site."""
    slots: tuple[Slot, ...]
    """All slots, in page order."""
    sample_size: int
    """How many snapshots the template was learned from."""
    content_gaps: frozenset[tuple[int, str]] = frozenset()
    """Gaps (slot, where: `after`, or the `start`/`end` edge) holding per-page content."""
    content_runs: tuple[tuple[int, int], ...] = ()
    """For each per-page content gap inside a block (by the slot it follows), how many
    lines pages usually hold there."""
    structure: frozenset[str] = frozenset()
    """Lines that a group of pages shares together with other lines: a section's own
    boilerplate (a sub-menu, a breadcrumb), never reported as added."""
    pinned: bool = False
    """True when the rule file pinned the block with start and end patterns."""
    rivals: frozenset[tuple[int, int]] = frozenset()
    """Pairs of page-type sections no page of the sample carries both of: a page that
    holds both (a site map, an index) is of neither type."""
    forms: tuple[tuple[int, str], ...] = ()
    """Sections a page carries by its record's form: (section, field key) for a line that
    comes with a `Key: value` field only that page type holds (`## Member profile` with
    `Name: …`)."""
    loose: frozenset[tuple[int, int]] = frozenset()
    """Pairs of slots (lower id first) that several pages hold in the other order (a box the
    body places before or after a table): the site's own variation, never reported moved."""
    beside: frozenset[tuple[int, int]] = frozenset()
    """Slot pairs, not neighbours in the template, most pages holding both hold side by side."""

    def block_slots(self, block: int) -> tuple[Slot, ...]:
        """The slots of one block, in order."""
        return tuple(slot for slot in self.slots if slot.block == block)

    @property
    def blocks(self) -> tuple[int, ...]:
        """The block numbers, in order."""
        return tuple(sorted({slot.block for slot in self.slots}))


@dataclass(frozen=True)
class Placement:
    """Where one template slot was found in one snapshot."""

    slot: int
    """The slot id."""
    line: Line
    """The snapshot line that holds the slot."""
    moved: bool = False
    """True when the line stands out of the template's order."""


class Extra(NamedTuple):
    """A snapshot line inside a block that matches no slot (a tuple: built per page on
    the hot path, and sent back from workers)."""

    slot: int
    """The slot it follows (or, at a block's start edge, the slot it precedes)."""
    where: str
    """`after` inside a block, `start` or `end` just outside a block's edge."""
    line: Line
    """The line itself."""
    beyond: str = ""
    """For an edge line, the normalized line one further out: shared runs are structure."""
    run: int = 1
    """How many extra lines stand together in this gap on this page."""
    upto: int = -1
    """The slot placed next after it on this page; slots between were not found."""
    detached: bool = False
    """For an edge line: set apart from the block by more blank lines than the block's
    own lines are from each other, so it starts the body rather than ends the block."""


@dataclass(frozen=True)
class Alignment:
    """One snapshot's lines set against its family's template."""

    snapshot: Snapshot
    """The snapshot aligned."""
    template: Template
    """The template it was aligned to."""
    placements: tuple[Placement, ...]
    """Slots found, in slot order."""
    extras: tuple[Extra, ...]
    """Lines inside or at the edge of a block that fill no slot."""
    missing: tuple[tuple[int, int], ...] = ()
    """Slots not found, each with the line where it would stand."""
    missing_blocks: tuple[int, ...] = ()
    """Blocks of the template of which too little was found."""


class Observation(NamedTuple):
    """One snapshot's alignment, cut down to what the variant table needs (a tuple: cheap to
    build and to pickle)."""

    path: str
    """The snapshot path."""
    captured: datetime | None
    """When the snapshot was captured, where known."""
    missing_blocks: tuple[int, ...]
    """Blocks of the template of which too little was found."""
    slots: tuple[tuple[int, str | None, int, str, bool], ...]
    """Each placed slot: (slot, text or None when it is the slot's usual text, line,
    raw text or "" when usual, moved)."""
    absent: tuple[tuple[int, int], ...]
    """Slots missing alone (not as part of a missing section), with where they would stand."""
    extras: tuple[Extra, ...]
    """Lines inside or at the edge of a block that fill no slot."""
    usual: tuple[int, ...] = ()
    """The compact form of a clean page (`slots` is then empty): every slot of the template
    holds its usual text, unmoved, at these lines, in template order."""
    echoes: tuple[int, ...] = ()
    """Slots whose text differs from the usual by a line of the page's own (`align/echo.py`)."""

    def placed(self, order: list[int]) -> tuple[tuple[int, str | None, int, str, bool], ...]:
        """`slots` in the long form, whichever form the observation is in (`order`: the
        template's slot ids)."""
        if not self.usual:
            return self.slots
        lines = zip(order, self.usual, strict=True)
        return tuple((slot, None, line, "", False) for slot, line in lines)
