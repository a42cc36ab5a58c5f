"""Comparing the glossary at two git revisions: ``shoptalk diff BASE [HEAD]``."""

from __future__ import annotations

from .compare import GlossaryDiff, compare, word_diff
from .report import format_markdown, to_json
from .revision import WORKING_TREE, load_revision

__all__ = ["WORKING_TREE", "GlossaryDiff", "compare", "format_markdown", "load_revision",
           "to_json", "word_diff"]
