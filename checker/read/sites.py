"""Which top folders of a folder of sites are one site: those whose pages share one block.

`--group-by auto` takes a folder whose files all sit in sub-folders for a folder of sites,
each top folder one site, as a mirror's tree names its hosts. Yet a site saved without its
home page (`about/`, `news/`, `members/` and nothing beside them), or mirrored under two host
names (`example.org/` and `www.example.org/`), is one site in several folders, and split it
learns each part's block from a fraction of its pages. Like every other decision here, this
one is taken from the pages: a few pages of each top folder are read, and a folder whose
repeated lines are, for the most part, lines another folder repeats joins that folder's site.
Folders that hold the same pages (three crawls of one site, side by side) stay apart: a site
holds each page once.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from checker.knobs import SITE_PAGES
from checker.read.layout import is_archive, without_capture

if TYPE_CHECKING:
    from checker.read.load import Source


def joined_sites(sources: list[Source], name: str) -> list[Source]:
    """The sources with top folders that share one block made one site, named `name` when
    all of them are one, else after its first folder."""
    folders: dict[str, list[Source]] = {}
    for source in sources:
        folders.setdefault(source.site, []).append(source)
    if len(folders) < 2 or any(is_archive(s.relative) for s in sources):
        return sources  # archives name their hosts; reading them here would cost a pass
    repeated = {folder: _repeated(pages) for folder, pages in folders.items()}
    paths = {folder: {_page(s) for s in pages} for folder, pages in folders.items()}
    root = {folder: folder for folder in folders}
    first_holder: dict[str, str] = {}
    for folder, lines in repeated.items():
        votes = Counter(root[first_holder[line]] for line in lines if line in first_holder)
        for other, shared in votes.most_common(1):
            smaller = min(len(lines), len(repeated[other]))
            if shared * 2 > smaller and not _copies(paths[folder], paths[other]):
                root[folder] = other
        for line in lines:
            first_holder.setdefault(line, folder)
    sites = set(root.values())
    if len(sites) == len(root):
        return sources
    if len(sites) == 1:
        return [replace(source, site=name) for source in sources]
    return [
        source if root[source.site] == source.site else replace(source, site=root[source.site])
        for source in sources
    ]


def _repeated(pages: list[Source]) -> set[str]:
    """The lines most of a folder's sampled pages hold (all of one page's lines when it holds
    one): its block, as far as a few pages show it."""
    from checker.read.snapshot import read  # the reader imports this module's package

    step = max(1, len(pages) // SITE_PAGES)
    sample = pages[::step][:SITE_PAGES]
    held: Counter[str] = Counter()
    for source in sample:
        for snapshot in read(source):
            held.update({line.norm for line in snapshot.lines})
    return {line for line, count in held.items() if count * 2 > len(sample) or len(sample) == 1}


def _page(source: Source) -> str:
    """The page a source is within its top folder (its capture folder left out)."""
    return without_capture(source.relative).split("/", 1)[-1]


def _copies(ours: set[str], theirs: set[str]) -> bool:
    """Whether two folders hold, for the most part, the same pages."""
    return len(ours & theirs) * 2 > min(len(ours), len(theirs))
