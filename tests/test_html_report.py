"""The HTML report: well-formed, self-contained, escaped, highlighted, and safe in a browser."""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
import struct
import subprocess
import zlib
from datetime import datetime, timedelta
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from checker.model import Kind, Severity, Slot, Template
from checker.report.html import HtmlFormatter, finding_ids
from checker.report.html_parts import side_by_side
from checker.verdict import ExitCode, Finding, Holder, RunResult, SiteSummary, SlotVariants, Variant

PAYLOAD = "<script>document.title='pwned'</script><script>alert(1)</script>"
IMG_PAYLOAD = "<img src=x onerror=\"document.title='pwned'\">"
EVIL_PATHS = ("javascript:alert(1)", "//evil.example/x.html", "shop/a page?id=1#top 50%\"'é.html")
CHROMIUM = "/usr/bin/chromium"
VOID = {"meta", "input", "col", "br", "img", "link", "hr", "wbr", "source", "area", "base"}


def _template() -> Template:
    """One site, two blocks, six slots."""
    texts = [
        "Delegation of Kyrgyzstan consists of 6 deputies.",
        "Website: http://kenesh.kg/",
        "Footer © 2024 Example",
        "Menu",
        "Issue 12 of the journal",
        "News item",
    ]
    slots = tuple(Slot(i, 0 if i < 3 else 1, t, 1.0) for i, t in enumerate(texts))
    return Template("shop", 0, slots, 40)


def _timeline(values: list[str]) -> tuple[tuple[datetime, str], ...]:
    """Daily captures from 1 March 2024."""
    start = datetime(2024, 3, 1, 12, 0)
    return tuple((start + timedelta(days=i), v) for i, v in enumerate(values))


def _finding(snapshot: str, slot: int, kind: Kind, severity: Severity, **kw: object) -> Finding:
    """A finding with defaults for what a test does not look at."""
    values: dict[str, object] = {
        "rule": kind.value,
        "expected": "",
        "found": "",
        "message": f"{kind.value} at {snapshot}",
        "block": 0,
        "fingerprint": f"fp{slot}{kind.value}",
    }
    values.update(kw)
    return Finding("shop", snapshot, 3, kind, severity, slot=slot, **values)  # type: ignore[arg-type]


def make_result() -> RunResult:
    """A changed number, a missing URL line, hostile texts and paths, no majority, a timeline."""
    t = _template()
    seven = "Delegation of Kyrgyzstan consists of 7 deputies."
    glitch = _timeline(
        ["Footer © 2024 Example"] * 4
        + ["Footer ?? 2024 Example"] * 2
        + ["Footer © 2024 Example"] * 4
    )
    slots = (
        SlotVariants(
            t,
            t.slots[0],
            t.slots[0].canonical,
            (
                Variant(t.slots[0].canonical, 30, ()),
                Variant(seven, 1, (Holder("shop/003.txt", 7, seven),)),
                Variant(PAYLOAD, 1, (Holder(EVIL_PATHS[0], 7, PAYLOAD),)),
            ),
        ),
        SlotVariants(
            t,
            t.slots[1],
            t.slots[1].canonical,
            (
                Variant(t.slots[1].canonical, 30, ()),
                Variant("", 2, (Holder(EVIL_PATHS[1], 9, ""), Holder(EVIL_PATHS[2], 9, ""))),
            ),
        ),
        SlotVariants(
            t,
            t.slots[2],
            t.slots[2].canonical,
            (
                Variant(t.slots[2].canonical, 38, ()),
                Variant(
                    "Footer ?? 2024 Example", 2, (Holder("shop/045.txt", 20, "Footer ?? 2024"),)
                ),
            ),
            pages=(("http://shop.example/045", "glitch", glitch),),
        ),
        SlotVariants(t, t.slots[3], t.slots[3].canonical, (Variant("Menu", 40, ()),)),
        SlotVariants(
            t,
            t.slots[4],
            None,
            (
                Variant("Issue 12 of the journal", 20, (Holder("shop/1.txt", 1, "x"),)),
                Variant("Issue 13 of the journal", 20, (Holder("shop/2.txt", 1, "y"),)),
            ),
        ),
        SlotVariants(t, t.slots[5], None, (Variant("News item", 1, ()),), content=True),
    )
    findings = (
        _finding(
            "shop/003.txt",
            0,
            Kind.NUMBER_CHANGED,
            Severity.ERROR,
            expected=t.slots[0].canonical,
            found=seven,
            message="number changed: 6 -> 7",
        ),
        _finding(
            EVIL_PATHS[0],
            0,
            Kind.TEXT_CHANGED,
            Severity.WARNING,
            expected=t.slots[0].canonical,
            found=PAYLOAD,
            message=IMG_PAYLOAD,
        ),
        _finding(
            EVIL_PATHS[1],
            1,
            Kind.URL_MISSING,
            Severity.ERROR,
            expected=t.slots[1].canonical,
            fingerprint="same",
        ),
        _finding(
            EVIL_PATHS[2],
            1,
            Kind.URL_MISSING,
            Severity.ERROR,
            expected=t.slots[1].canonical,
            fingerprint="same",
        ),
        _finding(
            "shop/045.txt",
            2,
            Kind.TEXT_CHANGED,
            Severity.WARNING,
            label="glitch",
            expected="Footer © 2024 Example",
            found="Footer ?? 2024 Example",
        ),
        _finding("shop/1.txt", 4, Kind.NO_MAJORITY, Severity.INFO, fingerprint="a b/<c>"),
        _finding("shop/9.txt", -1, Kind.BLOCK_MISSING, Severity.WARNING, fingerprint=""),
        _finding("shop/8.txt", 3, Kind.LINE_ADDED, Severity.INFO, found="Extra line 5"),
    )
    sites = (SiteSummary("shop", 40, notes=(PAYLOAD,)),)
    return RunResult(tuple(sorted(findings)), sites, slots, Severity.ERROR, ExitCode.DRIFT, 3)


