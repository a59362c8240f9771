"""Check a rule document against a declared schema, naming file, line, column and key."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import regex

from checker.rules.document import Check, Where


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
