"""Read a rule file safely; check it against a declared schema; name file, line, column, key."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping
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


def shown(value: object) -> str:
    """A value as an error message quotes it."""
    if isinstance(value, bool):
        return str(value).lower()
    if value is None:
        return "null"
    if isinstance(value, str) and value.isprintable() and "'" not in value:
        return f"'{value}'"  # not repr: a regex's backslashes should read as the user wrote them
    if isinstance(value, (str, int, float)):
        return repr(value)
    names = {dict: "a mapping", list: "a list", bytes: "binary data"}
    return next((n for t, n in names.items() if isinstance(value, t)), type(value).__name__)


def _hint(word: object, choices: Iterable[str]) -> str:
    """`; did you mean 'x'?` when `word` is close to one of `choices`."""
    close = difflib.get_close_matches(str(word), list(choices), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


@dataclass(frozen=True)
class Key:
    """One key of a mapping: its check, and either `required` or the default filled when absent."""

    name: str
    check: Check
    required: bool = False
    default: Any = ...
    """`...` means no default: the key stays absent, so a parent file's value shows through."""


def mapping(*keys: Key, what: str = "a mapping", make: Callable[[Any], Any] = dict) -> Check:
    """A mapping with exactly these keys, made into a record by `make`; unknown keys are refused."""
    known = {key.name: key for key in keys}

    def check(value: Any, where: Where) -> Any:
        if not isinstance(value, dict):
            raise where.error(f"expected {what}; got {shown(value)}")
        before = len(where.errors) if where.errors is not None else 0
        marks = getattr(value, "key_marks", {})
        for name in value:
            if name not in known:
                problem = f"unknown key {shown(name)}{_hint(name, known)}"
                where.report(
                    Where(where.file, where.path, marks.get(name, where.mark)).error(problem)
                )
        out: dict[str, Any] = {}
        for key in keys:
            if key.name in value:
                child = where.at(key.name, getattr(value, "value_marks", {}).get(key.name))
                out[key.name] = child.attempt(key.check, value[key.name])
            elif key.required:
                where.report(where.error(f"missing required key {key.name!r}"))
            elif key.default is not ...:
                out[key.name] = key.default
        if where.errors is not None and len(where.errors) > before:
            return out  # a placeholder: the file is refused once every error is collected
        return make(out)

    return check


def map_of(key_check: Check, value_check: Check) -> Check:
    """A mapping whose keys and values each pass a check."""

    def check(value: Any, where: Where) -> dict[Any, Any]:
        if not isinstance(value, dict):
            raise where.error(f"expected a mapping; got {shown(value)}")
        key_marks, value_marks = (getattr(value, a, {}) for a in ("key_marks", "value_marks"))
        out: dict[Any, Any] = {}
        for k, v in value.items():
            at_key = Where(where.file, where.path, key_marks.get(k, where.mark), where.errors)
            key = at_key.attempt(key_check, k)
            out[key] = where.at(k, value_marks.get(k)).attempt(value_check, v)
        return out

    return check


def list_of(item: Check, min_len: int = 0, what: str = "a list") -> Check:
    """A list of items that each pass `item`, at least `min_len` long."""

    def check(value: Any, where: Where) -> list[Any]:
        if not isinstance(value, list) or len(value) < min_len:
            got = f"{len(value)}" if isinstance(value, list) else shown(value)
            raise where.error(f"expected {what}; got {got}")
        marks = getattr(value, "item_marks", [])
        return [
            where.at(i, marks[i] if i < len(marks) else None).attempt(item, v)
            for i, v in enumerate(value)
        ]

    return check


def one_or_list(item: Check, what: str) -> Check:
    """One item or a non-empty list of them; always returns a list."""
    many = list_of(item, 1, what)
    return lambda value, where: (
        many(value, where) if isinstance(value, list) else [item(value, where)]
    )


def nullable(check: Check) -> Check:
    """`check`, or null (kept as None)."""
    return lambda value, where: None if value is None else check(value, where)


def choice(words: Mapping[str, Any], noun: str = "") -> Check:
    """One of `words`, returned as its mapped value; `noun` words the error as `unknown <noun>`."""

    def check(value: Any, where: Where) -> Any:
        if isinstance(value, str) and value in words:
            return words[value]
        hint = _hint(value, words) if isinstance(value, str) else ""
        if noun:
            raise where.error(f"unknown {noun} {shown(value)}{hint}")
        raise where.error(f"expected one of {', '.join(words)}; got {shown(value)}{hint}")

    return check


