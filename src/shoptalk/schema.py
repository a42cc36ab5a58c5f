"""The JSON Schemas of the glossary files, and their findings as Problems.

The schemas in ``schemas/`` are the one source of truth for the shape of a
file: editors read them through the yaml-language-server modeline, and the
validator checks every file against them here. jsonschema does the checking;
this module turns its errors into messages an editor can act on.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Literal

from .model import nearest
from .owners import OWNER_HELP
from .plain_text import markup_in, quoted, refuses_markup
from .problems import Problem, Severity
from .schema_compiled import Check, compile_schema
from .yaml_reader import Document

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator, ValidationError

Kind = Literal["term", "stage", "role", "framework", "categories"]
KINDS: tuple[Kind, ...] = ("term", "stage", "role", "framework", "categories")

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z")  # \Z: "$" would let a trailing newline in
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_JSON_TYPES = {
    "string": "text",
    "integer": "a whole number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping (key: value)",
    "null": "nothing",
}


@cache
def load_schema(kind: Kind) -> dict[str, Any]:
    """The JSON Schema of one kind of glossary file, as shipped in the package."""
    text = (
        resources.files("shoptalk")
        .joinpath("schemas", f"{kind}.schema.json")
        .read_text(encoding="utf-8")
    )
    schema: dict[str, Any] = json.loads(text)
    return schema


def schema_text(kind: Kind) -> str:
    """The JSON Schema of a record kind, as shipped in the package."""
    return (
        resources.files("shoptalk")
        .joinpath("schemas", f"{kind}.schema.json")
        .read_text(encoding="utf-8")
    )


@cache
def _validator(kind: Kind) -> Draft202012Validator:
    # Imported here: a clean glossary (or a cached one) never needs jsonschema.
    from jsonschema import Draft202012Validator

    return Draft202012Validator(load_schema(kind))


@cache
def _valid(kind: Kind) -> Check:
    return compile_schema(load_schema(kind))


def is_clean(data: Any, kind: Kind) -> bool:
    """Whether ``check_document`` would find nothing in ``data`` (compiled, no messages)."""
    return _valid(kind)(data) and _dates_hold(data)


def _dates_hold(data: Any) -> bool:
    """Whether every text under a ``reviewed`` key is a date (``_dates``, without paths)."""
    pending = [data]
    while pending:
        value = pending.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "reviewed":
                    if isinstance(item, str) and parse_date(item) is None:
                        return False
                elif isinstance(item, dict | list):
                    pending.append(item)
        elif isinstance(value, list):
            pending.extend(item for item in value if isinstance(item, dict | list))
    return True


def key_path(parts: Iterable[str | int]) -> str:
    """``['avoid', 0, 'why']`` → ``avoid[0].why``."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out = f"{out}.{part}" if out else str(part)
    return out


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """The closest choice to ``word``, if one is close enough to suggest."""
    lowered = {c.lower(): c for c in choices}
    match = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[match[0]] if match else None


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "nothing"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return f"'{value}'"
    return "a list" if isinstance(value, list) else "a mapping"


