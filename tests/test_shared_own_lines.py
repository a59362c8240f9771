"""Two pages' own lines alike: where pages hold a title of their own between block lines, two
pages with the same title (or a sentence two bodies share) hold content, not an addition. A
line of another kind that two pages add there (a `Fax:` line among titles) is still added.
"""

from __future__ import annotations

from pathlib import Path

from tests.test_accuracy import run_checker

HEADER = ["Kestrel Valley Rowing Club", "  * [Crews](https://rowing.example/crews)"]
HEADER += ["  * [Regattas](https://rowing.example/regattas)"]
FOOTER = ["Boathouse: Mill Lane", "Phone: 555 0133", "(c) 2024 Kestrel Valley Rowing Club"]


def _site(root: Path, own: dict[int, list[str]]) -> Path:
    for i in range(12):
        title = own.get(i, [f"# Outing {i} on the lower reach"])
        body = [f"The crew of outing {i} rowed {i + 4} km.", f"Next outing: week {i + 10}."]
        lines = [*HEADER, *title, *body, *FOOTER]
        (root / f"outing{i:02d}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def test_two_pages_with_one_title_give_no_finding(tmp_path: Path) -> None:
    same = ["# Club championship"]
    _, findings, err = run_checker(_site(tmp_path, {3: same, 8: same}))
    assert findings == [], err


def test_a_line_of_another_kind_two_pages_add_is_found(tmp_path: Path) -> None:
    fax = "Fax: 555 0199"
    own = {3: ["# Outing 3 on the lower reach", fax], 8: ["# Outing 8 on the lower reach", fax]}
    _, findings, err = run_checker(_site(tmp_path, own))
    assert sorted((f["snapshot"][-11:], f["kind"]) for f in findings) == [
        ("outing03.md", "line-added"),
        ("outing08.md", "line-added"),
    ], err
