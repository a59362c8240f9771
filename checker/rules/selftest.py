"""`snapdrift rules check|test`: validate a rule file, and run the examples its rules carry."""

from __future__ import annotations

import sys

from checker.judge.classify import classify
from checker.model import Severity
from checker.read.normalize import normalize
from checker.rules import Example, RuleError, Rules, Trace, load_rules
from checker.rules.config import rule_file
from checker.rules.lens import Lens
from checker.rules.show import render_effective
from checker.verdict import ExitCode


def _load(path: str | None, trace: Trace | None = None) -> Rules | None:
    """The rule file, or None after saying on stderr what is wrong with it."""
    try:
        return load_rules(path, trace)
    except RuleError as error:
        print(f"snapdrift: error: {error}", file=sys.stderr)
        return None


def _found(path: str | None) -> str | None:
    """The rule file named, else the config file found from the working folder."""
    found = rule_file(path)
    if found is None:
        print("snapdrift: error: no rule file given and no config file found", file=sys.stderr)
    return found


def run_rules_show(path: str | None, isolated: bool = False) -> int:
    """Print the effective rules, each setting with the file it came from."""
    try:
        chosen = rule_file(path, isolated)
    except RuleError as error:
        print(f"snapdrift: error: {error}", file=sys.stderr)
        return ExitCode.ERROR
    trace: Trace = []
    if _load(chosen, trace) is None:
        return ExitCode.ERROR
    print(render_effective(chosen or "the built-in defaults", trace), end="")
    return ExitCode.OK


def run_rules_check(given: str | None) -> int:
    """Load and validate a rule file (the config found when none is named); say what it holds."""
    path = _found(given)
    rules = _load(path) if path is not None else None
    if path is None or rules is None:
        return ExitCode.ERROR
    examples = sum(len(c.examples) for c in rules.conflicts)
    print(
        f"{path}: ok ({len(rules.conflicts)} conflict rule(s), {examples} example(s), "
        f"{len(rules.equivalents)} equivalent group(s), {len(rules.ignore)} ignore pattern(s))"
    )
    return ExitCode.OK


def conflicts(rules: Rules, expected: str, found: str) -> tuple[bool, str, str | None]:
    """Whether a snapshot line `found` in a slot whose canonical text is `expected` is a
    conflict (a finding of severity error), why, and the id of the rule that decided it
    (None when no rule was asked: the pair is ignored or equal)."""
    lens = Lens(rules)
    canonical, variant = lens(normalize(expected)), lens(normalize(found))
    if canonical is None or variant is None:
        return False, "ignored by the rules", None
    if canonical == variant:
        return False, "equal once normalized and equivalents applied", None
    kind, _ = classify(canonical, variant)
    severity, rule = rules.severity(kind, canonical)
    label = severity.label if severity else "off"
    return severity is Severity.ERROR, f"{kind.value} -> {label} (rule {rule})", rule


def run_rules_test(given: str | None) -> int:
    """Run every example of every conflict rule; exit 1 when one disagrees."""
    path = _found(given)
    rules = _load(path) if path is not None else None
    if path is None or rules is None:
        return ExitCode.ERROR
    failed = passed = 0
    for conflict in rules.conflicts:
        for number, example in enumerate(conflict.examples, 1):
            ok, line = _check(rules, example, conflict.name)
            print(f"{'ok  ' if ok else 'FAIL'} {conflict.name} example {number}: {line}")
            passed, failed = passed + ok, failed + (not ok)
    print(f"{passed} passed, {failed} failed")
    return ExitCode.DRIFT if failed else ExitCode.OK


def _check(rules: Rules, example: Example, name: str) -> tuple[bool, str]:
    """One example: does the rule file agree that it is (or is not) a conflict, and is it
    the example's own rule that decides? An example another rule decides tests nothing."""
    actual, why, rule = conflicts(rules, example.expected, example.found)
    want = "conflict" if example.conflict else "no conflict"
    if rule != name:
        decider = f"rule {rule}" if rule else "no rule"
        return False, f"want {want} decided by this rule, got {why}: {decider} decided it"
    return actual == example.conflict, f"want {want}, got {why}"
