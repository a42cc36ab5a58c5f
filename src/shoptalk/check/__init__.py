"""The playbook checker: keep every page in the selling language.

Public API (the CLI, the report and the mkdocs adapter use only these)::

    index = TermIndex.from_glossary(glossary, config)     # once per glossary
    scan = scan_text(markdown, "docs/page.md", index, config)
    scans = check_docs(config, glossary)                   # every *.md under config.docs
    used = where_used(scans)                               # term id -> [Mention]
    spans = mentions(markdown, index)                      # the same mentions, as offsets
"""

from __future__ import annotations

from ..rule_registry import summaries
from .coverage import Coverage, coverage, where_used
from .docs import check_docs
from .index import TermIndex
from .mentions import PageSenses, TermSpan, mentions, normalise, senses_of
from .scan import FileScan, Mention, scan_text

# Rule ids the checker emits, with what each is about (SARIF rule descriptions, docs).
RULE_IDS: dict[str, str] = summaries("checker")

__all__ = [
    "RULE_IDS", "Coverage", "FileScan", "Mention", "PageSenses", "TermIndex", "TermSpan",
    "check_docs", "coverage", "mentions", "normalise", "scan_text", "senses_of", "where_used",
]
