"""The reproductions of shared/UNSEEN-FAILURES.md as data: one builder per reproduction and
the table CASES with the outcome that document calls "Right:".

Each `build_<case>(root)` writes exactly the pages its shell script writes (same text, same
file names, same folders), ported from the script's embedded Python. Controls are built only
where they are a case of their own (r8b's control); r2 is its main run and r14 its default run.

A case's expected outcome is a tuple of alternatives (`Outcome`); the run must match one of
them. An alternative is either an exact multiset of (name, line, kind) findings, where name is
the snapshot's path relative to the case root (for a WARC capture: the URL's path), or a
predicate over the findings for the one Right outcome that is not a fixed list (r14's
template-stale). Findings of every severity count: an extra info finding is a failure too.

`xfail` is the mechanism and its principle where today's code gets the case wrong; the test
marks it `xfail(strict=True)`, so a fixed mechanism shows up as XPASS and fails the suite until
the mark is removed here.
"""

from __future__ import annotations

import random
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

Triple = tuple[str, int, str]
"""One finding as compared: (snapshot name relative to the root, line, kind)."""

Found = dict[str, Any]
"""One finding as the test reads it: name, line, kind, severity, related (names)."""


def _write(root: Path, name: str, text: str) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _write_bytes(root: Path, name: str, data: bytes) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


# --- M1 -----------------------------------------------------------------------------------


def build_r1(root: Path) -> None:
    """R1: a wrap column is guessed on one page of a site that is not wrapped."""
    block = """Harbour Kite Society
The society flies kites on the north beach every Saturday from April to October.
Keeper: Lina Moss
Treasurer: Omar Vale
Meeting room: Hall 4, Pier Road
Membership: 40 adults and 12 juniors
Web: https://kites.example.org
"""
    long_body = (
        "Notes from the weekend: "
        + "the wind was steady and the new box kite held its line well above the dunes " * 2
    ).strip()
    short_body = """Weekend notes
Wind from the west, steady all afternoon on the beach near the old tower.
Two new members joined the Saturday group and brought their own kites.
The box kite flew for an hour before the line needed a new knot.
Tea after at the pier cafe
Next meeting in two weeks
"""
    for i in range(5):
        _write(root, f"p{i}.txt", block + "\n" + long_body + f" (page {i})\n")
    _write(root, "p5.txt", block + "\n" + short_body)


# --- M2 -----------------------------------------------------------------------------------


def build_r2(root: Path) -> None:
    """R2 (main run): a converter wrapped a block line at column 78 where the page's relative
    link depth made it long; one unwrapped long link line hides the site's column."""

    def page(depth: int, n: int) -> str:
        up = "../" * depth
        paras = [
            "Westend Garden Club",
            f"Hide menu and go back to [the overview of all garden club pages]({up}index.html)",
            f"  * [Events]({up}events.html)",
            f"  * [Members]({up}members.html)",
            "[Download the complete yearly report of the club]"
            "(https://files.example.org/reports/yearly/complete-report.pdf)",
            f"Page {n}: the beds near the north fence were dug over and planted with early onions "
            "and two rows of broad beans this week. "
            "The compost bins were turned, the water butts cleaned, and the tool shed got a new "
            "lock and a coat of green paint. "
            "Volunteers are still wanted for the Saturday shift at the seed swap table near the "
            "main gate.",
            "(c) 2024 Westend Garden Club",
        ]
        out = []
        for p in paras:
            # like html2text: wrap prose at 78 columns, never inside a word or a link target
            out.append(
                p
                if p.startswith(("[Download", "  *"))
                else textwrap.fill(p, 78, break_long_words=False, break_on_hyphens=False)
            )
        return "\n\n".join(out) + "\n"

    for n in range(6):
        _write(root, f"page{n}.md", page(0, n))
    for n in range(6, 8):
        _write(root, f"a/b/page{n}.md", page(2, n))


# --- M3 -----------------------------------------------------------------------------------


