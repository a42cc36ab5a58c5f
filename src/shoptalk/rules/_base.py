"""Small helpers shared by the rule modules."""

from __future__ import annotations

from ..model import Category, Record
from ..problems import Problem, Severity


def at(record: Record | Category, key: str, severity: Severity, message: str, rule: str) -> Problem:
    """A problem located at ``key`` of ``record`` (or its nearest located parent)."""
    pos = record.source.where(key)
    return Problem(record.source.shown, pos.line, pos.col, severity, message, rule)


__all__ = ["at"]
