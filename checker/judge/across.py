"""What the check across a site's families leaves to each family."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from checker.read.record import URL
from checker.verdict import SlotVariants


def family_links(
    variants: list[SlotVariants],
    chosen: Mapping[tuple[str, int], dict[int, str | None]],
    across: bool,
) -> list[SlotVariants]:
    """The across-families variants (`across`; a family's own are returned as they are)
    without the texts that are a family's own canonical text (`chosen`, per family and
    slot) and differ from the site's only in their links.

    A government portal's English and Spanish pages both show `1-844-USA-GOV1`, linked to
    `/phone` and to `/espanol/centro-de-llamadas`: a translated block links to its own
    language's pages, and which page a family's line links to is that family's matter (its
    own check judges it). The line's words and numbers are facts every language states
    alike: a family stating another number is still reported across families.
    """
    if not across:
        return variants
    own = {text for family in chosen.values() for text in family.values() if text}
    kept = []
    for slot in variants:
        site_text = slot.canonical
        if site_text:
            plain = URL.sub("", site_text)
            links_only = tuple(
                v
                for v in slot.variants
                if v.text == site_text or v.text not in own or URL.sub("", v.text) != plain
            )
            slot = replace(slot, variants=links_only)
        kept.append(slot)
    return kept