def build_r3(root: Path) -> None:
    """R3: a per-page breadcrumb of one, two or three lines between block lines."""
    titles = [
        "Spring recital",
        "Autumn tour dates",
        "New robes for the altos",
        "Rehearsal room moves",
        "Summer break",
        "Guest conductor visit",
        "Carol evening",
        "Fundraising quiz night",
    ]
    crumbs = {i: [f"You are here: Home > Notices > {t}"] for i, t in enumerate(titles)}
    crumbs[5] = [
        "You are here: Home > Notices > Guest conductor visit from the northern",
        "academy of music",
    ]
    crumbs[6] = [
        "You are here: Home > Notices > Carol evening with the brass band and the",
        "children's choir",
    ]
    crumbs[7] = [
        "You are here: Home > Notices > Fundraising quiz night with prizes from",
        "local shops and a raffle for",
        "the new piano",
    ]
    for i, t in enumerate(titles):
        lines = [
            "Pine Valley Choir",
            "* [Home](https://choir.example.org/)",
            "* [Notices](https://choir.example.org/notices)",
            *crumbs[i],
            "## Rehearsals",
            "Tuesdays at 19:30 in the school hall.",
            "Conductor: Mira Stone",
            "",
            f"# {t}",
            "",
            f"Body text of notice {i} about {t.lower()}.",
        ]
        _write(root, f"n{i}.txt", "\n".join(lines) + "\n")


def build_r3b(root: Path) -> None:
    """R3b: a line added, or a block line moved, next to a two-line per-page gap."""
    for i in range(10):
        footer = [
            "----",
            "Lakeside Chess Circle",
            "Phone: 555 0100",
            "Email: board@chess.example",
            f"Link to this page: https://chess.example/p/{i}",
            f"Last edited: 2024-03-{10 + i}",
            "----",
            "(c) 2024 Lakeside Chess Circle",
        ]
        if i == 7:
            footer.insert(5, footer.pop(2))  # "Phone" moved to just after the per-page lines
        if i == 8:
            footer.insert(6, "Fax: 555 0101")  # added right after the per-page lines
        if i == 9:
            footer.insert(3, "Fax: 555 0101")  # added between two block lines
        body = [
            f"# Game report {i}",
            f"Round {i} was played on board {i + 3}; the result is in the table.",
        ]
        _write(root, f"g{i}.txt", "\n".join(body + [""] + footer) + "\n")


# --- M4 -----------------------------------------------------------------------------------


def build_r4(root: Path) -> None:
    """R4: a block line that stands just before per-page lines goes missing."""
    for i in range(10):
        footer = [
            "----",
            "Lakeside Chess Circle",
            "Email: board@chess.example",
            "The board meets monthly in room 2.",
            f"Link to this page: https://chess.example/p/{i}",
            f"Last edited: 2024-03-{10 + i}",
            "----",
            "(c) 2024 Lakeside Chess Circle",
        ]
        if i == 8:
            del footer[2]  # the Email line is gone from this page
        if i == 9:
            del footer[3]  # the "board meets" line is gone from this page
        body = [
            f"# Game report {i}",
            f"Round {i} was played on board {i + 3}; the result is in the table.",
        ]
        _write(root, f"g{i}.txt", "\n".join(body + [""] + footer) + "\n")


# --- M5 -----------------------------------------------------------------------------------


def build_r5(root: Path) -> None:
    """R5: the block's first line stands one blank line apart; on one page its link changed."""
    for i in range(8):
        logo = "[![Tern Point Rowing](https://rowing.example/logo.svg)](https://rowing.example/)"
        if i == 7:
            logo = (
                "[![Tern Point Rowing](https://rowing.example/logo.svg)]"
                "(https://old.rowing.example/)"
            )
        lines = [
            logo,
            "",
            "**Tern Point Rowing**",
            "",
            "  * [Home](https://rowing.example/)",
            "  * [Crews](https://rowing.example/crews)",
            "  * [Boathouse](https://rowing.example/boathouse)",
            "  * [Join](https://rowing.example/join)",
            "",
            f"# Outing report {i}",
            "",
            f"The crew of boat {i} rowed to the weir and back before breakfast.",
        ]
        _write(root, f"r{i}.txt", "\n".join(lines) + "\n")


