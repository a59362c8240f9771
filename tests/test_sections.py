"""Page types: lines one section of a site's pages carries together are checked among those
pages (UNSEEN-FAILURES M8), and what only looks like such a section is left alone: copies of
one page, record fields, a line another type's page holds as its own.

Each site is a club's pages: a header block on every page, then on profile pages a back link
and a "data checked" line (the profile section), on list pages a heading of their own at the
same place; then each page's own body.
"""

from __future__ import annotations

from pathlib import Path

from tests.test_accuracy import run_checker

HEADER = [
    "Fenwick Rowing Club",
    "  * [Home](https://row.example/)",
    "  * [Crews](https://row.example/crews)",
    "  * [Regattas](https://row.example/regattas)",
    "  * [Contact](https://row.example/contact)",
    "* * *",
]
BACK = "  * [Back to the crew list](https://row.example/crews)"
CHECKED = "Crew data are checked every 4 weeks."
FOOTER = ["----", "Fenwick Rowing Club, Mill Lane 4", "Phone: 555 0100"]
NAMES = "Ada Bell Cy Dunn Ed Fox Flo Gray Gus Hale Ivy Jones Kit Lane Max Noor Oda Pike Rex Quin"


def _profile(i: int, checked: str = CHECKED, fields: tuple[str, ...] = ()) -> str:
    first, last = NAMES.split()[2 * (i % 10)], NAMES.split()[2 * (i % 10) + 1]
    body = [
        "",
        f"# {first} {last} ({i})",
        f"Rows at stroke since {1990 + i}; raced {i + 3} regattas.",
        f"Seat {i % 8 + 1} in the {['first', 'second', 'third'][i % 3]} eight, page {i}.",
        "",
    ]
    return "\n".join(HEADER + [BACK, checked] + body + FOOTER + list(fields)) + "\n"


SORT = "Sort by: name | boat | seat"
SHEET = "  * [Download the list as a sheet](https://row.example/crews.csv)"


def _listing(i: int) -> str:
    body = ["", f"Crew list, part {i + 1}", f"  * [Crew {i}a](https://row.example/c/{i}a)"]
    return "\n".join(HEADER + [SORT, SHEET] + body + [""] + FOOTER) + "\n"


def _article(i: int) -> str:
    body = ["", f"# Regatta note {i}", f"Heat {i} was rowed in a light headwind past the mill."]
    return "\n".join(HEADER + body + [""] + FOOTER) + "\n"


def _site(root: Path, profiles: dict[int, str]) -> Path:
    for i, text in profiles.items():
        (root / f"profile{i:02d}.md").write_text(text, encoding="utf-8")
    for i in range(6):
        (root / f"list{i}.md").write_text(_listing(i), encoding="utf-8")
    for i in range(8):
        (root / f"article{i}.md").write_text(_article(i), encoding="utf-8")
    return root


def _found(root: Path) -> set[tuple[str, int, str]]:
    _, findings, err = run_checker(root)
    assert "Traceback" not in err, err
    return {(Path(f["snapshot"]).name, f["line"], f["kind"]) for f in findings}


def test_a_change_two_pages_of_a_section_share_is_drift(tmp_path: Path) -> None:
    """8 of 22 pages carry the profile section; two of them say "every 6 weeks". The
    section is under half the site, yet it is boilerplate of its pages."""
    drifted = CHECKED.replace("4", "6")
    profiles = {i: _profile(i, drifted if i in (2, 5) else CHECKED) for i in range(8)}
    found = _found(_site(tmp_path, profiles))
    assert found == {
        ("profile02.md", 8, "number-changed"),
        ("profile05.md", 8, "number-changed"),
    }


def test_two_lines_of_a_section_each_drifting_on_two_pages_are_drift(tmp_path: Path) -> None:
    """Two profiles' back links point at the old crew list, two other profiles say "every 6
    weeks": each line reads the usual way on only 6 of the 8 profiles, and on only 4 both
    do. On a site of 44 pages a text two pages share is too rare to learn from, so the
    drifted copies do not count as the lines by themselves. A line with other numbers or
    links is still the line: the two stand on the same 8 pages, one section, and its
    drift is reported."""
    old_back = BACK.replace("/crews)", "/crews-2023)")
    profiles = {
        i: _profile(i, CHECKED.replace("4", "6") if i in (4, 7) else CHECKED) for i in range(8)
    }
    for i in (1, 2):
        profiles[i] = profiles[i].replace(BACK, old_back)
    root = _site(tmp_path, profiles)
    for i in range(8, 30):
        (root / f"article{i}.md").write_text(_article(i), encoding="utf-8")
    found = {(page, kind) for page, _, kind in _found(root)}
    assert found == {
        ("profile01.md", "url-changed"),
        ("profile02.md", "url-changed"),
        ("profile04.md", "number-changed"),
        ("profile07.md", "number-changed"),
    }


def test_the_same_site_without_drift_has_no_finding(tmp_path: Path) -> None:
    profiles = {i: _profile(i) for i in range(8)}
    assert _found(_site(tmp_path, profiles)) == set()


