"""The renderer's frozen output: the inputs, their compact records, and the fixture writer.

Inputs are real pages (every file under `tests/data/clerk-house-gov/` and `tests/data/clerk/`),
the snippets of `tests/test_html.py`, and the tricky and random pages of `tests/html_cases.py`.
`python -m tests.html_reference` (from the repository root) rewrites the fixture: do that only
when the rendering is meant to change, and say so in the commit.
"""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path
from typing import Any

from checker.read.html import render_html
from tests.html_cases import Case, random_page, tricky_pages

DATA = Path(__file__).parent / "data"
FIXTURE = DATA / "html-reference.json"
SEED = 20240611
RANDOM_PAGES = 300
FULL_LINES = 40  # outputs up to this many lines (and FULL_CHARS) are stored verbatim
FULL_CHARS = 2000
HASHED_LINES = 2000  # up to this many lines: each line's number and a short hash of its text
Record = dict[str, Any]


def real_pages() -> dict[str, Case]:
    """Every clerk file, as UTF-8 with replacements, under a `site:///` and an https URL."""
    cases = {}
    for folder in ("clerk-house-gov", "clerk"):
        root = DATA / folder
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            relative = path.relative_to(root).as_posix()
            text = path.read_text("utf-8", errors="replace")
            cases[f"{folder}/{relative}"] = Case(text, f"site:///{relative}")
            https = f"https://clerk.house.gov/{relative}"
            cases[f"{folder}/{relative} (https)"] = Case(text, https)
    home = (DATA / "clerk-house-gov" / "orig" / "index.aspx.orig").read_text("utf-8", "replace")
    for depth in (0, 1, 3, 6, 9):
        cases[f"clerk home, max_depth={depth}"] = Case(home, "site:///index.aspx", depth)
    return cases


_TEST_HTML_LINKS = (
    '<p>Contact us <a href="https://Example.ORG:443/contact">here</a></p>'
    '<p><a href="mailto:Info@Example.org?subject=Hi">mail</a> '
    '<a href="tel:+1 555 0100">call</a></p>'
    '<p><a href="javascript:void(0)">js</a> <a href="#top">top</a> <a name="x">anchor</a></p>'
    '<p><a href="/home"><img src="logo.png" alt="Logo"></a> '
    '<a href="/icon"><img src="i.png"></a></p>'
    '<p><img src="deco.png" alt="Decoration"></p>'
)
_TEST_HTML_SCRIPTS = """<html><head><title>T</title><style>p{}</style><script>alert(1)</script>
    </head><body>
    <script>alert(1)</script><noscript>ns</noscript><template><p>tp</p></template>
    <svg><text>svgtext</text></svg><div hidden>h1</div><div aria-hidden="true">h2</div>
    <p style="color:red; display : none">h3</p><span style="visibility:hidden">h4</span>
    <input type="hidden" value="h5"><!-- comment --><p>shown</p></body></html>"""
_ROW = '<div><p>Hello <a href="/x/y.html">world</a> text</p><span>s</span></div>\n'


