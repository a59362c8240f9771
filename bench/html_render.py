"""Time the HTML renderer on the real clerk.house.gov pages.

    python bench/html_render.py [--rounds R] [--repeats K]

Renders every page under `tests/data/clerk-house-gov/orig/` the way the checker does (decoded
as HTML, with a `site:///` page URL) and prints ms per page: first one pass with the link
caches empty, as in a real run that meets each page once, then K repeats of R passes each,
where the caches are warm, and the best repeat. It prints figures; it never asserts timings.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # the checker of this checkout, not an installed one
from checker.read.decode import decode  # noqa: E402
from checker.read.html import render_html  # noqa: E402

PAGES = REPO / "tests" / "data" / "clerk-house-gov" / "orig"


def load_pages(root: Path) -> list[tuple[str, str]]:
    """(page URL, decoded text) of every `.orig` page under `root`."""
    pages = []
    for path in sorted(root.rglob("*.orig")):
        relative = path.relative_to(root).as_posix()[: -len(".orig")]
        pages.append((f"site:///{relative}", decode(path.read_bytes(), html=True).text))
    return pages


def time_rounds(pages: list[tuple[str, str]], rounds: int) -> float:
    """Seconds to render every page `rounds` times."""
    start = time.perf_counter()
    for _ in range(rounds):
        for url, text in pages:
            render_html(text, page_url=url)
    return time.perf_counter() - start


def main() -> None:
    """Parse the options, time the repeats and print ms per page."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30, help="renders of each page per repeat")
    parser.add_argument("--repeats", type=int, default=3, help="timed repeats; the best counts")
    args = parser.parse_args()
    pages = load_pages(PAGES)
    size = sum(len(text) for _, text in pages) / len(pages) / 1024
    print(f"{len(pages)} pages, {size:.1f} KB of text each on average, {args.rounds} rounds")
    first = time_rounds(pages, 1) / len(pages) * 1000  # also the warm-up of the repeats
    print(f"first pass: {first:.3f} ms/page (link caches empty)")
    renders = len(pages) * args.rounds
    best = float("inf")
    for repeat in range(1, args.repeats + 1):
        per_page = time_rounds(pages, args.rounds) / renders * 1000
        best = min(best, per_page)
        print(f"repeat {repeat}: {per_page:.3f} ms/page ({renders} renders)")
    print(f"best: {best:.3f} ms/page")


if __name__ == "__main__":
    main()
