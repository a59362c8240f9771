"""`snapdrift explain`: show how one snapshot splits into blocks and body.

The snapshot is named as reports name it: a file, or a page of a web archive as
`crawl.warc.gz#URL@date`. Its template is learned the way `check` learns it (the same sample,
wrap column and families), so slot and family numbers are the ones `check` reports.
"""

from __future__ import annotations

import sys
from pathlib import Path

from checker.align.page import Aligner
from checker.learn.families import FamilyIndex
from checker.learn.site import site_templates
from checker.model import Alignment, Line
from checker.read.capture import CaptureTimes, capture_line
from checker.read.layout import archive_record
from checker.read.load import InputError, Source, discover, is_url
from checker.read.remote import parent_url
from checker.read.snapshot import read
from checker.report.common import visible
from checker.rules import RuleError, load_rules
from checker.rules.config import rule_file
from checker.rules.lens import Lens
from checker.verdict import ExitCode


def run_explain(
    path: str,
    against: tuple[str, ...],
    rules_file: str | None,
    globs: tuple[str, ...],
    isolated: bool = False,
) -> int:
    """Learn the template from the snapshot's company and print its split."""
    file, page = split_name(path)
    if Path(file).is_dir():
        return _refuse(f"{path}: explain takes one snapshot file, not a folder")
    try:
        rules = load_rules(rule_file(rules_file, isolated))
        target = discover([file], globs, "none")
        if any(source.relative for source in target):  # a URL that names a folder
            return _refuse(f"{path}: explain takes one snapshot file, not a folder")
        if against:
            company = discover(list(against), globs, "none")
        else:
            company = _company(file, globs, rules.thresholds.min_pages)
    except (InputError, RuleError) as error:
        return _refuse(str(error))
    if not target:
        return _refuse(f"{path}: not a snapshot file")
    learned = site_templates(".", company, rules, None)
    times = CaptureTimes(rules.time, layout=True)
    reading = learned.reading(times)
    chosen = [s for s in read(target[0], reading) if not page or s.path == path]
    if not chosen:
        return _refuse(f"{path}: {file} holds no snapshot of that name{_names(target[0])}")
    if not learned.families:
        print(
            f"{path}: the {len(company)} file(s) share no block; all of it is body "
            "(--against FOLDER learns from more pages)"
        )
        return ExitCode.OK
    lens = Lens(rules)
    index = FamilyIndex(learned.families, lens)
    fuzzy, window = rules.thresholds.fuzzy, rules.thresholds.window
    for snapshot in chosen:
        if not snapshot.lines:  # a redirect stub, an empty page: what the check says of it
            reason = "; ".join(snapshot.notes) or snapshot.problem or "no visible lines"
            print(visible(f"{snapshot.path}: {reason}"))
            continue
        template = learned.families[index.assign(snapshot)]
        alignment = Aligner(template, lens, fuzzy, window).align(snapshot)
        print(render(alignment, len(learned.families)))
        print(capture_line(snapshot.path, snapshot.captured, times))
    return ExitCode.OK


def split_name(path: str) -> tuple[str, str]:
    """(file, page) of a snapshot name: `crawl.warc.gz#URL@date` names one page of a web
    archive; anything else names a whole file (page empty)."""
    return archive_record(path, lambda archive: Path(archive).is_file())


def _names(source: Source) -> str:
    """A few of the snapshot names an archive holds, for the error message."""
    names = [snapshot.path for snapshot in read(source)]
    if not names:
        return ""
    shown = ", ".join(visible(name) for name in names[:3])
    return f" (it holds {len(names)}: {shown}{', …' if len(names) > 3 else ''})"


def _refuse(message: str) -> int:
    """One error line, exit 2."""
    print(f"snapdrift: error: {visible(message)}", file=sys.stderr)
    return ExitCode.ERROR


def _parent(path: str) -> str:
    """The folder holding a snapshot, whose snapshots it is explained against."""
    return parent_url(path) if is_url(path) else str(Path(path).parent)


# A bound on time, not a tuning knob: explain climbs at most this many folders to find pages
# to learn from (a page's folder inside a capture folder inside the crawl), so that a page
# alone deep in a home folder never makes it read the whole home folder.
CLIMB = 3


def _company(file: str, globs: tuple[str, ...], min_pages: int) -> list[Source]:
    """The snapshots to learn from: the snapshot's folder, or, where it holds fewer than
    `min_pages` others (a page alone in its capture folder, `2021-12-20/about/index.html`),
    the nearest enclosing folder that does, at most CLIMB folders up and never above the
    working folder."""
    if is_url(file):
        return discover([_parent(file)], globs, "none")
    folder = Path(_parent(file))
    company = discover([str(folder)], globs, "none")
    top, here = Path.cwd().resolve(), folder.resolve()
    for _ in range(CLIMB):
        if len(company) > min_pages or here == top or top not in here.parents:
            break
        folder, here = folder.parent, here.parent
        company = discover([str(folder)], globs, "none")
    return company


def render(alignment: Alignment, families: int = 1) -> str:
    """Every line of the snapshot marked as a block slot, an extra line, or body; with
    several page families, the family is named as `check` names it."""
    # By the line itself: a minified page renders many lines from one source line.
    slot_of = {id(p.line): p for p in alignment.placements}
    extra_of = {id(e.line): e for e in alignment.extras}
    template = alignment.template
    family = f"family {template.family}: " if families > 1 else ""
    out = [
        f"{visible(alignment.snapshot.path)}: {family}template of {len(template.slots)} slot(s) "
        f"in {len(template.blocks)} block(s), learned from {template.sample_size} snapshot(s)"
    ]
    for line in alignment.snapshot.lines:
        tag = _tag(line, alignment, slot_of, extra_of)
        out.append(f"{line.number:>5}  {tag:<24} {visible(line.text[:100])}")
    for slot_id, number in alignment.missing:
        out.append(
            f"  missing slot {slot_id} (would stand at line {number}): "
            f"{template.slots[slot_id].canonical[:80]!r}"
        )
    for block in alignment.missing_blocks:
        out.append(f"  block {block} not found")
    return "\n".join(out)


def _tag(line: Line, alignment: Alignment, slot_of: dict, extra_of: dict) -> str:  # type: ignore[type-arg]
    """What one line of the snapshot is: a slot (`=` its usual text, `~` another: an older
    version, a variant, a fuzzy match), an extra, or body."""
    placement = slot_of.get(id(line))
    if placement is not None:
        slot = alignment.template.slots[placement.slot]
        exact = "=" if line.norm == slot.canonical else "~"
        moved = " moved" if placement.moved else ""
        return f"block {slot.block} slot {slot.id:>3} {exact}{moved}"
    if id(line) in extra_of:
        extra = extra_of[id(line)]
        return "block extra" if extra.where == "after" else f"edge ({extra.where})"
    return "body"
