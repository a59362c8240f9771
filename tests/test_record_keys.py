"""`Key: value` lines: CJK writes the key and value with a full-width colon and no space, which
is still a key; a time or an address is never one."""

from __future__ import annotations

import pytest

from checker.read.normalize import normalize
from checker.read.record import field_tails, key_of_line, record


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


@pytest.mark.parametrize(
    ("lines", "tails"),
    [
        # A trail wrapped onto two and three lines: each tail continues the field's line.
        (["You are here: Home > Members", "> Ann Lee", "# Ann Lee"], [-1, 0, -1]),
        (["当前位置:首页 > 新闻", "> 2024", "> 供水新规", "正文"], [-1, 0, 0, -1]),
        # A link whose text holds a colon is no trail, and a list after it is no tail.
        (["[To homepage: HHU news](index.html)", "* [for students](s.html)"], [-1, -1]),
        # A tail opens with the mark the value puts between its parts, and has no key.
        (["Path: a / b", "/ c", "/ Fax: 1", "> d"], [-1, 0, -1, -1]),
    ],
)
def test_a_wrapped_field_s_tails(lines: list[str], tails: list[int]) -> None:
    assert field_tails(lines) == tails
