"""Unit tests for the principles the learning model holds by construction (UNSEEN-FAILURES.md):
a wrap column is the whole site's, link identity, block versions, punctuation lines."""

from __future__ import annotations

import textwrap

from checker.align.observe import lone_absences
from checker.align.similarity import similarity
from checker.judge.classify import classify
from checker.learn.site import site_wrap
from checker.learn.versions import is_version
from checker.model import Alignment, Kind, Line, Placement, Slot, Snapshot, Template
from checker.read.normalize import normalize, resolve_links, wrap_column

PROSE = (
    "The beds near the north fence were dug over and planted with early onions and two rows "
    "of broad beans this week. The compost bins were turned, the water butts cleaned, and the "
    "tool shed got a new lock and a coat of green paint. Volunteers are still wanted."
)


def _snapshot(name: str, text: str) -> Snapshot:
    lines = tuple(Line(n, t, normalize(t)) for n, t in enumerate(text.split("\n"), 1) if t.strip())
    return Snapshot(name, "site", lines)


def _wrapped_site(width: int, pages: int = 6) -> list[Snapshot]:
    return [
        _snapshot(f"p{i}", f"Club\n\n{textwrap.fill(f'Page {i}: ' + PROSE, width)}\n")
        for i in range(pages)
    ]


def test_the_wrap_column_is_read_from_the_whole_site() -> None:
    assert site_wrap(_wrapped_site(78)) in range(70, 79)
    assert site_wrap(_wrapped_site(64)) in range(56, 65)


def test_an_unwrapped_site_has_no_column_however_short_one_page_is() -> None:
    long_lines = [_snapshot(f"p{i}", f"Club\n\nPage {i}: {PROSE}\n") for i in range(5)]
    short = _snapshot("short", "Club\n\n" + "\n".join(PROSE[k : k + 70] for k in range(0, 210, 70)))
    assert site_wrap([*long_lines, short]) is None


def test_one_long_link_line_does_not_hide_the_column() -> None:
    link = "[Download the complete yearly report](https://files.example.org/" + "x" * 60 + ".pdf)"
    pages = [
        _snapshot(s.path, "\n".join(line.text for line in s.lines) + "\n" + link)
        for s in _wrapped_site(78)
    ]
    assert site_wrap(pages) is not None


def test_too_few_pairs_show_no_column() -> None:
    assert wrap_column([(75, 5)] * 3, [75, 75, 75]) is None


def test_links_to_one_resource_compare_equal_at_any_depth_and_scheme() -> None:
    deep = resolve_links(
        "![logo](../../img/logo.png) [Home](https://example.org/)", "site:///a/b/p.md"
    )
    shallow = resolve_links(
        "![logo](../img/logo.png) [Home](http://example.org/)", "site:///a/p.md"
    )
    assert deep == shallow


def test_link_lines_to_other_resources_are_not_alike_by_shape() -> None:
    assert similarity("* [Start](http://x.org/de/)", ("* [Mastodon](http://social.org/@x)",)) < 0.5
    assert similarity("* [Start](http://x.org/)", ("* [Home](http://x.org/)",)) >= 0.72


def test_a_line_that_lost_or_gained_its_link_is_still_that_line() -> None:
    # the same words, a link lost or added: the line changed, as a reworded one is
    assert similarity("Press", ("Press <site:///press.html>",)) >= 0.72
    assert similarity("  * [Press](site:///press.html)", ("  * Press",)) >= 0.72
    # other words, or the same words beside more: not by this rule
    assert similarity("Pressroom", ("Press <site:///press.html>",)) < 0.72
    assert similarity("Imprint", ("Print <site:///print.html>",)) < 0.72


def test_punctuation_lines_match_only_when_identical() -> None:
    assert similarity("[", ("* * *",)) == 0.0
    assert similarity("* * *", ("* * *",)) == 1.0


def test_a_key_whose_address_became_a_name_is_a_value_change() -> None:
    assert classify("Contact: office@ferry.example", "Contact: Pat Rowe")[0] is Kind.VALUE_CHANGED
    assert classify("Web: http://a.example/", "Web: http://b.example/")[0] is Kind.URL_CHANGED


def _template(lines: list[str]) -> Template:
    slots = tuple(Slot(i, 0, text, 1.0, (text,)) for i, text in enumerate(lines))
    return Template(site="s", family=0, slots=slots, sample_size=10)