# --- M6 -----------------------------------------------------------------------------------


def build_r6(root: Path) -> None:
    """R6: two page families carry the same shared lines, each in its own consistent order."""
    shared = {
        "m": "  * [Mastodon](https://social.example/@heron)",
        "v": "  * [Video](https://video.example/heron)",
        "p": "  * [Photos](https://photos.example/heron)",
        "c": "(c) 2024 Heron Hiking Group",
    }
    en = [
        "Heron Hiking Group",
        "  * [Home](https://heron.example/en/)",
        "  * [Walks](https://heron.example/en/walks)",
        "  * [Contact](https://heron.example/en/contact)",
        "Phone: 555 0123",
        "Meeting point: car park by the mill",
    ]
    de = [
        "Wandergruppe Reiher",
        "  * [Start](https://heron.example/de/)",
        "  * [Touren](https://heron.example/de/touren)",
        "  * [Kontakt](https://heron.example/de/kontakt)",
        "Telefon: 555 0123",
        "Treffpunkt: Parkplatz an der Muehle",
    ]
    for i in range(6):
        _write(
            root,
            f"en{i}.txt",
            "\n".join(
                en[:4]
                + ["", f"# Walk {i}", f"Walk number {i} follows the river.", ""]
                + en[4:]
                + [shared[k] for k in "mvp"]
                + [shared["c"]]
            )
            + "\n",
        )
    for i in range(4):
        _write(
            root,
            f"de{i}.txt",
            "\n".join(
                de[:4]
                + ["", f"# Tour {i}", f"Tour Nummer {i} folgt dem Fluss.", ""]
                + de[4:]
                + [shared[k] for k in "pmv"]
                + [shared["c"]]
            )
            + "\n",
        )


# --- M7 -----------------------------------------------------------------------------------


def build_r7(root: Path) -> None:
    """R7: one page lacks one block line, another lacks two neighbouring block lines."""
    block = [
        "Maple Street Library",
        "Opening hours: Mon-Fri 9:00-18:00",
        "Saturday: 10:00-14:00",
        "Phone: 555 0150",
        "Email: desk@library.example",
        "Address: 12 Maple Street",
        "Card fees: none for residents",
        "Late returns: 10 cents a day",
    ]
    for i in range(20):
        lines = list(block)
        if i == 18:
            del lines[3]  # "Phone" gone
        if i == 19:
            del lines[3:5]  # "Phone" and "Email" gone
        _write(
            root,
            f"l{i}.txt",
            "\n".join(
                lines + ["", f"# New titles, week {i}", f"{i + 5} new books arrived this week."]
            )
            + "\n",
        )


def build_r7b(root: Path, drifted: int) -> None:
    """R7b: a header followed on 12 of 20 pages by a board roster; one page's menu entry lost
    its link (`drifted` is the script's DRIFTED: 5 has the roster, 19 does not)."""
    header = [
        "**Otter Bay Sailing**",
        "  * [Home](https://sail.example/)",
        "  * [Races](https://sail.example/races)",
        "  * [Boats](https://sail.example/boats)",
        "  * [Training](https://sail.example/training)",
        "  * [Moorings](https://sail.example/moorings)",
        "  * [Weather](https://sail.example/weather)",
        "  * [Privacy](https://sail.example/privacy)",
        "  * [Contact](https://sail.example/contact)",
    ]
    roster = [
        "### Board",
        "Commodore: Ada Penn",
        "Vice commodore: Rui Sato",
        "Treasurer: Lee Marr",
        "Secretary: Ivo Kent",
        "The board has 4 members.",
    ]
    for i in range(20):
        h = list(header)
        if i == drifted:
            h[8] = "  * Contact"  # the menu entry lost its link
        lines = (
            h
            + (roster if i < 12 else [])
            + ["", f"# Race day {i}", f"Race {i}: twelve boats started in a light breeze."]
        )
        _write(root, f"s{i:02d}.txt", "\n".join(lines) + "\n")


def build_r7b_s05(root: Path) -> None:
    """R7b, first variant: the drift on s05, a page with the roster."""
    build_r7b(root, 5)


