"""Each page is parsed once: the stage takes the pages the learning sample read."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
from make_html_site import make_html_site  # noqa: E402


def _check(site: Path, monkeypatch: pytest.MonkeyPatch, keep: bool) -> tuple[int, list]:
    """(pages rendered, findings) of an in-process check of one site, on one process."""
    from checker.read import html, kept, snapshot
    from checker.read.load import discover
    from checker.rules import default_rules
    from checker.run.pipeline import Execution, check_sources

    rendered = []
    real = html.render_page  # what reading a page calls (render_html wraps it)

    def counting(text: str, **options: object) -> object:
        rendered.append(options.get("page_url"))
        return real(text, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(html, "render_page", counting)
    monkeypatch.setattr(kept.KEPT, "on", False)
    if not keep:
        monkeypatch.setattr("checker.run.workers.keep_reads", lambda on: None)
    assert snapshot.KEPT is kept.KEPT
    sources = discover([str(site)], group_by="none")
    results = check_sources(sources, default_rules(), execution=Execution(jobs=1))
    return len(rendered), [f for r in results for f in r.findings]


def test_each_page_is_rendered_once_and_findings_do_not_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_html_site(60, tmp_path, seed=3)
    once, found = _check(tmp_path / "site", monkeypatch, keep=True)
    assert once == 60
    monkeypatch.undo()
    twice, again = _check(tmp_path / "site", monkeypatch, keep=False)
    assert twice == 120
    assert found == again and found
