"""`snapdrift explain`: show how one snapshot splits into blocks and body."""

from __future__ import annotations

import sys
from pathlib import Path

from checker.align import Aligner
from checker.families import FamilyIndex
from checker.learn import learn_families
from checker.lens import Lens
from checker.load import InputError, discover, is_url
from checker.model import Alignment, ExitCode
from checker.remote import parent_url
from checker.report.common import visible
from checker.rules import RuleError, load_rules
from checker.rules.config import rule_file
from checker.snapshot import read


def run_explain(
    path: str,
    against: tuple[str, ...],
    rules_file: str | None,
    globs: tuple[str, ...],
    isolated: bool = False,
) -> int:
    """Learn the template from the snapshot's company and print its split."""
    if Path(path).is_dir():
        return _folder_given(path)
    try:
        rules = load_rules(rule_file(rules_file, isolated))
        target = discover([path], globs, "none")
        if any(source.relative for source in target):  # a URL that names a folder
            return _folder_given(path)
        company = discover(list(against) or [_parent(path)], globs, "none")
    except (InputError, RuleError) as error:
        print(f"snapdrift: error: {error}", file=sys.stderr)
        return ExitCode.ERROR
    if not target:
        print(f"snapdrift: error: {path}: not a snapshot file", file=sys.stderr)
        return ExitCode.ERROR
    lens = Lens(rules)
    sample = [s for source in company for s in read(source) if s.lines]
    templates = learn_families(".", sample, lens, rules.thresholds)
    if not templates:
        print(f"{path}: the {len(sample)} snapshot(s) share no block; all of it is body")
        return ExitCode.OK
    index = FamilyIndex(templates, lens)
    for snapshot in read(target[0]):
        template = templates[index.assign(snapshot)]
        aligner = Aligner(template, lens, rules.thresholds.fuzzy, rules.thresholds.window)
        print(render(aligner.align(snapshot)))
    return ExitCode.OK


def _folder_given(path: str) -> int:
    """Refuse a folder: explain takes one snapshot."""
    print(
        f"snapdrift: error: {path}: explain takes one snapshot file, not a folder", file=sys.stderr
    )
    return ExitCode.ERROR


def _parent(path: str) -> str:
    """The folder holding a snapshot, whose snapshots it is explained against."""
    return parent_url(path) if is_url(path) else str(Path(path).parent)


def render(alignment: Alignment) -> str:
    """Every line of the snapshot marked as a block slot, an extra line, or body."""
    slot_of = {p.line.number: p for p in alignment.placements}
    extra_of = {e.line.number: e for e in alignment.extras}
    template = alignment.template
    out = [
        f"{alignment.snapshot.path}: template of {len(template.slots)} slot(s) in "
        f"{len(template.blocks)} block(s), learned from {template.sample_size} snapshot(s)"
    ]
    for line in alignment.snapshot.lines:
        placement = slot_of.get(line.number)
        if placement is not None:
            slot = template.slots[placement.slot]
            exact = "=" if line.norm in slot.variants else "~"
            moved = " moved" if placement.moved else ""
            tag = f"block {slot.block} slot {slot.id:>3} {exact}{moved}"
        elif line.number in extra_of:
            extra = extra_of[line.number]
            tag = "block extra" if extra.where == "after" else f"edge ({extra.where})"
        else:
            tag = "body"
        out.append(f"{line.number:>5}  {tag:<24} {visible(line.text[:100])}")
    for slot_id, number in alignment.missing:
        out.append(
            f"  missing slot {slot_id} (would stand at line {number}): "
            f"{template.slots[slot_id].canonical[:80]!r}"
        )
    for block in alignment.missing_blocks:
        out.append(f"  block {block} not found")
    return "\n".join(out)
