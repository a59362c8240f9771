"""A site saved in section folders, with no page beside them, is one site.

`--group-by auto` took a folder whose files all sit in sub-folders for a folder of sites, each
top folder one site. A crawl saved without its home page (`about/`, `news/`, `members/`) was
then three sites, each learning the block from its own few pages: on a section of two pages a
changed number had no majority against it, and sections too small to learn from read their
optional lines as drift (gen2 seeds 116, 183, 201, 412, 432, 470, 498, 504, 574, 689, 694 at
474ecb9). Top folders whose pages repeat one block, and hold different pages, are one site now;
folders of different blocks, or of the same pages (copies of one crawl), stay apart.
"""

from __future__ import annotations

import json
from pathlib import Path

import fsspec
from click.testing import CliRunner

from checker.run.cli import cli
from tests.test_accuracy import run_report

TOPICS = ["dykes", "pumps", "levies", "ditches", "sluices", "reeds", "tides", "banks", "weirs"]


def _footer(board: str, members: int) -> list[str]:
    return [
        f"{board} Board",
        f"The board has {members} members in 4 committees.",
        f"Chair: Ms. Ada Thorne of the {board} Board",
        f"(c) 2026 {board.lower()}.example",
        f"Contact: https://{board.lower()}.example/contact",
    ]


def _page(folder: Path, name: str, topic: str, i: int, footer: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    body = [f"# Meeting on {topic}", f"The board heard {i + 4} reports on {topic}.", ""]
    (folder / name).write_text("\n".join(body + footer) + "\n", encoding="utf-8")


def _sections(root: Path, board: str = "Marsh", drifted: str = "") -> Path:
    """Nine pages in three section folders; the page `drifted` says 7 members, not 6."""
    layout = {"about": 2, "news": 4, "members": 3}
    i = 0
    for section, count in layout.items():
        for _ in range(count):
            name = f"page{i}.md"
            members = 7 if f"{section}/{name}" == drifted else 6
            _page(root / section, name, TOPICS[i], i, _footer(board, members))
            i += 1
    return root


def _check(root: Path) -> tuple[list[dict], list[str]]:
    report = json.loads(run_report(root).stdout)
    return report["findings"], [site["site"] for site in report["summary"]["sites"]]


def test_section_folders_are_one_site_and_a_small_sections_drift_is_found(
    tmp_path: Path,
) -> None:
    findings, sites = _check(_sections(tmp_path / "crawl", drifted="about/page1.md"))
    assert sites == ["crawl"]
    assert [(Path(f["snapshot"]).name, f["kind"]) for f in findings] == [
        ("page1.md", "number-changed")
    ]


def test_section_folders_without_drift_give_no_finding(tmp_path: Path) -> None:
    findings, sites = _check(_sections(tmp_path / "crawl"))
    assert (findings, sites) == ([], ["crawl"])


def test_folders_of_different_blocks_stay_different_sites(tmp_path: Path) -> None:
    root = tmp_path / "crawl"
    _sections(root / "marsh.example", board="Marsh")
    _sections(root / "fen.example", board="Fen")
    findings, sites = _check(root)
    assert (findings, sites) == ([], ["fen.example", "marsh.example"])


def test_two_host_names_of_one_site_are_one_site(tmp_path: Path) -> None:
    """A mirror that followed links to `www.` holds one site under two host folders."""
    root = tmp_path / "mirror"
    for i, topic in enumerate(TOPICS):
        host = "marsh.example" if i < 6 else "www.marsh.example"
        _page(root / host / "meetings", f"{topic}.html.md", topic, i, _footer("Marsh", 6))
    findings, sites = _check(root)
    assert (findings, sites) == ([], ["mirror"])


def test_a_url_of_section_folders_is_one_site_as_the_local_folder_is(tmp_path: Path) -> None:
    """Objects under a URL are grouped as the same files in a local folder are."""
    local = _sections(tmp_path / "crawl", drifted="about/page1.md")
    fs = fsspec.filesystem("memory")
    fs.store.clear()
    try:
        for page in sorted(local.rglob("*.md")):
            fs.pipe(f"/bucket/crawl/{page.relative_to(local).as_posix()}", page.read_bytes())
        done = CliRunner().invoke(
            cli, ["check", "memory://bucket/crawl", "--format", "json", "--jobs", "1"]
        )
    finally:
        fs.store.clear()
    report = json.loads(done.stdout)
    assert [site["site"] for site in report["summary"]["sites"]] == ["crawl"]
    assert [(f["snapshot"], f["kind"]) for f in report["findings"]] == [
        ("memory://bucket/crawl/about/page1.md", "number-changed")
    ]
