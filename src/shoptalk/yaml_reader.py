"""Strict YAML reading that keeps the position of every value.

Stricter than PyYAML on purpose, because the people editing the glossary are
not YAML experts and a silent change is worse than a clear error:

* a duplicate key is an error (PyYAML keeps the last one without a word);
* plain scalars follow YAML 1.2's core schema, so ``No``, ``off``, ``yes`` and
  ``1.10`` stay the strings they look like; only ``true``/``false``, ``null``
  and whole numbers are anything else;
* anchors and aliases are refused, so a "billion laughs" file stops at its
  first alias instead of being expanded;
* the file must be UTF-8 (a BOM is fine), and every syntax error is reported
  with its line and column instead of a traceback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .model import Pos
from .problems import Problem

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")

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

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)

    def error(self, pos: Pos, message: str, rule: str) -> None:
        self.problems.append(Problem(self.display, pos.line, pos.col, "error", message, rule))


class _AliasRefused(yaml.MarkedYAMLError):
    pass


class _TooDeep(yaml.MarkedYAMLError):
    pass


class _StrictLoader(yaml.SafeLoader):
    """Composes nodes only; refuses aliases and runaway nesting while composing."""

    # No YAML 1.1 implicit typing: every plain scalar reaches _scalar() as text.
    yaml_implicit_resolvers: dict[Any, Any] = {}  # noqa: RUF012

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise _AliasRefused(
                problem="anchors and aliases (*name) are not supported; write the value out",
                problem_mark=event.start_mark,
            )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _TooDeep(
                    problem=f"nesting deeper than {MAX_DEPTH} levels",
                    problem_mark=self.peek_event().start_mark,
                )
            return super().compose_node(parent, index)  # type: ignore[no-any-return]
        finally:
            self._depth -= 1


def _pos(node: Node) -> Pos:
    return Pos(node.start_mark.line + 1, node.start_mark.column + 1)


def _scalar(node: ScalarNode) -> Any:
    value: str = node.value
    if node.style is not None:
        return value  # quoted and block scalars are always strings
    if _NULL.match(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.match(value):
        return int(value)
    return value


def _join(prefix: str, key: str) -> str:
    return f"{prefix}.{key}" if prefix else key


def _convert(doc: Document, node: Node, path: str) -> Any:
    doc.values[path] = _pos(node)
    if isinstance(node, ScalarNode):
        return _scalar(node)
    if isinstance(node, SequenceNode):
        return [_convert(doc, item, f"{path}[{i}]") for i, item in enumerate(node.value)]
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                doc.error(_pos(key_node), "a key must be plain text, not a list or mapping",
                          "yaml-syntax")
                continue
            key = str(key_node.value)
            key_path = _join(path, key)
            if key == "<<":
                doc.error(_pos(key_node), "merge keys (<<) are not supported; write the values out",
                          "yaml-syntax")
                continue
            if key in result:
                first = doc.keys[key_path]
                doc.error(_pos(key_node),
                          f"duplicate key '{key}' (first at line {first.line}); "
                          "YAML would silently keep only the last one", "duplicate-key")
                continue
            doc.keys[key_path] = _pos(key_node)
            result[key] = _convert(doc, value_node, key_path)
        return result
    raise TypeError(f"unexpected YAML node {node!r}")  # pragma: no cover - PyYAML has no others


def _line_col(text: str, index: int) -> Pos:
    before = text[:index]
    line = before.count("\n") + 1
    return Pos(line, index - (before.rfind("\n") + 1) + 1)


def _syntax_message(error: yaml.YAMLError) -> str:
    problem = getattr(error, "problem", None) or str(error)
    if "'\\t'" in problem or "\t" in problem:
        return "a tab character here; YAML indents with spaces only"
    context = getattr(error, "context", None)
    return f"{context}: {problem}" if context else str(problem)


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
        doc.error(Pos(pos.line, len(raw[: exc.start].split(b"\n")[-1]) + 1),
                  f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); save the file as UTF-8",
                  "encoding")
        return doc
    loader: _StrictLoader | None = None
    try:
        loader = _StrictLoader(text)
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        pos = Pos(mark.line + 1, mark.column + 1) if mark else Pos(1, 1)
        rule = "yaml-alias" if isinstance(exc, _AliasRefused) else "yaml-syntax"
        doc.error(pos, _syntax_message(exc), rule)
        return doc
    except yaml.reader.ReaderError as exc:
        char = chr(exc.character) if isinstance(exc.character, int) else exc.character
        doc.error(_line_col(text, exc.position),
                  f"control character {char!r} is not allowed in YAML", "yaml-syntax")
        return doc
    except yaml.YAMLError as exc:  # pragma: no cover - every PyYAML error above is marked
        doc.error(Pos(1, 1), _syntax_message(exc), "yaml-syntax")
        return doc
    finally:
        if loader is not None:
            loader.dispose()
    if node is None:
        doc.error(Pos(1, 1), "the file is empty", "empty-file")
        return doc
    doc.data = _convert(doc, node, "")
    return doc
