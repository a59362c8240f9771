"""The clean-page shortcut gives exactly what the full path gives."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.synth import generate_site

REPO = Path(__file__).resolve().parents[1]
SITES = [
    dict(seed=301, pages=30, placement="top", language="en"),
    dict(seed=302, pages=25, placement="both", language="ru", per_page=True),
    dict(seed=303, pages=40, placement="after-header", language="de", optional=True),
    dict(seed=304, pages=20, placement="bottom", language="el", decoys=True),
    dict(seed=305, pages=30, placement="top", language="fr", relative_links=True),
    dict(seed=306, pages=25, placement="both", language="es", edge_drift=True),
]


def findings(root: Path, shortcut: bool, *args: str) -> list[dict]:
    """The JSON findings of a check (with `args`), with or without the shortcuts."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "CI"))}
    if not shortcut:
        env["SNAPDRIFT_NO_SHORTCUT"] = "1"
    done = subprocess.run(
        [sys.executable, "-m", "checker", "check", "--format", "json", *args, str(root)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    return json.loads(done.stdout)["findings"]


@pytest.mark.parametrize("params", SITES, ids=lambda p: f"seed{p['seed']}")
def test_shortcut_and_full_path_agree(tmp_path: Path, params: dict) -> None:
    corpus = generate_site(tmp_path / "site", **params)
    fast, full = findings(corpus.root, True), findings(corpus.root, False)
    assert fast == full
    assert full, "the generated site carries drift, so both paths must report some"


def _observations(root: Path) -> tuple[int, int]:
    """Compare, page by page, the shortcut's observation with the full path's; returns
    (pages the shortcut took, pages in all)."""
    from checker.align.observe import observe
    from checker.align.shortcut import observe_clean
    from checker.learn.site import site_templates
    from checker.read.load import discover
    from checker.read.raw import read_bytes
    from checker.read.snapshot import from_bytes, link_base
    from checker.rules import default_rules
    from checker.run.engine import Stage

    rules = default_rules()
    sources = discover([str(root)], group_by="none")
    learned = site_templates(".", sources, rules, None)
    assert learned.shortcut is not None, "a one-family generated site gets a shortcut"
    stage = Stage(learned.families, learned.shared, rules, shortcut=learned.shortcut)
    stage.table(0)  # builds the aligners
    order = learned.shortcut.order
    taken = 0
    for source in sources:
        raw = read_bytes(source)
        assert isinstance(raw, bytes)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        fast = observe_clean(learned.shortcut, source.display, link_base(source), text)
        if fast is None:
            continue
        taken += 1
        full = observe(stage.aligners[0].align(from_bytes(source, raw)), stage.lens)
        assert fast.placed(order) == full.slots, source.display
        assert (fast.path, fast.captured, fast.missing_blocks, fast.absent, fast.extras) == (
            full.path,
            full.captured,
            full.missing_blocks,
            full.absent,
            full.extras,
        ), source.display
    return taken, len(sources)


# Not the relative-links site: a raw line whose link resolves differently from folder to
# folder is never a spelling the shortcut can trust, so it takes none of that site's pages.
@pytest.mark.parametrize(
    "params", [p for p in SITES if not p.get("relative_links")], ids=lambda p: f"seed{p['seed']}"
)
def test_each_page_the_shortcut_takes_gets_the_full_paths_observation(
    tmp_path: Path, params: dict
) -> None:
    corpus = generate_site(tmp_path / "site", **params)
    taken, pages = _observations(corpus.root)
    assert taken >= pages // 3, f"the shortcut took only {taken} of {pages} pages"


def test_a_partial_table_sent_between_processes_merges_like_the_pages_themselves(
    tmp_path: Path,
) -> None:
    import pickle

    from checker.learn.site import site_templates
    from checker.read.load import discover
    from checker.rules import default_rules, load_rules
    from checker.run.engine import Stage, fold

    corpus = generate_site(tmp_path / "site", **SITES[0])
    rules = default_rules()
    sources = discover([str(corpus.root)], group_by="none")
    learned = site_templates(".", sources, rules, None)
    stage = Stage(learned.families, learned.shared, rules, shortcut=learned.shortcut)
    whole = fold(stage, sources).tables[0]
    merged = stage.table(0)
    for start in range(0, len(sources), 7):
        partial = fold(stage, sources[start : start + 7]).tables[0]
        merged.merge(pickle.loads(pickle.dumps(partial)))
    thresholds = load_rules(None).thresholds
    assert merged.slot_variants(thresholds) == whole.slot_variants(thresholds)
    assert merged.block_pages == whole.block_pages and merged.pages == whole.pages == len(sources)
    assert dict(merged.gaps) == dict(whole.gaps)


def test_a_page_printing_its_own_address_gets_the_full_paths_observation(tmp_path: Path) -> None:
    """Five of twelve pages print their own address right after the block: the full path reads
    it as "this page" on each of them, so the shortcut must not take those pages with the
    address as written (their edge lines would differ from the full path's)."""
    block = [
        "Quarry Lane Choir",
        "* [Home](https://choir.example/)",
        "Rehearsals: Tuesdays",
        "----",
    ]
    for i in range(12):
        own = [f"Permalink: https://choir.example/p{i:02d}.txt"] if i < 5 else []
        body = [f"Notice {i}: the concert moves to week {i + 3}.", f"Bring {i + 1} chairs."]
        (tmp_path / f"p{i:02d}.txt").write_text("\n".join(block + own + body) + "\n")
    taken, pages = _observations(tmp_path)
    assert (taken, pages) == (7, 12)
