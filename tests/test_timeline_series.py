"""End to end: one page captured on 60 dates, its slots labelled by their history."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from checker.report.json import JsonFormatter
from checker.run.commands import CheckOptions, check

START = date(2024, 1, 1)
RULES = "time:\n  filename: '(?P<date>\\d{4}-\\d{2}-\\d{2})'\n"


def page(day: int) -> str:
    """The page as captured on day `day` (0-based)."""
    director = "Director: Anna Smith" if day < 20 else "Director: Boris Jones"
    members = 10 if 30 <= day <= 34 and day % 2 == 0 else 9
    footer = (
        "?? 2024 Example Harbour Office" if day in (45, 46) else "© 2024 Example Harbour Office"
    )
    spaced = (
        "Opening hours:  Monday to Friday" if day % 7 == 3 else "Opening hours: Monday to Friday"
    )
    return "\n".join(
        [
            "Example Harbour Office",
            director,
            f"The council has {members} members",
            spaced.replace(" to ", "\u00a0to ") if day % 11 == 5 else spaced,
            "Contact: office@harbour.example",
            "Website: https://harbour.example/about",
            footer,
            "",
        ]
    )


def write_series(folder: Path) -> None:
    """Sixty daily captures, named by their date."""
    folder.mkdir()
    for day in range(60):
        when = START + timedelta(days=day)
        (folder / f"capture-{when.isoformat()}.txt").write_text(page(day), encoding="utf-8")


def findings_of(tmp_path: Path) -> list[dict]:
    """The JSON findings of a check over the series with the date pattern."""
    write_series(tmp_path / "series")
    rules = tmp_path / "rules.yaml"
    rules.write_text(RULES, encoding="utf-8")
    result = check(CheckOptions(paths=(str(tmp_path / "series"),), rules=str(rules), format="json"))
    return json.loads(JsonFormatter().render(result))["findings"]


def test_each_slot_gets_its_label(tmp_path: Path) -> None:
    findings = findings_of(tmp_path)
    by_line: dict[int, set[tuple[str | None, str]]] = {}
    for finding in findings:
        by_line.setdefault(finding["line"], set()).add((finding["label"], finding["severity"]))
    assert by_line[2] == {("update", "info")}, by_line
    assert by_line[3] == {("flapping", "error")}, by_line
    assert by_line[7] == {("glitch", "warning")}, by_line
    assert 4 not in by_line, "whitespace-only flips must stay silent"


def test_the_update_is_one_finding_from_the_old_value_to_the_new(tmp_path: Path) -> None:
    findings = [f for f in findings_of(tmp_path) if f["line"] == 2]
    assert len(findings) == 1, findings
    update = findings[0]
    assert update["expected"] == "Director: Anna Smith"
    assert update["found"] == "Director: Boris Jones"
    assert Path(update["snapshot"]).name == "capture-2024-01-21.txt"
    assert "capture-2024-02-29.txt" in update["message"] and "40 capture(s)" in update["message"]


def test_glitch_and_flapping_are_one_finding_each_naming_the_odd_captures(tmp_path: Path) -> None:
    findings = findings_of(tmp_path)
    flapping = [f for f in findings if f["label"] == "flapping"]
    glitch = [f for f in findings if f["label"] == "glitch"]
    assert len(flapping) == 1 and len(glitch) == 1
    day = lambda d: f"capture-{(START + timedelta(days=d)).isoformat()}.txt"  # noqa: E731
    assert Path(flapping[0]["snapshot"]).name == day(30)
    assert day(34) in flapping[0]["message"] and "3 capture(s)" in flapping[0]["message"]
    assert Path(glitch[0]["snapshot"]).name == day(45)
    assert day(46) in glitch[0]["message"] and "2 capture(s)" in glitch[0]["message"]
