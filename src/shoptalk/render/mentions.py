"""Markdown-level passes over hand-written pages: code shielding and first-mention links.

Code shielding works on Markdown text line by line; first-mention links come from
the checker's mentions (one scan: what the checker counts is what the site links).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from . import safe
from .context import SiteData
from .env import rel

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from ..check import PageSenses, TermIndex, TermSpan
    from ..model import Term

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")
JINJA_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")


def code_regions(markdown: str) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of fenced code blocks and inline code spans."""
    offset, fence = 0, None
    block_start = 0
    for line in markdown.splitlines(keepends=True):
        match = FENCE.match(line)
        if fence is None and match:
            fence, block_start = match.group(1), offset
        elif fence is not None and match and match.group(1)[0] == fence[0] \
                and len(match.group(1)) >= len(fence) and not line.strip()[len(match.group(1)):]:
            fence = None
            yield block_start, offset + len(line)
        elif fence is None:
            # A backtick inside a macro's quoted argument opens no code span.
            masked = JINJA_TAG.sub(lambda m: " " * len(m.group(0)), line)
            for span in INLINE_CODE.finditer(masked):
                yield offset + span.start(), offset + span.end()
        offset += len(line)
    if fence is not None:
        yield block_start, len(markdown)


def blank_code(markdown: str) -> str:
    """``markdown`` with code replaced by spaces (same length and lines)."""
    chars = list(markdown)
    for start, end in code_regions(markdown):
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


RAW_OPEN, RAW_CLOSE = "{% raw %}", "{% endraw %}"
# Every spelling Jinja reads as the end of a raw block ({%endraw%}, {%- endraw +%}, ...).
_ENDS_RAW = re.compile(r"\{%(?=[-+]?\s*endraw\b)")


def shield_code(markdown: str) -> str:
    """Wrap code in ``{% raw %}`` so Jinja (mkdocs-macros) leaves ``{{ }}`` in it untouched.

    The tags sit on the code's own lines, so line numbers do not move.
    """
    return shield_code_insertions(markdown)[0]


def shield_code_insertions(markdown: str) -> tuple[str, list[tuple[int, int]]]:
    """``shield_code(markdown)`` and what it inserted: (offset in ``markdown``, length) pairs.

    Shielding only inserts text, so a position in the result maps back exactly.
    """
    out: list[str] = []
    inserted: list[tuple[int, int]] = []
    last = 0

    def insert(offset: int, text: str) -> None:
        nonlocal last
        out.extend((markdown[last:offset], text))
        inserted.append((offset, len(text)))
        last = offset

    for start, end in code_regions(markdown):
        code = markdown[start:end]
        if not any(mark in code for mark in ("{{", "{%", "{#")):
            continue
        insert(start, RAW_OPEN)
        # A '{%' that would end the raw block is printed as a string between two blocks.
        for match in _ENDS_RAW.finditer(markdown, start, end):
            insert(match.start(), RAW_CLOSE + "{{ '")
            insert(match.end(), "' }}" + RAW_OPEN)
        insert(end - 1 if code.endswith("\n") else end, RAW_CLOSE)
    out.append(markdown[last:])
    return "".join(out), inserted


# A link the page already has to a term's or a role's page (macros write these).
_LINKED_RE = re.compile(r"\b(glossary|roles)/([a-z0-9-]+)\.md\b")


def linked_terms(markdown: str, site: SiteData) -> set[str]:
    """Terms the page already links to: a term page, or the page of a role that is the term."""
    found = set()
    for folder, record_id in _LINKED_RE.findall(markdown):
        if folder == "glossary":
            found.add(record_id)
        elif (role := site.glossary.roles.get(record_id)) is not None and role.term:
            found.add(role.term)
    return found


def link_title(term: Term) -> str:
    """The Markdown title of a first mention's link to ``term``: its definition."""
    return str(safe.attr_text(term.definition))


def link_first_mentions(markdown: str, site: SiteData, page: str, index: TermIndex,
                        senses: PageSenses | None = None, *,
                        spans: Sequence[TermSpan] | None = None,
                        titles: Mapping[str, str] | None = None) -> str:
    """Link the first prose mention of each term on the page to the term's page.

    The mentions are the checker's (``shoptalk.check.mentions``): the same spans, the
    same longest match and the same sense of a shared abbreviation (``senses``, read
    from the page as written). Headings, code, links, HTML and macros are never linked.
    ``spans``: those mentions of ``normalise(markdown)`` when already known; ``titles``:
    the link title of a term instead of ``link_title`` (``hover_titles``' placeholders).
    """
    # Imported here: the checker imports this module (page_template reads code regions).
    from ..check import mentions, normalise

    markdown = normalise(markdown)
    linked = linked_terms(markdown, site)
    pieces: list[str] = []
    last = 0
    for span in mentions(markdown, index, senses) if spans is None else spans:
        term = site.glossary.terms.get(span.term_id)
        if not span.linkable or term is None or term.deprecated or term.id in linked:
            continue
        linked.add(term.id)
        target = rel(page, site.uri("term", term.id) or "")
        title = (titles or {}).get(term.id) or link_title(term)
        pieces += [markdown[last:span.start],
                   f'[{markdown[span.start:span.end]}]({target} "{title}")']
        last = span.end
    return "".join(pieces) + markdown[last:] if pieces else markdown


__all__ = ["blank_code", "code_regions", "link_first_mentions", "link_title", "linked_terms",
           "shield_code", "shield_code_insertions"]
