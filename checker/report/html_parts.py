"""Pieces of the HTML report: escaping, links, the word diff, the timeline strip, slot rows.
Every string that came from a snapshot passes through `esc` (or `marked`, which escapes
each piece) before it reaches the page; links to snapshots go through `snapshot_href`."""

from __future__ import annotations

import difflib
import html
import os
import re
from collections.abc import Iterable, Sequence
from datetime import datetime
from urllib.parse import quote

from checker.report.common import relative_uri, scrub, short, strip_xml_illegal
from checker.verdict import Finding, SlotVariants, Variant

URL = r"(?:https?://|ftp://|www\.)[^\s<>\"'`]*[^\s<>\"'`.,;:!?)\]}]"
NUMBER = r"\d+(?:[.,]\d+)*"
_MARK = re.compile(rf"(?P<url>{URL})|(?P<num>{NUMBER})", re.IGNORECASE)
_TOKEN = re.compile(rf"{URL}|{NUMBER}|\w+|\s+|[^\w\s]", re.IGNORECASE)
_URI_SAFE = "/!$&()*+,;=@"
CANONICAL_COLOUR = "#1b7f3b"
PALETTE = ("#b3261e", "#0b5cad", "#9a6700", "#8250df", "#bf3989", "#1a7f7f", "#6e7781")
MAX_HOLDERS = 20
MAX_VARIANTS = 12


def esc(text: str) -> str:
    """Text made safe for HTML content and quoted attributes (controls and lone surrogates gone)."""
    return html.escape(strip_xml_illegal(scrub(text)), quote=True)


def marked(text: str) -> str:
    """Escaped text with numbers and URLs wrapped in `<mark class="num|url">`."""
    out: list[str] = []
    last = 0
    for match in _MARK.finditer(text):
        out.append(esc(text[last : match.start()]))
        cls = "url" if match.group("url") else "num"
        out.append(f'<mark class="{cls}">{esc(match.group())}</mark>')
        last = match.end()
    out.append(esc(text[last:]))
    return "".join(out)


def snapshot_href(path: str, base_dir: str | None = None) -> str:
    """A relative, percent-encoded link to a snapshot file, escaped for an attribute.

    The colon is always encoded, so no link can carry a scheme (`javascript:`); a leading
    `./` keeps the reference relative even for a path that begins with `//`.
    """
    if base_dir is None:
        uri = relative_uri(path)
    else:
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(base_dir))
        uri = quote(rel.replace(os.sep, "/"), safe=_URI_SAFE, errors="surrogateescape")
    uri = uri.lstrip("/")
    return esc(uri if uri.startswith("../") else "./" + uri)


def side_by_side(canonical: str, variant: str) -> str:
    """Two columns: the canonical text with removed words in `<del>`, the variant with `<ins>`."""
    if not variant:
        return _columns(
            f"<del>{marked(canonical)}</del>",
            '<span class="none">line missing</span>',
            "canonical",
            "line missing",
        )
    if not canonical:
        return _columns(
            '<span class="none">absent on most pages</span>',
            f"<ins>{marked(variant)}</ins>",
            "canonical",
            "line added",
        )
    old, new = _TOKEN.findall(canonical), _TOKEN.findall(variant)
    left: list[str] = []
    right: list[str] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        gone, added = "".join(old[i1:i2]), "".join(new[j1:j2])
        if tag == "equal":
            left.append(esc(gone))
            right.append(esc(added))
            continue
        if gone:
            left.append(f"<del>{marked(gone)}</del>")
        if added:
            right.append(f"<ins>{marked(added)}</ins>")
    return _columns("".join(left), "".join(right), "canonical", "variant")


def _columns(left: str, right: str, left_tag: str, right_tag: str) -> str:
    """The two-column diff block."""
    return (
        f'<div class="diff"><div><span class="tag">{left_tag}</span>{left}</div>'
        f'<div><span class="tag">{right_tag}</span>{right}</div></div>'
    )


def variant_colours(sv: SlotVariants) -> dict[str, str]:
    """A colour per variant text: the canonical one green, the others from a fixed palette."""
    colours: dict[str, str] = {}
    if sv.canonical is not None:
        colours[sv.canonical] = CANONICAL_COLOUR
    texts = [v.text for v in sv.variants] + [t for _, _, c in sv.pages for _, t in c]
    for text in texts:
        if text not in colours:
            others = len(colours) - (sv.canonical is not None)
            colours[text] = PALETTE[others % len(PALETTE)]
    return colours


def timeline_svg(timeline: Sequence[tuple[datetime, str]], colours: dict[str, str]) -> str:
    """An inline SVG strip: one mark per capture, x by time, coloured by variant."""
    width, pad, mark = 600.0, 3.0, 4.0
    times = [when.timestamp() for when, _ in timeline]
    span = max(times) - min(times) if times else 0.0
    marks: list[str] = []
    for index, (when, text) in enumerate(timeline):
        share = (times[index] - times[0]) / span if span else index / max(len(timeline) - 1, 1)
        x = pad + share * (width - 2 * pad - mark)
        label = short(text, 120) if text else "(line missing)"
        stamp = when.isoformat(sep=" ", timespec="minutes")
        marks.append(
            f'<rect x="{x:.1f}" y="3" width="{mark:.0f}" height="16" fill="{colours[text]}">'
            f"<title>{esc(stamp)}: {esc(label)}</title></rect>"
        )
    return (
        f'<svg viewBox="0 0 {width:.0f} 22" '
        f'width="{width:.0f}" height="22" role="img" aria-label="captures over time">'
        f'<line x1="0" y1="11" x2="{width:.0f}" y2="11" stroke="#d0d7de"/>'
        + "".join(marks)
        + "</svg>"
    )


