"""`rules test` fails an example that another rule decided: an example must exercise its own
rule, not pass because a broader rule (or no rule at all) gives the wanted answer."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from checker.run.cli import cli

ROSTER = "Delegation of the Supreme Council to the CSTO PA consists of 6 deputies."
SEVEN = "Delegation of the Supreme Council to the CSTO PA consists of 7 deputies."


def rules_test(tmp_path: Path, text: str) -> tuple[int, list[str]]:
    """Exit code and output lines of `snapdrift rules test` on a rule file."""
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["rules", "test", str(path)])
    return result.exit_code, result.stdout.splitlines()


def test_an_example_decided_by_another_rule_fails(tmp_path: Path) -> None:
    # The slot pattern never matches: the default `number-changed: error` decides the
    # example, which would pass on its answer alone.
    code, lines = rules_test(
        tmp_path,
        "conflicts:\n  - name: seats\n    kind: number-changed\n    slot: 'senators'\n"
        f"    severity: error\n    examples:\n      - {{expected: '{ROSTER}', found: '{SEVEN}'}}\n",
    )
    assert code == 1
    assert lines[0] == (
        "FAIL seats example 1: want conflict decided by this rule, got number-changed -> error "
        "(rule number-changed): rule number-changed decided it"
    )
    assert lines[-1] == "0 passed, 1 failed"
    # The same example with a slot pattern that matches: its own rule decides it.
    code, lines = rules_test(
        tmp_path,
        "conflicts:\n  - name: seats\n    kind: number-changed\n    slot: 'deputies'\n"
        f"    severity: error\n    examples:\n      - {{expected: '{ROSTER}', found: '{SEVEN}'}}\n",
    )
    assert (code, lines[-1]) == (0, "1 passed, 0 failed")


def test_an_example_no_rule_decides_fails(tmp_path: Path) -> None:
    code, lines = rules_test(
        tmp_path,
        "conflicts:\n  - name: seats\n    kind: number-changed\n    severity: info\n"
        f"    examples:\n      - {{expected: '{ROSTER}', found: '{ROSTER}', conflict: false}}\n",
    )
    assert code == 1
    assert lines[0].startswith("FAIL seats example 1: want no conflict decided by this rule, got")
    assert lines[0].endswith(": no rule decided it")
