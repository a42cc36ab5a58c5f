"""Explicit references in macros: ``{{ term("ICP") }}``, ``{{ stage('qualify') }}``, …

Every macro that takes a record's name is checked: ``term``, ``stage``, ``role``,
``framework``, ``stage_checklist`` and ``glossary_table(stage=…)``. Supported forms:
``term("x")``, ``term('x')``, ``term(name="x")`` (or ``id=``) and extra arguments after
the first. The filter form ``"x" | term`` is not a reference: pages may not use filters
(rule ``template-code``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..language import Kind

__all__ = ["Reference", "references"]

# The macro, and the kind of record its argument names.
MACRO_KINDS: dict[str, Kind] = {"term": "term", "stage": "stage", "role": "role",
                                "framework": "framework", "stage_checklist": "stage"}

_NAMES = "|".join(MACRO_KINDS)
# A string literal: the other quote may appear inside ("buyer's journey"); escapes may not.
_STRING = r"(?P<q>[\"'])(?P<value>(?:(?!(?P=q))[^\n\\])*)(?P=q)"
_CALL_RE = re.compile(rf"\b(?P<fn>{_NAMES})\s*\(\s*(?:(?:id|name)\s*=\s*)?{_STRING}")
_TABLE_RE = re.compile(rf"\b(?P<fn>glossary_table)\s*\([^)]*?\bstage\s*=\s*{_STRING}")


@dataclass(frozen=True, slots=True)
class Reference:
    """One explicit reference: the kind of record, the text referred to, its source offset,
    and the call as the author wrote it (``term("x")``) for messages."""

    kind: Kind
    value: str
    offset: int  # of the first character of ``value``
    call: str


def references(macros: list[tuple[int, str]]) -> list[Reference]:
    """Every reference inside ``{{ … }}`` expressions, in page order."""
    found: list[Reference] = []
    for offset, body in macros:
        if not body.startswith("{{"):
            continue
        for regex in (_CALL_RE, _TABLE_RE):
            for m in regex.finditer(body):
                fn, value = m.group("fn"), m.group("value")
                table = fn == "glossary_table"
                call = f'{fn}(stage="{value}")' if table else f'{fn}("{value}")'
                found.append(Reference("stage" if table else MACRO_KINDS[fn], value,
                                       offset + m.start("value"), call))
    return sorted(found, key=lambda r: r.offset)
