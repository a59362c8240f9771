"""A small site captured over time, for the history tests: pages as HTML, written as web
archives, Wayback-style capture folders or git commits."""

from __future__ import annotations

import io
from datetime import datetime, timedelta, timezone
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

START = datetime(2018, 5, 23, 16, 54, 33, tzinfo=timezone.utc)
PHONE = "Phone: +1 555 0100"


def page(
    name: str,
    *,
    phone: str = PHONE,
    members: int = 9,
    footer: str = "© 2018 Harbour Office",
    contact: str = "Contact: office@harbour.example",
    spaced: bool = False,
    news: str = "",
) -> str:
    """One page of the site: a header, the page's own text and a footer block."""
    hours = "Opening hours:  Monday to Friday" if spaced else "Opening hours: Monday to Friday"
    body = "\n".join(
        f"<p>{name} paragraph {n}: text of the {name} page alone.</p>" for n in range(3)
    )
    return (
        "<!doctype html><html><head><title>Harbour</title></head><body>\n"
        "<nav><p>Harbour Office</p><p>Home | About | News</p></nav>\n"
        f"<main><h1>{name}</h1>\n{body}\n{news}</main>\n"
        f"<footer><p>{hours}</p><p>{phone}</p><p>The council has {members} members</p>"
        f"<p>{contact}</p><p>{footer}</p></footer>\n"
        "</body></html>\n"
    )


def warc(path: Path, records: list[tuple[str, datetime, str]]) -> Path:
    """A web archive of (URL, capture time, HTML) records, in that order."""
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=path.name.endswith(".gz"))
        for uri, when, html in records:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=UTF-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                uri,
                "response",
                payload=io.BytesIO(html.encode("utf-8")),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": when.strftime("%Y-%m-%dT%H:%M:%SZ")},
            )
            writer.write_record(record)
    return path


def stamp(when: datetime) -> str:
    """A Wayback timestamp."""
    return when.strftime("%Y%m%d%H%M%S")


def history_page(name: str, capture: int) -> str:
    """Capture number `capture` (of 60) of a page, with the events of the history tests:

    * the contact line changes for good at capture 50 (an update);
    * the member count flaps 9/10 on captures 30-34;
    * the copyright sign shows as `??` on captures 40 and 41 of the index page (a glitch);
    * every seventh capture doubles a space (silent).
    """
    contact = (
        "Contact: desk@harbour.example" if capture >= 50 else "Contact: office@harbour.example"
    )
    members = 10 if 30 <= capture <= 34 and capture % 2 == 0 else 9
    broken = name == "index" and capture in (40, 41)
    footer = "?? 2018 Harbour Office" if broken else "© 2018 Harbour Office"
    news = f"<p>News of the day {capture}: the harbour's own report.</p>\n"
    return page(
        name, members=members, footer=footer, contact=contact, spaced=capture % 7 == 3, news=news
    )


def captured(name: str, capture: int) -> bool:
    """The about page is not captured after the update (capture 50 on)."""
    return name == "index" or capture < 50


def wayback(root: Path, captures: int = 60) -> Path:
    """The history site as Wayback download tools write it: one folder per capture."""
    for n in range(captures):
        folder = root / stamp(START + timedelta(days=n))
        folder.mkdir(parents=True)
        for name in ("index", "about"):
            if captured(name, n):
                (folder / f"{name}.html").write_text(history_page(name, n), encoding="utf-8")
    return root
