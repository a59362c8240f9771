"""What judging gives: the variants of each slot, the findings, and a run's result. Every
report is made from these alone."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import IntEnum
from typing import NamedTuple

from checker.model import Kind, Severity, Slot, Template


class ExitCode(IntEnum):
    """What the process tells its caller; decided once, in `checker.run.pipeline`."""

    OK = 0
    DRIFT = 1
    ERROR = 2
    INTERRUPTED = 130
    TERMINATED = 143
    """SIGTERM (a cancelled CI job, `timeout`): 128 + 15, as a shell reports it."""


class Holder(NamedTuple):
    """A snapshot that holds a variant, and where (a tuple: a run keeps many, and workers
    send them back)."""

    snapshot: str
    """The snapshot path."""
    line: int
    """The line number in it."""
    text: str
    """The raw text as the snapshot shows it."""
    captured: datetime | None = None
    """When the snapshot was captured, where known."""


@dataclass(frozen=True)
class Variant:
    """One distinct normalized text seen in a slot, with who holds it."""

    text: str
    """The normalized text; empty for an absent line."""
    count: int
    """How many snapshots hold it."""
    holders: tuple[Holder, ...]
    """The snapshots that hold it (kept for minority variants only)."""


@dataclass(frozen=True)
class SlotVariants:
    """Everything seen in one slot across a family."""

    template: Template
    """The template the slot belongs to."""
    slot: Slot
    """The slot itself."""
    canonical: str | None
    """The text a clear majority holds, or None where none does."""
    variants: tuple[Variant, ...]
    """All variants, canonical first, then by count."""
    content: bool = False
    """True when the slot differs on most pages: per-page content, not drift."""
    timeline: tuple[tuple[datetime, str], ...] = ()
    """Every dated capture of the slot as (capture time, variant text), oldest first."""
    pages: tuple[tuple[str, str, tuple[tuple[datetime, str], ...]], ...] = ()
    """Each page's own history of the slot, (page, its label or "", its captures oldest
    first), for pages captured more than once."""
    echoed: frozenset[str] = frozenset()
    """Variants that, on every page holding them, differ from the canonical text by a line
    of the page's own (its title in a breadcrumb): the page's data, not drift."""


@dataclass(frozen=True, order=True)
class Finding:
    """One difference worth reporting; every formatter consumes these and nothing else."""

    site: str
    """The site the snapshot belongs to."""
    snapshot: str
    """The snapshot path, as the user gave it."""
    line: int
    """1-based line in the snapshot; for a missing line, where it would stand."""
    kind: Kind
    """What differs."""
    severity: Severity
    """How much it matters, from the rules."""
    rule: str
    """The rule that set the severity (the kind, or a named rule)."""
    expected: str
    """The canonical text of the slot (raw form)."""
    found: str
    """What the snapshot holds there (raw form); empty for a missing line."""
    message: str
    """A sentence a person can act on."""
    slot: int = -1
    """The template slot, or -1 when the finding is not about one slot."""
    block: int = -1
    """The template block, or -1."""
    family: int = 0
    """The page family whose template the slot belongs to (-1: the across-families one)."""
    fingerprint: str = ""
    """A stable key: site, slot, kind and normalized variant, never a line number."""
    changes: tuple[str, ...] = field(default=(), compare=False)
    """Structured differences, such as `numbers[0]: 6 -> 7`."""
    related: tuple[str, ...] = field(default=(), compare=False)
    """Other snapshots named by a grouped finding."""
    label: str = field(default="", compare=False)
    """A timeline label (update, flapping, straggler, regression), where known."""


@dataclass(frozen=True)
class SiteSummary:
    """What one site of a run held."""

    site: str
    """The site name (a top folder, a host, or `.`)."""
    snapshots: int
    """How many snapshots were checked."""
    families: int = 1
    """How many page families the site was split into."""
    skipped: int = 0
    """Records passed over (non-HTML, redirects) in archives."""
    notes: tuple[str, ...] = ()
    """Remarks such as snapshots whose encoding was detected."""


@dataclass(frozen=True)
class RunResult:
    """Everything a formatter needs to write a report."""

    findings: tuple[Finding, ...]
    """All reported findings (severity `off` already dropped), sorted."""
    sites: tuple[SiteSummary, ...]
    """One summary per site."""
    slots: tuple[SlotVariants, ...]
    """The slot tables, for reports that show them."""
    fail_on: Severity | None
    """The threshold; None for `--fail-on never`."""
    exit_code: ExitCode
    """The verdict the process exits with."""
    suppressed: int = 0
    """Findings hidden because a baseline accepted them."""

    def failing(self) -> tuple[Finding, ...]:
        """The findings at or above the threshold."""
        if self.fail_on is None:
            return ()
        return tuple(f for f in self.findings if f.severity >= self.fail_on)
