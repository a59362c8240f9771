"""Rule files: bad files give one clear located message; good files load, merge and rate."""

from __future__ import annotations

import dataclasses
import pickle
import time
from pathlib import Path

import pytest
import yaml

from checker.model import Kind, Severity
from checker.rules import (
    Conflict,
    Example,
    Pattern,
    RuleError,
    Rules,
    Thresholds,
    default_rules,
    load_rules,
)
from checker.rules.schema import backtracking_risk

CASES = Path(__file__).parent / "rules_cases"
EXPECTED = yaml.safe_load((CASES / "expected.yaml").read_text(encoding="utf-8"))
ROOT = Path(__file__).parent.parent
E, W, N = Severity.ERROR, Severity.WARNING, Severity.INFO  # N: notice (info)


def write(folder: Path, name: str, text: str) -> Path:
    """Write a rule file and return its path."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_every_case_file_has_an_expected_message() -> None:
    names = {p.name for p in CASES.glob("*.yaml")} - {"expected.yaml"}
    assert names == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_rule_file(name: str) -> None:
    with pytest.raises(RuleError) as caught:
        load_rules(CASES / name)
    assert EXPECTED[name] in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    "payload",
    [
        '!!python/object/apply:os.system ["touch {marker}"]',
        '{{kinds: !!python/object/apply:os.system ["touch {marker}"]}}',
        'kinds:\n  ? !!python/object/apply:os.system ["touch {marker}"]\n  : error',
        'ignore:\n  - !!python/object/new:os.system ["touch {marker}"]',
        "extends: !!python/name:os.system",
    ],
)
def test_python_tags_are_refused_and_never_run(tmp_path: Path, payload: str) -> None:
    marker = tmp_path / "pwned"
    path = write(tmp_path, "evil.yaml", payload.format(marker=marker))
    with pytest.raises(RuleError, match=r"evil\.yaml:\d+:\d+: YAML tag '!!python/"):
        load_rules(path)
    assert not marker.exists()


def test_catastrophic_pattern_is_bounded_at_run_time() -> None:
    slow = Pattern.of("(a+)+$")
    started = time.monotonic()
    assert slow.search("a" * 5000 + "b") is False
    assert time.monotonic() - started < 1.0
    assert slow.timed_out == 1
    assert slow.search("aaa") is True


def test_timed_out_slot_pattern_counts_as_no_match() -> None:
    slow = Conflict("slow", frozenset({Kind.TEXT_CHANGED}), Pattern.of("(a+)+$"), E)
    rules = dataclasses.replace(default_rules(), conflicts=(slow,))
    assert rules.severity(Kind.TEXT_CHANGED, "a" * 5000 + "b") == (W, "text-changed")


@pytest.mark.parametrize(
    "source",
    ["(a+)+$", "(a*)*", "(a|a)*", "((a+))+", "((a)+)*", "(x+x+)+y", "(.*)*", r"(\w+\s?)*"],
)
def test_catastrophic_shapes_are_named(source: str) -> None:
    assert backtracking_risk(source)


@pytest.mark.parametrize(
    "source",
    [
        r"(\d+,)*",
        r"(\w+\s)*",
        r"(\d|\w)*",
        "((ab)+c)*",
        "(?>a+)+",
        "(a+)++",
        "(a{2})+",
        r"(?P<date>\d{4}-\d{2}-\d{2})",
        r"[(]+(a)*",
        r"\(a+\)+",
        "^Page updated",
    ],
)
def test_safe_shapes_pass(source: str) -> None:
    assert backtracking_risk(source) == ""


@pytest.mark.parametrize("text", ["", "# only a comment\n", "~\n", "---\n"])
def test_empty_file_is_the_defaults(tmp_path: Path, text: str) -> None:
    path = write(tmp_path, "empty.yaml", text)
    assert load_rules(path) == dataclasses.replace(default_rules(), source=str(path))


def test_defaults() -> None:
    rules = load_rules(None)
    assert rules is default_rules() and rules.source == "default"
    expected = {
        "number-changed": E,
        "url-changed": E,
        "url-missing": E,
        "value-changed": E,
        "line-missing": E,
        "block-missing": E,
        "text-changed": W,
        "url-added": W,
        "line-added": W,
        "line-moved": N,
        "no-majority": N,
        "template-stale": W,
        "snapshot-unreadable": E,
        "baseline-stale": N,
        "baseline-expired": E,
    }
    assert {kind.value: severity for kind, severity in rules.kinds.items()} == expected
    assert rules.thresholds == Thresholds()
    assert dict(rules.timeline) == {
        "update": N,
        "straggler": W,
        "flapping": E,
        "regression": E,
        "glitch": W,
    }
    assert (rules.conflicts, rules.equivalents, rules.ignore) == ((), (), ())
    assert rules.block is None and rules.time is None


def test_shipped_default_matches_the_preset() -> None:
    shipped = ROOT / "rules" / "default.yaml"
    preset = ROOT / "checker" / "presets" / "default.yaml"
    assert shipped.read_text(encoding="utf-8") == preset.read_text(encoding="utf-8")
    assert load_rules(shipped) == dataclasses.replace(default_rules(), source=str(shipped))


def test_off_is_a_severity_not_a_boolean(tmp_path: Path) -> None:
    rules = load_rules(write(tmp_path, "r.yaml", "kinds:\n  line-moved: off\n"))
    assert rules.kinds[Kind.LINE_MOVED] is None
    assert rules.kinds[Kind.TEXT_CHANGED] is W


def test_extends_none_turns_unnamed_kinds_off(tmp_path: Path) -> None:
    path = write(tmp_path, "r.yaml", "extends: none\nkinds:\n  number-changed: warning\n")
    rules = load_rules(path)
    assert rules.kinds[Kind.NUMBER_CHANGED] is W
    assert all(rules.kinds[k] is None for k in Kind if k is not Kind.NUMBER_CHANGED)
    assert set(rules.kinds) == set(Kind)
    assert rules.thresholds == Thresholds()
    assert set(rules.timeline.values()) == {None}


PARENT = """\
kinds: {text-changed: error, url-added: info}
thresholds: {fuzzy: 0.8, window: 6}
conflicts:
  - {name: parent-rule, kind: number-changed, slot: Council, severity: warning}
