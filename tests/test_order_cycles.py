"""A cycle in the pages' line order is broken at its weakest vote.

Pages vote for each pair of neighbouring lines; the template's order follows the winning
votes. Body lines a few pages share can vote in a circle (X before Y on two pages, Y before
Z on two, Z before X on two); the order must then start the circle somewhere. It used to
take whichever line left came first in the merged order, even a line nothing in the circle
held up: a footer's `Podcast` entry that ten pages put after `Quick Links` was pulled in
front of the whole footer (a news site's podcast pages also print `Podcast` in their
breadcrumb, which put it early in the merged order), and every page then "lost" it. The
line whose wait is least firmly voted for goes first now.
"""

from __future__ import annotations

from checker.learn.order import majority_order

HEADER, FOOTER_ENTRY, X, Y, Z, FOOTER_HEADING = [(text, 0) for text in "HPXYZQ"]


def test_a_cycle_is_broken_at_its_weakest_vote() -> None:
    merged = [HEADER, FOOTER_ENTRY, X, Y, Z, FOOTER_HEADING]
    pages = [[HEADER, Z, FOOTER_HEADING, FOOTER_ENTRY]] * 10
    pages += [[X, Y]] * 2 + [[Y, Z]] * 2 + [[Z, X]] * 2
    order = majority_order(merged, pages)
    assert order.index(FOOTER_HEADING) < order.index(FOOTER_ENTRY)
    assert order[0] == HEADER and order[-1] == FOOTER_ENTRY
    assert sorted(order) == sorted(merged)


def test_without_a_cycle_the_votes_decide_alone() -> None:
    merged = [FOOTER_ENTRY, HEADER, FOOTER_HEADING]
    pages = [[HEADER, FOOTER_HEADING, FOOTER_ENTRY]] * 3 + [[HEADER, FOOTER_ENTRY]]
    assert majority_order(merged, pages) == [HEADER, FOOTER_HEADING, FOOTER_ENTRY]
