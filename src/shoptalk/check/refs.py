"""Explicit references in macros: ``{{ term("ICP") }}``, ``{{ stage('qualify') }}``, …

Supported forms, for ``term``, ``stage`` and ``role`` alike: ``term("x")``,
``term('x')``, ``term(id="x")`` and extra arguments after the first. The filter form
``"x" | term`` is not a reference: pages may not use filters (rule ``template-code``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CALL_RE = re.compile(
    r"\b(?P<fn>term|stage|role)\s*\(\s*(?:id\s*=\s*)?(?P<q>[\"'])(?P<value>[^\"'\n]*)(?P=q)")


@dataclass(frozen=True, slots=True)
class Reference:
    """One explicit reference: which macro, the text referred to, and its source offset."""

    kind: str  # term | stage | role
    value: str
    offset: int  # of the first character of ``value``


def references(macros: list[tuple[int, str]]) -> list[Reference]:
    """Every reference inside ``{{ … }}`` expressions, in page order."""
    found: list[Reference] = []
    for offset, body in macros:
        if not body.startswith("{{"):
            continue
        for m in _CALL_RE.finditer(body):
            found.append(Reference(m.group("fn"), m.group("value"), offset + m.start("value")))
    return sorted(found, key=lambda r: r.offset)