def build_r7b_s19(root: Path) -> None:
    """R7b, second variant: the drift on s19, a page without the roster."""
    build_r7b(root, 19)


# --- M8 -----------------------------------------------------------------------------------


def build_r8a(root: Path) -> None:
    """R8a: 8 profile pages carry "## Member profile"; 3 list pages never do."""
    header = [
        "[Home](https://club.example/)",
        "[Events](https://club.example/events)",
        "[Members](https://club.example/members)",
        "[Contact](https://club.example/contact)",
        "# Member Register",
    ]
    footer = [
        "[Imprint](https://club.example/imprint) | [Privacy](https://club.example/privacy)",
        "Quarry Lane Climbing Club | 4 Quarry Lane | 555 0177",
    ]
    names = [
        "Ana Bell",
        "Ben Cole",
        "Cy Dunn",
        "Di Earl",
        "Ed Fox",
        "Flo Gray",
        "Gus Hale",
        "Hal Ives",
    ]
    for i, n in enumerate(names):
        body = [
            "## Member profile",
            f"Name: {n}",
            f"Joined: {2010 + i}",
            f"Routes led: {3 * i + 4}",
        ]
        _write(root, f"profile{i}.md", "\n\n".join(header + body + footer) + "\n")
    for i in range(3):
        body = [f"Members, page {i + 1}", " | ".join(names[i * 3 : i * 3 + 3])]
        _write(root, f"list{i}.md", "\n\n".join(header + body + footer) + "\n")


MAILING_LIST = "[Mailing list](https://lark.example/list)"


def build_r8b(root: Path) -> None:
    """R8b: 6 article and 4 listing pages; l1's filter line lost a link, l2 and l3 add the same
    line after the footer."""
    header = [
        "Lark Hill Orchestra",
        "  * [Home](https://lark.example/)",
        "  * [Concerts](https://lark.example/concerts)",
        "  * [Tickets](https://lark.example/tickets)",
        "  * [About](https://lark.example/about)",
    ]
    footer = [
        "----",
        "Lark Hill Orchestra, 9 Bell Street",
        "Phone: 555 0161",
        "(c) 2024 Lark Hill Orchestra",
    ]
    for i in range(6):
        body = [
            f"# Concert note {i}",
            f"The programme for evening {i} opens with a short overture.",
        ]
        _write(root, f"a{i}.txt", "\n".join(header + [""] + body + [""] + footer) + "\n")
    for i in range(4):
        show = (
            "Filter: [All](https://lark.example/news) | [Concerts](https://lark.example/news?t=c)"
            " | [Workshops](https://lark.example/news?t=w)"
        )
        if i == 1:
            show = (
                "Filter: [All](https://lark.example/news) | Concerts"
                " | [Workshops](https://lark.example/news?t=w)"
            )
        body = [
            "## Notices",
            show,
            "Feed: https://lark.example/notices.rss",
            f"Page {i + 1} of 4",
            f"  * [Item {i}a](https://lark.example/n/{i}a)",
            f"  * [Item {i}b](https://lark.example/n/{i}b)",
        ]
        extra = [MAILING_LIST] if i in (2, 3) else []
        _write(root, f"l{i}.txt", "\n".join(header + [""] + body + [""] + footer + extra) + "\n")


def build_r8b_control(root: Path) -> None:
    """R8b's control: the added line on two article pages (a2, a3) instead of l2 and l3
    (`sed -i '$d' l2.txt l3.txt`, then the line appended to a2.txt and a3.txt)."""
    build_r8b(root)
    for name in ("l2.txt", "l3.txt"):
        path = root / name
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        path.write_text("".join(lines[:-1]), encoding="utf-8")
    for name in ("a2.txt", "a3.txt"):
        with (root / name).open("a", encoding="utf-8") as out:
            out.write(MAILING_LIST + "\n")


# --- M9 -----------------------------------------------------------------------------------


