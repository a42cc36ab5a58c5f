"""Strict YAML reading that keeps the position of every value.

Stricter than PyYAML on purpose, because the people editing the glossary are
not YAML experts and a silent change is worse than a clear error:

* a duplicate key is an error (PyYAML keeps the last one without a word);
* plain scalars follow YAML 1.2's core schema, so ``No``, ``off``, ``yes`` and
  ``1.10`` stay the strings they look like; only ``true``/``false``, ``null``
  and whole numbers are anything else;
* anchors and aliases are refused, so a "billion laughs" file stops at its
  first alias instead of being expanded;
* a whole number has at most 15 digits (checked before ``int()``, whose cost
  grows with the length and which refuses more than 4,300 digits);
* no text may hold a terminal control character or a bidi override: those are
  invisible in an editor and can rewrite what a reader or a terminal shows;
* the file must be UTF-8 (a BOM is fine), and every syntax error is reported
  with its line and column instead of a traceback.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .model import Pos
from .problems import Problem

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
# Enough for any count or order a glossary holds, and exact in a float as well.
MAX_DIGITS = 15
# C0 and C1 controls (tab and newline excepted), DEL, and the bidi embeddings,
# overrides and isolates that reorder text on screen ("Trojan Source").
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

# Deeper than any glossary needs; keeps the composer far from Python's recursion limit.
MAX_DEPTH = 64


@dataclass
class Document:
    """A parsed YAML file: plain data plus where each value and key stands."""

    path: Path
    display: str
    data: Any = None
    values: dict[str, Pos] = field(default_factory=dict)
    keys: dict[str, Pos] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # Set by the fast path: positions read again only when something asks for one.
    located: Mapping[str, Pos] | None = None

    def positions(self) -> Mapping[str, Pos]:
        """Where each value stands, for the record built from this document."""
        return self.located if self.located is not None else dict(self.values)

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)

    def error(self, pos: Pos, message: str, rule: str) -> None:
        self.problems.append(Problem(self.display, pos.line, pos.col, "error", message, rule))


Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when built with it


class _Refused(Exception):
    """A construct the reader refuses, at a position."""

    def __init__(self, pos: Pos, message: str, rule: str) -> None:
        super().__init__(message)
        self.pos, self.message, self.rule = pos, message, rule


def _mark(event: yaml.Event) -> Pos:
    mark = event.start_mark
    return Pos(mark.line + 1, mark.column + 1) if mark is not None else Pos(1, 1)


def _invisible(text: str) -> str:
    """The control characters ``text`` holds, as U+XXXX, in order of first appearance."""
    found = dict.fromkeys(f"U+{ord(c):04X}" for c in _INVISIBLE.findall(text))
    return ", ".join(found)


def _label(path: str) -> str:
    return f"{path}: " if path else ""


def _text(doc: Document, event: yaml.ScalarEvent, label: str) -> str:
    """The scalar's text, with any control character reported and removed."""
    value: str = event.value
    found = _invisible(value)
    if found:
        what, fix = (
            ("invisible control characters", "them") if "," in found
            else ("an invisible control character", "it")
        )
        doc.error(
            _mark(event), f"{label}contains {what} {found}; delete {fix}", "control-character"
        )
        value = _INVISIBLE.sub("", value)  # nothing downstream ever sees them
    return value


class NumberTooLong(ValueError):
    """A whole number longer than MAX_DIGITS: refused before ``int()`` is called."""

    def __init__(self, digits: int) -> None:
        super().__init__(f"{digits} digits")
        self.digits = digits


