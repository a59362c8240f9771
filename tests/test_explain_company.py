"""`explain` without `--against` learns from the snapshot's folder, or, where that folder holds
too few other pages (a page alone in its capture folder), from the nearest enclosing folder
that holds enough, never above the working folder."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from checker.run.cli import cli

MENU = ["Harbour Office", "Home <../index.html>", "Ferries <../ferries.html>", "Moorings"]


def _site(root: Path) -> Path:
    for n in range(5):
        folder = root / "site" / f"topic{n}"
        folder.mkdir(parents=True)
        body = "".join(f"<p>Notice {n}.{k} about berth {n * 7 + k}</p>" for k in range(3))
        menu = "".join(
            f'<li><a href="{line.split("<")[1][:-1]}">{line.split(" <")[0]}</a></li>'
            if "<" in line
            else f"<li>{line}</li>"
            for line in MENU
        )
        (folder / "index.html").write_text(
            f"<html><body><ul>{menu}</ul>{body}<p>Phone 555 0131</p></body></html>",
            encoding="utf-8",
        )
    return root / "site"


def test_a_page_alone_in_its_folder_is_explained_against_the_enclosing_one(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _site(tmp_path)
    result = CliRunner().invoke(cli, ["explain", "site/topic3/index.html"])
    assert result.exit_code == 0, result.output
    first = result.stdout.splitlines()[0]
    assert "learned from 5 snapshot(s)" in first, result.stdout
    # Its links resolve from its place in the folder learned from, as the other pages' do.
    assert "block 0 slot   2 =       Ferries <site:///ferries.html>" in result.stdout


def test_it_never_climbs_above_the_working_folder(tmp_path: Path, monkeypatch) -> None:
    _site(tmp_path)
    monkeypatch.chdir(tmp_path / "site" / "topic3")
    result = CliRunner().invoke(cli, ["explain", "index.html"])
    assert result.exit_code == 0, result.output
    assert "the 1 file(s) share no block" in result.stdout
    assert "--against FOLDER" in result.stdout


def test_it_climbs_a_few_folders_at_most(tmp_path: Path, monkeypatch) -> None:
    site = _site(tmp_path)
    deep = site / "a" / "b" / "c" / "d"
    deep.mkdir(parents=True)
    (deep / "index.html").write_bytes((site / "topic3" / "index.html").read_bytes())
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["explain", "site/a/b/c/d/index.html"])
    assert result.exit_code == 0, result.output
    assert "the 1 file(s) share no block" in result.stdout  # site/ is four folders up
    result = CliRunner().invoke(cli, ["explain", "site/a/b/c/d/index.html", "--against", "site"])
    assert "learned from 6 snapshot(s)" in result.stdout.splitlines()[0]
