"""A line's `Key:` is worked out once while a site is learned, however many templates (each
family's, the one across families) meet it and whatever the bounded key cache has evicted: a
huge page of `Key: value` lines recomputed every key once per template."""

from __future__ import annotations

from collections import Counter

import pytest

from checker.learn import fields
from checker.learn.fields import FieldKeys, forget_keys
from checker.read import record
from checker.read.record import key_of_line


def test_keys_are_worked_out_once_per_site_and_forgotten_after(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    worked: Counter[str] = Counter()
    real = record._key_value

    def counting(text: str) -> tuple[str | None, str | None]:
        worked[text] += 1
        return real(text)

    monkeypatch.setattr(record, "_key_value", counting)
    family = [[("Chair: Ann Lee", 0), ("Item 1: dykes", 0)], [("Chair: Ann Lee", 0)]]
    across = [*family, [("Tel: 555 0100", 0)]]
    forget_keys()
    key_of_line.cache_clear()
    try:
        first = FieldKeys.of(family)
        key_of_line.cache_clear()  # the bounded cache evicted them (one huge page)
        second = FieldKeys.of(across)
        assert first.lines == [["Chair", "Item 1"], ["Chair"]]
        assert second.lines == [["Chair", "Item 1"], ["Chair"], ["Tel"]]
        assert second.pages["Chair"] == {0, 1}
        assert set(worked.values()) == {1}  # each text once, across both templates
        forget_keys()
        assert not fields._KNOWN_KEYS  # the next site's learning starts afresh
        FieldKeys.of(family)
        assert worked["Chair: Ann Lee"] == 2
    finally:
        forget_keys()
        key_of_line.cache_clear()
