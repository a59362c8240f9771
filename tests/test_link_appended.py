"""A link added after a block's sentence is that line with a link added.

`Questions? Write to us.` that one page follows with `[More](more.html)` on the same line
was read as the block's line missing and a new line added (gen2 seeds 449, 466, 517 and
others at db9a5a8: kind accuracy), because the link brings words of its own, and only a
link on the same words counted as the same line. A sentence followed by a link of fewer
words than its own is now the same line, with a URL added (on an optional line, where no
position vouches for it). A heading ends as a sentence does (`## Also on this site
[More](more.html)`: the box's heading was read missing, gen2 seed 260 at 0891c26). A phrase
that does not end (`Mon dossier de`, whose link text `bibliothèque` stands on the next line)
is continued by what follows, not given a link: a page that joins the two lines is still
read against the linked line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_accuracy import run_checker

TOPICS = ["dykes", "pumps", "levies", "ditches", "sluices", "reeds", "tides", "banks"]


def _text_site(root: Path, sentence: str, linked: str) -> Path:
    root.mkdir()
    for i, topic in enumerate(TOPICS):
        # A help box of two lines on six pages of eight, optional: no position vouches for it.
        help_text = [linked if i == 3 else sentence, "We answer within three days."]
        lines = [
            f"# Meeting on {topic}",
            "",
            f"The board heard {i + 3} reports on {topic}.",
            "",
            "Fen Drainage Board",
            *(help_text if i < 6 else []),
            "Chair: Mr. Olu Reed",
            "(c) 2026 fen.example",
        ]
        (root / f"meeting{i}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("sentence", "linked"),
    [
        ("Write to us.", "Write to us. [More](more.html)"),
        ("問い合わせはこちらへ。", "問い合わせはこちらへ。 [詳細](more.html)"),
    ],
)
def test_a_link_after_a_sentence_is_a_url_added(tmp_path: Path, sentence: str, linked: str) -> None:
    _, findings, err = run_checker(_text_site(tmp_path / "site", sentence, linked))
    assert [(Path(f["snapshot"]).name, f["kind"], f["line"]) for f in findings] == [
        ("meeting3.md", "url-added", 6)
    ], err


def test_a_link_after_a_heading_is_a_url_added(tmp_path: Path) -> None:
    """The heading opens a box right after the page's own lines: no neighbour above vouches
    for it, so only its words tell it is the box's heading."""
    root = tmp_path / "site"
    root.mkdir()
    for i, topic in enumerate(TOPICS):
        heading = "## Also on this site" + (" [More](more.html)" if i == 3 else "")
        lines = ["Fen Drainage Board", "", "  * [Home](index.html)", "  * [Agenda](agenda.html)"]
        lines += ["", f"# Meeting on {topic}", "", f"The board heard {i + 3} reports.", ""]
        lines += [heading, "  * [Archive](archive.html)", "  * [Jobs](jobs.html)", ""]
        lines += [f"{i + 11} questions on {topic} were answered.", ""]
        lines += ["Chair: Mr. Olu Reed", "(c) 2026 fen.example"]
        (root / f"meeting{i}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, findings, err = run_checker(root)
    assert [(Path(f["snapshot"]).name, f["kind"], f["line"]) for f in findings] == [
        ("meeting3.md", "url-added", 10)
    ], err


def _html_site(root: Path, joined: int) -> Path:
    root.mkdir()
    for i, topic in enumerate(TOPICS):
        url = "http://lib.example/account"
        if i == joined:
            links = f'<p><a href="{url}?lang=fr">Mon dossier de bibliothèque</a></p>'
        else:
            links = f'<p>Mon dossier de</p>\n<p><a href="{url}">bibliothèque</a></p>'
        page = (
            f"<html><body>\n<main><h1>Meeting on {topic}</h1>\n"
            f"<p>The board heard {i + 3} reports on {topic}.</p></main>\n"
            f"<footer><p>Fen Drainage Board</p>\n{links}\n"
            "<p>Chair: Mr. Olu Reed</p>\n<p>(c) 2026 fen.example</p></footer>\n</body></html>\n"
        )
        (root / f"meeting{i}.html").write_text(page, encoding="utf-8")
    return root


def test_a_phrase_that_does_not_end_is_not_given_the_link(tmp_path: Path) -> None:
    _, findings, err = run_checker(_html_site(tmp_path / "site", joined=3))
    kinds = {(Path(f["snapshot"]).name, f["kind"]) for f in findings}
    assert kinds and {page for page, _ in kinds} == {"meeting3.html"}, err
    assert ("meeting3.html", "url-added") not in kinds, err