def build_r9(root: Path) -> None:
    """R9: a mirror's pages at two folder depths link the same logo and home page relatively."""

    def page(up: str, n: int) -> str:
        return (
            "\n".join(
                [
                    f"![Fern Valley Beekeepers logo]({up}img/logo.png)",
                    f"[Home]({up}index.html)",
                    "[Hives](https://bees.example/hives) | [Honey](https://bees.example/honey)",
                    "",
                    f"# Note {n}",
                    f"Colony {n} was inspected and given a new super.",
                    "",
                    "Fern Valley Beekeepers, 3 Orchard Road",
                ]
            )
            + "\n"
        )

    (root / "news/2024").mkdir(parents=True, exist_ok=True)
    (root / "about").mkdir(parents=True, exist_ok=True)
    for n in range(6):
        _write(root, f"news/2024/n{n}.md", page("../../", n))
    for n in range(3):
        _write(root, f"about/a{n}.md", page("../", n))


WARC_NAME = "site.warc.gz"


def build_r9b(root: Path) -> None:
    """R9b: a web archive of 6 pages of one host with identical markup; `news` (the third
    capture) was captured over https, the others over http."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    nav = (
        '<ul><li><a href="/">Home</a></li><li><a href="/trails">Trails</a></li>'
        '<li><a href="/huts">Huts</a></li><li><a href="/join">Join</a></li></ul>'
    )
    foot = (
        '<p>Ridge Walkers Association</p><p><a href="/contact">Contact</a> | '
        '<a href="/privacy">Privacy</a></p>'
    )
    with (root / WARC_NAME).open("wb") as out:
        w = WARCWriter(out, gzip=True)
        for i, path in enumerate(["trails", "huts", "news", "join", "contact", "privacy"]):
            scheme = "https" if path == "news" else "http"
            html = (
                f"<html><body>{nav}<h1>{path.title()}</h1><p>Text of page {i}.</p>{foot}"
                "</body></html>"
            ).encode()
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            w.write_record(
                w.create_warc_record(
                    f"{scheme}://walkers.example/{path}",
                    "response",
                    payload=BytesIO(html),
                    http_headers=headers,
                    warc_headers_dict={"WARC-Date": f"2024-05-0{i + 1}T10:00:00Z"},
                )
            )


# --- M10 ----------------------------------------------------------------------------------


def build_r10(root: Path) -> None:
    """R10: the block holds "* * *" twice; f8's text uses it once more; f9 lacks the menu's."""
    for i in range(10):
        body = [
            f"# Bulletin {i}",
            f"The allotment gate code changes on day {i + 1} of next month.",
            "Water troughs are filled on Mondays.",
            "Bonfires only after five in the evening.",
            "Keep the paths clear for wheelbarrows.",
            "Thank you all for the tidy plots.",
        ]
        if i == 8:
            body[3:3] = ["* * *"]
        menu = [
            "Northfield Allotments",
            "  * [Plots](https://plots.example/)",
            "* * *",
            "  * [Waiting list](https://plots.example/wait)",
        ]
        if i == 9:
            del menu[2]  # this page really lacks the menu's separator
        lines = (
            menu
            + [""]
            + body
            + [""]
            + [
                "Contact",
                "Site office: 555 0188",
                "* * *",
                "Email: office@plots.example",
                "(c) 2024 Northfield Allotments",
            ]
        )
        _write(root, f"f{i}.txt", "\n".join(lines) + "\n")


# --- M11 ----------------------------------------------------------------------------------


def build_r11(root: Path) -> None:
    """R11: 6 UTF-8 HTML pages; m5's inline script comment holds one Latin-1 byte (0xA9)."""
    for i in range(6):
        note = b"/* slider helper \xa9 some vendor */" if i == 5 else b"/* slider helper */"
        html = (
            b'<html><head><meta charset="utf-8"><script>' + note + b"</script></head><body>"
            b'<ul><li><a href="index.html">Home</a></li>'
            b'<li><a href="games.html">Games</a></li></ul>'
            + f"<h1>Match {i}</h1><p>Report of match {i}.</p>".encode()
            + b"<p>Brook Lane Bowls Club \xc2\xb7 7 Brook Lane</p></body></html>"
        )
        _write_bytes(root, f"m{i}.html", html)


