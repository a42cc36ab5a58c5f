"""An export shown in a page: each file as a fenced code block, then what it reported."""

from __future__ import annotations

import re

from ..model import Glossary
from ..render.safe import md_inline
from . import export_crm
from .pipeline import System

LANGUAGES = {".xml": "xml", ".json": "json"}


def _fence(text: str) -> str:
    """A backtick fence longer than any run of backticks in ``text``."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def export_markdown(glossary: Glossary, system: System) -> str:
    """The files ``shoptalk export --format SYSTEM`` writes, as Markdown for a page."""
    export = export_crm(glossary, system)
    parts: list[str] = []
    for name, text in sorted(export.files.items()):
        fence = _fence(text)
        language = LANGUAGES.get(name[name.rfind("."):], "")
        parts.append(f'{fence}{language} title="{name}"\n{text}{fence}\n')
    if export.problems:
        parts.append("The export reports:\n")
        parts.extend(f"- {md_inline(p.format())}" for p in sorted(export.problems))
        parts.append("")
    return "\n".join(parts)


__all__ = ["export_markdown"]