def number(low: float, high: float) -> Check:
    """A number from `low` to `high`, returned as a float."""

    def check(value: Any, where: Where) -> float:
        if isinstance(value, (int, float)) and not isinstance(value, bool) and low <= value <= high:
            return float(value)
        raise where.error(f"expected a number from {low:g} to {high:g}; got {shown(value)}")

    return check


def integer(low: int) -> Check:
    """A whole number of at least `low`."""

    def check(value: Any, where: Where) -> int:
        if isinstance(value, int) and not isinstance(value, bool) and value >= low:
            return value
        raise where.error(f"expected a whole number of at least {low}; got {shown(value)}")

    return check


def text(form: str = r".+", what: str = "non-empty text") -> Check:
    """A string that fully matches `form`."""
    compiled = regex.compile(form, regex.S)

    def check(value: Any, where: Where) -> str:
        if isinstance(value, str) and compiled.fullmatch(value):
            return value
        raise where.error(f"expected {what}; got {shown(value)}")

    return check


def boolean(value: Any, where: Where) -> bool:
    """true or false."""
    if isinstance(value, bool):
        return value
    raise where.error(f"expected true or false; got {shown(value)}")


def pattern(group: str = "") -> Check:
    """A regex (compiled with `regex`), refused when invalid, catastrophic, or lacking `group`."""

    def check(value: Any, where: Where) -> regex.Pattern[str]:
        if not isinstance(value, str):
            raise where.error(f"expected a regex; got {shown(value)}")
        try:
            compiled = regex.compile(value)
        except regex.error as error:
            raise where.error(f"invalid regex {shown(value)}: {error}") from None
        risk = backtracking_risk(value)
        if risk:
            raise where.error(f"regex {shown(value)} can backtrack catastrophically: {risk}")
        if group and group not in compiled.groupindex:
            raise where.error(f"regex {shown(value)} needs a named group (?P<{group}>...)")
        return compiled

    return check


_ATOM = regex.compile(r"\\(?:[pPNxgk]\{[^}]*\}|[gk]<[^>]*>|.)|\[\^?\]?(?:\\.|[^\]\\])*\]", regex.S)
_GROUP = regex.compile(r"\((\?(?:P?<\w+>|<?[=!]|[:>|]|[a-zA-Z-]*:?))?([^()]*)\)")
_REPEAT = regex.compile(r"[*+]|\{\d*,\}")
_ITEM = regex.compile(r"(.)([*+?]|\{\d*(?:,\d*)?\})?([?+]?)", regex.S)


def backtracking_risk(source: str) -> str:
    """Why `source` can blow up — `(a+)+`, `(a*)*`, `(a|a)*` shapes — or '' when it looks safe.

    Escapes and classes become one character each, then innermost groups are read and replaced
    by a character that remembers whether the group can match one text in many ways ("loose").
    """
    atoms: dict[str, str] = {}
    masked = _ATOM.sub(lambda m: atoms.setdefault(m.group(), chr(0xE000 + len(atoms))), source)
    loose: set[str] = set()
    for count in range(len(source)):
        group = _GROUP.search(masked)
        if group is None:
            break
        alternatives = group.group(2).split("|")
        after = _REPEAT.match(masked, group.end())
        atomic = (group.group(1) or "") in ("?>", "?=", "?!", "?<=", "?<!")
        possessive = after is not None and masked.startswith("+", after.end())
        if after and not atomic and not possessive:
            if len(set(alternatives)) < len(alternatives):
                return "a repeated group has identical alternatives, as in (a|a)*"
            if any(_loose(alt, loose) for alt in alternatives):
                return "a repeated group holds a repeated item, as in (a+)+ or (a*)*"
        mark = chr(0xF000 + count)
        if not atomic and any(_loose(alt, loose) for alt in alternatives):
            loose.add(mark)
        masked = masked[: group.start()] + mark + masked[group.end() :]
    return ""


def _loose(alternative: str, loose: set[str]) -> bool:
    """True when every item of `alternative` may vary in length and one may repeat."""
    items = _ITEM.findall(alternative)
    repeats = any(q in ("*", "+") or q.endswith(",}") or a in loose for a, q, _ in items)
    variable = all(q and not regex.fullmatch(r"\{\d+\}", q) or a in loose for a, q, _ in items)
    return bool(items) and repeats and variable
