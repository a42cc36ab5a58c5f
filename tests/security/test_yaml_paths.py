"""The loader's fast path accepts nothing the careful reader refuses, and neither builds an
object from a tag: the nastiest YAML we could write, each answered alike by both."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from shoptalk.yaml_fast import NOT_CLEAN, plain_data
from shoptalk.yaml_reader import read_yaml

NASTY = [
    # tags: never constructed, whatever they name
    b'a: !!python/object/apply:os.system ["id"]\n', b"a: !!python/name:os.system\n",
    b"a: !!binary aGVsbG8=\n", b"a: !!set {x, y}\n", b"a: !!omap [a: 1]\n",
    b"a: !<tag:yaml.org,2002:python/object:os.system> 1\n",
    b"%TAG !e! tag:x,2000:\n---\na: !e!x 1\n", b"--- !!map\na: 1\n", b"!!map {a: 1}\n",
    b'a: !!int "12"\n', b"a: !!str 12\n", b"a: !!bool yes\n",
    # anchors, aliases and merges, in flow too; keys that are not text, duplicates
    b"{a: &x 1, b: *x}\n", b"[&x a, *x]\n", b"a: [&x a]\n", b"a: *unknown\n",
    b"{<<: {a: 1}}\n", b'{"<<": {a: 1}}\n', b"a: {b: 1, b: 2}\n", b"[a, b]: x\n",
    b"? [a]\n: b\n", b"null: x\n",
    # byte-order marks, NUL, next-line and line-separator characters, escapes, encodings
    b"a: 1\n\xef\xbb\xbfb: 2\n", b"\xef\xbb\xbfa: 1\n", b'a: "x\\0y"\n', b"a: x\x00y\n",
    b"a: x\xc2\x85y\n", b"a: x\xe2\x80\xa8y\n", b'a: "x\\Ly"\n', b'a: "\\ud800"\n',
    b"a: |\n  x\x1b\n", b"a: 1 # \x1b in a comment\n", b"\xff\xfea\x00:\x00 \x001\x00\n\x00",
    b"a: 1\r\nb: 2\r\n", b"a: 1\rb: 2\r",
    # size and depth
    b"a: " + b"x" * 1_000_000 + b"\n", b"[" * 5000 + b"]" * 5000 + b"\n",
    b"a:\n" + b"  - " * 200 + b"x\n",
    # documents, directives and YAML 1.1 scalars
    b"a: 1\n...\nb: 2\n", b"a: 1\n---\nb: 2\n", b"%YAML 1.1\n---\na: yes\n", b"a: 0x1F\n",
    b"a: 1e3\n", b"a: .inf\n", b"a: 2026-02-30\n", b"a: 12:30:00\n", b"a: 9999999999999999\n",
]
PLAIN_TYPES = (str, int, float, bool, type(None), list, dict)


def _typed(data: Any) -> Any:
    if isinstance(data, dict):
        return {_typed(k): _typed(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_typed(v) for v in data]
    return (type(data).__name__, data)


def _plain(data: Any) -> bool:
    if isinstance(data, dict):
        return all(_plain(k) and _plain(v) for k, v in data.items())
    if isinstance(data, list):
        return all(_plain(v) for v in data)
    return isinstance(data, PLAIN_TYPES)


@pytest.mark.parametrize("raw", NASTY, ids=lambda raw: repr(raw[:32]))
def test_the_fast_path_agrees_with_the_careful_reader_or_leaves_the_file_to_it(
        raw: bytes) -> None:
    doc = read_yaml(Path("t.yml"), "t.yml", raw)
    assert _plain(doc.data)  # a tag is never constructed
    fast = plain_data(raw)
    if fast is NOT_CLEAN:
        return
    assert doc.problems == []  # the fast path takes only what the careful reader reads cleanly
    assert _typed(fast) == _typed(doc.data)
    assert _plain(fast)
