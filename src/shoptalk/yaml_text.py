"""Writing YAML that the strict reader reads back exactly as written.

The glossary's files are edited by hand, so generated files should look hand
written: plain scalars where that is unambiguous, double quotes otherwise.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

# Plain only when no YAML indicator, comment, key marker or typed value can hide in it.
_PLAIN = re.compile(r"^[^\W\d_][\w .,;()/'’+&%$€£!?-]*$")
_TYPED = re.compile(r"^(?:~|null|true|false|[-+]?[0-9]+|y|n|yes|no|on|off)$", re.IGNORECASE)


def _printable(char: str) -> bool:
    """YAML's printable set, minus the characters a reader could misread."""
    code = ord(char)
    return (char in "\t" or 0x20 <= code <= 0x7E or code == 0x85
            or (0xA0 <= code <= 0xD7FF and code != 0x2028 and code != 0x2029)
            or (0xE000 <= code <= 0xFFFD and code != 0xFEFF) or 0x10000 <= code <= 0x10FFFF)


def quote(text: str) -> str:
    """``text`` as a double-quoted YAML scalar (JSON escapes are valid YAML escapes)."""
    out = json.dumps(text, ensure_ascii=False)
    return "".join(c if _printable(c) else f"\\u{ord(c):04x}" if ord(c) < 0x10000
                   else f"\\U{ord(c):08x}" for c in out)


def scalar(value: Any) -> str:
    """One scalar (str, int, bool or None) as YAML text."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if _PLAIN.match(text) and not _TYPED.match(text) and all(map(_printable, text)) \
            and not text.endswith(" ") and " #" not in text:
        return text
    return quote(text)


def dump(data: Mapping[str, Any], indent: int = 0) -> str:
    """A mapping of scalars, lists and nested mappings as block YAML."""
    pad = " " * indent
    lines: list[str] = []
    for key, value in data.items():
        if isinstance(value, Mapping):
            lines.append(f"{pad}{key}:" if value else f"{pad}{key}: {{}}")
            if value:
                lines.append(dump(value, indent + 2).rstrip("\n"))
        elif isinstance(value, Sequence) and not isinstance(value, str):
            lines.append(f"{pad}{key}:" if value else f"{pad}{key}: []")
            lines.extend(_item(item, indent + 2) for item in value)
        else:
            lines.append(f"{pad}{key}: {scalar(value)}")
    return "\n".join(lines) + "\n"


def _item(item: Any, indent: int) -> str:
    pad = " " * indent
    if isinstance(item, Mapping):
        body = dump(item, indent + 2).rstrip("\n")
        return f"{pad}- {body.lstrip()}"
    return f"{pad}- {scalar(item)}"


__all__ = ["dump", "quote", "scalar"]