def test_html_inputs() -> dict[str, Case]:
    """The inputs of `tests/test_html.py`."""
    return {
        "blocks": Case(
            "<div>One <b>bold</b> <i>and</i> <span>inline</span></div><p>Two</p>"
            "<ul><li>a<li>b</ul><h2>Head</h2><dl><dt>Term</dt><dd>Def <em>x</em></dd></dl>"
            "<p>x<br>y<br/>z</p><address>Addr</address><blockquote>Q</blockquote>"
        ),
        "whitespace": Case("<p>  a \n\t b&nbsp;c &amp; &copy; </p><p> \n </p>"),
        "table": Case(
            "<table><tr><th>Name</th><th>Phone</th></tr>"
            "<tr><td>Ann <b>Lee</b></td><td></td><td>555</td></tr></table>"
        ),
        "pre": Case("<p>before</p>\n<pre>one\n  two   spaced\n\nfour</pre>"),
        "scripts and hidden": Case(_TEST_HTML_SCRIPTS),
        "comment tail": Case("<p>a<!-- c -->b</p>"),
        "links": Case(_TEST_HTML_LINKS, "https://example.org/a/page.html"),
        "site deep": Case('<a href="../../x.html">X</a>', "site:///a/b/page.html"),
        "site flat": Case('<a href="x.html">X</a>', "site:///c.html"),
        "site mirror": Case(
            '<a href="../www.example.org/students.html">S</a>', "site:///cdn.example.org/p.html"
        ),
        "site mirror 2": Case('<a href="students.html">S</a>', "site:///www.example.org/i.html"),
        "base href": Case(
            '<head><base href="https://www.example.org/en/"></head>'
            '<body><a href="../c/d.html">D</a></body>',
            "site:///x/y.html",
        ),
        "no page url": Case('<a href="../x.html">X</a>'),
        "source lines": Case(
            "<html>\n<body>\n<div>\n  first\n</div>\n"
            "<p>second<br>\nthird</p>\n<ul>\n<li>fourth</li>\n</ul>"
        ),
        "deep 100k": Case("<p>before</p>" + "<div>" * 100_000 + "deep" + "</div>" * 100_000),
        "own depth limit": Case(
            "<p>a</p>" + "<span>" * 20 + "deep" + "</span>" * 20 + "<p>b</p>", max_depth=10
        ),
        "huge title and words": Case(
            '<p title="' + "a" * 2_000_000 + '">hi</p>' + "<p>" + "w " * 1_000_000 + "</p>"
        ),
        "70k rows": Case(f"<html><body>{_ROW * 70_000}</body></html>", "site:///p.html"),
        "empty": Case(""),
        "blank": Case("   "),
        "only comment": Case("<!-- only -->"),
        "nul": Case("\x00<p>x\x00y</p>"),
        "xml declaration": Case("<?xml version='1.0' encoding='latin-1'?><p>é</p>"),
    }


def all_cases() -> dict[str, Case]:
    """Every frozen case, by a unique name."""
    rng = random.Random(SEED)
    cases = real_pages()
    cases.update({f"test_html: {k}": v for k, v in test_html_inputs().items()})
    cases.update({f"tricky: {k}": v for k, v in tricky_pages().items()})
    for number in range(RANDOM_PAGES):
        cases[f"random {number:03d}"] = random_page(rng)
    return cases


def _sha(text: str) -> str:
    """Hex SHA-256 of a text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def record(case: Case) -> Record:
    """Render a case; small outputs verbatim, larger ones as line numbers and hashes."""
    entry: Record = {"input": _sha(case.text)[:16]}
    try:
        lines, problem = render_html(case.text, page_url=case.page_url, max_depth=case.max_depth)
    except ValueError as error:  # frozen too: a change here must be deliberate
        entry["error"] = f"{type(error).__name__}: {error}"
        return entry
    entry["problem"] = problem
    pairs = [[line.source_line, line.text] for line in lines]
    if len(pairs) <= FULL_LINES and len(json.dumps(pairs)) <= FULL_CHARS:
        entry["lines"] = pairs
    elif len(pairs) <= HASHED_LINES:
        entry["hashed"] = [[number, _sha(text)[:8]] for number, text in pairs]
    else:
        entry.update(count=len(pairs), sha256=_sha(json.dumps(pairs)), head=pairs[:5])
    return entry


def first_difference(case: Case, expected: Record, actual: Record) -> str:
    """Where a record differs from the frozen one, with the rendered lines around it."""
    if expected["input"] != actual["input"]:
        return "the input itself changed: regenerate the fixture if that was intended"
    for key in ("error", "problem", "count", "sha256"):
        if expected.get(key) != actual.get(key):
            return f"{key}: expected {expected.get(key)!r}, got {actual.get(key)!r}"
    key = "lines" if "lines" in expected else "hashed" if "hashed" in expected else "head"
    old, new = expected[key], actual.get(key) or []
    index = next(
        (i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b),
        min(len(old), len(new)),
    )
    lines, _ = render_html(case.text, page_url=case.page_url, max_depth=case.max_depth)
    around = [(line.source_line, line.text) for line in lines[max(0, index - 2) : index + 3]]
    return f"{len(old)} vs {len(new)} lines; first difference at line {index}; got {around}"


def write_fixture() -> None:
    """Render every case and write the fixture, one case per line."""
    entries = [
        f"{json.dumps(name)}: {json.dumps(record(case))}" for name, case in all_cases().items()
    ]
    FIXTURE.write_text("{\n" + ",\n".join(entries) + "\n}\n", encoding="utf-8")


def load_fixture() -> dict[str, Record]:
    """The frozen records, by case name."""
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


if __name__ == "__main__":
    write_fixture()
