"""Reading JSON with the line and column of every object, for findings in CRM files.

The standard library's parser keeps no positions. This small reader accepts the same
JSON (strings are decoded by the standard library's own scanner) and notes where each
object and each member value starts. Nesting is bounded: the file is untrusted.
"""

from __future__ import annotations

import json
import re
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import Any

MAX_DEPTH = 64
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")
_SPACE = re.compile(r"[ \t\n\r]*")
_WORDS = {"true": True, "false": False, "null": None}


class JsonProblem(Exception):
    """Text that is not JSON, at ``line``:``col``."""

    def __init__(self, line: int, col: int, message: str) -> None:
        super().__init__(message)
        self.line, self.col, self.message = line, col, message


class LocatedJson:
    """A parsed document; ``at(obj)`` and ``at(obj, key)`` give ``(line, col)``."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._places: dict[tuple[int, str], int] = {}
        self._keep: list[Any] = []  # keeps ids stable while the places are in use
        self.value = self._document()

    def at(self, obj: Any, key: str = "") -> tuple[int, int]:
        """Where ``obj`` (or its member ``key``'s value) starts."""
        offset = self._places.get((id(obj), key), self._places.get((id(obj), ""), 0))
        return self._line_col(offset)

    def _line_col(self, offset: int) -> tuple[int, int]:
        line = self.text.count("\n", 0, offset) + 1
        return line, offset - (self.text.rfind("\n", 0, offset) + 1) + 1

    def _fail(self, offset: int, message: str) -> JsonProblem:
        line, col = self._line_col(offset)
        return JsonProblem(line, col, f"not valid JSON: {message}")

    def _skip(self, i: int) -> int:
        return _SPACE.match(self.text, i).end()  # type: ignore[union-attr]

    def _document(self) -> Any:
        value, end = self._value(self._skip(0), 0)
        end = self._skip(end)
        if end != len(self.text):
            raise self._fail(end, "extra data after the document")
        return value

    def _value(self, i: int, depth: int) -> tuple[Any, int]:
        if depth > MAX_DEPTH:
            raise self._fail(i, f"nested deeper than {MAX_DEPTH} levels")
        char = self.text[i:i + 1]
        if char == "{":
            return self._object(i, depth)
        if char == "[":
            return self._array(i, depth)
        if char == '"':
            try:
                return scanstring(self.text, i + 1, True)  # type: ignore[no-any-return]
            except json.JSONDecodeError as exc:
                raise self._fail(exc.pos, exc.msg) from None
        for word, value in _WORDS.items():
            if self.text.startswith(word, i):
                return value, i + len(word)
        match = _NUMBER.match(self.text, i)
        if match:
            number = match.group()
            return (float(number) if any(c in number for c in ".eE") else int(number),
                    match.end())
        raise self._fail(i, "expected a value")

    def _object(self, start: int, depth: int) -> tuple[dict[str, Any], int]:
        obj: dict[str, Any] = {}
        self._keep.append(obj)
        self._places[(id(obj), "")] = start
        i = self._skip(start + 1)
        if self.text.startswith("}", i):
            return obj, i + 1
        while True:
            if not self.text.startswith('"', i):
                raise self._fail(i, "expected a member name in double quotes")
            key, i = self._value(i, depth + 1)
            i = self._skip(i)
            if not self.text.startswith(":", i):
                raise self._fail(i, "expected ':'")
            i = self._skip(i + 1)
            self._places[(id(obj), key)] = i
            obj[key], i = self._value(i, depth + 1)
            i = self._skip(i)
            if self.text.startswith("}", i):
                return obj, i + 1
            if not self.text.startswith(",", i):
                raise self._fail(i, "expected ',' or '}'")
            i = self._skip(i + 1)

    def _array(self, start: int, depth: int) -> tuple[list[Any], int]:
        items: list[Any] = []
        self._keep.append(items)
        self._places[(id(items), "")] = start
        i = self._skip(start + 1)
        if self.text.startswith("]", i):
            return items, i + 1
        while True:
            value, i = self._value(i, depth + 1)
            items.append(value)
            i = self._skip(i)
            if self.text.startswith("]", i):
                return items, i + 1
            if not self.text.startswith(",", i):
                raise self._fail(i, "expected ',' or ']'")
            i = self._skip(i + 1)


def parse_json(text: str) -> LocatedJson:
    """Parse ``text``; JsonProblem with a position when it is not JSON."""
    return LocatedJson(text)


__all__ = ["JsonProblem", "LocatedJson", "parse_json"]
