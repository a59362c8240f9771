"""A breadcrumb that ends in its page's own heading is the page's data, not drift.

A small section of a site (one language's pages, say) holds a `Key: value` trail at the
end of its block. Pages in a sub-folder name that folder (`Sie sind hier: Start > Verein`);
pages at the top name themselves (`Sie sind hier: Start > Jahresbericht 2023` over the
heading `# Jahresbericht 2023`). The folder's value holds a majority, and no other value
names a folder, so each top page's trail read as a changed value (gen2 seed 774, in
Chinese: three value-changed errors on a drift-free copy). A value whose difference from
the usual one is a whole line the page holds of its own repeats that page; a value that
repeats nothing of the page is still drift. Where two pages share a title (gen2 seed 444),
their value is held twice, yet repeats each page's own heading: with the values naming
their folders, such values make the trail a field of the pages' own.
"""

from __future__ import annotations

from pathlib import Path

from checker.align.echo import _differing_part
from tests.test_accuracy import kinds_by_page

MENU = ["Start", "Termine", "Mitglieder", "Kontakt"]
SECTION = ["Chronik", "Vorstand", "Satzung", "Beiträge", "Ehrenamt"]
OWN = ["Jahresbericht 2023", "Sommerfest am Hafen", "Neue Öffnungszeiten"]


def _page(title: str, trail: str, up: str = "") -> str:
    menu = (f"  * [{m}]({up}{m.lower()}.html)" for m in MENU)
    lines = ["Hafenverein Nordmole e.V.", "", *menu]
    lines += ["", "Telefon: 0421 555 0143", f"Sie sind hier: {trail}", "", f"# {title}", ""]
    lines += [f"Absatz {n} über {title} mit eigenem Text, Nummer {n * 7}." for n in range(8)]
    return "\n".join(lines) + "\n"


def _site(root: Path, odd: str | None = None, own: list[str] = OWN) -> Path:
    (root / "verein").mkdir(parents=True)
    for name in SECTION:
        (root / "verein" / f"{name.lower()}.md").write_text(
            _page(name, "Start > Verein", "../"), encoding="utf-8"
        )
    for n, title in enumerate(own):
        trail = f"Start > {title}" if odd is None or n else odd
        (root / f"seite-{n}.md").write_text(_page(title, trail), encoding="utf-8")
    return root


def test_top_pages_naming_themselves_beside_a_sections_majority_are_clean(
    tmp_path: Path,
) -> None:
    assert kinds_by_page(_site(tmp_path / "site")) == []


def test_two_top_pages_of_one_title_name_themselves_too(tmp_path: Path) -> None:
    # gen2 seed 444: two pages share a title, so their trail is a value two pages hold;
    # each still repeats its own heading, and the trail is a field of the pages' own.
    titles = ["Jahresbericht 2023", "Jahresbericht 2023", "Sommerfest am Hafen"]
    assert kinds_by_page(_site(tmp_path / "site", own=titles)) == []


def test_a_trail_that_repeats_nothing_of_its_page_is_still_drift(tmp_path: Path) -> None:
    found = kinds_by_page(_site(tmp_path / "site", odd="Start > Verien"))
    assert found == [("seite-0.md", "value-changed")]


def test_the_differing_part_is_cut_at_word_boundaries() -> None:
    assert _differing_part("Home > News", "Home > New rules") == "New rules"
    assert _differing_part("Home > About > Team", "Home > Budget > Team") == "Budget"
    assert _differing_part("首页 > About", "首页 > 公共交通新规") == "公共交通新规"
    assert _differing_part("Phone: 555 0100", "Phone: 555 0100") == ""