# --- M12 ----------------------------------------------------------------------------------


def build_r12(root: Path) -> None:
    """R12: an optional two-line footer box on 12 of 20 pages; q19's body ends in "["."""
    footer = [
        "Page owner: the office",
        "  * [Contact](https://inst.example/contact)",
        "  * [Imprint](https://inst.example/imprint)",
        "(c) 2024 Example Institute of Soil Science",
    ]
    box = ["* * *", "Need help? Ask at the front desk."]
    for i in range(20):
        body = [f"# Topic {i}", f"Soil sample {i} was dried and weighed."]
        if i == 19:
            body += ["Pick a topic:", "["]
        lines = (
            [
                "Example Institute of Soil Science",
                "  * [Home](https://inst.example/)",
                "  * [Labs](https://inst.example/labs)",
                "",
            ]
            + body
            + [""]
            + (box if i < 12 else [])
            + footer
        )
        _write(root, f"q{i:02d}.txt", "\n".join(lines) + "\n")


# --- M13 ----------------------------------------------------------------------------------


def build_r13(root: Path) -> None:
    """R13: a "Contact:" line whose e-mail value became a name on one page."""
    for i in range(8):
        contact = "Contact: Pat Rowe" if i == 7 else "Contact: office@ferry.example"
        lines = [
            "Island Ferry Friends",
            "Boats leave the north jetty at 8:00 and 16:00.",
            contact,
            "Membership: 25 a year",
            "",
            f"# Crossing log {i}",
            f"Crossing {i} was calm.",
        ]
        _write(root, f"c{i}.txt", "\n".join(lines) + "\n")


# --- M14 ----------------------------------------------------------------------------------

R14_NEW = [
    "Stonebridge Astronomy Society",
    "  * [Home](https://stars.example/)",
    "  * [Observing nights](https://stars.example/nights)",
    "  * [Telescope loans](https://stars.example/loans)",
    "  * [Members' portal](https://portal.stars.example/)",
    "  * [Mastodon](https://social.example/@stars)",
    "  * [Video](https://video.example/stars)",
    "Contact: 555 0144",
    "(c) 2024 Stonebridge Astronomy Society",
]
R14_OLD = [
    "Stonebridge Astronomy Society",
    "  * [Start](https://stars.example/)",
    "  * [Nights out](https://stars.example/nights)",
    "  * [Borrow a telescope](https://stars.example/loans)",
    "  * [Portal](https://members.stars-old.example/)",
    "  * [](https://social.example/@stars)",
    "  * [](https://video.example/stars)",
    "(c) 2023 Stonebridge Astronomy Society",
    "Contact: 555 0144",
]


def build_r14(root: Path) -> None:
    """R14 (default run): 10 pages carry the current header and footer, 3 last year's."""
    for i in range(13):
        block = R14_OLD if i >= 10 else R14_NEW
        lines = (
            block[:5]
            + [
                "",
                f"# Night {i}",
                f"On night {i} we saw {i + 2} meteors before the clouds came.",
                "",
            ]
            + block[5:]
        )
        _write(root, f"s{i:02d}.txt", "\n".join(lines) + "\n")


# --- M15 ----------------------------------------------------------------------------------


def build_r15(root: Path) -> None:
    """R15: 20 member pages; each member's own record (party, constituency, type, phone)."""
    rng = random.Random(3)
    parties = ["Harbour Party"] * 12 + ["Valley League"] * 5 + ["Ridge Union"] * 3
    towns = [
        "Alder",
        "Birch",
        "Cedar",
        "Dunmore",
        "Elm",
        "Fenwick",
        "Glen",
        "Hollow",
        "Ivel",
        "Juniper",
        "Kestrel",
        "Linden",
        "Moss",
        "Nettle",
        "Oakham",
        "Pine",
        "Quarry",
        "Rowan",
        "Sedge",
        "Thorn",
    ]
    for i, (p, t) in enumerate(zip(parties, towns, strict=True)):
        first = rng.choice(["Ana", "Ben", "Cleo", "Dan", "Eva", "Finn", "Gus", "Hana"])
        last = rng.choice(["Moor", "Hale", "Reed", "Stone", "Wells", "Cole"])
        _write(
            root,
            f"member{i:02d}.txt",
            f"""Island Assembly
Speaker: Hon. Mara Quell
Clerk: Dr. Ivo Brandt
Members | Committees | Sittings | Contact

Hon. {first} {last}
Party: {p}
Constituency: {t}
Member type: {"Elected" if i % 7 else "Nominated"}
Phone: +1 555 {1000 + i}

Hon. {first} {last} has served since {2010 + i % 9} and sits on {rng.randint(1, 4)} committees.

Island Assembly, Harbour Road 1, Port Town. Phone +1 555 0100
""",
        )


