"""The clean-page shortcut over read pages gives exactly what the full path gives: on HTML
(generated and real), on sites of several families, and on wrapped text."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.synth import generate_site
from tests.test_shortcut import findings

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
from make_html_site import make_html_site  # noqa: E402

REAL = [
    *(p for p in sorted((REPO / "tests" / "corpora").glob("*/html"))),
    REPO / "tests" / "data" / "clerk-house-gov" / "orig",
]


def compare_pages(
    root: Path, group_by: str = "auto", glob: tuple[str, ...] = ()
) -> tuple[int, int]:
    """Check every page both ways and assert the same family and observations; returns
    (pages the shortcut took, pages with lines)."""
    from checker.learn.site import site_templates
    from checker.read.load import discover
    from checker.read.reading import Reading
    from checker.read.snapshot import read
    from checker.rules import default_rules
    from checker.run.engine import Stage

    rules = default_rules()
    sources = discover([str(root)], glob, group_by=group_by)
    taken = pages = 0
    for site in sorted({s.site for s in sources}):
        mine = [s for s in sources if s.site == site]
        learned = site_templates(site, mine, rules, None)
        stage = Stage(learned.families, learned.shared, rules, Reading(wrap=learned.wrap))
        if not learned.families:
            continue
        stage.table(0)  # builds the aligners and the shortcut's forms
        for source in mine:
            for snapshot in read(source, Reading(wrap=learned.wrap)):
                if not snapshot.lines:
                    continue
                pages += 1
                quick = stage.quick_way(snapshot)
                if quick is None:
                    continue
                taken += 1
                family, fast, across = quick
                full_family, full, full_across = stage.full_way(snapshot)
                assert family == full_family, snapshot.path
                _same(fast, full, learned.families[family], snapshot.path)
                if full_across is not None:
                    assert across is not None
                    assert learned.shared is not None
                    _same(across, full_across, learned.shared, snapshot.path)
    return taken, pages


def _same(fast: object, full: object, template: object, path: str) -> None:
    """The shortcut's compact observation reads as the full path's long one."""
    order = [slot.id for slot in template.slots]  # type: ignore[attr-defined]
    assert fast.placed(order) == full.slots, path  # type: ignore[attr-defined]
    fields = ("path", "captured", "missing_blocks", "absent", "extras")
    assert [getattr(fast, f) for f in fields] == [getattr(full, f) for f in fields], path


@pytest.fixture(scope="module")
def html_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated HTML site of two families, 1% of its pages drifted (four at least)."""
    out = tmp_path_factory.mktemp("html")
    make_html_site(400, out, seed=7)
    return out / "site"


def test_generated_html_of_two_families_page_by_page(html_site: Path) -> None:
    taken, pages = compare_pages(html_site, group_by="none")
    assert taken >= pages * 0.9, f"the shortcut took only {taken} of {pages} pages"


def test_generated_html_findings_agree(html_site: Path) -> None:
    fast = findings(html_site, True, "--group-by", "none")
    assert fast == findings(html_site, False, "--group-by", "none")
    assert fast, "the generated site carries drift"


@pytest.mark.parametrize("root", REAL, ids=lambda p: p.parent.name)
def test_real_html_page_by_page(root: Path) -> None:
    glob = ("*.orig",) if root.name == "orig" else ()
    compare_pages(root, glob=glob)


SYNTH = [
    dict(seed=311, pages=40, placement="top", language="en", families=2),
    dict(seed=312, pages=45, placement="both", language="de", families=3, per_page=True),
    dict(seed=313, pages=30, placement="after-header", language="fr", wrap=72),
    dict(seed=314, pages=40, placement="bottom", language="en", families=2, wrap=76),
    dict(seed=315, pages=30, placement="top", language="ru", families=2, relative_links=True),
]


@pytest.mark.parametrize("params", SYNTH, ids=lambda p: f"seed{p['seed']}")
def test_several_families_and_wrapped_text_page_by_page(tmp_path: Path, params: dict) -> None:
    corpus = generate_site(tmp_path / "site", **params)
    taken, pages = compare_pages(corpus.root, group_by="none")
    assert taken, f"the shortcut took none of {pages} pages"
    assert findings(corpus.root, True) == findings(corpus.root, False)
