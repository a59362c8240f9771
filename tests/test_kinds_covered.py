"""Meta-test: the data-driven cases in tests/cases/ cover every drift kind and rule feature."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checker.model import Kind

CASES_DIR = Path(__file__).parent / "cases"
# Kinds that need a baseline or a time series, not a folder of snapshots.
NOT_CASE_KINDS = {Kind.TEMPLATE_STALE, Kind.BASELINE_STALE, Kind.BASELINE_EXPIRED}
RULE_FEATURES = ("kinds", "conflicts", "equivalents", "ignore")


def _cases() -> dict[str, dict]:
    return {
        path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted(CASES_DIR.glob("*.yml"))
    }


CASES = _cases()


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 30


@pytest.mark.parametrize("kind", sorted(k.value for k in set(Kind) - NOT_CASE_KINDS))
def test_kind_has_a_passing_case(kind: str) -> None:
    covering = [
        name
        for name, case in CASES.items()
        if not case.get("xfail")
        and any(f.get("kind") == kind for f in (case.get("expect") or {}).get("findings") or ())
    ]
    assert covering, f"no non-xfail case in tests/cases/ expects a {kind!r} finding"


@pytest.mark.parametrize("feature", RULE_FEATURES)
def test_rule_feature_has_a_case(feature: str) -> None:
    using = []
    for name, case in CASES.items():
        if case.get("rules") is None:
            continue
        rules = yaml.safe_load(case["rules"]) or {}
        if rules.get(feature):
            using.append(name)
    assert using, f"no case in tests/cases/ uses the rule feature {feature!r}"


def test_every_case_has_five_pages_and_a_description() -> None:
    for name, case in CASES.items():
        pages = set(case.get("snapshots") or {}) | set(case.get("raw_bytes_b64") or {})
        assert len(pages) >= 5, f"{name}: fewer than 5 pages"
        assert case.get("description"), f"{name}: no description"
        assert "exit" in case.get("expect", {}), f"{name}: no expected exit code"