def test_copies_of_one_page_are_no_section(tmp_path: Path) -> None:
    """One profile page captured six times shares its whole body with its copies; one
    capture reads another count of regattas. That is the page's own content changing."""
    profiles = {i: _profile(i) for i in range(8)}
    copy = _profile(3).replace("# Cy Dunn (3)", "# Cy Dunn").replace("page 3", "page")
    for n in range(6):
        text = copy.replace("raced 6 regattas", "raced 7 regattas") if n == 4 else copy
        profiles[20 + n] = text
    found = _found(_site(tmp_path, profiles))
    assert not {f for f in found if f[0].startswith("profile2")}, found


def test_a_record_field_most_profiles_share_is_content(tmp_path: Path) -> None:
    """`Club: Fenwick` and `Side: bow` after the footer of most profiles, other values on
    two: record fields (one value under a key other pages give other values, next to no
    line the site repeats but each other), not section lines, however many pages share one
    value (M15)."""

    def fields(i: int) -> tuple[str, ...]:
        club = "Tyne" if i in (1, 6) else "Fenwick"
        side = "stroke" if i in (1, 6) else "bow"
        return (f"Club: {club}", f"Side: {side}", f"Weight: {70 + i} kg")

    profiles = {i: _profile(i, fields=fields(i)) for i in range(8)}
    assert _found(_site(tmp_path, profiles)) == set()


def test_a_page_of_another_type_holding_a_like_line_is_not_of_the_section(tmp_path: Path) -> None:
    """An article quotes the "checked" line with another number in its body: it carries no
    back link, so it is not a profile page and its line is its own."""
    profiles = {i: _profile(i) for i in range(8)}
    root = _site(tmp_path, profiles)
    quote = "past the mill.\nCrew data are checked every 2 weeks."
    quoted = _article(3).replace("past the mill.", quote)
    (root / "article3.md").write_text(quoted, encoding="utf-8")
    assert _found(root) == set()


def test_a_site_map_holding_every_section_is_of_no_type(tmp_path: Path) -> None:
    """A site map lists the profile section's back link and the list section's sort line,
    each beside a line of its own wording. No page carries both sections: the site map is
    neither a profile nor a list page, and its lines are its own."""
    profiles = {i: _profile(i) for i in range(8)}
    root = _site(tmp_path, profiles)
    site_map = HEADER + [
        BACK,
        "Crew data are checked every 2 weeks.",
        SORT,
        SHEET.replace("sheet", "spreadsheet"),
    ]
    (root / "sitemap.md").write_text("\n".join(site_map + ["", *FOOTER]) + "\n", encoding="utf-8")
    assert _found(root) == set()


def _club(root: Path, heading: dict[int, str]) -> Path:
    """Nine member pages under a `## Member profile` heading and `Name:`/`Joined:` fields, three
    list pages without either: the heading stands on three pages in four."""
    header = [
        "[Home](https://club.example/)",
        "[Members](https://club.example/members)",
        "# Register",
    ]
    footer = ["[Imprint](https://club.example/imprint)", "Quarry Lane Club | 555 0177"]
    for i in range(9):
        body = [heading.get(i, "## Member profile"), f"Name: Member {i}", f"Joined: {2001 + i}"]
        (root / f"member{i}.md").write_text("\n\n".join(header + body + footer) + "\n")
    for i in range(3):
        body = [f"Members, page {i + 1}", f"Member {i} | Member {i + 3} | Member {i + 6}"]
        (root / f"list{i}.md").write_text("\n\n".join(header + body + footer) + "\n")
    return root


def test_a_line_that_comes_with_a_record_form_is_that_types_layout(tmp_path: Path) -> None:
    """List pages lack the member heading because they hold no member record (M8, r8a)."""
    assert _found(_club(tmp_path, {})) == set()


def test_a_record_forms_own_line_is_still_checked_on_its_pages(tmp_path: Path) -> None:
    """On the member pages the heading is block all the same: lost or reworded, it is drift."""
    root = _club(tmp_path, {2: "## Profile of the member", 5: ""})
    found = {(name, kind) for name, _, kind in _found(root)}
    assert found == {("member2.md", "text-changed"), ("member5.md", "line-missing")}


def test_a_section_at_the_pages_end_after_a_line_of_its_own(tmp_path: Path) -> None:
    """The profile section closes the page, after a per-page breadcrumb line: joined to the
    page's edge, it is a section as much as one joined to the block."""
    drifted = CHECKED.replace("4", "6")
    for i in range(8):
        page = _profile(i).replace(f"{BACK}\n{CHECKED}\n", "")
        tail = [f"> Crews > {NAMES.split()[2 * i]}", BACK, drifted if i in (3, 6) else CHECKED]
        (tmp_path / f"profile{i:02d}.md").write_text(page + "\n".join(tail) + "\n")
    _site(tmp_path, {})
    found = {(name, kind) for name, _, kind in _found(tmp_path)}
    assert found == {("profile03.md", "number-changed"), ("profile06.md", "number-changed")}


