"""Work forked off beside learning gives what the work gives here, and can be dropped."""

from __future__ import annotations

import os

from checker.learn.aside import Aside


def _pid_and_square() -> tuple[int, int]:
    return os.getpid(), 12 * 12


def test_the_result_comes_from_another_process() -> None:
    pid, value = Aside(_pid_and_square).result()
    assert value == 144 and pid != os.getpid()


def test_a_child_that_dies_leaves_the_work_to_this_process() -> None:
    parent = os.getpid()

    def dies_in_the_child() -> int:
        if os.getpid() != parent:
            os._exit(3)
        return 7

    assert Aside(dies_in_the_child).result() == 7


def test_cancel_stops_the_child() -> None:
    aside = Aside(lambda: sum(range(10**9)))
    aside.cancel()
    assert aside.process is None or not aside.process.is_alive()


def test_learning_beside_learns_the_same(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from make_html_site import make_html_site

    from checker.learn.aside import ASIDE_PAGES
    from checker.learn.site import site_templates
    from checker.read.load import discover
    from checker.rules import default_rules

    make_html_site(ASIDE_PAGES + 20, tmp_path, seed=2)
    sources = discover([str(tmp_path / "site")], group_by="none")
    here = site_templates(".", sources, default_rules(), None, 1)
    beside = site_templates(".", sources, default_rules(), None, 2)
    assert len(here.families) == 2  # so the across-families template is learned and used
    assert (beside.families, beside.shared) == (here.families, here.shared)