class _Reporter:
    """Turns jsonschema errors on one document into Problems, in its words."""

    def __init__(self, doc: Document, kind: Kind) -> None:
        self.doc = doc
        self.kind = kind
        self.problems: list[Problem] = []
        self.missing: set[str] = set()  # the required fields already reported

    def add(
        self, where: str, severity: Severity, message: str, rule: str, *, at_key: bool = False
    ) -> None:
        pos = (self.doc.keys.get(where) if at_key else None) or nearest(self.doc.values, where)
        self.problems.append(Problem(self.doc.display, pos.line, pos.col, severity, message, rule))

    def report(self, error: ValidationError) -> None:
        where = key_path(error.absolute_path)
        label = f"{where}: " if where else ""
        schema = error.schema if isinstance(error.schema, dict) else {}
        value: Any = error.instance
        expected: Any = error.validator_value
        match error.validator:
            case "required":
                # jsonschema gives one error per missing key, each naming the whole list.
                for key in [k for k in expected if k not in value]:
                    field = key_path([*error.absolute_path, key])
                    if field not in self.missing:
                        self.missing.add(field)
                        self.add(where, "error", f"missing required field '{field}'",
                                 "missing-field")
            case "additionalProperties":
                allowed = sorted(schema.get("properties", {}))
                for key in sorted(set(value) - set(allowed)):
                    hint = did_you_mean(key, allowed)
                    suggestion = f"did you mean '{hint}'? " if hint else ""
                    self.add(
                        key_path([*error.absolute_path, key]),
                        "warning",
                        f"unknown key '{key}'; {suggestion}allowed keys: {', '.join(allowed)}",
                        "unknown-key",
                        at_key=True,
                    )
            case "type" if _colon_text(expected, value) is not None:
                self.add(where, "error", f"{label}{_colon_message(where, value)}", "wrong-type")
            case "type":
                wanted = expected
                names = [wanted] if isinstance(wanted, str) else list(wanted)
                expected = " or ".join(_JSON_TYPES.get(n, n) for n in names)
                hint = ""
                if "string" in names and isinstance(value, bool | int):
                    hint = "; put it in quotes to keep it as text"
                self.add(
                    where,
                    "error",
                    f"{label}expected {expected}, got {_describe(value)}{hint}",
                    "wrong-type",
                )
            case "enum":
                choices = [str(c) for c in expected]
                hint = did_you_mean(str(value), choices)
                suggestion = f"; did you mean '{hint}'?" if hint else ""
                self.add(
                    where,
                    "error",
                    f"{label}{_describe(value)} is not one of: {', '.join(choices)}{suggestion}",
                    "bad-enum",
                )
            case "format" if expected == "date":
                self.add(
                    where,
                    "error",
                    f"{label}{_describe(value)} is not a date; write it as "
                    "YYYY-MM-DD, e.g. 2026-01-31",
                    "bad-date",
                )
            case "pattern" if refuses_markup(expected) and markup_in(str(value)):
                self.add(
                    where,
                    "error",
                    f"{label}{_plain_text_message(self.kind, error.absolute_path, str(value))}",
                    "plain-text",
                )
            case "pattern":
                self.add(
                    where,
                    "error",
                    f"{label}{_pattern_message(where, value)}",
                    "bad-id" if _is_id_field(where) else "bad-value",
                )
            case "minLength":
                self.add(where, "error", f"{label}must not be empty", "empty-value")
            case "minItems":
                self.add(
                    where,
                    "error",
                    f"{label}needs at least {expected} item{'s' if expected != 1 else ''}",
                    "empty-value",
                )
            case "minimum" | "maximum":
                bound = "at least" if error.validator == "minimum" else "at most"
                self.add(
                    where,
                    "error",
                    f"{label}must be {bound} {expected}, got {_describe(value)}",
                    "bad-value",
                )
            case "anyOf" if isinstance(value, dict):
                # An object that fails the object branch: report that branch's own errors.
                for sub in error.context or ():
                    if sub.validator != "type":
                        self.report(sub)
            case "anyOf":
                self.add(
                    where,
                    "error",
                    f"{label}expected text or a mapping with 'text' and "
                    f"'why', got {_describe(value)}",
                    "wrong-type",
                )
            case _:  # pragma: no cover - every keyword our schemas use is handled above
                self.add(where, "error", f"{label}{error.message}", "schema")


def _colon_text(expected: Any, value: Any) -> str | None:
    """The text an editor wrote when YAML read ``Note: this breaks`` as a key and value."""
    wants_text = expected == "string" or (isinstance(expected, list) and "string" in expected)
    if not (wants_text and isinstance(value, dict) and len(value) == 1):
        return None
    key, rest = next(iter(value.items()))
    if isinstance(rest, list | dict):
        return None  # an indented block under a key: a shape error, not a stray colon
    return f"{key}:" if rest is None else f"{key}: {_plain(rest)}"