def test_a_section_behind_a_per_page_trail_with_its_drift(tmp_path: Path) -> None:
    """Every page opens its body with a `You are here:` trail, a value per page; on the list
    pages the list section follows it, and two list pages sort by one column less. The trail
    is a record field: the section is joined to the block through it. `Sort by:` in two
    wordings, beside its section's steady download line, is a line and its drift."""
    root = _site(tmp_path, {i: _profile(i) for i in range(8)})
    for i in range(6):
        sort = "Sort by: name | boat" if i in (1, 4) else SORT
        (root / f"list{i}.md").write_text(_listing(i).replace(SORT, sort), encoding="utf-8")
    for page in root.glob("*.md"):
        trail = f"* * *\nYou are here: Club > {page.stem}\n"
        page.write_text(page.read_text(encoding="utf-8").replace("* * *\n", trail, 1))
    found = {(name, kind) for name, _, kind in _found(root)}
    assert found == {("list1.md", "value-changed"), ("list4.md", "value-changed")}


HELP = ["Questions? Write to the secretary.", "She answers within three days."]


def test_a_box_pages_of_every_type_carry_is_no_rival_of_a_type(tmp_path: Path) -> None:
    """A help box above the footer on every third page, profiles and listings among them, is
    a section of its own. The pages that carry it and a type's section hold no more
    sections than the other pages of either (as a site map would): no rival, so the
    profiles and listings that carry it hold nothing added; a reworded box still drifts."""
    root = _site(tmp_path, {i: _profile(i) for i in range(8)})
    for n, page in enumerate(sorted(root.glob("*.md"))):
        if n % 3 == 0:
            help_lines = list(HELP)
            if n == 9:
                help_lines[1] = "She answers within a week."
            text = page.read_text(encoding="utf-8").replace(
                "----\n", "\n".join(help_lines) + "\n----\n", 1
            )
            page.write_text(text, encoding="utf-8")
    found = {(name, kind) for name, _, kind in _found(root)}
    drifted = sorted(root.glob("*.md"))[9].name
    assert found == {(drifted, "text-changed")}


def test_a_section_beside_a_box_some_pages_carry_keeps_its_drift(tmp_path: Path) -> None:
    """A help box right after the section's place, on three pages in five, moves the line
    after the section on those pages but not where the section stands in the block. Two
    profiles reword their back link: drift of the section, not a "checked" line added on
    every profile."""
    root = _site(tmp_path, {i: _profile(i) for i in range(8)})
    for n, page in enumerate(sorted(root.glob("*.md"))):
        text = page.read_text(encoding="utf-8")
        if page.name in ("profile02.md", "profile05.md"):
            text = text.replace("Back to the crew list", "Back to the whole crew list")
        if n % 5 > 1:
            at = CHECKED + "\n" if page.name.startswith("profile") else "* * *\n"
            text = text.replace(at, at + "\n".join(HELP) + "\n", 1)
        page.write_text(text, encoding="utf-8")
    found = {(name, kind) for name, _, kind in _found(root)}
    assert found == {("profile02.md", "text-changed"), ("profile05.md", "text-changed")}


def test_a_rule_only_some_pages_print_is_missing_from_none(tmp_path: Path) -> None:
    """Three pages in five print a `* * *` rule before the footer: layout, saying nothing,
    so the pages without it miss nothing. The rule's place in the block is still learned,
    and a line lost beside it is still lost."""
    root = _site(tmp_path, {i: _profile(i) for i in range(8)})
    for n, page in enumerate(sorted(root.glob("*.md"))):
        text = page.read_text(encoding="utf-8")
        if n % 5 > 1:
            text = text.replace("----\n", "* * *\n----\n", 1)
        if page.name == "article3.md":
            text = text.replace("Phone: 555 0100\n", "")
        page.write_text(text, encoding="utf-8")
    found = {(name, kind) for name, _, kind in _found(root)}
    assert found == {("article3.md", "line-missing")}


def test_a_rule_some_bodies_repeat_keeps_its_place_in_the_block(tmp_path: Path) -> None:
    """The footer holds a `* * *` rule between its menu and its contact lines. Six pages
    also print a rule between their own paragraphs, before the footer, and are the most
    common layout (the others each carry one of three notices). On those six the footer's
    rule is the second copy: their votes must not pull the template's rule to the body's
    place. The drift-free site has no finding; a footer that lost its rule is found."""
    menu = ["  * [Home](https://row.example/)", "  * [Crews](https://row.example/crews)"]
    contact = ["Fenwick Rowing Club, Mill Lane 4", "Phone: 555 0100"]
    notices = ["Boathouse closed in May.", "Regatta entries close soon.", "New members welcome."]
    for i in range(15):
        body = [f"# Note {i}", f"Heat {i} was rowed past the mill in {i + 3} minutes."]
        notice = [notices[i % 3]] if i >= 6 else []
        if i < 6:
            body += ["* * *", f"The crew of heat {i} rests until {i + 8} o'clock."]
        rule = [] if i == 9 else ["* * *"]
        text = "\n".join(body + menu + rule + contact + notice) + "\n"
        (tmp_path / f"note{i:02d}.md").write_text(text, encoding="utf-8")
    assert {(name, kind) for name, _, kind in _found(tmp_path)} == {("note09.md", "line-missing")}
