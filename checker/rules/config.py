"""Finding the rule file without a flag, as ruff and yamllint find theirs, and reading the
`[tool.snapdrift]` table of a `pyproject.toml`.

From the working folder upward to the repository root (the folder holding `.git`) or the
filesystem root, each folder is asked in turn for `.snapdrift.yaml`, `.snapdrift.yml`, then a
`pyproject.toml` that has a `[tool.snapdrift]` table; the nearest one wins. `--rules FILE`
wins over all of them and `--isolated` ignores them.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any

from checker.rules.document import RuleError, read_rule_text

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

YAML_NAMES = (".snapdrift.yaml", ".snapdrift.yml")
PYPROJECT = "pyproject.toml"
TABLE = "tool.snapdrift"
"""The key path of the settings inside a pyproject.toml; errors name keys under it."""

_WHERE = re.compile(r"\(at line (\d+), column (\d+)\)")


def is_toml(path: Path) -> bool:
    """Whether a rule file is TOML (a pyproject.toml or another `.toml` file)."""
    return path.suffix.lower() == ".toml"


def find_config(start: Path | None = None) -> Path | None:
    """The nearest config file from `start` (the working folder) up to the repository root."""
    folder = (start or Path.cwd()).resolve()
    while True:
        for name in YAML_NAMES:
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and _has_table(pyproject):
            return pyproject
        if (folder / ".git").exists() or folder.parent == folder:
            return None
        folder = folder.parent


def _has_table(pyproject: Path) -> bool:
    """Whether a pyproject.toml has a `[tool.snapdrift]` table; a broken one counts as having
    it when it mentions the table, so that its error is shown rather than skipped."""
    try:
        text = pyproject.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return False
    if "snapdrift" not in text:
        return False
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return True
    tool = document.get("tool")
    return isinstance(tool, dict) and "snapdrift" in tool


def shown_name(path: Path) -> str:
    """A found config file as messages name it: relative to the working folder when near."""
    return os.path.relpath(path)


def rule_file(explicit: str | None, isolated: bool = False) -> str | None:
    """The rule file a command uses: `--rules`, else the config found, else None (defaults).

    `--isolated` ignores every config file; with `--rules` it is a contradiction.
    """
    if explicit is not None and isolated:
        raise RuleError("--rules and --isolated exclude each other (--isolated ignores config)")
    if explicit is not None:
        return explicit
    if isolated:
        return None
    found = find_config()
    return shown_name(found) if found is not None else None


def read_toml(path: Path, shown: str) -> dict[str, Any]:
    """The `[tool.snapdrift]` table of a pyproject.toml, or the whole of another TOML file."""
    text = read_rule_text(path, shown)
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise _toml_error(error, shown) from None
    if path.name != PYPROJECT:
        return document
    table: Any = document.get("tool", {})
    table = table.get("snapdrift") if isinstance(table, dict) else None
    if table is None:
        raise RuleError(f"no [{TABLE}] table", shown)
    if not isinstance(table, dict):
        raise RuleError(f"expected a table of rule settings; got {type(table).__name__}", shown)
    return table


def _toml_error(error: Exception, shown: str) -> RuleError:
    """A TOML syntax error with the line and column the parser gives."""
    message = str(error)
    line = getattr(error, "lineno", None)
    column = getattr(error, "colno", None)
    found = _WHERE.search(message)
    if found and line is None:
        line, column = int(found.group(1)), int(found.group(2))
    problem = _WHERE.sub("", getattr(error, "msg", message)).strip()
    return RuleError(f"invalid TOML: {problem}", shown, line or 0, column or 0)
