"""A rule file as a YAML document: read safely (size, node count, depth, no tags but the
standard ones), each mapping and list marked with the file, line and column it came from, and
the errors that name them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex
import yaml
from yaml.error import Mark

MAX_BYTES = 1_000_000
MAX_NODES = 100_000
MAX_DEPTH = 64
_STANDARD = "tag:yaml.org,2002:"
_MERGE_TAGS = {_STANDARD + "merge", _STANDARD + "value"}

Check = Callable[[Any, "Where"], Any]


class RuleError(Exception):
    """One clear message: `path:line:col: at key.path: problem`."""

    def __init__(
        self, problem: str, file: str = "", line: int = 0, column: int = 0, path: str = ""
    ) -> None:
        self.problem, self.file, self.path = problem, file, path
        self.line, self.column = line, column
        place = ":".join([file] + ([str(line), str(column)] if line else []))
        at = f"at {path}: " if path else ""
        super().__init__(f"{place}: {at}{problem}" if place else f"{at}{problem}")


class RuleErrors(RuleError):
    """Every error found in one rule file, reported at once (one per line after the first)."""

    def __init__(self, errors: list[RuleError]) -> None:
        errors = sorted(errors, key=lambda e: (e.line, e.column))
        first = errors[0]
        super().__init__(first.problem, first.file, first.line, first.column, first.path)
        self.errors = errors
        if len(errors) > 1:
            lines = [f"{first.file}: {len(errors)} errors:"] + [f"  {e}" for e in errors]
            self.args = ("\n".join(lines),)


@dataclass(frozen=True)
class Where:
    """A place in a rule file: the file, the key path and the YAML mark of the value."""

    file: str
    path: str = ""
    mark: Mark | None = None
    errors: list[RuleError] | None = field(default=None, compare=False, repr=False)
    """Where errors are collected to be reported together; None raises the first."""

    def at(self, key: object, mark: Mark | None) -> Where:
        """The place of a child value; `key` is a mapping key or a list index."""
        if isinstance(key, int):
            path = f"{self.path}[{key}]"
        else:
            path = f"{self.path}.{key}" if self.path else str(key)
        return Where(self.file, path, mark or self.mark, self.errors)

    def error(self, problem: str) -> RuleError:
        """A RuleError pointing here."""
        line, column = (self.mark.line + 1, self.mark.column + 1) if self.mark else (0, 0)
        return RuleError(problem, self.file, line, column, self.path)

    def report(self, error: RuleError) -> None:
        """Collect `error` when collecting, else raise it."""
        if self.errors is None:
            raise error
        self.errors.append(error)

    def attempt(self, check: Check, value: Any) -> Any:
        """`check(value, self)`, its error collected (giving None) when collecting."""
        try:
            return check(value, self)
        except RuleError as error:
            self.report(error)
            return None


class MarkedDict(dict):  # type: ignore[type-arg]
    """A YAML mapping that remembers where it, each key and each value start."""

    def __init__(self, mark: Mark | None = None) -> None:
        super().__init__()
        self.mark = mark
        self.key_marks: dict[Any, Mark] = {}
        self.value_marks: dict[Any, Mark] = {}


class MarkedList(list):  # type: ignore[type-arg]
    """A YAML sequence that remembers where it and each item start."""

    def __init__(self, mark: Mark | None = None) -> None:
        super().__init__()
        self.mark = mark
        self.item_marks: list[Mark] = []


class _Loader(yaml.SafeLoader):
    """SafeLoader that tracks marks, refuses non-standard tags, and caps the expanded size."""

    def __init__(self, stream: str, file: str) -> None:
        super().__init__(stream)
        self.file = file
        self.sizes: dict[int, int] = {}
        self.depth = 0

    def fail(self, mark: Mark | None, problem: str) -> RuleError:
        """A RuleError at `mark` in this file."""
        return Where(self.file, "", mark).error(problem)

    def compose_node(self, parent: Any, index: Any) -> Any:
        # Sizes count aliases as expanded: an alias bomb fails here, before anything walks it.
        alias = self.check_event(yaml.AliasEvent)
        mark = self.peek_event().start_mark
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.fail(mark, f"YAML nested more than {MAX_DEPTH} levels deep")
        node: Any = super().compose_node(parent, index)
        self.depth -= 1
        size = self.sizes.get(id(node))
        if size is None:
            if alias:
                raise self.fail(mark, "recursive YAML alias")
            if node.tag not in self.yaml_constructors and node.tag not in _MERGE_TAGS:
                tag = node.tag.replace(_STANDARD, "!!")
                raise self.fail(mark, f"YAML tag {tag!r} is not allowed in a rule file")
            children = node.value if isinstance(node.value, list) else []
            flat = [n for c in children for n in (c if isinstance(c, tuple) else (c,))]
            size = self.sizes[id(node)] = 1 + sum(self.sizes[id(n)] for n in flat)
        if size > MAX_NODES:
            raise self.fail(
                mark, f"the document expands to more than {MAX_NODES} YAML nodes (an alias bomb?)"
            )
        return node


def _construct_map(loader: _Loader, node: yaml.MappingNode) -> Iterable[MarkedDict]:
    """Build a MarkedDict; duplicate keys are an error rather than silently last-wins."""
    found = MarkedDict(node.start_mark)
    yield found
    seen: dict[tuple[str, str], int] = {}
    for key_node, _ in node.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.tag not in _MERGE_TAGS:
            name = (key_node.tag, key_node.value)
            if name in seen:
                problem = f"duplicate key {key_node.value!r} (first at line {seen[name]})"
                raise loader.fail(key_node.start_mark, problem)
            seen[name] = key_node.start_mark.line + 1
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            raise loader.fail(key_node.start_mark, "a mapping key must be plain text")
        found[key] = loader.construct_object(value_node, deep=True)
        found.key_marks[key] = key_node.start_mark
        found.value_marks[key] = value_node.start_mark


def _construct_seq(loader: _Loader, node: yaml.SequenceNode) -> Iterable[MarkedList]:
    """Build a MarkedList."""
    found = MarkedList(node.start_mark)
    yield found
    for item in node.value:
        found.append(loader.construct_object(item, deep=True))
        found.item_marks.append(item.start_mark)


_Loader.add_constructor(_STANDARD + "map", _construct_map)
_Loader.add_constructor(_STANDARD + "seq", _construct_seq)
# YAML 1.2 booleans: `off` and `no` stay words, so `line-moved: off` means the severity `off`.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _STANDARD + "bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    _STANDARD + "bool", regex.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def parse_document(text: str, file: str) -> Any:
    """The rule document in `text`; an empty document is `{}`."""
    loader = _Loader(text, file)
    try:
        node = loader.get_single_node()
        found = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        raise loader.fail(error.problem_mark or error.context_mark, _syntax(error)) from None
    except yaml.YAMLError as error:
        raise RuleError(f"invalid YAML: {' '.join(str(error).split())}", file) from None
    finally:
        loader.dispose()
    return MarkedDict() if found is None else found


def _syntax(error: yaml.MarkedYAMLError) -> str:
    """The problem of a YAML syntax error, with where the broken construct began."""
    problem = f"invalid YAML: {error.problem or error.context}"
    start = error.context_mark
    if error.problem and error.context and start:
        problem += f" ({error.context} at line {start.line + 1}, column {start.column + 1})"
    return problem


def read_document(path: Path, file: str) -> Any:
    """Read and parse the rule file at `path`, shown in messages as `file`."""
    return parse_document(read_rule_text(path, file), file)


def read_rule_text(path: Path, file: str) -> str:
    """The text of a rule file (YAML or TOML), bounded in size, as UTF-8."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise RuleError(f"rule file is {size} bytes; the limit is {MAX_BYTES}", file)
        return path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise RuleError(f"cannot read rule file: {error.strerror}", file) from None
    except UnicodeDecodeError:
        raise RuleError("rule file is not UTF-8 text", file) from None
