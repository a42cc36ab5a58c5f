"""Coverage of the language across the pages: where each term is used, what goes unused.

Built from the same FileScans the checker produces, so the report, the CLI and
the site's where-used backlinks always agree.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..model import Glossary
from .scan import FileScan, Mention

UNDEFINED_RULES = ("undefined-acronym", "unknown-reference")
AVOIDED_RULES = ("avoided-wording", "deprecated-term")


def where_used(scans: Sequence[FileScan]) -> dict[str, list[Mention]]:
    """Term id → its mentions across the pages, in file then line order."""
    used: dict[str, list[Mention]] = defaultdict(list)
    for scan in scans:
        for mention in scan.mentions:
            used[mention.term_id].append(mention)
    return {k: sorted(v, key=lambda m: (m.path, m.line, m.col)) for k, v in sorted(used.items())}


@dataclass
class PageCounts:
    """How many mentions, undefined acronyms and avoided wordings one page has."""

    mentions: int = 0
    undefined: int = 0
    avoided: int = 0


@dataclass
class Coverage:
    """Where-used per term, the unused terms, and per-page counts."""

    used: dict[str, list[Mention]]
    unused: list[str]
    pages: dict[str, PageCounts] = field(default_factory=dict)


def coverage(glossary: Glossary, scans: Sequence[FileScan]) -> Coverage:
    """Summarise ``scans`` against the glossary's terms."""
    used = where_used(scans)
    unused = sorted(t for t in glossary.terms if t not in used)
    pages = {}
    for scan in scans:
        pages[scan.path] = PageCounts(
            mentions=len(scan.mentions),
            undefined=sum(p.rule in UNDEFINED_RULES for p in scan.problems),
            avoided=sum(p.rule in AVOIDED_RULES for p in scan.problems),
        )
    return Coverage(used, unused, pages)


def format_text(report: Coverage, glossary: Glossary) -> str:
    """The report for people: terms and where used, unused terms, pages."""
    lines = [f"Terms used ({len(report.used)} of {len(glossary.terms)})"]
    for term_id, mentions in report.used.items():
        name = glossary.terms[term_id].name if term_id in glossary.terms else term_id
        places = ", ".join(f"{m.path}:{m.line}" for m in mentions)
        lines.append(f"  {term_id} ({name}): {len(mentions)} use"
                     f"{'s' * (len(mentions) != 1)}: {places}")
    lines.append(f"Unused terms ({len(report.unused)})")
    lines.extend(f"  {t} ({glossary.terms[t].name})" for t in report.unused)
    lines.append(f"Pages ({len(report.pages)})")
    for path, counts in sorted(report.pages.items()):
        lines.append(f"  {path}: {counts.mentions} term uses, {counts.undefined} undefined, "
                     f"{counts.avoided} avoided")
    return "\n".join(lines)


def to_json(report: Coverage) -> str:
    """The report for tools (schema version 1)."""
    data: dict[str, Any] = {
        "version": 1,
        "terms": {t: [{"path": m.path, "line": m.line, "col": m.col, "end_col": m.end_col,
                       "text": m.text} for m in ms] for t, ms in report.used.items()},
        "unused": report.unused,
        "pages": {p: {"mentions": c.mentions, "undefined": c.undefined, "avoided": c.avoided}
                  for p, c in sorted(report.pages.items())},
    }
    return json.dumps(data, indent=2, ensure_ascii=False)


__all__ = [
    "AVOIDED_RULES", "UNDEFINED_RULES", "Coverage", "PageCounts", "coverage", "format_text",
    "to_json", "where_used"
]
