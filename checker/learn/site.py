"""Learning a site: a seeded sample, its page families, their templates."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from checker.align.keys import keyed_with_filler
from checker.align.shortcut import Shortcut, build_shortcut
from checker.knobs import SHARED_SUPPORT
from checker.learn.aside import ASIDE_PAGES, Aside
from checker.learn.families import cluster, copied_texts, join_copies
from checker.learn.fields import forget_keys
from checker.learn.sample import sample_of, snapshots
from checker.learn.template import learn_template
from checker.learn.versions import common_lines, core, fold_versions
from checker.model import Snapshot, Template
from checker.read.capture import CaptureTimes
from checker.read.kept import rekeyed
from checker.read.load import Source
from checker.read.normalize import LIST_START, first_word_of, normalize, starts_item, wrap_column
from checker.read.placeholders import Placeholders, learn_placeholders, settled
from checker.read.reading import MARKED, NO_TIMES, Reading
from checker.read.record import URL, key_of_line, record
from checker.read.reflow import Joins, learn_joins, line_starts
from checker.rules import Rules, Thresholds
from checker.rules.lens import Lens
from checker.run.baseline import Baseline

# Pages of the sample read for the wrap column and for lines broken in different places:
# both show on a few hundred pages (a bound on time, not a tuning knob).
WRAP_PAGES = 300

Decided = dict[tuple[str, int], dict[int, "str | None"]]


@dataclass(frozen=True)
class SiteTemplates:
    """What a site's snapshots are checked against."""

    families: list[Template]
    """One template per page family."""
    shared: Template | None = None
    """Lines nearly every page carries whatever its family, when there are families."""
    decided: Decided = field(default_factory=dict)
    """Canonical texts fixed by a baseline, per (site, family) and slot."""
    wrap: int | None = None
    """The column the site's text was wrapped at, if it was."""
    starts: frozenset[str] = frozenset()
    """How the site's text lines begin after a line that was not full (never a continuation)."""
    joins: Joins = frozenset()
    """Lines the site's text pages break in different places, re-joined on every page."""
    shortcut: Shortcut | None = None
    """How to recognize a clean page cheaply, for a site of one family."""
    placeholders: Placeholders = frozenset()
    """The site's usual lines of placeholder links, which a linked form reads as."""

    def reading(self, times: CaptureTimes = NO_TIMES) -> Reading:
        """How the site's pages are read to be checked: its wrap column, line starts,
        re-joined lines and usual placeholders, with capture times from `times`."""
        return Reading(times, self.wrap, self.starts, self.joins, self.placeholders)


def site_templates(
    site: str, sources: list[Source], rules: Rules, baseline: Baseline | None, jobs: int = 1
) -> SiteTemplates:
    """The baseline's templates for the site, or ones learned from a sample of it (with
    `jobs` > 1, the across-families template is learned on another core meanwhile)."""
    if baseline is not None and site in baseline.templates:
        recorded = baseline.templates[site]
        families = [t for t in recorded if t.family >= 0]
        shared = next((t for t in recorded if t.family < 0), None)
        usual = baseline.placeholders.get(site, frozenset())
        return SiteTemplates(families, shared, baseline.decided, placeholders=usual)
    lens = Lens(rules)
    chosen = sample_of(sources, rules.thresholds.sample)
    sample = [s for s in snapshots(chosen, MARKED) if s.lines]
    wrap = site_wrap(sample)
    starts: frozenset[str] = frozenset()
    if wrap is not None:
        starts = line_starts(sample[:WRAP_PAGES], wrap)
        reading = Reading(wrap=wrap, starts=starts, placeholders=None)
        sample = [s for s in snapshots(chosen, reading) if s.lines]
    joins = learn_joins(sample[:WRAP_PAGES])
    read_as = Reading(wrap=wrap, starts=starts, joins=joins, placeholders=None)
    if joins:
        sample = [s for s in snapshots(chosen, read_as) if s.lines]
    placeholders = learn_placeholders(sample)
    sample = settled(sample, placeholders)
    as_stage = replace(read_as, placeholders=placeholders)
    rekeyed(read_as.lines_key, as_stage.lines_key, lambda pages: settled(pages, placeholders))

    def across() -> Template | None:
        return learn_template(site, -1, sample, lens, rules.thresholds, min_support=SHARED_SUPPORT)

    # Wanted only where the pages cluster into several groups (and still fold into several
    # families): then it is learned beside the families' templates.
    groups = cluster(sample, lens, rules.thresholds.min_pages) if len(sample) >= 2 else []
    several = len(groups) > 1 and jobs > 1 and len(sample) >= ASIDE_PAGES
    aside = Aside(across) if several else None
    families = learn_families(site, sample, lens, rules.thresholds, groups)
    shared = None
    if len(families) > 1:
        shared = common_lines(aside.result() if aside else across(), families)
    elif aside:
        aside.cancel()
    shortcut = None
    if len(families) == 1 and wrap is None and not joins and not placeholders and lens.trivial:
        shortcut = build_shortcut(families[0], sample)
    record.cache_clear()  # learning's line records (~7 MB at 100k): the stage meets other lines
    key_of_line.cache_clear()
    forget_keys()
    return SiteTemplates(
        families, shared, {}, wrap, starts, joins, shortcut=shortcut, placeholders=placeholders
    )


