"""Markdown-level passes over hand-written pages: code shielding and first-mention links.

These work on Markdown text line by line and never touch fenced code, inline
code, headings, links, raw HTML or definition lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import safe
from .context import SiteData
from .env import rel

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")
LINK = re.compile(r"!?\[[^\]]*\]\([^)]*\)|!?\[[^\]]*\]\[[^\]]*\]|<[^>\n]*>|https?://\S+")
JINJA_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
SKIP_LINE = re.compile(r"^\s*(#|\*\[|\[[^\]]+\]:|!!!|\?\?\?|<|\{%|---\s*$|===)")


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


def _mention_pattern(site: SiteData) -> tuple[re.Pattern[str], dict[str, str], dict[str, str]]:
    names: dict[str, str] = {}  # folded name or alias -> term id
    abbrs: dict[str, str] = {}  # abbreviation as written -> term id
    clashes: set[str] = set()
    for term in site.glossary.terms.values():
        if term.deprecated:
            continue
        for table, form in [*((names, f.casefold()) for f in (term.name, *term.aliases)),
                            *([(abbrs, term.abbreviation)] if term.abbreviation else [])]:
            if len(form) < 2:
                continue
            if table.get(form, term.id) != term.id:
                clashes.add(form)  # a homonym (PQL): the hover explains both, no link
            table.setdefault(form, term.id)
    for form in clashes:
        names.pop(form, None)
        abbrs.pop(form, None)
    words = sorted({*names, *abbrs}, key=len, reverse=True)
    pattern = "|".join(re.escape(w) for w in words) or r"(?!x)x"
    return re.compile(rf"(?<![\w-])({pattern})(?![\w-])", re.I), names, abbrs


_CACHE: dict[int, tuple[re.Pattern[str], dict[str, str], dict[str, str]]] = {}


def link_first_mentions(markdown: str, site: SiteData, page: str) -> str:
    """Link the first prose mention of each term on the page to the term's page.

    Names and aliases match in any case; abbreviations only as written.
    """
    key = id(site.glossary)
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = _mention_pattern(site)
    pattern, names, abbrs = _CACHE[key]
    linked = set(re.findall(r"glossary/([a-z0-9-]+)\.md", markdown))
    lines = markdown.splitlines(keepends=True)
    shield_lines = blank_code(markdown).splitlines(keepends=True)
    in_html = False
    for n, (line, shield) in enumerate(zip(lines, shield_lines, strict=True)):
        if in_html or SKIP_LINE.match(line):
            in_html = (in_html or line.lstrip().startswith("<")) and line.strip() != ""
            continue
        masked = LINK.sub(lambda m: " " * len(m.group(0)), shield)
        pieces, last = [], 0
        for match in pattern.finditer(masked):
            text = match.group(1)
            term_id = abbrs.get(text) or names.get(text.casefold())
            if term_id is None or term_id in linked:
                continue
            linked.add(term_id)
            term = site.glossary.terms[term_id]
            target = rel(page, site.uri("term", term_id) or "")
            pieces += [line[last:match.start()],
                       f'[{line[match.start():match.end()]}]({target} '
                       f'"{safe.attr_text(term.definition)}")']
            last = match.end()
        if pieces:
            lines[n] = "".join(pieces) + line[last:]
    return "".join(lines)


__all__ = ["blank_code", "code_regions", "link_first_mentions", "shield_code",
           "shield_code_insertions"]
