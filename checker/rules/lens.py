"""The lens: how rules make two normalized lines compare equal (equivalents, ignores)."""

from __future__ import annotations

import re

from checker.rules import Rules


class Lens:
    """Maps a normalized line to the text that is compared, or None when it is ignored."""

    def __init__(self, rules: Rules) -> None:
        self.rules = rules
        self._replacements: list[tuple[re.Pattern[str], str]] = []
        for group in rules.equivalents:
            canonical = group[0]
            for phrase in sorted(group[1:], key=len, reverse=True):
                pattern = re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", re.IGNORECASE)
                self._replacements.append((pattern, canonical))

    @property
    def trivial(self) -> bool:
        """True when the lens changes nothing (no ignores, no equivalents)."""
        return not self.rules.ignore and not self._replacements

    def __call__(self, norm: str) -> str | None:
        """The comparison text of a normalized line; None when a rule ignores it."""
        if self.rules.ignore and self.rules.ignored(norm):
            return None
        for pattern, canonical in self._replacements:
            norm = pattern.sub(canonical, norm)
        return norm

    def __getstate__(self) -> dict[str, object]:
        return {"rules": self.rules}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__init__(state["rules"])  # type: ignore[misc, arg-type]
