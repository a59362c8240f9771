"""The HTML report of the sample site, opened in headless Chromium."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from checker.report.html import HtmlFormatter
from checker.run.commands import CheckOptions, check
from tests.test_html_report import _chromium, _png_pixels

SAMPLE = Path(__file__).parents[1] / "snapshots" / "csto-pa"


def _report(tmp_path: Path, folder: Path) -> None:
    """Write the HTML report of a folder where `_chromium` looks for it."""
    result = check(CheckOptions(paths=(str(folder),), format="html"))
    (tmp_path / "report.html").write_text(HtmlFormatter().render(result), encoding="utf-8")


def test_the_rendered_report_shows_the_six_findings(tmp_path: Path) -> None:
    _report(tmp_path, SAMPLE)
    dom = _chromium(tmp_path, "--dump-dom")
    anchors = re.findall(r'id="f-[0-9a-f]+-\d+"', dom)
    assert len(anchors) == 6
    for kind, count in (("number-changed", 1), ("text-changed", 2), ("url-missing", 3)):
        assert len(re.findall(rf'<li[^>]*data-kind="{kind}"', dom)) == count, kind
    kyrgyz = next(
        row
        for row in re.findall(r"<tr[^>]*>.*?</tr>", dom, re.S)
        if "Kyrgyz Republic to the CSTO PA consists of" in row
    )
    assert re.search(r'<mark class="num">6</mark>', kyrgyz)
    assert re.search(r'<mark class="num">7</mark>', kyrgyz)


def test_the_screenshot_shows_the_summary_and_a_slot_table(tmp_path: Path) -> None:
    _report(tmp_path, SAMPLE)
    shot = tmp_path / "report.png"
    _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,800")
    width, height, pixels = _png_pixels(shot.read_bytes())
    assert (width, height) == (1280, 800)
    assert len(set(pixels)) > 64, "the screenshot looks blank"


def test_a_snapshot_with_a_script_renders_as_text(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    shutil.copytree(SAMPLE, folder)
    page = folder / "003_bd67f9c5a52d8a82.txt"
    page.write_text(
        page.read_text(encoding="utf-8").replace(
            "consists of 7 deputies.",
            "consists of 7 deputies. <script>document.title='pwned'</script>",
        ),
        encoding="utf-8",
    )
    _report(tmp_path, folder)
    dom = _chromium(tmp_path, "--dump-dom")
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in dom
    title = re.search(r"<title>(.*?)</title>", dom, re.S)
    assert title and "pwned" not in title.group(1)
    assert dom.count("<script>") == 1
