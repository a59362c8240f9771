"""Reflow: a block line that a converter broke at a page-dependent point (a relative link one
folder deeper, the page's own URL) compares equal to the whole line; a line that begins as the
site's lines begin is never glued to a full line before it; real drift in a re-joined line is
still reported."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from checker.model import Line, Snapshot
from checker.read.normalize import normalize
from checker.read.reflow import learn_joins, rejoin

REPO = Path(__file__).resolve().parent.parent
MENU = ["Harbour Rowing Club", "", "  * [Home]({up}index.html)", "  * [Events]({up}events.html)"]
CLOSE = "Close the menu and go back to [the overview of all pages]({up}index.html)"
SHARE = "Print | Share this page: https://harbour.example.org/{path} | Top"
FOOTER = ["", "Questions? Write to us.", "(c) 2024 Harbour Rowing Club"]


def _break(text: str, width: int = 72) -> list[str]:
    """`text` broken as a greedy word wrapper breaks it at `width` (at most two lines)."""
    if len(text) <= width:
        return [text]
    cut = text.rfind(" ", 0, width + 1)
    return [text[:cut], text[cut + 1 :]]


def _page(path: str, close: str | None = None, share: str | None = None) -> str:
    depth = path.count("/")
    up = "../" * depth
    close = close if close is not None else CLOSE
    share = share if share is not None else SHARE
    lines = [m.format(up=up) for m in MENU]
    lines += _break(close.format(up=up))
    lines += [f"You are here: Home > {path}", "", f"# Page {path}", "", f"Text of {path}.", ""]
    lines += _break(share.format(path=path))
    return "\n".join(lines + FOOTER) + "\n"


PATHS = (
    [f"p{i}.md" for i in range(6)]
    + ["news/a.md", "news/b.md"]
    + [f"news/2024/{n}.md" for n in "cdg"]
)


def _site(root: Path, **changed: dict[str, str]) -> Path:
    for path in PATHS:
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_page(path, **changed.get(path, {})), encoding="utf-8")
    return root


def _findings(root: Path) -> list[dict]:
    proc = subprocess.run(
        [sys.executable, "-m", "checker", "check", str(root), "--format", "json"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)["findings"]


def test_the_site_breaks_its_lines_in_different_places() -> None:
    broken = {len(_break(CLOSE.format(up="../" * p.count("/")))) for p in PATHS}
    shares = {_break(SHARE.format(path=p))[0][-8:] for p in PATHS}
    assert broken == {1, 2}  # whole on some pages, broken on others
    assert len(shares) >= 2  # broken at different points


def test_lines_broken_at_page_dependent_points_give_no_finding(tmp_path: Path) -> None:
    assert [f for f in _findings(_site(tmp_path)) if f["severity"] != "info"] == []


def test_drift_in_a_rejoined_line_is_reported_on_that_page(tmp_path: Path) -> None:
    reworded = CLOSE.replace("go back to", "return to")
    site = _site(tmp_path, **{"news/2024/g.md": {"close": reworded}})
    flagged = {(Path(f["snapshot"]).name, f["kind"]) for f in _findings(site)}
    # This site has no wrap column (its only long lines are one share line, which counts once
    # however many pages hold it, and one menu line): the pair is re-joined by the site's
    # evidence of that exact line, which the rewording no longer matches. The reworded piece
    # then reads as added beside its slot, still on that page alone.
    assert {name for name, _ in flagged} == {"g.md"}
    assert ("g.md", "text-changed") in flagged


def _lines(*texts: str) -> tuple[Line, ...]:
    return tuple(Line(n, t, normalize(t)) for n, t in enumerate(texts, 1))


def test_a_pair_is_joined_only_on_the_sites_evidence() -> None:
    whole = "Share: https://x.example/p1 | Top"
    split = ("Share:", "https://x.example/p2 | Top")
    sample = [
        Snapshot("p1", "s", _lines("Club", whole)),
        Snapshot("p2", "s", _lines("Club", *split)),
        Snapshot("p3", "s", _lines("Club", "Share:", "https://x.example/p3 | Top")),
    ]
    joins = learn_joins(sample)
    assert rejoin(_lines("Club", *split), joins)[1].norm == normalize(
        "Share: https://x.example/p2 | Top"
    )
    # One page alone is no evidence, and lines that never stand whole stay apart.
    assert learn_joins(sample[1:2]) == frozenset()
    assert rejoin(_lines("Club", "Home"), joins) == _lines("Club", "Home")


def test_a_line_broken_twice_is_joined_whole() -> None:
    # The share line ends with the site's logo; converters break it in two places that move
    # with the page's own URL: after the URL's `|`, before the URL, or both.
    def share(page: str) -> list[str]:
        return [f"Print | Share: https://x.example/{page}", "| Top", "![Logo](img/logo.png)"]

    sample = [
        *(
            Snapshot(
                p,
                "s",
                _lines(
                    "Club",
                    f"Print | Share: https://x.example/{p} | Top",
                    "![Logo](img/logo.png)",
                    "Body",
                ),
            )
            for p in ("a", "b", "c")
        ),
        *(
            Snapshot(
                p,
                "s",
                _lines(
                    "Club",
                    "Print | Share:",
                    f"https://x.example/{p} | Top ![Logo](img/logo.png)",
                    "Body",
                ),
            )
            for p in ("d", "e")
        ),
        Snapshot("f", "s", _lines("Club", *share("f"), "Body")),
    ]
    joins = learn_joins(sample)
    whole = normalize("Print | Share: https://x.example/g | Top ![Logo](img/logo.png)")
    assert [line.norm for line in rejoin(_lines("Club", *share("g"), "Body"), joins)] == [
        "Club",
        whole,
        "Body",
    ]
    # A line the joined one does not make a learned line with stays apart.
    assert [line.norm for line in rejoin(_lines("Club", *share("g")[:2], "Body"), joins)] == [
        "Club",
        normalize("Print | Share: https://x.example/g | Top"),
        "Body",
    ]
