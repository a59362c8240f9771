"""The Markdown report shows a `template-stale` finding by what it says (an older version of
the block), not as a missing line: the finding names no one line."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from click.testing import CliRunner
from history_site import START, page, warc

from checker.run.cli import cli


def test_a_stale_block_is_not_shown_missing(tmp_path: Path) -> None:
    records = []
    for n in range(9):
        old = n < 3  # three pages keep last year's footer and contact line
        footer = "© 2018 Harbour Office" if old else "© 2019 Harbour Office"
        phone = "Phone: +1 555 0100" if old else "Phone: +1 555 0199"
        records.append(
            (
                f"http://harbour.example/p{n}",
                START + timedelta(minutes=n),
                page(f"p{n}", footer=footer, phone=phone),
            )
        )
    archive = warc(tmp_path / "crawl.warc.gz", records)
    result = CliRunner().invoke(cli, ["check", str(archive), "--format", "markdown"])
    rows = [line for line in result.stdout.splitlines() if "| template-stale |" in line]
    assert rows, result.stdout
    assert all("*(missing)*" not in row and "older version" in row for row in rows)
