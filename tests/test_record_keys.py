"""`Key: value` lines: CJK writes the key and value with a full-width colon and no space, which
is still a key; a time or an address is never one."""

from __future__ import annotations

import pytest

from checker.read.normalize import normalize
from checker.read.record import key_of_line, record


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("电话：+49 82 686 1000", "电话", "+49 82 686 1000"),
        ("当前位置：首页 > 新闻", "当前位置", "首页 > 新闻"),
        ("更新日：2024-03-23", "更新日", "2024-03-23"),
        ("Phone: 555 0100", "Phone", "555 0100"),
        ("Phone:555 0100", None, None),  # Latin keys need the space: `ratio:3` is no field
        ("会议 9:30", None, None),
        ("http://example.org/a", None, None),
    ],
)
def test_keys(text: str, key: str | None, value: str | None) -> None:
    norm = normalize(text)
    assert key_of_line(norm) == key
    assert record(norm).value == value
