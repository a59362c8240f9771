"""Rating: a difference becomes a finding with the severity and rule id the rules give it."""

from __future__ import annotations

import hashlib

from checker.model import Kind, Template
from checker.rules import Rules
from checker.verdict import Finding, Holder


def fingerprint(site: str, anchor: str, kind: Kind, variant: str) -> str:
    """A key that survives reruns and line shifts: site, slot text, kind and variant."""
    digest = hashlib.sha256("\x1f".join((site, anchor, kind.value, variant)).encode())
    return digest.hexdigest()[:24]


class FindingMaker:
    """Builds findings for one family, rating each with the rules."""

    def __init__(self, template: Template, rules: Rules) -> None:
        self.template = template
        self.rules = rules
        self.site = template.site

    def make(
        self,
        kind: Kind,
        holder: Holder,
        expected: str,
        message: str,
        *,
        slot: int = -1,
        anchor: str = "",
        variant: str = "",
        changes: tuple[str, ...] = (),
        related: tuple[str, ...] = (),
    ) -> Finding | None:
        """One finding, or None when the rules turn its kind off."""
        severity, rule = self.rules.severity(kind, anchor)
        if severity is None:
            return None
        block = self.template.slots[slot].block if slot >= 0 else -1
        return Finding(
            site=self.site,
            snapshot=holder.snapshot,
            line=max(1, holder.line),
            kind=kind,
            severity=severity,
            rule=rule,
            expected=expected,
            found=holder.text,
            message=message,
            slot=slot,
            block=block,
            family=self.template.family,
            fingerprint=fingerprint(self.site, anchor, kind, variant),
            changes=changes,
            related=related,
        )
