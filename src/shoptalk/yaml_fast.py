"""The fast way through a clean glossary file: libyaml's events straight to plain data.

Almost every file of a glossary is clean, and nothing asks where a clean file's values
stand unless a later rule reports one. So the loader first tries ``plain_data``: one
flat loop over libyaml's events, no positions kept. It answers only for a file the
position-tracking reader (``yaml_reader.read_yaml``) would read without a single
problem, and then with exactly the data that reader builds; for anything else it
answers NOT_CLEAN and the loader reads the file again with ``read_yaml``, which says
what is wrong and where. Each refusal of that reader holds here too:

* an alias (or a merge key) stops the file at once, so nothing is ever expanded;
* a tagged value is never constructed: scalars stay text, like the careful reader;
* a duplicate key, a key that is not text, a second document: not clean;
* nesting past MAX_DEPTH, a number past MAX_DIGITS, a control character or bidi
  override in any key or value, text that is not UTF-8: not clean.

``Positions`` gives a record built this way its positions on first use, by reading
the same bytes with ``read_yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml

from .model import Pos
from .yaml_reader import MAX_DEPTH, NumberTooLong, Parser, core_value, invisible, read_yaml

__all__ = ["NOT_CLEAN", "Positions", "plain_data"]


class _NotClean:
    def __repr__(self) -> str:
        return "NOT_CLEAN"


NOT_CLEAN: Any = _NotClean()
"""What ``plain_data`` answers for a file it leaves to the position-tracking reader."""

_KEY = object()  # a mapping waiting for its next key
_ITEM = object()  # a sequence: each value is its next item


class _Refused(Exception):
    pass


# The characters ``invisible`` refuses, as they can stand in a file: a carriage return
# is a line break there, and never reaches a value except through an escape.
_WRITTEN_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# libyaml's event parser alone: the loader classes also set up a constructor and a
# resolver, which events never use.
_EventParser = getattr(getattr(yaml, "cyaml", None), "CParser", Parser)


def plain_data(raw: bytes) -> Any:
    """The data of a clean YAML file (as ``read_yaml`` builds it), or NOT_CLEAN."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return NOT_CLEAN
    if _WRITTEN_INVISIBLE.search(text):
        return NOT_CLEAN  # maybe only in a comment, but the careful reader decides
    loader = _EventParser(text)
    try:
        return _document(loader.get_event)
    except (yaml.YAMLError, _Refused, NumberTooLong):
        return NOT_CLEAN
    finally:
        loader.dispose()


def _document(get: Any) -> Any:
    get()  # StreamStart
    if not isinstance(get(), yaml.DocumentStartEvent):
        raise _Refused  # an empty file: the careful reader says so
    data = _value(get)
    get()  # DocumentEnd
    if not isinstance(get(), yaml.StreamEndEvent):
        raise _Refused  # a second document
    return data


def _text(event: yaml.ScalarEvent) -> str:
    value: str = event.value
    # Only a double-quoted escape ("\e", "\u202e") makes a character the file does not hold.
    if event.style == '"' and invisible(value):
        raise _Refused
    return value


def _value(get: Any) -> Any:
    """One whole value, built from events without recursion (the stack holds the nesting)."""
    containers: list[Any] = []
    slots: list[Any] = []  # per container: _ITEM, _KEY, or the key waiting for its value
    scalar, start_list, start_map = yaml.ScalarEvent, yaml.SequenceStartEvent, \
        yaml.MappingStartEvent
    while True:
        event = get()
        kind = type(event)
        if containers and slots[-1] is _KEY:
            if kind is scalar:
                key = _text(event)
                if (key == "<<" and not event.style) or key in containers[-1]:
                    raise _Refused  # a merge key, or a duplicate
                slots[-1] = key
                continue
            if kind is not yaml.MappingEndEvent:
                raise _Refused  # a key that is a list, a mapping or an alias
        value: Any
        if kind is scalar:
            if len(containers) > MAX_DEPTH:
                raise _Refused
            value = core_value(_text(event), event.style, event.tag)
        elif kind is start_list or kind is start_map:
            if len(containers) > MAX_DEPTH:
                raise _Refused
            containers.append([] if kind is start_list else {})
            slots.append(_ITEM if kind is start_list else _KEY)
            continue
        elif kind is yaml.SequenceEndEvent or kind is yaml.MappingEndEvent:
            value = containers.pop()
            slots.pop()
        else:
            raise _Refused  # an alias: never expanded
        if not containers:
            return value
        slot = slots[-1]
        if slot is _ITEM:
            containers[-1].append(value)
        else:
            containers[-1][slot] = value
            slots[-1] = _KEY


class Positions(Mapping[str, Pos]):
    """The positions of a file's values and keys paths, read from its bytes on first use."""

    __slots__ = ("_display", "_found", "_path", "_raw")

    def __init__(self, path: Path, display: str, raw: bytes) -> None:
        self._path, self._display, self._raw = path, display, raw
        self._found: dict[str, Pos] | None = None

    def _positions(self) -> dict[str, Pos]:
        if self._found is None:
            self._found = read_yaml(self._path, self._display, self._raw).values
        return self._found

    def __getitem__(self, key: str) -> Pos:
        return self._positions()[key]

    def __contains__(self, key: object) -> bool:
        return key in self._positions()

    def __iter__(self) -> Iterator[str]:
        return iter(self._positions())

    def __len__(self) -> int:
        return len(self._positions())

    def __reduce__(self) -> tuple[Any, ...]:
        return (Positions, (self._path, self._display, self._raw))  # the bytes, not the map
