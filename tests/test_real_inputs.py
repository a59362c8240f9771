"""Real inputs end to end: served HTML, mirrors, web archives, legacy encodings, many sites."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
from datetime import datetime, timezone
from pathlib import Path

import pytest

from checker.model import Severity
from checker.run.commands import CheckOptions, check
from checker.verdict import ExitCode, RunResult
from tests.sample_site import SAMPLE, SIX

DATA = Path(__file__).parent / "data"
CLERK = DATA / "clerk-house-gov" / "orig"


def run(*paths: Path, **options: object) -> RunResult:
    """Check in-process, as the CLI would."""
    return check(CheckOptions(paths=tuple(str(p) for p in paths), format="json", **options))


def triples(result: RunResult) -> list[tuple[str, int, str]]:
    """(file name, line, kind) of every finding, sorted."""
    return sorted((Path(f.snapshot).name, f.line, f.kind.value) for f in result.findings)


# --- served HTML -------------------------------------------------------------------------


@pytest.fixture
def clerk(tmp_path: Path) -> Path:
    """A writable copy of the 68 clerk.house.gov pages, as served."""
    target = tmp_path / "clerk"
    shutil.copytree(CLERK, target)
    return target


def serious(result: RunResult, root: Path) -> list[tuple[str, str, str]]:
    """Warnings and errors, with where and why."""
    return [
        (Path(f.snapshot).relative_to(root).as_posix(), f.kind.value, f.message)
        for f in result.findings
        if f.severity >= Severity.WARNING
    ]


def test_clerk_pages_as_served_give_no_error_or_warning(clerk: Path) -> None:
    result = run(clerk, globs=("*.orig",))
    assert sum(site.snapshots for site in result.sites) == 68
    assert serious(result, clerk) == []
    assert result.exit_code == ExitCode.OK


def _convert_links(folder: Path) -> None:
    """Rewrite root-relative links as relative paths at each page's depth (wget -k)."""
    for page in folder.rglob("*.orig"):
        depth = os.path.relpath(folder, page.parent)
        text = page.read_text(encoding="utf-8")

        def relative(match: re.Match[str], depth: str = depth) -> str:
            return f'href="{os.path.normpath(os.path.join(depth, match.group(1)))}"'

        page.write_text(re.sub(r'href="/([^"/][^"]*)"', relative, text), encoding="utf-8")


def test_links_rewritten_to_relative_depths_still_give_no_finding(clerk: Path) -> None:
    _convert_links(clerk)
    sample = (clerk / "committee_info" / "commfaq.aspx.orig").read_text(encoding="utf-8")
    assert 'href="../about/index.aspx"' in sample
    result = run(clerk, globs=("*.orig",))
    assert serious(result, clerk) == []


def test_a_footer_that_lost_its_phone_number_is_the_only_page_flagged(clerk: Path) -> None:
    page = clerk / "about" / "duties.aspx.orig"
    text = page.read_text(encoding="utf-8")
    cut = re.sub(r"\| \(202\)\s*225-7000", "", text)
    assert cut != text
    page.write_text(cut, encoding="utf-8")
    result = run(clerk, globs=("*.orig",))
    flagged = {
        (Path(f.snapshot).name, f.kind.value)
        for f in result.findings
        if f.severity >= Severity.WARNING
    }
    assert flagged in (
        {("duties.aspx.orig", "number-changed")},
        {("duties.aspx.orig", "value-changed")},
    )
    finding = next(f for f in result.findings if f.snapshot.endswith("duties.aspx.orig"))
    assert "225-7000" in finding.expected and "225-7000" not in finding.found
    source_line = cut.splitlines()[finding.line - 1]
    assert "Office of the Clerk - U.S. Capitol" in source_line  # points at the markup


# --- web archives ------------------------------------------------------------------------


def _html(text: str) -> bytes:
    """A sample-site page as HTML, one paragraph per line."""
    paragraphs = "\n".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip())
    return f"<!doctype html>\n<html><body>\n{paragraphs}\n</body></html>\n".encode()