def _plain(value: Any) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def _colon_message(where: str, value: Any) -> str:
    text = _colon_text("string", value) or ""
    quoted_text = json.dumps(text, ensure_ascii=False)  # a valid YAML double-quoted scalar
    key = where.rpartition(".")[2]
    line = f"- {quoted_text}" if where.endswith("]") else f"{key}: {quoted_text}"
    return (
        "this line holds ': ' so YAML read it as a key and value; put the whole "
        f"{'sentence' if ' ' in text.strip() else 'text'} in quotes: {line}"
    )


def _is_id_field(where: str) -> bool:
    return where.endswith(".id") or where == "id"


_PLAIN_NOUNS = {"aliases": "alias", "avoid": "avoided wording", "text": "avoided wording"}


def _plain_text_message(kind: Kind, parts: Iterable[str | int], value: str) -> str:
    keys = [part for part in parts if isinstance(part, str)]
    owner: str = "category" if kind == "categories" else kind
    if "elements" in keys:
        owner = "framework element"
    noun = _PLAIN_NOUNS.get(keys[-1], keys[-1]) if keys else "value"
    return f"a {owner}'s {noun} is plain text: remove {quoted(markup_in(value))}"


def _pattern_message(where: str, value: Any) -> str:
    if _is_id_field(where):
        return (
            f"{_describe(value)} is not a valid id; use lowercase letters, digits and "
            "single hyphens, e.g. 'economic-buyer'"
        )
    if where.endswith("abbreviation"):
        return f"{_describe(value)} must be one word without spaces"
    if "framework_elements" in where:
        return f"{_describe(value)} must name framework and element as 'framework.element'"
    if where == "owner":  # the value may hold line breaks; the position points at it
        return f"must be {OWNER_HELP}, with no spaces or line breaks"
    if where.endswith("url"):
        return f"{_describe(value)} is not a link; use https://… or a relative path"
    return f"{_describe(value)} has the wrong form"


def _dates(data: Any, path: list[str | int]) -> Iterator[tuple[list[str | int], Any]]:
    """Every value under a ``reviewed`` key (the only dates in the model)."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "reviewed":
                yield [*path, key], value
            else:
                yield from _dates(value, [*path, key])
    elif isinstance(data, list):
        for i, item in enumerate(data):
            yield from _dates(item, [*path, i])


def parse_date(value: Any) -> dt.date | None:
    """A strict YYYY-MM-DD date, or None."""
    if not isinstance(value, str) or not _DATE.match(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def check_document(doc: Document, kind: Kind) -> list[Problem]:
    """Every schema problem of one parsed document, in document order."""
    reporter = _Reporter(doc, kind)
    errors = () if _valid(kind)(doc.data) else _validator(kind).iter_errors(doc.data)
    for error in sorted(errors, key=lambda e: list(map(str, e.absolute_path))):
        reporter.report(error)
    # jsonschema does not assert "format" by default; dates are checked strictly here.
    for path, value in _dates(doc.data, []):
        if isinstance(value, str) and parse_date(value) is None:
            where = key_path(path)
            reporter.add(
                where,
                "error",
                f"{where}: {_describe(value)} is not a date; write it "
                "as YYYY-MM-DD, e.g. 2026-01-31",
                "bad-date",
            )
    return reporter.problems


def schema_keys(kind: Kind) -> Sequence[str]:
    """The field names the schema of a record kind allows."""
    schema = load_schema(kind)
    if schema.get("type") == "array":
        schema = schema["items"]
    return tuple(schema["properties"])


__all__ = [
    "ID_PATTERN", "KINDS", "Kind", "check_document", "did_you_mean", "key_path", "load_schema",
    "parse_date", "schema_keys", "schema_text"
]
