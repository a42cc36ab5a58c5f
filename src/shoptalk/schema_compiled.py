"""The glossary's JSON Schemas compiled once into plain Python predicates.

jsonschema walks a schema afresh for every document and builds a validator object
for every value it descends into: for 10,000 clean term files that is most of a
cold load. A compiled predicate answers only "valid or not", as
``jsonschema.Draft202012Validator(schema).is_valid`` would; when it says no, jsonschema
runs as before and its errors become the problems (so messages have one source).

It knows the keywords the shipped schemas use, with jsonschema's meaning of each; a
schema with any other keyword compiles to a predicate that always says no, which only
sends every document to jsonschema. tests/core/test_schema_compiled.py holds the two
to the same answers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

__all__ = ["Check", "compile_schema"]

Check = Callable[[Any], bool]

# Keywords that never make a document invalid: annotations, and "format", which a
# Draft 2020-12 validator does not assert unless given a format checker (dates are
# checked by schema.check_document itself).
_ANNOTATIONS = frozenset({
    "$schema", "$id", "$comment", "title", "description", "examples", "default",
    "format", "patternErrorMessage", "deprecated", "readOnly", "writeOnly",
})


def _never(_: Any) -> bool:
    return False


def _is_integer(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and value.is_integer())


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


_TYPES: dict[str, Check] = {
    "string": lambda v: isinstance(v, str),
    "integer": _is_integer,
    "number": _is_number,
    "boolean": lambda v: isinstance(v, bool),
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
    "null": lambda v: v is None,
}


def compile_schema(schema: Any) -> Check:
    """A predicate equal to jsonschema's ``is_valid`` for ``schema`` (or always False)."""
    if schema is True:
        return _always
    if not isinstance(schema, dict) or not set(schema) <= _KNOWN:
        return _never
    # Each keyword applies to one kind of value (jsonschema ignores it for the others).
    by_kind: dict[str, list[Check]] = {"any": [], "string": [], "number": [], "array": [],
                                      "object": []}
    for key, (kind, make) in _KEYWORDS.items():
        if key in schema:
            check = make(schema[key], schema)
            if check is _never:
                return _never
            by_kind[kind].append(check)
    first = tuple(by_kind["any"])
    strings, numbers, arrays, objects = (
        tuple(by_kind[k]) for k in ("string", "number", "array", "object")
    )

    def valid(value: Any) -> bool:
        for check in first:
            if not check(value):
                return False
        if isinstance(value, str):
            checks = strings
        elif isinstance(value, dict):
            checks = objects
        elif isinstance(value, list):
            checks = arrays
        elif _is_number(value):
            checks = numbers
        else:
            return True
        for check in checks:  # noqa: SIM110 - a loop: all() builds a generator per value
            if not check(value):
                return False
        return True

    return valid


def _always(_: Any) -> bool:
    return True


def _type(expected: Any, _: dict[str, Any]) -> Check:
    names = [expected] if isinstance(expected, str) else expected
    if not isinstance(names, list) or not all(n in _TYPES for n in names):
        return _never
    tests = [_TYPES[n] for n in names]
    if len(tests) == 1:
        return tests[0]
    return lambda value: any(test(value) for test in tests)


def _enum(choices: Any, _: dict[str, Any]) -> Check:
    # jsonschema tells true from 1 and false from 0; only text choices are compiled.
    if not isinstance(choices, list) or not all(isinstance(c, str) for c in choices):
        return _never
    allowed = frozenset(choices)
    return lambda value: isinstance(value, str) and value in allowed


# The checks below are called only with a value of the kind their keyword applies to.


def _min_length(bound: Any, _: dict[str, Any]) -> Check:
    return lambda value: len(value) >= bound


def _pattern(pattern: Any, _: dict[str, Any]) -> Check:
    search = re.compile(pattern).search  # jsonschema searches, it does not match
    return lambda value: search(value) is not None


def _minimum(bound: Any, _: dict[str, Any]) -> Check:
    return lambda value: value >= bound


def _maximum(bound: Any, _: dict[str, Any]) -> Check:
    return lambda value: value <= bound


def _min_items(bound: Any, _: dict[str, Any]) -> Check:
    return lambda value: len(value) >= bound


def _items(item_schema: Any, _: dict[str, Any]) -> Check:
    check = compile_schema(item_schema)
    if check is _never:
        return _never

    def valid(value: list[Any]) -> bool:
        for item in value:  # noqa: SIM110 - as above
            if not check(item):
                return False
        return True

    return valid


def _required(keys: Any, _: dict[str, Any]) -> Check:
    wanted = tuple(keys)
    return lambda value: all(k in value for k in wanted)


def _properties(properties: Any, _: dict[str, Any]) -> Check:
    checks = {key: compile_schema(sub) for key, sub in properties.items()}
    if any(check is _never for check in checks.values()):
        return _never
    find = checks.get

    def valid(value: dict[str, Any]) -> bool:
        for key, item in value.items():
            check = find(key)
            if check is not None and not check(item):
                return False
        return True

    return valid


def _additional(allowed: Any, schema: dict[str, Any]) -> Check:
    if allowed is True:
        return _always
    if allowed is not False or "patternProperties" in schema:
        return _never
    known = frozenset(schema.get("properties", {}))
    return lambda value: value.keys() <= known


def _any_of(options: Any, _: dict[str, Any]) -> Check:
    checks = [compile_schema(option) for option in options]
    if any(check is _never for check in checks):
        return _never
    return lambda value: any(check(value) for check in checks)


_KEYWORDS: dict[str, tuple[str, Callable[[Any, dict[str, Any]], Check]]] = {
    "type": ("any", _type),
    "enum": ("any", _enum),
    "anyOf": ("any", _any_of),
    "minLength": ("string", _min_length),
    "pattern": ("string", _pattern),
    "minimum": ("number", _minimum),
    "maximum": ("number", _maximum),
    "minItems": ("array", _min_items),
    "items": ("array", _items),
    "required": ("object", _required),
    "additionalProperties": ("object", _additional),
    "properties": ("object", _properties),
}
_KNOWN = frozenset(_KEYWORDS) | _ANNOTATIONS