def core_value(value: str, style: str | None, tag: str | None) -> Any:
    """A scalar's value under YAML 1.2's core schema (both readers ask this one function).

    Quoted, block and explicitly tagged scalars are text; a plain one may be null, a
    boolean or a whole number. Raises NumberTooLong past MAX_DIGITS digits.
    """
    if style or tag:
        return value
    if _NULL.match(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.match(value):
        digits = len(value.lstrip("+-"))
        if digits > MAX_DIGITS:
            raise NumberTooLong(digits)
        return int(value)
    return value


def invisible(text: str) -> bool:
    """Whether ``text`` holds a control character or bidi override the readers refuse."""
    return _INVISIBLE.search(text) is not None


def _scalar(doc: Document, event: yaml.ScalarEvent, path: str) -> Any:
    value = _text(doc, event, _label(path))
    try:
        return core_value(value, event.style, event.tag)
    except NumberTooLong as exc:
        doc.error(
            _mark(event),
            f"{_label(path)}a number with {exc.digits} digits is too long (at most "
            f"{MAX_DIGITS}); write a smaller number, or put it in quotes if it is text",
            "bad-value",
        )
        return None


def _join(prefix: str, key: str) -> str:
    return f"{prefix}.{key}" if prefix else key


class _Builder:
    """Builds plain data straight from parser events, recording every position.

    Working on events (not PyYAML's node graph) lets libyaml do the parsing and
    makes aliases impossible to expand: the first one stops the file.
    """

    def __init__(self, doc: Document) -> None:
        self.doc = doc

    def value(self, events: Any, event: yaml.Event, path: str, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise _Refused(_mark(event), f"nesting deeper than {MAX_DEPTH} levels", "yaml-syntax")
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(
                _mark(event),
                "anchors and aliases (*name) are not supported; write the value out",
                "yaml-alias",
            )
        self.doc.values[path] = _mark(event)
        if isinstance(event, yaml.ScalarEvent):
            return _scalar(self.doc, event, path)
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Any] = []
            for item in _until(events, yaml.SequenceEndEvent):
                items.append(self.value(events, item, f"{path}[{len(items)}]", depth + 1))
            return items
        if isinstance(event, yaml.MappingStartEvent):
            return self.mapping(events, path, depth)
        raise _Refused(_mark(event), "unexpected YAML structure", "yaml-syntax")  # pragma: no cover

    def mapping(self, events: Any, path: str, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        pending = _until(events, yaml.MappingEndEvent)
        for key_event in pending:
            value_event = next(events)
            if not isinstance(key_event, yaml.ScalarEvent):
                if isinstance(key_event, yaml.AliasEvent):
                    self.value(events, key_event, path, depth)
                self.doc.error(
                    _mark(key_event),
                    "a key must be plain text, not a list or mapping",
                    "yaml-syntax",
                )
                self._skip(events, key_event)
                self._skip(events, value_event)
                continue
            key = _text(self.doc, key_event, "this key ")
            key_path = _join(path, key)
            if key == "<<" and not key_event.style:
                self.doc.error(
                    _mark(key_event),
                    "merge keys (<<) are not supported; write the values out",
                    "yaml-syntax",
                )
                self._skip(events, value_event)
                continue
            if key in result:
                first = self.doc.keys[key_path]
                self.doc.error(
                    _mark(key_event),
                    f"duplicate key '{key}' (first at line "
                    f"{first.line}); YAML would silently keep only the last one",
                    "duplicate-key",
                )
                self._skip(events, value_event)
                continue
            self.doc.keys[key_path] = _mark(key_event)
            result[key] = self.value(events, value_event, key_path, depth + 1)
        return result

    def _skip(self, events: Any, event: yaml.Event) -> None:
        """Consume the rest of a value that is not kept (still refusing aliases inside)."""
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(
                _mark(event),
                "anchors and aliases (*name) are not supported; write the value out",
                "yaml-alias",
            )
        if isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
            end = (
                yaml.SequenceEndEvent
                if isinstance(event, yaml.SequenceStartEvent)
                else yaml.MappingEndEvent
            )
            for inner in _until(events, end):
                self._skip(events, inner)


def _until(events: Any, end: type) -> Any:
    """Yield events up to (not including) the matching ``end`` event at this level."""
    while True:
        event = next(events)
        if isinstance(event, end):
            return
        yield event


def _events(loader: Any) -> Any:
    while loader.check_event():
        yield loader.get_event()


def _build(doc: Document, text: str) -> Any:
    loader = Parser(text)
    try:
        events = _events(loader)
        next(events)  # StreamStart
        first = next(events)
        if isinstance(first, yaml.StreamEndEvent):
            return None
        data = _Builder(doc).value(events, next(events), "", 0)
        next(events)  # DocumentEnd
        extra = next(events)
        if isinstance(extra, yaml.DocumentStartEvent):
            raise _Refused(
                _mark(extra), "a second YAML document ('---'); one record per file", "yaml-syntax"
            )
        return data
    finally:
        loader.dispose()


def _line_col(text: str, index: int) -> Pos:
    before = text[:index]
    line = before.count("\n") + 1
    return Pos(line, index - (before.rfind("\n") + 1) + 1)


# What an editor most often did when the parser says this, and how to fix it.
_HINTS = (
    ("mapping values are not allowed", "text that contains ': ' must be in quotes, or a line "
     "is indented more than the field above it"),
    ("did not find expected ',' or ']'", "a [list] is not closed, or one of its items holds a "
     "comma, colon or '?'; put that item in quotes"),
    ("did not find expected ',' or '}'", "a {mapping} is not closed, or a value in it holds a "
     "comma or colon; put that value in quotes"),
    ("cannot start any token", "a value cannot start with @, ` or %; put it in quotes"),
    ("found unexpected end of stream", "a quote is opened and never closed"),
    ("did not find expected key", "check the indentation: the fields of one record start in "
     "the same column, and list items start with '- ' under their field"),
    ("could not find expected ':'", "a line has no ':' after its key, or a quote is not closed"),
)


def _syntax_message(error: yaml.YAMLError) -> str:
    problem = getattr(error, "problem", None) or str(error)
    context = getattr(error, "context", None)
    message = f"{context}: {problem}" if context else str(problem)
    hint = next((h for found, h in _HINTS if found in message), None)
    return f"{message} — {hint}" if hint else message


def read_yaml(path: Path, display: str, raw: bytes | None = None) -> Document:
    """Read one YAML file into a Document; never raises for bad content."""
    doc = Document(path, display)
    if raw is None:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            doc.error(Pos(1, 1), f"cannot read file: {exc.strerror or exc}", "unreadable")
            return doc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        pos = _line_col(raw[: exc.start].decode("utf-8", "replace"), exc.start)
        doc.error(
            Pos(pos.line, len(raw[: exc.start].split(b"\n")[-1]) + 1),
            f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); save the file as UTF-8",
            "encoding",
        )
        return doc
    try:
        data = _build(doc, text)
    except _Refused as exc:
        doc.error(exc.pos, exc.message, exc.rule)
        return doc
    except yaml.MarkedYAMLError as exc:
        unclosed = exc.context == "while scanning a quoted scalar" and exc.context_mark
        # An unclosed quote is found at the end of the file; the editor needs where it opened.
        mark = exc.context_mark if unclosed else exc.problem_mark or exc.context_mark
        pos = Pos(mark.line + 1, mark.column + 1) if mark else Pos(1, 1)
        lines = text.splitlines()
        at = lines[pos.line - 1][pos.col - 1 : pos.col] if pos.line <= len(lines) else ""
        message = (
            "a tab character here; YAML indents with spaces only"
            if at == "\t"
            else f"the quote {at} opened here is never closed; end the text with {at} too"
            if unclosed and at in ("'", '"')
            else _syntax_message(exc)
        )
        doc.error(pos, message, "yaml-syntax")
        return doc
    except yaml.reader.ReaderError as exc:
        char = chr(exc.character) if isinstance(exc.character, int) else exc.character
        doc.error(
            _line_col(text, exc.position),
            f"control character {char!r} is not allowed in YAML",
            "yaml-syntax",
        )
        return doc
    except yaml.YAMLError as exc:
        doc.error(Pos(1, 1), _syntax_message(exc), "yaml-syntax")
        return doc
    if data is None and not doc.values:
        doc.error(Pos(1, 1), "the file is empty", "empty-file")
        return doc
    doc.data = data
    return doc


__all__ = [
    "MAX_DEPTH", "MAX_DIGITS", "Document", "NumberTooLong", "Parser", "core_value", "invisible",
    "read_yaml",
]
