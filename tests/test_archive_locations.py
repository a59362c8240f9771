"""A finding in a web-archive record points CI readers at the archive file, not at a path
that does not exist (`crawl.warc.gz#http://…@TIME`), and names the record in its message."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from click.testing import CliRunner
from history_site import PHONE, START, page, warc

from checker.run.cli import cli


def _crawl(tmp_path: Path) -> Path:
    records = []
    for n in range(8):
        phone = "Phone: +1 555 0199" if n == 5 else PHONE
        name = f"p{n}"
        records.append((f"http://harbour.example/{name}", START, page(name, phone=phone)))
    return warc(tmp_path / "crawl.warc.gz", records)


def _report(archive: Path, fmt: str) -> str:
    result = CliRunner().invoke(cli, ["check", str(archive), "--format", fmt])
    assert result.exit_code == 1, result.output
    return result.stdout


def test_every_ci_format_points_at_the_archive_file(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    archive = _crawl(tmp_path)
    record = "http://harbour.example/p5@"
    sarif = json.loads(_report(archive, "sarif"))["runs"][0]["results"]
    assert [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif] == [
        "crawl.warc.gz"
    ]
    assert sarif[0]["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}
    assert f"in record {record}" in sarif[0]["message"]["text"]
    github = _report(archive, "github").splitlines()[0]
    assert github.startswith("::error file=crawl.warc.gz,line=1,")
    assert "in record http%3A" not in github and f"in record {record}" in github
    gitlab = json.loads(_report(archive, "gitlab"))
    assert [g["location"] for g in gitlab] == [{"path": "crawl.warc.gz", "lines": {"begin": 1}}]
    assert f"in record {record}" in gitlab[0]["description"]
    cases = ET.fromstring(_report(archive, "junit")).iter("testcase")
    failing = [case for case in cases if case.find("failure") is not None]
    assert [(case.get("file"), case.get("name")) for case in failing] == [
        ("crawl.warc.gz", failing[0].get("name"))
    ]
    assert record in failing[0].get("name", "")


def test_a_page_file_keeps_its_own_path_and_line(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    site = tmp_path / "site"
    site.mkdir()
    for n in range(8):
        phone = "Phone: +1 555 0199" if n == 5 else PHONE
        (site / f"p{n}#notes.html").write_text(page(f"p{n}", phone=phone), encoding="utf-8")
    location = json.loads(_report(site, "sarif"))["runs"][0]["results"][0]["locations"][0]
    assert location["physicalLocation"]["artifactLocation"]["uri"] == "site/p5%23notes.html"
    assert location["physicalLocation"]["region"]["startLine"] > 1


def test_a_hash_in_a_folder_name_before_the_archive_is_kept() -> None:
    from checker.report.common import located

    assert located("runs#2/crawl.warc.gz#http://x.example/a#top@20240102", 9) == (
        "runs#2/crawl.warc.gz",
        1,
        "http://x.example/a#top@20240102",
    )
    assert located("site/p#notes.html", 9) == ("site/p#notes.html", 9, "")