def timeline_block(sv: SlotVariants, colours: dict[str, str]) -> str:
    """Each page's own history of the slot: a strip per page captured more than once, with
    the label its captures earn (differences between pages are drift, never history)."""
    rows = []
    for page, told, captures in sv.pages:
        label = told or "unchanged"
        span = f"{captures[0][0]:%Y-%m-%d} to {captures[-1][0]:%Y-%m-%d}"
        rows.append(
            f'<div class="timeline"><div class="page">{esc(short(page, 120))}</div>'
            f"{timeline_svg(captures, colours)}"
            f'<div>history: <span class="badge label">{esc(label)}</span> · '
            f"{len(captures)} capture(s), {esc(span)}</div></div>"
        )
    return "".join(rows)


def canonical_cell(sv: SlotVariants) -> str:
    """The canonical text, or why there is none."""
    if sv.canonical is None:
        word = "per-page content" if sv.content else "no clear majority"
        return f'<span class="none">{word}</span>'
    if not sv.canonical:
        return '<span class="none">(absent on most pages)</span>'
    return esc(sv.canonical)


def holders_html(variant: Variant, anchors: dict[str, str], base_dir: str | None) -> str:
    """The snapshots holding one variant, each linked to its file (and to its finding)."""
    links: list[str] = []
    for holder in variant.holders[:MAX_HOLDERS]:
        link = (
            f'<a href="{snapshot_href(holder.snapshot, base_dir)}">'
            f"{esc(holder.snapshot)}:{holder.line}</a>"
        )
        anchor = anchors.get(holder.snapshot)
        if anchor:
            link += f' <a href="#{anchor}" title="the finding">↪</a>'
        links.append(link)
    more = variant.count - min(len(variant.holders), MAX_HOLDERS)
    if more > 0:
        links.append(f"… and {more} more")
    return f'<div class="holders">{variant.count} snapshot(s): {", ".join(links)}</div>'


def variants_cell(sv: SlotVariants, anchors: dict[str, str], base_dir: str | None) -> str:
    """Every non-canonical variant: its diff against the canonical text and its holders."""
    others = [v for v in sv.variants if sv.canonical is None or v.text != sv.canonical]
    parts: list[str] = []
    for variant in others[:MAX_VARIANTS]:
        if sv.canonical is None:
            body = esc(variant.text) if variant.text else '<span class="none">line missing</span>'
        else:
            body = side_by_side(sv.canonical, variant.text)
        parts.append(f'<div class="variant">{body}{holders_html(variant, anchors, base_dir)}</div>')
    if len(others) > MAX_VARIANTS:
        more = len(others) - MAX_VARIANTS
        parts.append(f'<div class="variant">… and {more} more variant(s)</div>')
    if not parts:
        parts.append('<span class="none">no other variant</span>')
    return "".join(parts) + timeline_block(sv, variant_colours(sv))


def other_findings(sv: SlotVariants, findings: Sequence[Finding], anchors: dict[str, str]) -> str:
    """Findings on the slot that no variant shows (an added or moved line), once per text."""
    held = {h.snapshot for v in sv.variants for h in v.holders}
    groups: dict[tuple[str, str, str], list[Finding]] = {}
    for finding in findings:
        if finding.snapshot not in held:
            groups.setdefault((finding.kind.value, finding.expected, finding.found), []).append(
                finding
            )
    parts: list[str] = []
    for (kind, expected, found), members in list(groups.items())[:MAX_VARIANTS]:
        diff = side_by_side(expected, found) if expected != found else esc(found)
        links = ", ".join(
            f'<a href="#{anchors.get(f.snapshot, "")}">{esc(f.snapshot)}:{f.line}</a>'
            for f in members[:MAX_HOLDERS]
        )
        more = f", … and {len(members) - MAX_HOLDERS} more" if len(members) > MAX_HOLDERS else ""
        parts.append(
            f'<div class="variant"><code>{esc(kind)}</code> {diff}'
            f'<div class="holders">{len(members)} finding(s): {links}{more}</div></div>'
        )
    return "".join(parts)


def slot_row(
    sv: SlotVariants, findings: Iterable[Finding], anchors: dict[str, str], base_dir: str | None
) -> str:
    """One table row; rows with findings carry their severities and kinds for the filters."""
    found = list(findings)
    data = ""
    if found:
        sev = " ".join(sorted({f.severity.label for f in found}))
        kind = " ".join(sorted({f.kind.value for f in found}))
        data = f' data-sev="{esc(sev)}" data-kind="{esc(kind)}"'
    return (
        f"<tr{data}><td>{sv.slot.id}</td><td>{canonical_cell(sv)}</td>"
        f"<td>{variants_cell(sv, anchors, base_dir)}{other_findings(sv, found, anchors)}"
        "</td></tr>"
    )


def slot_table(rows: Sequence[str]) -> str:
    """A table of slot rows with its header."""
    return (
        '<table class="slots"><colgroup><col class="n"><col class="canon"><col></colgroup>'
        "<thead><tr><th>slot</th><th>canonical text</th><th>other variants</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