# --- the table ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """One acceptable Right outcome.

    findings: the exact multiset of (name, line, kind), order-free; used when `check` is None.
    check: a predicate over the parsed findings, for an outcome that is not a fixed list.
    exit_code: what `snapdrift check` must exit with (1 when an error-level finding is expected).
    """

    findings: tuple[Triple, ...] = ()
    exit_code: int = 0
    check: Callable[[list[Found]], bool] | None = None
    describe: str = ""

    def matches(self, found: list[Found], exit_code: int) -> bool:
        if exit_code != self.exit_code:
            return False
        if self.check is not None:
            return self.check(found)
        actual = sorted((f["name"], f["line"], f["kind"]) for f in found)
        return actual == sorted(self.findings)


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[Path], None]
    right: tuple[Outcome, ...]
    args: tuple[str, ...] = ()
    target: str = "."
    """What to check, relative to the root (r9b checks the archive file, as its script does)."""
    xfail: str | None = None
    """'M<n>: principle' while today's code gets the case wrong; None once it passes."""


NO_FINDING = (Outcome(describe="no finding"),)

_R14_OLD_PAGES = {"s10.txt", "s11.txt", "s12.txt"}


def _r14_template_stale(found: list[Found]) -> bool:
    """Every finding is template-stale, and together they name exactly s10, s11 and s12 (one
    grouped finding with the others as related pages, or one finding on each page)."""
    if not found or any(f["kind"] != "template-stale" for f in found):
        return False
    named = {f["name"] for f in found} | {r for f in found for r in f["related"]}
    return named == _R14_OLD_PAGES


def _r14_stale_and_lines(found: list[Found]) -> bool:
    """A template-stale finding naming exactly s10, s11 and s12, and line findings that show
    what differs, each on one of those pages only, every one of them with an error or a
    warning: the old version reported as a version, with its detail."""
    stale = [f for f in found if f["kind"] == "template-stale"]
    if not stale or not _r14_template_stale(stale):
        return False
    if any(f["name"] not in _R14_OLD_PAGES for f in found):
        return False
    flagged = {f["name"] for f in found if f["severity"] in ("error", "warning")}
    return flagged == _R14_OLD_PAGES


def _r14_line_findings() -> tuple[Triple, ...]:
    # As in the script's control run (min-pages 4): per old page, the five reworded lines
    # (three menu labels, two social links now unlabelled) and the portal address. An old page
    # is block[:5] + 4 body lines + block[5:]: menu at lines 2-5, social links at lines 10-11.
    per_page = [
        (2, "text-changed"),
        (3, "text-changed"),
        (4, "text-changed"),
        (5, "url-changed"),
        (10, "text-changed"),
        (11, "text-changed"),
    ]
    return tuple((page, line, kind) for page in sorted(_R14_OLD_PAGES) for line, kind in per_page)