equivalents: [[senators, members of the Federation Council]]
ignore: ['^Page updated']
block: {start: '^Delegation of', end: 'Tajikistan'}
time: {filename: '(?P<date>\\d{4}-\\d{2}-\\d{2})'}
timeline: {flapping: warning}
"""
CHILD = """\
extends: ../parent.yaml
kinds: {text-changed: info, line-moved: off}
thresholds: {fuzzy: 0.9, min-pages: 3}
conflicts:
  - name: child-rule
    kind: [line-added, url-added]
    severity: error
    examples: [{expected: a, found: b}]
equivalents: [[chair, chairperson]]
ignore: ['^Share']
block: {start: '^Members', end: 'end'}
timeline: {update: off}
"""


def test_merge_semantics(tmp_path: Path) -> None:
    write(tmp_path, "parent.yaml", PARENT)
    rules = load_rules(write(tmp_path, "sites/child.yaml", CHILD))
    assert rules.kinds[Kind.TEXT_CHANGED] is N  # child wins
    assert rules.kinds[Kind.URL_ADDED] is N  # parent's, kept
    assert rules.kinds[Kind.LINE_MOVED] is None
    assert rules.kinds[Kind.NUMBER_CHANGED] is E  # from default, through the parent
    assert rules.thresholds == Thresholds(fuzzy=0.9, window=6, min_pages=3)
    assert [c.name for c in rules.conflicts] == ["parent-rule", "child-rule"]
    assert rules.conflicts[1].kinds == {Kind.LINE_ADDED, Kind.URL_ADDED}
    assert rules.conflicts[1].examples == (Example("a", "b", True),)
    assert rules.equivalents == (
        ("senators", "members of the Federation Council"),
        ("chair", "chairperson"),
    )
    assert [p.source for p in rules.ignore] == ["^Page updated", "^Share"]
    assert rules.block is not None and rules.block.start.source == "^Members"
    assert rules.time is not None and rules.time.filename is not None and rules.time.line is None
    assert rules.time.filename.compiled.search("snap-2024-05-01.html")["date"] == "2024-05-01"
    assert dict(rules.timeline) == {
        "update": None,
        "straggler": W,
        "flapping": W,
        "regression": E,
        "glitch": W,
    }


def test_null_block_clears_the_parents(tmp_path: Path) -> None:
    write(tmp_path, "parent.yaml", PARENT)
    rules = load_rules(write(tmp_path, "child.yaml", "extends: parent.yaml\nblock: null\n"))
    assert rules.block is None and rules.time is not None


def test_severity_first_match_wins() -> None:
    conflicts = (
        Conflict(
            "council-wording", frozenset({Kind.TEXT_CHANGED}), Pattern.of("Federation Council"), E
        ),
        Conflict("any-wording", frozenset({Kind.TEXT_CHANGED}), None, N),
        Conflict(
            "quiet", frozenset({Kind.LINE_MOVED, Kind.LINE_ADDED}), Pattern.of("^Delegation"), None
        ),
        Conflict("never-reached", frozenset({Kind.TEXT_CHANGED}), Pattern.of("Federation"), W),
    )
    rules = dataclasses.replace(default_rules(), conflicts=conflicts)
    assert rules.severity(Kind.TEXT_CHANGED, "12 members of the Federation Council") == (
        E,
        "council-wording",
    )
    assert rules.severity(Kind.TEXT_CHANGED, "Delegation of the Federation") == (N, "any-wording")
    assert rules.severity(Kind.LINE_MOVED, "Delegation of Russia") == (None, "quiet")
    assert rules.severity(Kind.LINE_MOVED, "Members") == (N, "line-moved")
    assert rules.severity(Kind.NUMBER_CHANGED, "Federation Council") == (E, "number-changed")


def test_ignored(tmp_path: Path) -> None:
    rules = load_rules(write(tmp_path, "r.yaml", "ignore: ['^Page updated', 'cookies?$']\n"))
    assert rules.ignored("Page updated 3 May")
    assert rules.ignored("We use cookies")
    assert not rules.ignored("Delegation of the Federation Council")


def test_rules_are_immutable_and_picklable() -> None:
    rules = default_rules()
    with pytest.raises(dataclasses.FrozenInstanceError):
        rules.source = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        rules.kinds[Kind.LINE_MOVED] = None  # type: ignore[index]
    with pytest.raises(TypeError):
        rules.timeline["update"] = None  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        rules.thresholds.fuzzy = 0.1  # type: ignore[misc]
    built = Rules("code", {Kind.LINE_MOVED: N}, (), (), (), Thresholds(), None, None, {})
    assert isinstance(built.kinds, type(rules.kinds))  # a plain dict is wrapped too
    assert pickle.loads(pickle.dumps(rules)) == rules


def test_rules_with_patterns_pickle(tmp_path: Path) -> None:
    write(tmp_path, "parent.yaml", PARENT)
    rules = load_rules(write(tmp_path, "sites/child.yaml", CHILD))
    again = pickle.loads(pickle.dumps(rules))
    assert again == rules
    assert again.ignored("Page updated today") and not again.ignored("Members")


def test_missing_root_file() -> None:
    with pytest.raises(RuleError, match=r"^no-such-rules\.yaml: cannot read rule file"):
        load_rules("no-such-rules.yaml")


def test_file_over_1_mb_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "big.yaml", "# padding\n" * 110_000)
    with pytest.raises(RuleError, match="the limit is 1000000"):
        load_rules(path)


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "deep.yaml", "ignore: " + "[" * 200 + "]" * 200 + "\n")
    with pytest.raises(RuleError, match="nested more than"):
        load_rules(path)


def test_modest_aliases_and_merge_keys_load(tmp_path: Path) -> None:
    text = "thresholds: &t {fuzzy: 0.8}\ntimeline:\n  <<: {update: warning}\n  flapping: info\n"
    rules = load_rules(write(tmp_path, "r.yaml", text))
    assert rules.thresholds.fuzzy == 0.8
    assert rules.timeline["update"] is W and rules.timeline["flapping"] is N


def test_conflict_of_the_brief_loads(tmp_path: Path) -> None:
    text = """\
extends: default
conflicts:
  - name: federation-council-wording
    kind: text-changed
    slot: 'Federation Council'
    severity: error
    examples:
      - expected: "12 members of the Federation Council"
        found: "12 senators"
        conflict: true
"""
    rules = load_rules(write(tmp_path, "site.yaml", text))
    (conflict,) = rules.conflicts
    assert conflict.examples == (
        Example("12 members of the Federation Council", "12 senators", True),
    )
    assert rules.severity(Kind.TEXT_CHANGED, "members of the Federation Council") == (
        E,
        "federation-council-wording",
    )
