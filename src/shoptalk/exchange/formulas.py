"""Cells a spreadsheet would run as a formula (CSV injection), and the quote that stops it.

Excel, LibreOffice and Google Sheets treat a cell starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return as a formula, and a formula can open
links, leak other cells or start programs (DDE). OWASP's rule: put a single
quote in front of such a cell. We apply it to every cell that starts that way,
``-`` included: "-5 days" is harmless text, but "-2+3" and "-1+cmd|…" are not,
and telling them apart is the spreadsheet's parsing, not ours. The cost is a
visible quote in the spreadsheet; ``shoptalk import`` removes it again, so
export → import is exact.

Leading spaces and quotes are looked through: a cell that is already quoted
gets one more quote, so taking one off always gives back the value.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def looks_like_formula(cell: str) -> bool:
    """Whether a spreadsheet could run ``cell`` (or ``cell`` without its leading quotes)."""
    return cell.lstrip(" " + QUOTE).startswith(FORMULA_STARTS)


def neutralise(cell: str) -> str:
    """``cell`` as a spreadsheet shows it as text: a quote before a formula-like value."""
    return QUOTE + cell if looks_like_formula(cell) else cell


def is_neutralised(cell: str) -> bool:
    """Whether ``cell`` carries the quote :func:`neutralise` adds."""
    return cell.startswith(QUOTE) and looks_like_formula(cell)


def restore(cell: str) -> str:
    """The value :func:`neutralise` was given: the one added quote taken off."""
    return cell[len(QUOTE):] if is_neutralised(cell) else cell


__all__ = [
    "FORMULA_STARTS", "QUOTE", "is_neutralised", "looks_like_formula", "neutralise", "restore"
]