def site_wrap(sample: list[Snapshot]) -> int | None:
    """The column the site's text snapshots were wrapped at, from all their lines at once.

    Lengths are of the text as the converter saw it (links not yet resolved). HTML is
    rendered, never wrapped by a converter: its lines say nothing here.
    """
    pairs: list[tuple[int, int]] = []
    seen: set[tuple[str, str]] = set()
    prose: dict[str, int] = {}
    plain_of: dict[str, str] = {}
    for snapshot in sample[:WRAP_PAGES]:
        if snapshot.html:
            continue
        plain = [(line.number, _plain(line.text, plain_of)) for line in snapshot.lines]
        for text in (t for _, t in plain if " " in t):
            # Converters leave list items, headings and table rows unwrapped, and links.
            prose.setdefault(text, 0 if LIST_START.match(text) else len(URL.sub("", text)))
        for (number, text), (after, following) in zip(plain, plain[1:], strict=False):
            inside = after == number + 1 and " " in text and not starts_item(text, following)
            word = first_word_of(following) if inside else None
            if word is None:
                continue
            # One kind of line counts once: a footer line holding each page's own address,
            # before each page's date, is one line of the site, not a pair per page.
            kind = (URL.sub("<url>", text), word)
            if kind not in seen:
                seen.add(kind)
                pairs.append((len(text), len(word)))
    return wrap_column(pairs, list(prose.values()))


def _plain(text: str, known: dict[str, str]) -> str:
    """A line normalized as the converter saw it, once per distinct text."""
    plain = known.get(text)
    if plain is None:
        plain = known[text] = normalize(text)
    return plain


def learn_families(
    site: str,
    sample: list[Snapshot],
    lens: Lens,
    thresholds: Thresholds,
    groups: list[list[int]] | None = None,
) -> list[Template]:
    """One template per family of pages that share a block (`groups`: the sample's pages
    clustered already, if they were)."""
    if len(sample) < 2:
        return []
    if groups is None:
        groups = cluster(sample, lens, thresholds.min_pages)
    several = len(groups) > 1
    lines = [{k[0] for k in keyed_with_filler(s, lens)[0] if k} for s in sample] if several else []
    counted: dict[tuple[int, ...], Counter[str]] = {}

    def count(group: list[int]) -> Counter[str]:
        """On how many of the group's pages each line stands (once per group)."""
        key = tuple(group)
        if key not in counted:
            counted[key] = Counter(text for i in group for text in lines[i])
        return counted[key]

    def learn(group: list[int], partition: list[list[int]]) -> Template | None:
        """One group's template, told which lines the other groups' bodies copy."""
        copied = copied_texts(group, partition, count, thresholds.min_pages) if several else None
        pages = [sample[i] for i in group]
        return learn_template(site, 0, pages, lens, thresholds, copied=copied)

    learned = {tuple(g): learn(g, groups) for g in groups}
    if several:
        groups = join_copies(groups, [learned[tuple(g)] for g in groups], sample, lens)
        for group in groups:
            if tuple(group) not in learned:
                learned[tuple(group)] = learn(group, groups)
        groups = fold_versions(groups, [core(learned[tuple(g)]) for g in groups])
    templates: list[Template] = []
    for group in groups:
        # Only a family an older version folded into is learned again, from all its pages.
        key = tuple(group)
        template = learned[key] if key in learned else learn(group, groups)
        if template is not None:
            templates.append(replace(template, family=len(templates)))
    return templates