def _write_warc(path: Path, gzip: bool) -> None:
    """The five sample pages, a revisit of the first, an image, a redirect and a request."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        pages = sorted(SAMPLE.glob("*.txt"))
        for n, page in enumerate(pages):
            body = _html(page.read_text(encoding="utf-8"))
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                f"https://pa.example/news/{page.stem}",
                "response",
                payload=io.BytesIO(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": f"2025-0{n + 1}-01T00:00:00Z"},
            )
            writer.write_record(record)
            if n == 0:
                first = record
        revisit = writer.create_revisit_record(
            "https://pa.example/news/again",
            first.rec_headers.get_header("WARC-Payload-Digest"),
            "https://pa.example/news/" + pages[0].stem,
            "2025-01-01T00:00:00Z",
            http_headers=StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1"
            ),
        )
        revisit.rec_headers.replace_header("WARC-Date", "2025-07-01T00:00:00Z")
        writer.write_record(revisit)
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://pa.example/logo.png",
                "response",
                payload=io.BytesIO(b"\x89PNG\r\n\x1a\n"),
                http_headers=image,
            )
        )
        moved = StatusAndHeaders(
            "301 Moved", [("Location", "https://pa.example/")], protocol="HTTP/1.1"
        )
        writer.write_record(
            writer.create_warc_record(
                "https://pa.example/old", "response", payload=io.BytesIO(b""), http_headers=moved
            )
        )


@pytest.mark.parametrize("gzip", [False, True])
def test_a_warc_file_is_read_directly(tmp_path: Path, gzip: bool) -> None:
    archive = tmp_path / "crawl" / ("crawl.warc.gz" if gzip else "crawl.warc")
    archive.parent.mkdir()
    _write_warc(archive, gzip)
    result = run(archive.parent)
    site = result.sites[0]
    assert site.snapshots == 6, site  # five responses and the resolved revisit
    assert site.skipped == 2, site  # the image and the redirect
    kinds = sorted(f.kind.value for f in result.findings)
    assert kinds == [
        "number-changed",
        "text-changed",
        "text-changed",
        "url-missing",
        "url-missing",
        "url-missing",
    ]
    names = {f.snapshot for f in result.findings}
    assert any("#https://pa.example/news/003_bd67f9c5a52d8a82@20250401" in n for n in names)


# --- encodings ---------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["cp1251", "utf-16", "utf-8-sig"])
def test_the_sample_site_in_another_encoding_gives_the_same_six(
    tmp_path: Path, encoding: str
) -> None:
    folder = tmp_path / encoding
    folder.mkdir()
    for page in SAMPLE.glob("*.txt"):
        text = page.read_text(encoding="utf-8").replace("\u2014", "-")
        (folder / page.name).write_bytes(text.encode(encoding, errors="replace"))
    result = run(folder)
    assert triples(result) == SIX


# --- many sites --------------------------------------------------------------------------


def test_three_sites_give_three_sections_and_one_verdict(tmp_path: Path) -> None:
    sites = tmp_path / "sites"
    for name in ("alpha", "beta", "gamma"):
        shutil.copytree(SAMPLE, sites / name)
    for page in (sites / "beta").glob("*.txt"):  # beta is clean
        text = page.read_text(encoding="utf-8")
        text = text.replace("consists of 7 deputies.", "consists of 6 deputies.")
        text = text.replace("is represented by 10", "consists of 10").replace(
            "12 senators", "12 members of the Federation Council"
        )
        page.write_text(text, encoding="utf-8")
    shutil.copy(SAMPLE / "000_0a85903c3d619cf0.txt", sites / "beta" / "004_f380ec6e52b63cae.txt")
    result = run(sites)
    assert [s.site for s in result.sites] == ["alpha", "beta", "gamma"]
    per_site = {s.site: [f for f in result.findings if f.site == s.site] for s in result.sites}
    assert len(per_site["alpha"]) == len(per_site["gamma"]) == 6
    assert per_site["beta"] == []
    assert result.exit_code == ExitCode.DRIFT


# --- older template versions -------------------------------------------------------------


def test_pages_on_an_older_footer_give_one_template_stale_finding(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    old = {3, 7, 8, 12, 15}
    for n in range(20):
        footer = [
            "Harbour Office, 12 Quay Street, Portsmouth",
            "© 2020 Harbour Office" if n in old else "© 2024 Harbour Office",
            "Portal: https://old.harbour.example/"
            if n in old
            else "Portal: https://portal.harbour.example/",
            "Phone: +44 23 9200 1100",
        ]
        if n not in old:
            footer.insert(3, "Catalogue: https://harbour.example/catalogue")
        body = [
            f"Notice {n}: the quay will be closed on day {n + 3} for repairs.",
            f"Ships of more than {40 + n} metres must announce themselves.",
        ]
        (folder / f"page-{n:02}.txt").write_text(
            "\n".join(body + [""] + footer) + "\n", encoding="utf-8"
        )
    result = run(folder)
    stale = [f for f in result.findings if f.kind.value == "template-stale"]
    # One finding on each page on the old footer, each naming all of them.
    assert sorted(Path(f.snapshot).name for f in stale) == [f"page-{n:02}.txt" for n in sorted(old)]
    assert len({f.related for f in stale}) == 1, [(f.kind.value, f.snapshot) for f in stale]
    pages = sorted(Path(p).name for p in stale[0].related)
    assert pages == [f"page-{n:02}.txt" for n in sorted(old)]
    per_line = {f.kind.value for f in result.findings} - {"template-stale"}
    assert {"number-changed", "url-changed", "line-missing"} <= per_line


def test_capture_dates_say_since_when_pages_are_stale(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    for n in range(12):
        stale = n < 4
        lines = [
            f"Notice {n}: opening on day {n}.",
            "",
            "© 2020 Example Harbour" if stale else "© 2024 Example Harbour",
            "Mail: post@old.example" if stale else "Mail: post@harbour.example",
            "Help desk open daily",
        ]
        (folder / f"2020-11-{n + 1:02}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        ts = datetime(2020, 11, n + 1, tzinfo=timezone.utc).timestamp()
        os.utime(folder / f"2020-11-{n + 1:02}.txt", (ts, ts))
    result = run(folder, time_from="mtime")
    stale = [f for f in result.findings if f.kind.value == "template-stale"]
    assert len(stale) == 4  # one on each stale page
    assert "4 page(s) still carry an older version" in stale[0].message
    assert "as of 2020-11-04" in stale[0].message
    assert json.loads(json.dumps(stale[0].related))


def test_group_by_host_splits_an_archive_into_sites(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    archive = tmp_path / "crawl" / "two-hosts.warc.gz"
    archive.parent.mkdir()
    pages = sorted(SAMPLE.glob("*.txt"))
    with archive.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for host in ("a.example", "b.example"):
            for page in pages:
                body = _html(page.read_text(encoding="utf-8"))
                headers = StatusAndHeaders(
                    "200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1"
                )
                writer.write_record(
                    writer.create_warc_record(
                        f"https://{host}/news/{page.stem}",
                        "response",
                        payload=io.BytesIO(body),
                        http_headers=headers,
                    )
                )
    result = run(archive.parent, group_by="host")
    assert [s.site for s in result.sites] == ["a.example", "b.example"]
    assert [s.snapshots for s in result.sites] == [5, 5]
    for host in ("a.example", "b.example"):
        assert len([f for f in result.findings if f.site == host]) == 6


def _two_language_site(folder: Path) -> set[str]:
    """English and German pages, each with its own header, menu and footer blocks; four of
    the twelve German pages carry an older footer. Returns the names of those four pages."""
    folder.mkdir()
    english = (
        ["Harbour Office", "Home | News | Harbour | Contact", "Search the site"],
        [
            "Harbour Office, 12 Quay Street, Portsmouth",
            "Phone: +44 23 9200 1100",
            "E-mail: office@harbour.example",
            "© 2024 Harbour Office",
        ],
    )
    german = (
        ["Hafenamt", "Start | Aktuelles | Hafen | Kontakt", "Suche"],
        [
            "Hafenamt, Kaistraße 12, Kiel",
            "Telefon: +49 431 901 1100",
            "E-Mail: amt@hafen.example",
            "Katalog: https://hafen.example/katalog",
            "© 2024 Hafenamt",
        ],
    )
    stale = set()
    for n in range(24):
        header, footer = english if n % 2 == 0 else german
        footer = list(footer)
        if n % 2 and n in (3, 7, 11, 15):
            footer = [
                "Hafenamt, Kaistraße 12, Kiel",
                "Telefon: +49 431 901 1100",
                "E-Mail: amt@alt.hafen.example",
                "© 2020 Hafenamt",
            ]
            stale.add(f"page-{n:02}.txt")
        if n == 4:
            footer[1] = "Phone: +44 23 9200 1199"
        body = [f"Notice {n}: the quay is closed on day {n + 3}.", f"Berth {n * 7} is free."]
        text = "\n".join(header + [""] + body + [""] + footer) + "\n"
        (folder / f"page-{n:02}.txt").write_text(text, encoding="utf-8")
    return stale


def test_two_languages_each_checked_within_its_own_family(tmp_path: Path) -> None:
    stale = _two_language_site(tmp_path / "site")
    result = run(tmp_path / "site")
    assert result.sites[0].families == 2
    phone = [
        f
        for f in result.findings
        if f.kind.value == "number-changed" and Path(f.snapshot).name == "page-04.txt"
    ]
    assert phone and "9200 1199" in phone[0].found
    grouped = [f for f in result.findings if f.kind.value == "template-stale"]
    assert sorted(Path(f.snapshot).name for f in grouped) == sorted(stale)  # one per page
    assert sorted(Path(p).name for p in grouped[0].related) == sorted(stale)
    flagged = {Path(f.snapshot).name for f in result.findings}
    assert flagged <= stale | {"page-04.txt"}, flagged  # no page flagged for the other family
    assert not [f for f in result.findings if f.kind.value == "block-missing"]
