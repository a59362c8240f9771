"""The HTML renderer's output stays exactly as frozen in `tests/data/html-reference.json`.

The fixture holds the lines, source lines and problems of real pages, the snippets of
`tests/test_html.py`, tricky pages and seeded random pages (see `tests/html_reference.py`).
"""

from __future__ import annotations

import pytest

from tests.html_reference import FIXTURE, all_cases, first_difference, load_fixture, record

CASES = all_cases()
FROZEN = load_fixture()


def test_fixture_covers_every_case() -> None:
    assert sorted(FROZEN) == sorted(CASES)
    assert FIXTURE.stat().st_size < 1_000_000


@pytest.mark.parametrize("name", sorted(CASES))
def test_rendering_is_unchanged(name: str) -> None:
    actual = record(CASES[name])
    assert actual == FROZEN[name], first_difference(CASES[name], FROZEN[name], actual)
