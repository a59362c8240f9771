"""A site with web archives is sampled by record, not by file, and learns the same."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
from make_html_site import make_html_site  # noqa: E402

from checker.learn import sample  # noqa: E402
from checker.learn.sample import Record, sample_of, snapshots  # noqa: E402
from checker.read.load import Source, discover  # noqa: E402
from checker.rules import default_rules  # noqa: E402
from checker.run.pipeline import Execution, check_sources  # noqa: E402


@pytest.fixture(scope="module")
def archives(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """120 generated pages in two archives."""
    out = tmp_path_factory.mktemp("archives")
    make_html_site(120, out, seed=5, warc=2)
    return out / "warc"


def _rendered(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """Page URLs rendered from now on."""
    from checker.read import html

    seen: list[str | None] = []
    real = html.render_page  # what reading a page calls (render_html wraps it)

    def counting(text: str, **options: object) -> object:
        seen.append(options.get("page_url"))  # type: ignore[arg-type]
        return real(text, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(html, "render_page", counting)
    return seen


def test_records_are_drawn_across_archives_and_only_they_are_rendered(
    archives: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sources = discover([str(archives)], group_by="none")
    assert len(sources) == 2
    rendered = _rendered(monkeypatch)
    picks = sample_of(sources, 30)
    assert len(picks) == 30 and all(isinstance(p, Record) for p in picks)
    assert not rendered  # drawing reads the records' bytes, renders none
    assert {p.source for p in picks} == set(sources)  # from both archives
    pages = list(snapshots(picks)) + list(snapshots(picks))  # read twice, rendered once
    assert len(rendered) == 30 and len(set(rendered)) == 30
    assert [s.url for s in pages[:30]] == [p.page.uri for p in picks] == rendered
    # In archive order, and the same draw every time.
    drawn = list(rendered)
    assert [p.page.uri for p in sample_of(sources, 30)] == drawn
    order = [s.url for s in snapshots(sample_of(sources, 1000))]
    assert len(order) == 120
    assert [order.index(u) for u in drawn] == sorted(order.index(u) for u in drawn)


def test_an_archive_within_the_sample_size_is_read_whole(archives: Path) -> None:
    sources = discover([str(archives)], group_by="none")
    whole = [s.url for source in sources for s in sample.read(source) if s.lines]
    drawn = [s.url for s in snapshots(sample_of(sources, 1000)) if s.lines]
    assert drawn == whole


def test_files_without_archives_are_drawn_as_before() -> None:
    sources = [Source("d", f"{i:03d}.html", "d") for i in range(50)]
    assert sample_of(sources, 100) == sources
    drawn = sample_of(sources, 10)
    assert len(drawn) == 10 and drawn == sorted(drawn, key=sources.index)


def _findings(folder: Path, size: int) -> list:
    rules = default_rules()
    rules = replace(rules, thresholds=replace(rules.thresholds, sample=size))
    sources = discover([str(folder)], group_by="none")
    results = check_sources(sources, rules, execution=Execution(jobs=1))
    return [f for r in results for f in r.findings]


def test_record_sampling_finds_what_file_sampling_finds(
    archives: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    by_record = _findings(archives, 60)
    assert by_record
    monkeypatch.setattr("checker.learn.site.sample_of", lambda sources, size: list(sources))
    by_file = _findings(archives, 60)
    assert by_record == by_file
