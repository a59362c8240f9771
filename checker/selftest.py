"""`snapdrift rules check|test`: validate a rule file, and run the examples its rules carry."""

from __future__ import annotations

import sys

from checker.classify import classify
from checker.lens import Lens
from checker.model import ExitCode, Severity
from checker.normalize import normalize
from checker.rules import Example, RuleError, Rules, load_rules


def _load(path: str) -> Rules | None:
    """The rule file, or None after saying on stderr what is wrong with it."""
    try:
        return load_rules(path)
    except RuleError as error:
        print(f"snapdrift: error: {error}", file=sys.stderr)
        return None


def run_rules_check(path: str) -> int:
    """Load and validate a rule file; say what it holds."""
    rules = _load(path)
    if rules is None:
        return ExitCode.ERROR
    examples = sum(len(c.examples) for c in rules.conflicts)
    print(
        f"{path}: ok ({len(rules.conflicts)} conflict rule(s), {examples} example(s), "
        f"{len(rules.equivalents)} equivalent group(s), {len(rules.ignore)} ignore pattern(s))"
    )
    return ExitCode.OK


def conflicts(rules: Rules, expected: str, found: str) -> tuple[bool, str]:
    """Whether a snapshot line `found` in a slot whose canonical text is `expected` is a
    conflict (a finding of severity error), and why."""
    lens = Lens(rules)
    canonical, variant = lens(normalize(expected)), lens(normalize(found))
    if canonical is None or variant is None:
        return False, "ignored by the rules"
    if canonical == variant:
        return False, "equal once normalized and equivalents applied"
    kind, _ = classify(canonical, variant)
    severity, rule = rules.severity(kind, canonical)
    label = severity.label if severity else "off"
    return severity is Severity.ERROR, f"{kind.value} -> {label} (rule {rule})"


def run_rules_test(path: str) -> int:
    """Run every example of every conflict rule; exit 1 when one disagrees."""
    rules = _load(path)
    if rules is None:
        return ExitCode.ERROR
    failed = passed = 0
    for conflict in rules.conflicts:
        for number, example in enumerate(conflict.examples, 1):
            ok, line = _check(rules, example)
            print(f"{'ok  ' if ok else 'FAIL'} {conflict.name} example {number}: {line}")
            passed, failed = passed + ok, failed + (not ok)
    print(f"{passed} passed, {failed} failed")
    return ExitCode.DRIFT if failed else ExitCode.OK


def _check(rules: Rules, example: Example) -> tuple[bool, str]:
    """One example: does the rule file agree that it is (or is not) a conflict?"""
    actual, why = conflicts(rules, example.expected, example.found)
    want = "conflict" if example.conflict else "no conflict"
    return actual == example.conflict, f"want {want}, got {why}"
