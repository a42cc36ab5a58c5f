"""Rendering the selling language as Markdown (Jinja templates; no MkDocs here).

The MkDocs adapter (``shoptalk.mkdocs_plugin``) and the macros module
(``shoptalk.macros``) are thin layers over this package; a future site
generator only needs another thin layer.
"""

from __future__ import annotations

from .context import (
    CHEAT_SHEET,
    GLOSSARY_INDEX,
    HANDOFF_MAP,
    METHODOLOGY_INDEX,
    PIPELINE_INDEX,
    ROLES_INDEX,
    DocRef,
    SiteData,
    UnknownName,
)
from .page import GeneratedPage, page_title
from .process import checklist, pipeline_diagram, pipeline_table
from .quiz import question_pool, quiz_markup
from .safe import md_cell, md_inline, md_text, plain, safe_url, scrub_html
from .site import render_site
from .terms import core_terms, term_table
from .widgets import abbreviation_block, abbreviations, core_list, handoff_matrix

__all__ = [
    "CHEAT_SHEET", "GLOSSARY_INDEX", "HANDOFF_MAP", "METHODOLOGY_INDEX", "PIPELINE_INDEX",
    "ROLES_INDEX", "DocRef", "GeneratedPage", "SiteData", "UnknownName", "abbreviation_block",
    "abbreviations",
    "checklist", "core_list", "core_terms", "handoff_matrix", "md_cell", "md_inline", "md_text",
    "page_title", "pipeline_diagram", "pipeline_table", "plain", "question_pool", "quiz_markup",
    "render_site", "safe_url", "scrub_html", "term_table",
]