CASES: tuple[Case, ...] = (
    Case(
        "r1",
        build_r1,
        NO_FINDING,
    ),
    Case(
        "r2",
        build_r2,
        NO_FINDING,
    ),
    Case(
        "r3",
        build_r3,
        NO_FINDING,
    ),
    Case(
        "r3b",
        build_r3b,
        (
            Outcome(
                (
                    ("g7.txt", 9, "line-moved"),
                    ("g8.txt", 10, "line-added"),
                    ("g9.txt", 7, "line-added"),
                ),
                describe="line-moved on g7 (Phone, line 9), line-added on g8 (Fax, line 10) "
                "and g9 (Fax, line 7)",
            ),
        ),
    ),
    Case(
        "r4",
        build_r4,
        (
            Outcome(
                (("g8.txt", 6, "line-missing"), ("g9.txt", 7, "line-missing")),
                exit_code=1,
                describe="g8: line-missing at 6; g9: one line-missing at 7, nothing else",
            ),
        ),
    ),
    Case(
        "r5",
        build_r5,
        (
            Outcome(
                (("r7.txt", 1, "url-changed"),), exit_code=1, describe="url-changed at r7.txt:1"
            ),
        ),
    ),
    Case(
        "r6",
        build_r6,
        NO_FINDING,
    ),
    Case(
        "r7",
        build_r7,
        (
            Outcome(
                (
                    ("l18.txt", 4, "line-missing"),
                    ("l19.txt", 4, "line-missing"),
                    ("l19.txt", 4, "line-missing"),
                ),
                exit_code=1,
                describe="l18: line-missing at 4; l19: two line-missing, both where the lines "
                "would stand (line 4)",
            ),
        ),
    ),
    Case(
        "r7b-s05",
        build_r7b_s05,
        (
            Outcome(
                (("s05.txt", 9, "url-missing"),), exit_code=1, describe="url-missing at s05.txt:9"
            ),
        ),
    ),
    Case(
        "r7b-s19",
        build_r7b_s19,
        (
            Outcome(
                (("s19.txt", 9, "url-missing"),), exit_code=1, describe="url-missing at s19.txt:9"
            ),
        ),
    ),
    Case(
        "r8a",
        build_r8a,
        NO_FINDING,
    ),
    Case(
        "r8b",
        build_r8b,
        (
            Outcome(
                (
                    ("l1.txt", 8, "url-missing"),
                    ("l2.txt", 18, "line-added"),
                    ("l3.txt", 18, "line-added"),
                ),
                exit_code=1,
                describe="url-missing at l1.txt:8 (filter line), line-added at l2.txt:18 and "
                "l3.txt:18",
            ),
        ),
    ),
    Case(
        "r8b-control",
        build_r8b_control,
        (
            Outcome(
                (
                    ("l1.txt", 8, "url-missing"),
                    ("a2.txt", 14, "line-added"),
                    ("a3.txt", 14, "line-added"),
                ),
                exit_code=1,
                describe="url-missing at l1.txt:8 (the lost filter link is still there), "
                "line-added at a2.txt:14 and a3.txt:14",
            ),
        ),
    ),
    Case(
        "r9",
        build_r9,
        NO_FINDING,
        args=("--group-by", "none"),
    ),
    Case(
        "r9b",
        build_r9b,
        NO_FINDING,
        target=WARC_NAME,
    ),
    Case(
        "r10",
        build_r10,
        (
            Outcome(
                (("f9.txt", 3, "line-missing"),),
                exit_code=1,
                describe="f8: nothing; f9: line-missing at 3",
            ),
        ),
    ),
    Case(
        "r11",
        build_r11,
        NO_FINDING,
    ),
    Case(
        "r12",
        build_r12,
        NO_FINDING,
    ),
    Case(
        "r13",
        build_r13,
        (
            Outcome(
                (("c7.txt", 3, "value-changed"),), exit_code=1, describe="value-changed at c7.txt:3"
            ),
        ),
    ),
    Case(
        "r14",
        build_r14,
        (
            Outcome(
                _r14_line_findings(),
                exit_code=1,
                describe="the 3 old pages each reported as in the control: 5 text-changed "
                "(lines 2, 3, 4, 10, 11) + 1 url-changed (line 5)",
            ),
            Outcome(
                exit_code=0,
                check=_r14_template_stale,
                describe="template-stale naming exactly s10, s11 and s12, nothing else",
            ),
            Outcome(
                exit_code=1,
                check=_r14_stale_and_lines,
                describe="template-stale naming exactly s10, s11 and s12, with line findings "
                "on those three pages only",
            ),
        ),
    ),
    Case(
        "r15",
        build_r15,
        NO_FINDING,
    ),
)
