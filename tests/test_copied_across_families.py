"""A table that pages of two families copy into their bodies is no family's block.

A harbour authority's English and German pages each carry their own block. Some pages of
both languages hold the same table of figures in their bodies, most of them right under the
block, one of them further down. Within the English pages the rows come together on enough
pages to read as a page type's section joined to the block, so the own lines that one page
put between its block and the table read as added inside the block (gen2 seeds 449, 466,
653, 686, 778, 819: the largest share of what was left on gen2's drift-free copies). Text
that pages of another family print in the same words, on only some of their pages, is
what bodies copy (HARD-CASES: "a German and an English page with the same table"); a line
another family prints on nearly all its pages is that family's block and stays a candidate.
"""

from __future__ import annotations

from pathlib import Path

from tests.test_accuracy import kinds_by_page

TABLE = ["2019 | 12 | 4", "2020 | 15 | 2", "2021 | 9 | 7"]
BLOCKS = {
    "en": ["Harbour Authority", "  * [Home](/en/)", "  * [Tides](/en/tides.html)"],
    "de": ["Hafenbehörde", "  * [Start](/de/)", "  * [Gezeiten](/de/gezeiten.html)"],
}
SHARED = "office@harbour-authority.example"  # both blocks print it, in the same words
BLOCKS["en"] += ["  * [Moorings](/en/moorings.html)", "Phone: +44 1632 960100", SHARED]
BLOCKS["de"] += ["  * [Liegeplätze](/de/liegeplaetze.html)", "Telefon: +44 1632 960100", SHARED]


def _page(lang: str, n: int, table: str, lost: str | None = None) -> str:
    block = [line for line in BLOCKS[lang] if line != lost]
    body = [f"Report {n} on the {lang} quay, figure {n * 11}."]
    body += [f"Line {k} of page {n} ({lang}): {k * n + 3} boats." for k in range(5)]
    top = [*TABLE, ""] if table == "top" else []
    if table == "middle":
        body = [*body[:3], "", *TABLE, "", *body[3:]]
    return "\n".join([*block, "", *top, f"# Page {n} ({lang})", "", *body]) + "\n"


def _site(root: Path, lost: str | None = None) -> Path:
    root.mkdir()
    for lang in BLOCKS:
        for n in range(8):
            table = {0: "top", 1: "top", 2: "top", 3: "middle"}.get(n, "") if lang == "en" else ""
            if lang == "de" and n < 3:
                table = "top"
            text = _page(lang, n, table, lost if (lang, n) == ("en", 5) else None)
            (root / f"p{n}.{lang}.md").write_text(text, encoding="utf-8")
    return root


def test_a_table_both_languages_copy_raises_no_alarm(tmp_path: Path) -> None:
    assert kinds_by_page(_site(tmp_path / "site")) == []


def test_a_line_both_blocks_share_is_still_checked(tmp_path: Path) -> None:
    # Lost on one English page, the shared address stands on 7 of 8 English pages, like a
    # copied line; but the German pages print it on every page: it is block, and missing.
    found = kinds_by_page(_site(tmp_path / "site", lost=SHARED))
    assert found == [("p5.en.md", "line-missing")]
