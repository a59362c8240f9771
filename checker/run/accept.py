"""Re-recording a baseline without losing what people wrote in it.

Running `snapdrift baseline` again keeps the `reason` and `expires` of every accepted entry
still present, drops the entries no longer seen and adds new ones with an empty reason.
`--accept FINGERPRINT...` adds only the chosen findings and leaves everything else alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.run.baseline import Accepted, Baseline, BaselineError, accepted_entries, load_baseline
from checker.verdict import Finding

MIN_PREFIX = 6
"""Shortest fingerprint prefix `--accept` takes (as git takes short commit ids)."""


@dataclass(frozen=True)
class Accepting:
    """The accepted entries to write, and what changed against the previous baseline."""

    entries: list[dict[str, Any]]
    """The `accepted` list of the baseline, sorted."""
    kept: int = 0
    """Entries carried over from the previous baseline (with their reason and expiry)."""
    dropped: int = 0
    """Previous entries no longer seen."""
    added: int = 0
    """Entries new in this baseline."""

    def summary(self) -> str:
        """`kept 3, dropped 1 no longer seen, added 2 new`."""
        return f"kept {self.kept}, dropped {self.dropped} no longer seen, added {self.added} new"


def previous_baseline(path: str) -> Baseline | None:
    """The baseline already at `path`, or None; a damaged one is an error, never overwritten."""
    if not Path(path).exists():
        return None
    try:
        return load_baseline(path)
    except BaselineError as error:
        raise BaselineError(f"{error} (fix or remove it: it is not overwritten)") from None


def _as_entry(accepted: Accepted) -> dict[str, Any]:
    """A previous baseline entry as written."""
    return {
        "fingerprint": accepted.fingerprint,
        "site": accepted.site,
        "kind": accepted.kind,
        "slot": accepted.slot,
        "variant": accepted.variant,
        "snapshots": list(accepted.snapshots),
        "reason": accepted.reason,
        "expires": accepted.expires,
    }


def _ordered(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Entries in the baseline's order."""
    return sorted(entries, key=lambda e: (e["site"], e["kind"], e["fingerprint"]))


def refresh(previous: Baseline | None, findings: list[Finding]) -> Accepting:
    """Accept every finding present now, keeping what people wrote on entries still present."""
    entries = accepted_entries(findings)
    if previous is None:
        return Accepting(entries, added=len(entries))
    kept = 0
    for entry in entries:
        old = previous.accepted.get(entry["fingerprint"])
        if old is not None:
            entry["reason"], entry["expires"] = old.reason, old.expires
            kept += 1
    now = {entry["fingerprint"] for entry in entries}
    dropped = sum(1 for fingerprint in previous.accepted if fingerprint not in now)
    return Accepting(entries, kept, dropped, len(entries) - kept)


def accept_only(
    previous: Baseline | None, findings: list[Finding], chosen: tuple[str, ...]
) -> Accepting:
    """The previous entries untouched, plus the findings with the chosen fingerprints."""
    wanted = {_resolve(token, findings) for token in chosen}
    old = dict(previous.accepted) if previous is not None else {}
    fresh = [
        entry
        for entry in accepted_entries([f for f in findings if f.fingerprint in wanted])
        if entry["fingerprint"] not in old
    ]
    entries = [_as_entry(a) for a in old.values()] + fresh
    return Accepting(_ordered(entries), kept=len(old), added=len(fresh))


def _resolve(token: str, findings: list[Finding]) -> str:
    """The one fingerprint among the findings that `token` names (whole, or a prefix)."""
    if len(token) < MIN_PREFIX:
        raise BaselineError(f"--accept {token}: give at least {MIN_PREFIX} characters")
    matches = sorted({f.fingerprint for f in findings if f.fingerprint.startswith(token)})
    if not matches:
        raise BaselineError(f"--accept {token}: no finding of this run has that fingerprint")
    if len(matches) > 1:
        raise BaselineError(f"--accept {token}: names {len(matches)} findings; give more of it")
    return matches[0]
