"""Problems shown inside a page, for ``mkdocs serve`` only: the editor sees what to fix
where they are looking, and the server keeps running.

A published build never shows these (it fails instead). Every part of a problem is
untrusted text (a file name, a term someone typed) and goes through ``safe.md_literal``:
no HTML, no Markdown marks.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable

from ..model import Glossary
from ..problems import Problem
from ..rule_registry import RULES_PAGE as _REGISTERED_PAGE
from .context import record_uri
from .page import GeneratedPage, front_matter
from .safe import md_inline, md_literal

PANEL_CLASS = "shoptalk-error"
# The rules page as the site sees it: the registry names it from the repository root.
RULES_PAGE = _REGISTERED_PAGE.removeprefix("docs/")


def _problem_item(problem: Problem, page_uri: str, rule_docs: bool) -> str:
    """One list item: ``file:line:col``, the message, and where the rule explains the fix."""
    text = (f"- **{md_literal(f'{problem.path}:{problem.line}:{problem.col}')}** "
            f"{md_literal(problem.message)}")
    if problem.replacement:
        text += f" Fix: write *{md_literal(problem.replacement)}*."
    rule = md_inline(problem.rule)
    if rule_docs:
        target = posixpath.relpath(RULES_PAGE, posixpath.dirname(page_uri) or ".")
        return f"{text} (how to fix: [{rule}]({target}#{rule}))"
    return f"{text} {md_literal(f'[{problem.rule}]')}"


def error_panel(title: str, problems: Iterable[Problem], page_uri: str, *,
                rule_docs: bool = False, note: str = "") -> str:
    """An admonition (``!!! shoptalk-error``) listing ``problems``; empty when there are none.

    ``rule_docs``: link each rule id to its entry in ``reference/rules.md``.
    """
    items = [_problem_item(p, page_uri, rule_docs) for p in problems]
    if not items:
        return ""
    title = md_literal(title).replace('"', "&quot;")
    body = "\n".join(f"    {item}" for item in items)
    tail = f"\n\n    {md_literal(note)}" if note else ""
    return f'!!! {PANEL_CLASS} "{title}"\n\n{body}{tail}\n\n'





def broken_pages(glossary: Glossary) -> dict[str, GeneratedPage]:
    """For ``serve``: a page where each record that failed to load would be, saying so
    (its errors are in the banner every page shows), instead of a 404."""
    pages: dict[str, GeneratedPage] = {}
    for kind, ids in glossary.broken.items():
        for record_id, path in ids.items():
            uri = record_uri(kind, record_id)
            pages[uri] = GeneratedPage(uri, (
                f"{front_matter(record_id)}# {md_literal(record_id)}\n\n"
                f"This {kind}'s file, {md_literal(path)}, failed to load: the error is listed "
                "above. The page comes back when the file is fixed and saved.\n"))
    return pages


__all__ = ["PANEL_CLASS", "RULES_PAGE", "broken_pages", "error_panel"]