def test_an_older_block_links_to_the_same_resources() -> None:
    new = _template(["Society", "[Home](http://s.org/)", "[Nights](http://s.org/n)", "(c) 2024"])
    old = _template(["Society", "[Start](http://s.org/)", "[Nights out](http://s.org/n)"])
    assert is_version(old, new)


def test_another_familys_block_links_to_its_own_pages() -> None:
    en = _template(
        ["Group", "[Home](http://h.org/en/)", "[Walks](http://h.org/en/w)", "[Video](http://v.org)"]
    )
    de = _template(
        [
            "Gruppe",
            "[Start](http://h.org/de/)",
            "[Touren](http://h.org/de/t)",
            "[Video](http://v.org)",
        ]
    )
    assert not is_version(de, en)
    assert not is_version(_template(["Gruppe", "Telefon 1"]), _template(["Group", "Phone 1"]))


def test_a_translated_block_linking_to_the_same_pages_is_a_family_of_its_own() -> None:
    greek = _template(["Αρχική [x](http://o.org/)", "Έγγραφα [x](http://o.org/docs)", "Τύπος"])
    russian = _template(
        ["Главная [x](http://o.org/)", "Документы [x](http://o.org/docs)", "Пресса"]
    )
    assert not is_version(russian, greek)


def test_a_moved_line_is_the_odd_one_out_among_tied_orders() -> None:
    from checker.align.matching import Strays, fewest_strays, longest_in_order

    # Slots 0..3; the page holds 0, 1, 3 (line 2), its own lines 3 and 4, then 2 (line 5).
    pairs = [(0, 0), (1, 1), (2, 3), (5, 2)]
    strays = Strays(list(range(7)), frozenset({3}))  # pages hold lines after slot 3

    assert len(longest_in_order(pairs)) == 3
    assert fewest_strays(pairs, strays) == [(0, 0), (1, 1), (2, 3)]


def _field(values: dict[str, list[str]]) -> bool:
    """record_field over a slot whose text `values` map to the pages holding them."""
    from collections import Counter

    from checker.judge.canonical import record_field
    from checker.verdict import Holder

    counts = Counter({text: len(pages) for text, pages in values.items()})
    # Holders of the majority text are only counted, never kept (as the variant table does).
    top = counts.most_common(1)[0][0]
    holders = {t: [Holder(p, 1, t) for p in pages] for t, pages in values.items() if t != top}
    return record_field(counts, holders)


def test_a_breadcrumb_naming_its_section_or_its_own_page_is_a_field() -> None:
    assert _field(
        {
            "You are here: Home > About": ["about/a.md", "about/b.md", "about/team/c.md"],
            "You are here: Home > News": ["news/d.md", "news/2024/e.md"],
            "You are here: Home > Minutes of May": ["f.md"],
            "You are here: Home > Water supply": ["g.md"],
        }
    )


def test_a_breadcrumb_one_page_of_a_section_holds_still_names_the_section() -> None:
    # gen2 seed 204: one news page among pages that name themselves at the top folder.
    assert _field(
        {
            "You are here: Home > Members": [f"members/p-{i}.html" for i in range(12)],
            "You are here: Home > About": ["about/a.html", "about/team/b.html", "about/c.html"],
            "You are here: Home > News": ["news/2024/d.html"],
            "You are here: Home > Minutes of May": ["f.html"],
            "You are here: Home > Water supply": ["g.html"],
        }
    )


def test_two_pages_naming_themselves_alike_are_still_of_their_section() -> None:
    # gen2 seed 441: top-level pages name themselves, two of them by one title; a page's
    # title two pages share is no section of its own beside the others'.
    assert _field(
        {
            "You are here: Home > Members": [f"members/p-{i}.html" for i in range(12)],
            "You are here: Home > About": ["about/a.html", "about/team/b.html", "about/c.html"],
            "You are here: Home > News": ["news/2024/d.html", "news/e.html"],
            "You are here: Home > Minutes of May": ["f.html", "g.html"],
            "You are here: Home > Water supply": ["h.html"],
            "You are here: Home > Harbour works": ["i.html"],
        }
    )
    # but two values shared in one folder other than the self-naming pages' stay apart
    assert not _field(
        {
            "You are here: Home > Members": [f"members/p-{i}.html" for i in range(12)],
            "You are here: Home > About": ["about/a.html", "about/b.html", "about/c.html"],
            "You are here: Home > Abuot": ["about/d.html", "about/e.html"],
            "You are here: Home > Water supply": ["h.html"],
            "You are here: Home > Harbour works": ["i.html"],
        }
    )


