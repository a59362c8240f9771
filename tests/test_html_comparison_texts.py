"""Rendered lines normalized all at once read exactly as normalized one by one."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.read.decode import decode
from checker.read.html import comparison_texts, render_html
from checker.read.normalize import normalize, same_scheme

PAGES = Path(__file__).resolve().parent / "data" / "clerk-house-gov" / "orig"
_ODD = " \t\u00a0\u2000\u3000\u0085\u2028\x1f`\u2019\u00ad\u0301e\u0065\u0301\ufb01x:/https"


def one_by_one(texts: list[str]) -> list[str]:
    """The reader's form of each line, line by line."""
    return [same_scheme(normalize(text)) for text in texts]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(_ODD) | st.characters(), max_size=30)))
def test_any_lines(texts: list[str]) -> None:
    assert comparison_texts(texts) == one_by_one(texts)


def test_lines_of_real_pages() -> None:
    for path in sorted(PAGES.rglob("*.orig")):
        rendered, _ = render_html(decode(path.read_bytes(), html=True).text, page_url="site:///x")
        texts = [line.text for line in rendered]
        assert comparison_texts(texts) == one_by_one(texts), path


def test_lines_holding_the_separator_are_normalized_one_by_one() -> None:
    texts = ["a\x00 b", " https://x ", ""]
    assert comparison_texts(texts) == one_by_one(texts)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(" \t\n`xX_h:/ptsPTSH\x1f\x1c.1é"), max_size=30)))
def test_ascii_lines(texts: list[str]) -> None:
    """Mostly ASCII lines, where the already-collapsed shortcut and the `://` split apply."""
    assert comparison_texts(texts) == one_by_one(texts)


def test_link_schemes_on_collapsed_lines() -> None:
    texts = ["see https://a.org", "xhttps://b", "HTTPS://c https:///d", "a:https://e_https://f"]
    assert comparison_texts(texts) == one_by_one(texts)
