"""Captures over time (issue 13): a page's history is its own captures, the site now is each
page's latest capture, and every common capture layout is read without flags."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from history_site import PHONE, START, history_page, page, warc, wayback

from checker.run.cli import cli

PAGES = [f"p{n}" for n in range(8)]


def run(*args: str) -> tuple[int, list[dict], dict]:
    """The CLI's exit code, JSON findings and summary."""
    result = CliRunner().invoke(cli, ["check", "--format", "json", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    report = json.loads(result.stdout)
    return result.exit_code, report["findings"], report["summary"]


def crawl(tmp_path: Path, gap: timedelta, drifted_last: bool) -> Path:
    """One crawl of eight pages in one archive; page p5 has another phone number."""
    order = [p for p in PAGES if p != "p5"] + ["p5"] if drifted_last else PAGES
    records = []
    for n, name in enumerate(order):
        phone = "Phone: +1 555 0199" if name == "p5" else PHONE
        records.append((f"http://harbour.example/{name}", START + gap * n, page(name, phone=phone)))
    return warc(tmp_path / "crawl.warc.gz", records)


@pytest.mark.parametrize(
    ("gap", "drifted_last"),
    [(timedelta(0), False), (timedelta(minutes=1), False), (timedelta(minutes=1), True)],
    ids=["one-timestamp", "a-minute-apart", "drifted-page-last"],
)
def test_one_crawl_in_one_archive_is_drift(
    tmp_path: Path, gap: timedelta, drifted_last: bool
) -> None:
    code, findings, _ = run(str(crawl(tmp_path, gap, drifted_last)))
    assert code == 1
    assert [(f["kind"], f["severity"], f["label"]) for f in findings] == [
        ("number-changed", "error", None)
    ]
    assert "#http://harbour.example/p5@" in findings[0]["snapshot"]


def test_pages_crawled_last_do_not_make_their_number_expected(tmp_path: Path) -> None:
    records = []
    for n in range(68):
        phone = "Phone: +1 555 0199" if n >= 65 else PHONE
        records.append(
            (
                f"http://harbour.example/p{n}",
                START + timedelta(minutes=n),
                page(f"p{n}", phone=phone),
            )
        )
    code, findings, _ = run(str(warc(tmp_path / "crawl.warc", records)))
    assert code == 1
    assert {f["expected"] for f in findings} == {PHONE}
    flagged = sorted(f["snapshot"].split("#")[1].split("@")[0] for f in findings)
    assert flagged == [f"http://harbour.example/p{n}" for n in (65, 66, 67)]


def test_one_url_captured_ten_times_updates_once(tmp_path: Path) -> None:
    records = [
        (
            "http://harbour.example/",
            START + timedelta(days=n),
            page("index", footer="© 2019 Harbour Office" if n >= 4 else "© 2018 Harbour Office"),
        )
        for n in range(10)
    ]
    code, findings, _ = run(str(warc(tmp_path / "ten.warc.gz", records)))
    assert code == 0
    assert [(f["label"], f["severity"]) for f in findings] == [("update", "info")]
    assert "2018" in findings[0]["expected"] and "2019" in findings[0]["found"]
    assert "6 capture(s)" in findings[0]["message"]


def test_several_archives_of_one_site_are_one_history(tmp_path: Path) -> None:
    folder = tmp_path / "crawls"
    folder.mkdir()
    for n in range(6):
        footer = "© 2019 Harbour Office" if n >= 3 else "© 2018 Harbour Office"
        records = [
            (f"http://harbour.example/{p}", START + timedelta(days=n), page(p, footer=footer))
            for p in ("a", "b", "c")
        ]
        warc(folder / f"crawl-{n}.warc", records)
    code, findings, summary = run(str(folder))
    assert code == 0
    assert [(f["label"], f["related"] != []) for f in findings] == [("update", True)]
    assert "on 3 page(s)" in findings[0]["message"]
    assert summary["sites"][0]["snapshots"] == 18


def wayback_findings(tmp_path: Path, *extra: str) -> tuple[int, list[dict], dict]:
    """The check of the generated Wayback-layout folder."""
    return run(str(wayback(tmp_path / "web.example")), *extra)


@pytest.mark.parametrize("group_by", ["auto", "none"])
def test_wayback_folder_is_one_site_over_time(tmp_path: Path, group_by: str) -> None:
    code, findings, summary = wayback_findings(tmp_path, "--group-by", group_by)
    assert code == 1
    assert len(summary["sites"]) == 1 and summary["sites"][0]["snapshots"] == 110
    notes = summary["sites"][0]["notes"]
    assert any(n.startswith("layout: 60 timestamped capture folder(s) of 2 page(s)") for n in notes)
    day = lambda n: (START + timedelta(days=n)).strftime("%Y%m%d%H%M%S")  # noqa: E731
    got = sorted(
        (f["label"], f["severity"], f["snapshot"].split("web.example/")[1]) for f in findings
    )
    assert got == [
        ("flapping", "error", f"{day(30)}/about.html"),
        ("glitch", "warning", f"{day(40)}/index.html"),
        ("update", "info", f"{day(49)}/about.html"),
        ("update", "info", f"{day(50)}/index.html"),
    ]
    by_label = {(f["label"], f["rule"]): f for f in findings}
    assert (
        "not captured since the change"
        in by_label[("update", "timeline:not-captured-since")]["message"]
    )
    assert "10 capture(s)" in by_label[("update", "timeline:update")]["message"]
    assert "on 2 page(s)" in by_label[("flapping", "timeline:flapping")]["message"]


def test_whitespace_flips_stay_silent(tmp_path: Path) -> None:
    _, findings, _ = wayback_findings(tmp_path)
    assert not any("Opening hours" in f["found"] + f["expected"] for f in findings)


def test_the_confirm_threshold_holds_back_an_update(tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text("thresholds:\n  confirm: 12\n", encoding="utf-8")
    _, findings, _ = wayback_findings(tmp_path, "--rules", str(rules))
    contact = [
        f
        for f in findings
        if "desk@" in f["found"] + f["expected"] and f["rule"] != "timeline:not-captured-since"
    ]
    assert [(f["label"], f["severity"]) for f in contact] == [(None, "error")]
    assert "not yet confirmed by 12 later capture(s)" in contact[0]["message"]


def test_a_time_pattern_over_the_relative_path(tmp_path: Path) -> None:
    root = tmp_path / "site"
    for n in range(8):
        folder = root / f"grab-{(START + timedelta(days=n)).date().isoformat()}"
        folder.mkdir(parents=True)
        (folder / "index.html").write_text(history_page("index", 44 + n), encoding="utf-8")
        (folder / "about.html").write_text(history_page("about", 44 + n), encoding="utf-8")
    rules = tmp_path / "rules.yaml"
    rules.write_text("time:\n  filename: 'grab-(?P<date>[0-9-]{10})/'\n", encoding="utf-8")
    code, findings, summary = run(str(root), "--rules", str(rules))
    assert [s["site"] for s in summary["sites"]] == ["site"]
    assert [(f["label"], f["severity"]) for f in findings] == [("update", "info")]
    assert "on 2 page(s)" in findings[0]["message"] and code == 0


def test_a_capture_group_names_the_whole_capture_folder(tmp_path: Path) -> None:
    """Folders named by a date and the commit each capture came from: only a `capture` group
    cut out of the path joins a page's captures (the date alone leaves `_1a2b3c4/…`)."""
    root = tmp_path / "site"
    for n in range(8):
        day = (START + timedelta(days=n)).date().isoformat()
        folder = root / "crawls" / f"{day}_{n}a1b2c3"  # a short commit id
        folder.mkdir(parents=True)
        (folder / "index.html").write_text(history_page("index", 44 + n), encoding="utf-8")
        (folder / "about.html").write_text(history_page("about", 44 + n), encoding="utf-8")
    rules = tmp_path / "rules.yaml"
    date_only = r"(?P<date>\d{4}-\d{2}-\d{2})_[0-9a-f]{7}/"
    rules.write_text(f"time:\n  filename: '{date_only}'\n", encoding="utf-8")
    _, findings, summary = run(str(root), "--rules", str(rules))
    assert "capture(s) of 16 page(s)" in " ".join(summary["sites"][0]["notes"])
    whole = r"(?P<capture>(?P<date>\d{4}-\d{2}-\d{2})_[0-9a-f]{7}/)"
    rules.write_text(f"time:\n  filename: '{whole}'\n", encoding="utf-8")
    code, findings, summary = run(str(root), "--rules", str(rules))
    assert "16 capture(s) of 2 page(s)" in " ".join(summary["sites"][0]["notes"])
    assert [(f["label"], f["severity"]) for f in findings] == [("update", "info")]
    assert "on 2 page(s)" in findings[0]["message"] and code == 0


def test_a_time_pattern_that_matches_nothing_says_so(tmp_path: Path) -> None:
    root = wayback(tmp_path / "w", captures=3)
    rules = tmp_path / "rules.yaml"
    rules.write_text("time:\n  filename: 'never-(?P<date>[0-9]{8})'\n", encoding="utf-8")
    flat = tmp_path / "flat"
    flat.mkdir()
    for path in root.rglob("*.html"):
        (flat / f"{path.parent.name}-{path.name}").write_bytes(path.read_bytes())
    _, _, summary = run(str(flat), "--rules", str(rules))
    assert (
        "the rules' time pattern matched no snapshot: no capture times were read"
        in summary["sites"][0]["notes"]
    )


def test_a_folder_mixing_layouts_says_so(tmp_path: Path) -> None:
    root = wayback(tmp_path / "w", captures=4)
    (root / "loose.html").write_text(page("loose"), encoding="utf-8")
    _, _, summary = run(str(root))
    assert any(
        "mixed: 1 file(s) sit outside any capture folder" in n for n in summary["sites"][0]["notes"]
    )


def test_explain_names_the_layout_and_the_capture_time(tmp_path: Path) -> None:
    root = wayback(tmp_path / "w", captures=2)
    target = root / "20180523165433" / "index.html"
    result = CliRunner().invoke(cli, ["explain", str(target)])
    assert result.exit_code == 0
    assert (
        f"capture: a timestamped capture folder; page {root}/index.html; "
        "captured 2018-05-23 16:54:33 UTC"
    ) in result.stdout.splitlines()


def test_explain_names_each_archive_record(tmp_path: Path) -> None:
    archive = crawl(tmp_path, timedelta(minutes=1), drifted_last=False)
    result = CliRunner().invoke(cli, ["explain", str(archive), "--against", str(archive)])
    said = [line for line in result.stdout.splitlines() if line.startswith("capture:")]
    assert said[0] == (
        "capture: a web archive record; page http://harbour.example/p0; "
        "captured 2018-05-23 16:54:33 UTC"
    )
    assert len(said) == 8


def daily(pages: dict[str, list[str]]) -> list[tuple[str, object, str]]:
    """Archive records: page name -> its footer on each day, one capture a day."""
    return [
        (f"http://harbour.example/{name}", START + timedelta(days=n), page(name, footer=footer))
        for name, footers in pages.items()
        for n, footer in enumerate(footers)
    ]


def test_a_page_captured_after_a_site_wide_change_with_the_old_text_straggles(
    tmp_path: Path,
) -> None:
    old, new = "© 2018 Harbour Office", "© 2019 Harbour Office"
    records = daily({"a": [old] * 4 + [new] * 4, "b": [old] * 4 + [new] * 4, "c": [old] * 8})
    code, findings, _ = run(str(warc(tmp_path / "site.warc", records)))
    told = sorted((f["label"], f["severity"], f["snapshot"].split("#")[1][:26]) for f in findings)
    assert told == [
        ("straggler", "warning", "http://harbour.example/c@2"),
        ("update", "info", "http://harbour.example/a@2"),
    ]
    assert code == 0


def test_an_old_value_back_after_a_stable_new_one_is_a_regression(tmp_path: Path) -> None:
    old, new = "© 2018 Harbour Office", "© 2019 Harbour Office"
    records = daily({"index": [old] * 4 + [new] * 4 + [old] * 4})
    code, findings, _ = run(str(warc(tmp_path / "site.warc", records)))
    assert [(f["label"], f["severity"]) for f in findings] == [("regression", "error")]
    assert code == 1


def test_a_fixed_glitch_and_drift_on_the_latest_capture_are_two_events(tmp_path: Path) -> None:
    ok, broken = "© 2018 Harbour Office", "?? 2018 Harbour Office"
    records = daily({"a": [ok] * 8, "b": [ok] * 8})
    for n in range(8):
        footer = broken if n in (2, 3) else ok
        phone = "Phone: +1 555 0199" if n == 7 else PHONE
        when = START + timedelta(days=n)
        records.append(("http://harbour.example/c", when, page("c", footer=footer, phone=phone)))
    code, findings, _ = run(str(warc(tmp_path / "site.warc", records)))
    told = sorted((f["label"] or "-", f["kind"], f["severity"]) for f in findings)
    assert told == [("-", "number-changed", "error"), ("glitch", "text-changed", "warning")]
    assert code == 1


def test_date_named_folders_of_distinct_pages_are_not_captures(tmp_path: Path) -> None:
    root = tmp_path / "blog"
    for n in range(3):
        folder = root / "posts" / (START + timedelta(days=n)).date().isoformat()
        folder.mkdir(parents=True)
        for name in (f"post{n}a", f"post{n}b"):
            (folder / f"{name}.html").write_text(page(name), encoding="utf-8")
    _, _, summary = run(str(root))
    notes = [n for s in summary["sites"] for n in s["notes"]]
    assert not any(n.startswith(("layout:", "capture times:")) for n in notes)
    assert summary["sites"][0]["snapshots"] == 6


def test_the_html_report_draws_each_page_history(tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    wayback_findings(tmp_path, "--report", f"html={report}")
    html = report.read_text(encoding="utf-8")
    strips = re.findall(
        r'<div class="page">[^<]*/(\w+\.html)</div>.*?history: <span class="badge label">(\w+)'
        r"</span> · (\d+) capture",
        html,
    )
    assert sorted(strips) == [
        ("about.html", "flapping", "50"),
        ("about.html", "unchanged", "50"),
        ("about.html", "unchanged", "50"),
        ("index.html", "flapping", "60"),
        ("index.html", "glitch", "60"),
        ("index.html", "update", "60"),
    ]


def test_sarif_and_text_tell_the_same_single_update(tmp_path: Path) -> None:
    records = [
        (
            "http://harbour.example/",
            START + timedelta(days=n),
            page("index", footer="© 2019 Harbour Office" if n >= 4 else "© 2018 Harbour Office"),
        )
        for n in range(10)
    ]
    archive = str(warc(tmp_path / "ten.warc", records))
    sarif = json.loads(CliRunner().invoke(cli, ["check", "--format", "sarif", archive]).stdout)
    results = sarif["runs"][0]["results"]
    assert [(r["level"], r["properties"]["label"]) for r in results] == [("note", "update")]
    text = CliRunner().invoke(cli, ["check", "--format", "text", "--no-color", archive]).stdout
    assert text.count("[update]") == 1 and "6 capture(s)" in text


def test_a_confirm_threshold_below_one_is_refused(tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text("thresholds:\n  confirm: 0\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--rules", str(rules), str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"snapdrift: error: {rules}:2:12: at thresholds.confirm: "
        "expected a whole number of at least 1; got 0"
    )


def test_a_page_that_catches_up_with_an_older_site_change_is_an_update(tmp_path: Path) -> None:
    """The site changed its footer on day 3; six pages captured once since carry the new one.
    Page `late` was captured on day 1 (old footer) and again on the last day (new footer):
    the last capture is the first of the new value on that page, and no capture follows it,
    yet the pages that carried it since day 3 confirm it: an update, not unconfirmed drift."""
    old, new = "© 2018 Harbour Office", "© 2019 Harbour Office"
    records = [("http://harbour.example/late", START + timedelta(days=1), page("late", footer=old))]
    records += [
        (f"http://harbour.example/p{n}", START + timedelta(days=3 + n), page(f"p{n}", footer=new))
        for n in range(6)
    ]
    records.append(
        ("http://harbour.example/late", START + timedelta(days=20), page("late", footer=new))
    )
    code, findings, _ = run(str(warc(tmp_path / "catch-up.warc.gz", records)))
    assert code == 0
    assert [(f["label"], f["severity"]) for f in findings] == [("update", "info")]
    assert "2018" in findings[0]["expected"] and "2019" in findings[0]["found"]


def test_two_updates_to_one_value_from_different_ones_are_two_fingerprints(
    tmp_path: Path,
) -> None:
    """Page `a` went from © 2017 to © 2019, page `b` from © 2018 to © 2019: two events, each
    its own fingerprint (the new value alone gave them one, so accepting one accepted both)."""
    records = []
    for n in range(8):
        for name, old in (("a", "© 2017 Harbour Office"), ("b", "© 2018 Harbour Office")):
            footer = "© 2019 Harbour Office" if n >= 4 else old
            url = f"http://harbour.example/{name}"
            records.append((url, START + timedelta(days=n), page(name, footer=footer)))
    _, findings, _ = run(str(warc(tmp_path / "two.warc.gz", records)))
    updates = [f for f in findings if f["label"] == "update"]
    assert sorted(f["expected"][2:6] for f in updates) == ["2017", "2018"]
    assert len({f["fingerprint"] for f in updates}) == 2