class Tags(HTMLParser):
    """Collects tags and attributes, checks nesting, keeps the inline script text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.scripts: list[str] = []
        self.data: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)
        if tag == "script":
            self.scripts.append("")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] == "script":
            self.scripts[-1] += data
        self.data.append(data)


@pytest.fixture(scope="module")
def page() -> str:
    return HtmlFormatter().render(make_result())


@pytest.fixture(scope="module")
def parsed(page: str) -> Tags:
    tags = Tags()
    tags.feed(page)
    tags.close()
    return tags


def test_parses_and_nests(page: str, parsed: Tags) -> None:
    assert page.startswith("<!DOCTYPE html>")
    assert parsed.errors == [] and parsed.stack == []
    assert [t for t, _ in parsed.tags].count("script") == 1


def test_no_network_references(page: str, parsed: Tags) -> None:
    for tag, attrs in parsed.tags:
        assert "src" not in attrs, tag
        for name in ("href", "action", "xlink:href", "poster", "data"):
            value = attrs.get(name)
            if value is None:
                continue
            parts = urlsplit(value)
            assert parts.scheme == "" and parts.netloc == "", value
            assert value.startswith(("#", "./", "../")), value
    assert "url(" not in page and "@import" not in page and "<link" not in page


def test_snapshot_text_only_escaped(page: str, parsed: Tags) -> None:
    assert "<script>alert(1)</script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "pwned" not in parsed.scripts[0]


def test_links_encoded_and_relative(parsed: Tags) -> None:
    hrefs = [a["href"] or "" for t, a in parsed.tags if t == "a"]
    hrefs = [h for h in hrefs if not h.startswith("#")]
    assert hrefs and all(":" not in h for h in hrefs)
    assert "./javascript%3Aalert(1)" in hrefs
    assert "./evil.example/x.html" in hrefs
    assert unquote("./shop/a%20page%3Fid=1%23top%2050%25%22%27%C3%A9.html")[2:] == EVIL_PATHS[2]
    assert "./shop/a%20page%3Fid=1%23top%2050%25%22%27%C3%A9.html" in hrefs


def test_numbers_and_urls_highlighted(page: str) -> None:
    assert '<del><mark class="num">6</mark></del>' in page
    assert '<ins><mark class="num">7</mark></ins>' in page
    assert '<mark class="url">http://kenesh.kg/</mark>' in page


def test_every_finding_has_an_anchor_and_permalink(page: str, parsed: Tags) -> None:
    result = make_result()
    ids = finding_ids(result.findings)
    assert len(set(ids)) == len(ids) == len(result.findings)
    present = {a.get("id") for _, a in parsed.tags}
    links = {a.get("href") for t, a in parsed.tags if t == "a"}
    for anchor in ids:
        assert re.fullmatch(r"f-[A-Za-z0-9_-]+-\d+", anchor)
        assert anchor in present and f"#{anchor}" in links
    assert "f-same-1" in ids and "f-same-2" in ids


def test_csp_hash_matches_inline_script(parsed: Tags) -> None:
    meta = [a for t, a in parsed.tags if t == "meta" and a.get("http-equiv")]
    policy = meta[0]["content"] or ""
    assert "default-src 'none'" in policy and "img-src data:" in policy
    assert "style-src 'unsafe-inline'" in policy
    digest = hashlib.sha256(parsed.scripts[0].encode("utf-8")).digest()
    assert f"script-src 'sha256-{base64.b64encode(digest).decode()}'" in policy
    assert len(parsed.scripts[0].splitlines()) < 60


def test_slots_missing_lines_and_toggles(page: str, parsed: Tags) -> None:
    text = unescape("".join(parsed.data))
    assert "line missing" in text and "no clear majority" in text
    assert "per-page content" in text  # in the clean-slots toggle
    assert '<details class="clean">' in page
    blocks = page.split("<section><h3>")
    assert len(blocks) == 3 and "block 0" in blocks[1] and "block 1" in blocks[2]
    assert '<details class="clean">' not in blocks[1]  # every slot of block 0 has findings
    flagged, clean = blocks[2].split('<details class="clean">', 1)
    assert "Menu" in flagged and "line-added" in flagged and "Menu" not in clean
    assert '<ins>Extra line <mark class="num">5</mark></ins>' in flagged
    assert "per-page content" in clean and "per-page content" not in flagged
    assert '<del>Website: <mark class="url">http://kenesh.kg/</mark></del>' in page


def test_side_by_side_added_and_missing() -> None:
    added = side_by_side("", "New line 5")
    assert '<ins>New line <mark class="num">5</mark></ins>' in added and "line added" in added
    missing = side_by_side("Old line", "")
    assert "<del>Old line</del>" in missing and "line missing" in missing


def test_timeline_strip_and_label(page: str, parsed: Tags) -> None:
    rects = [a for t, a in parsed.tags if t == "rect"]
    assert len(rects) == 10
    assert {a["fill"] for a in rects} == {"#1b7f3b", "#b3261e"}
    assert "2024-03-05 12:00: Footer ?? 2024 Example" in "".join(parsed.data)
    assert 'history: <span class="badge label">glitch</span> · 10 capture(s)' in page
    assert '<div class="page">http://shop.example/045</div>' in page


def test_summary_counts_and_verdict(page: str) -> None:
    assert "exit 1 · 3 finding(s) at or above error" in page
    assert "<b>3</b> suppressed" in page and "<b>40</b> snapshot(s)" in page
    assert "number-changed 1" in page and "url-missing 2" in page


# --- a real browser -------------------------------------------------------------------


def _chromium(tmp_path: Path, *args: str) -> str:
    """Run headless Chromium on the report with no network, return stdout."""
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip("chromium not installed: apt-get install chromium")
    report = tmp_path / "report.html"
    if not report.exists():
        report.write_text(HtmlFormatter().render(make_result()), encoding="utf-8")
    command = [
        CHROMIUM if Path(CHROMIUM).exists() else "chromium",
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
        *args,
        report.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_browser_runs_script_and_not_payload(tmp_path: Path) -> None:
    dom = _chromium(tmp_path, "--dump-dom")
    title = re.search(r"<title>(.*?)</title>", dom, re.S)
    assert title and title.group(1) == "snapdrift: 8 finding(s), exit 1"
    assert "pwned" not in title.group(1)
    form = re.search(r"<form[^>]*id=\"filters\"[^>]*>", dom)
    assert form and "hidden" not in form.group(), "the inline script did not run (CSP hash?)"
    assert 'class="hidden"' not in dom and "<img" not in dom
    assert dom.count("<script>") == 1
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in dom


def _png_pixels(data: bytes) -> tuple[int, int, bytes]:
    """Width, height and the inflated (still filtered) image data of a PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, width, height, idat = 8, 0, 0, b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    return width, height, zlib.decompress(idat)


def test_browser_screenshot_not_blank(tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,800")
    width, height, pixels = _png_pixels(shot.read_bytes())
    assert (width, height) == (1280, 800)
    assert len(set(pixels)) > 64, "the screenshot looks blank"
