"""Subcommands of ``shoptalk``: one module each, exposing ``NAME``, ``HELP``,
``add_arguments(parser)`` and ``run(args) -> int``. Register new ones in COMMANDS."""

from __future__ import annotations

from types import ModuleType

from . import (
    check,
    codeowners,
    crm,
    diff,
    export,
    import_,
    mcp,
    new,
    pages,
    report,
    review,
    validate,
)

COMMANDS: tuple[ModuleType, ...] = (validate, new, diff, review, codeowners, import_, export,
                                     crm, check, report, pages, mcp)


__all__ = ["COMMANDS"]
