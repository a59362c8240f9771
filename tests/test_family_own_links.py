"""A line every language family holds links to its own language's page; its facts are shared.

A government portal's English and Spanish pages both show `1-844-USA-GOV1` in the header,
linked to `/phone` and to `/espanol/centro-de-llamadas`. The line stands on more than four
pages in five whatever their family, so it is also checked across families, where the
English link held the majority and every Spanish page got a url-changed error (usa.gov's
2023 archive: 26 pages). Where a line stands and what it links to is each family's own
matter; its numbers and values are facts every language states alike, and a family that
states another number is still flagged.
"""

from __future__ import annotations

from pathlib import Path

from tests.test_accuracy import kinds_by_page, run_checker

ENGLISH = ["Home", "Benefits", "Taxes", "Travel", "Housing", "Jobs"]
SPANISH = ["Inicio", "Beneficios", "Impuestos", "Viajes", "Vivienda", "Empleos"]
TOPICS = ["passports", "medicare", "loans", "voting", "disasters", "scams", "recalls", "parks"]
TEMAS = ["pasaportes", "medicare", "prestamos"]


def _page(menu: list[str], name: str, title: str, phone: str, folder: str) -> str:
    items = "".join(f'<li><a href="/{folder}{m.lower()}">{m}</a></li>' for m in menu)
    return (
        f"<html><body><header><p>{name}</p><ul>{items}</ul><p>Search</p>"
        f'<p><a href="/{folder}{phone[1]}">{phone[0]}</a></p><p>current page</p></header>'
        f"<main><h1>{title}</h1><p>What to know about {title}.</p></main>"
        '<footer><hr><p><a href="/">USAGov</a></p><p>An official website of the U.S. '
        "General Services Administration</p></footer></body></html>\n"
    )


def _site(root: Path, spanish_number: str = "1-844-872-4681") -> Path:
    (root / "espanol").mkdir(parents=True)
    for topic in TOPICS + [f"{t}-help" for t in TOPICS]:
        page = _page(ENGLISH, "USAGov", topic, ("1-844-872-4681", "phone"), "")
        (root / f"{topic}.html").write_text(page, encoding="utf-8")
    for tema in TEMAS:
        phone = (spanish_number, "centro-de-llamadas")
        page = _page(SPANISH, "USAGov en Español", tema, phone, "espanol/")
        (root / "espanol" / f"{tema}.html").write_text(page, encoding="utf-8")
    return root


def test_each_family_links_the_shared_line_to_its_own_page(tmp_path: Path) -> None:
    assert kinds_by_page(_site(tmp_path / "site")) == []


def test_a_family_stating_another_number_is_flagged(tmp_path: Path) -> None:
    _, findings, _ = run_checker(_site(tmp_path / "site", spanish_number="1-844-872-4682"))
    assert sorted(Path(f["snapshot"]).name for f in findings) == sorted(f"{t}.html" for t in TEMAS)
    assert all(f["severity"] == "error" and "4682" in f["found"] for f in findings)
