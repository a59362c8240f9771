"""A mirror's stub for a moved page is a redirect, not a page that lost its block.

Mirrors keep, where a page moved, a stub that sends the reader on with
`<meta http-equiv="refresh" content="2;url=...">` and says `This page has moved`. It shows
none of the site's block, and every stub was a block-missing error (usa.gov's 2023 archive:
26 of 152 pages). A browser shows the target, not the stub: like a web archive's redirect
record, the stub is passed over with a note. A refresh without a URL only reloads the page
(a news front page every few minutes) and the page is checked as any other.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from checker.run.cli import cli
from tests.test_accuracy import kinds_by_page, run_report

TOPICS = ["passports", "medicare", "loans", "voting", "disasters", "scams"]


def _page(topic: str, head: str = "") -> str:
    menu = "".join(f'<li><a href="/{t}.html">{t.title()}</a></li>' for t in TOPICS)
    return (
        f"<html><head>{head}<title>{topic}</title></head><body><header><p>Portal</p>"
        f"<ul>{menu}</ul></header><main><h1>{topic.title()}</h1><p>All about {topic}.</p>"
        "</main><footer><p>Contact the portal</p><p>(c) 2023 portal.example</p></footer>"
        "</body></html>\n"
    )


def _stub(target: str) -> str:
    return (
        f'<html><head><meta http-equiv="refresh" content="2;url=\'{target}\'" /></head>'
        f'<body><p>This page has moved. Click <a href="{target}">{target}</a>.</p></body>'
        "</html>\n"
    )


def _site(root: Path) -> Path:
    root.mkdir()
    for topic in TOPICS:
        (root / f"{topic}.html").write_text(_page(topic), encoding="utf-8")
    (root / "animals.html").write_text(_stub("https://www.fws.gov"), encoding="utf-8")
    (root / "grants.html").write_text(_stub("/loans.html"), encoding="utf-8")
    return root


def test_redirect_stubs_are_passed_over_with_a_note(tmp_path: Path) -> None:
    report = json.loads(run_report(_site(tmp_path / "site")).stdout)
    assert report["findings"] == []
    notes = [note for site in report["summary"]["sites"] for note in site["notes"]]
    assert any("animals.html" in n and "redirect to https://www.fws.gov" in n for n in notes)
    assert any("grants.html" in n and "redirect to /loans.html" in n for n in notes)


def test_a_page_that_only_reloads_itself_is_checked(tmp_path: Path) -> None:
    site = _site(tmp_path / "site")
    reloading = _page("voting", '<meta http-equiv="refresh" content="300">')
    (site / "voting.html").write_text(reloading.replace("Contact the portal", ""), "utf-8")
    assert kinds_by_page(site) == [("voting.html", "line-missing")]


def test_explain_says_a_stub_is_a_redirect(tmp_path: Path) -> None:
    site = _site(tmp_path / "site")
    result = CliRunner().invoke(cli, ["explain", str(site / "animals.html")])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        f"{site / 'animals.html'}: a redirect to https://www.fws.gov (meta refresh): "
        "not a page of its own, not checked"
    ]