def test_a_small_sites_breadcrumb_naming_each_pages_folder_is_a_field() -> None:
    # gen2 seeds 451 and 465: too few sections to be told by their folders, but every
    # value besides the commonest names its pages' folder, or is one page's own title
    assert _field(
        {
            "You are here: Home > News": ["news/a.html", "news/b.html", "news/2024/c.html"],
            "You are here: Home > About": ["about/d.html"],
        }
    )
    assert _field(
        {
            "You are here: Home > News": ["news/a.html", "news/b.html", "news/c.html"],
            "You are here: Home > About": ["about/d.html", "about/team/e.html"],
            "You are here: Home > New rules for the harbour": ["f.html"],
        }
    )
    # a value two pages share that names no folder of theirs is drift
    assert not _field(
        {
            "You are here: Home > News": ["news/a.html", "news/b.html", "news/c.html"],
            "You are here: Home > Nwes": ["news/e.html", "news/f.html"],
        }
    )
    assert not _field({"Phone: 555 0100": ["news/a.md", "b.md"], "Phone: 555 0199": ["c.md"]})
    # a link's path names no place: a permalink to a page in `about/` is no breadcrumb
    assert not _field(
        {
            "Permalink: https://h.example/x.md ![Logo](site:///img/logo.png)": ["a.md", "b.md"],
            "Permalink: https://h.example/about/d.md": ["about/d.md"],
        }
    )


def test_drift_beside_the_majority_in_its_folders_is_no_field() -> None:
    # Pages that each lost something in folders where the majority also stands: drift.
    assert not _field(
        {
            "Phone: 555 0100": ["a.md", "b.md", "news/c.md", "news/d.md", "about/e.md"],
            "Phone: 555 0199": ["news/f.md", "news/g.md"],
            "Phone: 555 0101": ["about/h.md"],
            "Phone: 555 0109": ["i.md"],
        }
    )


def _rules_alignment(placed_rule: int | None, second_share: float = 0.57) -> Alignment:
    """A footer of a rule and two lines; most pages print the rule a second time in their
    body (the template's first copy, on every page that prints any), some only once."""
    words = ("Questions? Write to us.", "(c) 2026 Harbour Gazette")
    slots = (
        Slot(0, 0, "* * *", 1.0, ("* * *",), occurrence=0),
        Slot(1, 0, "* * *", second_share, ("* * *",), occurrence=1),
        *(Slot(2 + i, 0, text, 1.0, (text,)) for i, text in enumerate(words)),
    )
    template = Template("site", 0, slots, 10 if second_share > 0.8 else 21)
    lines = [Line(10 + i, text, text) for i, text in enumerate(("* * *", *words))]
    placements = [Placement(2 + i, line) for i, line in enumerate(lines[1:])]
    if placed_rule is not None:
        placements.insert(0, Placement(placed_rule, lines[0]))
    missing = tuple((s, 10) for s in (0, 1) if s != placed_rule)
    return Alignment(Snapshot("p", "site", tuple(lines)), template, tuple(placements), (), missing)


def test_a_rule_printed_fewer_times_lacks_the_copy_fewest_pages_hold() -> None:
    """The page's one rule was placed at the second copy's slot (beside the footer's first
    line); the copy it lacks is the one 12 of 21 pages hold, not the one every page holds:
    a rule says nothing, and an optional one is missing from none."""
    assert lone_absences(_rules_alignment(placed_rule=1)) == []
    assert lone_absences(_rules_alignment(placed_rule=0)) == []


def test_a_rule_every_other_page_prints_twice_is_still_lost() -> None:
    """On ten pages the second copy's share is 8 of 9 because this page lacks it: among the
    other pages every one holds it, so the page lost a rule (UNSEEN-FAILURES R10)."""
    assert lone_absences(_rules_alignment(placed_rule=1, second_share=8 / 9)) == [(0, 10)]


def test_a_page_without_any_rule_still_lacks_the_one_every_page_prints() -> None:
    assert lone_absences(_rules_alignment(placed_rule=None)) == [(0, 10)]
