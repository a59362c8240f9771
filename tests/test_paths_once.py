"""Each snapshot once: overlapping paths are checked once; unreadable folders are named."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from checker.run.commands import CheckOptions, check
from checker.read.load import InputError, discover
from tests.badinput_helpers import SCRUBBED
from tests.sample_site import SAMPLE, SIX


@pytest.fixture(autouse=True)
def _no_ci_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in SCRUBBED:
        monkeypatch.delenv(name, raising=False)


def _found(*paths: str, globs: tuple[str, ...] = ()) -> list[tuple[str, int, str]]:
    """(file name, line, kind) of every finding of a check over the paths."""
    result = check(CheckOptions(paths=paths, globs=globs))
    return sorted((Path(f.snapshot).name, f.line, f.kind.value) for f in result.findings)


def test_a_folder_given_twice_gives_the_six_findings() -> None:
    assert _found(str(SAMPLE), str(SAMPLE)) == sorted(SIX)


def test_a_file_inside_a_given_folder_is_read_once() -> None:
    inner = str(SAMPLE / SIX[2][0])
    assert _found(str(SAMPLE), inner) == sorted(SIX)
    assert len(discover([str(SAMPLE), inner, str(SAMPLE) + "/."])) == 5


def test_two_globs_matching_one_file_read_it_once() -> None:
    # As a shell expands `snapshots/csto-pa/0* snapshots/csto-pa/*.txt`.
    files = [str(p) for pattern in ("0*", "*.txt") for p in sorted(SAMPLE.glob(pattern))]
    assert len(files) == 10
    assert _found(*files) == sorted(SIX)
    assert _found(str(SAMPLE), globs=("*.txt", "0*")) == sorted(SIX)


def test_the_same_folder_by_another_spelling_is_read_once(tmp_path: Path) -> None:
    link = tmp_path / "link"
    link.symlink_to(SAMPLE)
    assert len(discover([str(SAMPLE), str(link)])) == 5


def test_an_unreadable_subfolder_is_a_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    shutil.copytree(SAMPLE, site)
    (site / "locked").mkdir()
    real = os.scandir

    def scandir(path: str):  # noqa: ANN202
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    notes: list[str] = []
    assert len(discover([str(site)], notes=notes)) == 5
    assert notes == [f"{site}/locked: folder skipped: cannot read it: Permission denied"]
    check(CheckOptions(paths=(str(site),)))
    assert f"snapdrift: note: {site}/locked: folder skipped" in capsys.readouterr().err


def test_an_unreadable_folder_given_is_an_input_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def scandir(path: str):  # noqa: ANN202
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(os, "scandir", scandir)
    with pytest.raises(InputError, match=f"^{tmp_path}: cannot read folder: Permission denied$"):
        discover([str(tmp_path)])
