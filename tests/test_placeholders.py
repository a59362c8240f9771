"""A megamenu opened along each page's trail: closed headers link to `#`, the open one links to
its category page. The placeholder is the menu's usual line; a page that links the same
words says more, not something else. Where the usual line is linked, a `#` is still a lost
link (tests/test_own_links.py::test_a_page_shows_its_own_menu_entry_plain).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import yaml

from checker.read.placeholders import PLACEHOLDER, unlinked
from tests.test_accuracy import run_checker

TOPICS = ["Harbour works", "Ferry times", "Fishing permits", "Moorings"]
FOOTER = ["Harbour Office, Quay Street 4", "Phone 555 0131", "Open daily 8-18"]


def _slug(topic: str) -> str:
    return topic.lower().replace(" ", "-")


def _page(topic: str, i: int, footer: list[str], menu: list[str] = TOPICS) -> str:
    items = "".join(
        f'<li><a href="{_slug(t) + ".html" if t == topic else "#"}">{t}</a>'
        f'<ul><li><a href="{_slug(t)}-guide.html">{t} guide</a></li></ul></li>'
        for t in menu
    )
    body = f"<h1>{topic} notice {i}</h1><p>Notice {i} about {topic.lower()}, week {i + 3}.</p>"
    foot = "".join(f"<p>{line}</p>" for line in footer)
    return f"<html><body><nav><ul>{items}</ul></nav><main>{body}</main>{foot}</body></html>"


def _site(root: Path, footer_of=lambda topic, i: FOOTER, menu_of=lambda topic, i: TOPICS) -> Path:
    for topic in TOPICS:
        for i in range(3):
            html = _page(topic, i, footer_of(topic, i), menu_of(topic, i))
            (root / f"{_slug(topic)}-notice-{i}.html").write_text(html, encoding="utf-8")
    return root


def test_a_header_linked_on_its_own_category_pages_is_the_menus_line(tmp_path: Path) -> None:
    # each header is `#` on nine pages and linked on the three of its category
    code, findings, err = run_checker(_site(tmp_path))
    assert (code, findings) == (0, []), err


def test_drift_beside_the_menu_is_still_found(tmp_path: Path) -> None:
    def footer(topic: str, i: int) -> list[str]:
        return (
            ["Harbour Office, Quay Street 6", *FOOTER[1:]]
            if (topic, i) == ("Moorings", 1)
            else FOOTER
        )

    code, findings, err = run_checker(_site(tmp_path, footer_of=footer))
    assert code == 1, err
    assert [(Path(f["snapshot"]).name, f["kind"]) for f in findings] == [
        ("moorings-notice-1.html", "number-changed")
    ], err


def test_a_lost_header_is_missing(tmp_path: Path) -> None:
    def menu(topic: str, i: int) -> list[str]:
        return (
            [t for t in TOPICS if t != "Ferry times"] if (topic, i) == ("Moorings", 2) else TOPICS
        )

    _, findings, err = run_checker(_site(tmp_path, menu_of=menu))
    assert [(Path(f["snapshot"]).name, f["kind"]) for f in findings] == [
        ("moorings-notice-2.html", "line-missing"),
        ("moorings-notice-2.html", "line-missing"),
    ], err
    assert {f["expected"] for f in findings} == {
        "Ferry times <#>",  # the usual line: a link to `#`, as the report says
        "Ferry times guide <site:///ferry-times-guide.html>",
    }, err


def test_unlinked_makes_every_target_a_placeholder() -> None:
    assert unlinked("Parks <http://x.org/parks/> and Roads <site:///roads>") == (
        f"Parks{PLACEHOLDER} and Roads{PLACEHOLDER}"
    )


def test_a_baseline_reads_pages_as_the_run_that_wrote_it(tmp_path: Path) -> None:
    # one page lost a header; the baseline accepts it and keeps the usual placeholders, so
    # checking against it reads the linked headers as the menu's line again
    def menu(topic: str, i: int) -> list[str]:
        return [t for t in TOPICS if t != "Taxes"] if (topic, i) == ("Moorings", 2) else TOPICS

    (tmp_path / "site").mkdir()
    site = _site(tmp_path / "site", menu_of=menu)
    baseline = tmp_path / "baseline.yaml"
    run = [sys.executable, "-m", "checker"]
    wrote = subprocess.run([*run, "baseline", str(site), "-o", str(baseline)], capture_output=True)
    assert wrote.returncode == 0, wrote.stderr
    assert "Ferry times <#>" in yaml.safe_load(baseline.read_text())["placeholders"]["site"]
    checked = subprocess.run(
        [*run, "check", str(site), "--baseline", str(baseline), "--format", "json"],
        capture_output=True,
        text=True,
    )
    assert (checked.returncode, json.loads(checked.stdout)["findings"]) == (0, []), checked.stderr
