"""The prose of a Markdown page, as a reader sees it, mapped back to the file.

markdown-it-py parses the page; only inline text of paragraphs, headings, list
items, block quotes and table cells is kept. Code, HTML, URLs, link targets and
macro syntax are cut out, and a NUL barrier takes their place so a phrase never
matches across them. Emphasis markers vanish without a trace, so
``budget **holder**`` reads as ``budget holder``. The raw HTML and the link and image
targets cut out are kept aside, with their positions, for the ``unsafe-html`` rule.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from .parser import PARSER

BARRIER = "\x00"
FILLER = "\ufffc"  # stands in for every character of a macro, so Markdown structure is kept


# MkDocs' own front-matter rule (mkdocs.utils.meta): YAML between --- lines at the very top.
FRONT_MATTER_RE = re.compile(r"\A-{3}[ \t]*\n(.*?\n)?(?:\.{3}|-{3})[ \t]*(?:\n|\Z)", re.S)
# Jinja as mkdocs-macros sees it: expressions, statements, comments.
MACRO_RE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
# Bare URLs and e-mail addresses inside text (autolinks are tokens of their own).
URL_RE = re.compile(r"(?:[a-zA-Z][a-zA-Z0-9+.-]*://|www\.|mailto:)[^\s<>\x00]*"
                    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Material for MkDocs blocks whose body is indented (admonitions, details, content tabs).
INDENTED_BLOCK_RE = re.compile(r"^(?:!!!|\?\?\?\+?|===)[ \t]")


@dataclass(slots=True)
class Block:
    """One run of prose (a paragraph, heading or table cell) and where its pieces sit."""

    text: str
    starts: list[int]  # prose offset where each verbatim piece begins
    sources: list[int]  # source offset of that piece's first character
    # Where the block sits, for the site's links: "prose", "heading" or "html" (the text
    # of an HTML block); and the prose ranges that already are link text.
    place: str = "prose"
    links: list[tuple[int, int]] = field(default_factory=list)

    def source_offset(self, index: int) -> int:
        """The source offset of the prose character at ``index``."""
        k = bisect_right(self.starts, index) - 1
        return self.sources[k] + (index - self.starts[k])


@dataclass(slots=True)
class Comment:
    """An HTML comment in the page and the lines (0-based, inclusive) it governs."""

    text: str
    first_line: int
    last_line: int


@dataclass
class Page:
    """What the checker needs from one page."""

    source: str  # the text with line endings normalised to \n (columns unchanged)
    line_starts: list[int]
    blocks: list[Block] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    front_matter: str | None = None
    macros: list[tuple[int, str]] = field(default_factory=list)  # (offset, text) in prose only
    html: list[tuple[int, str]] = field(default_factory=list)  # (offset, raw HTML as written)
    links: list[tuple[int, str]] = field(default_factory=list)  # (offset, link or image target)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a source offset; columns count code points."""
        line = bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1


def normalise(text: str) -> str:
    """Line endings to \\n and NUL to U+FFFD, as markdown-it does; lines and columns unchanged."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\0", "\ufffd") if "\0" in text else text


def line_starts(text: str) -> list[int]:
    """The offset at which each line of ``text`` starts."""
    starts = [0]
    find = text.find
    i = find("\n")
    while i >= 0:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return starts


def _blank(text: str, start: int, end: int, char: str) -> str:
    """Replace text[start:end] with ``char`` everywhere but at line breaks (offsets kept)."""
    chunk = "".join("\n" if c == "\n" else char for c in text[start:end])
    return text[:start] + chunk + text[end:]


def read_page(text: str) -> Page:
    """Parse a page's Markdown into prose blocks, comments, front matter and prose macros."""
    source = normalise(text)
    page = Page(source, line_starts(source))
    work = source
    fm = FRONT_MATTER_RE.match(work)
    if fm:
        page.front_matter = fm.group(1) or ""
        work = _blank(work, 0, fm.end(), " ")
    macros: dict[int, str] = {}
    if "{" in work:
        for m in MACRO_RE.finditer(work):
            macros[m.start()] = m.group()
        if macros:
            work = MACRO_RE.sub(lambda m: "".join("\n" if c == "\n" else FILLER
                                                  for c in m.group()), work)
    fillers: set[int] = set()
    _walk(work, 0, page, fillers)
    page.macros = [(offset, body) for offset, body in macros.items() if offset in fillers]
    return page


def _walk(work: str, base_line: int, page: Page, fillers: set[int]) -> None:
    """Collect blocks and comments of ``work``, whose line 0 is page line ``base_line``."""
    work, nested = _lift_indented_blocks(work)
    tokens = PARSER.parse(work)
    cursors: dict[int, int] = {}  # per line: where the last table cell ended
    lines: list[str] | None = None
    for i, tok in enumerate(tokens):
        if tok.type == "inline" and tok.map:
            block = _inline(tok, work, page, base_line, cursors, fillers)
            if block is not None:
                if i and tokens[i - 1].type == "heading_open":
                    block.place = "heading"
                page.blocks.append(block)
        if tok.type == "html_block" and tok.map:
            # The lines as written (list indents and quote marks are plain text to HTML).
            lines = work.split("\n") if lines is None else lines
            text = "\n".join(lines[tok.map[0]:tok.map[1]])
            page.html.append((page.line_starts[base_line + tok.map[0]], text))
            if "<!--" in tok.content:
                # A comment on its own governs the next block at its level (a list: all of it).
                nxt = next((t.map for t in tokens[i + 1:] if t.map and t.level == tok.level),
                           None)
                first, last = (nxt[0], nxt[1] - 1) if nxt else (tok.map[1], tok.map[1])
                page.comments.append(Comment(tok.content, base_line + first, base_line + last))
            # The text a reader sees inside the HTML (<li> items) is prose; tags are not.
            block = _html_text(tok.content, base_line + tok.map[0], work, page)
            if block is not None:
                page.blocks.append(block)
    for offset_line, indent, body in nested:
        _walk_indented(body, base_line + offset_line, indent, page, fillers)


def _walk_indented(body: str, base_line: int, indent: int, page: Page, fillers: set[int]) -> None:
    # Parse the body as its own document, then shift its positions right by the indent.
    sub = Page(body, line_starts(body))
    fillers_local: set[int] = set()
    _walk(body, 0, sub, fillers_local)
    for block in sub.blocks:
        block.sources = [page.line_starts[base_line + line] + indent + col
                         for line, col in (_line_col(sub, s) for s in block.sources)]
        page.blocks.append(block)
    for c in sub.comments:
        page.comments.append(Comment(c.text, base_line + c.first_line, base_line + c.last_line))
    def moved(offset: int) -> int:
        line, col = _line_col(sub, offset)
        return page.line_starts[base_line + line] + indent + col

    fillers.update(moved(offset) for offset in fillers_local)
    page.html.extend((moved(offset), text) for offset, text in sub.html)
    page.links.extend((moved(offset), target) for offset, target in sub.links)


def _line_col(page: Page, offset: int) -> tuple[int, int]:
    line = bisect_right(page.line_starts, offset) - 1
    return line, offset - page.line_starts[line]


def _lift_indented_blocks(work: str) -> tuple[str, list[tuple[int, int, str]]]:
    """Cut Material's indented block bodies (``!!! note`` …) out, to parse them on their own.

    markdown-it would read a 4-space indented body as a code block; MkDocs reads it as prose.
    """
    if "!!!" not in work and "???" not in work and "===" not in work:
        return work, []
    lines = work.split("\n")
    nested: list[tuple[int, int, str]] = []
    i = 0
    fence = False
    while i < len(lines):
        stripped = lines[i].lstrip()
        if stripped.startswith(("```", "~~~")):
            fence = not fence
        if fence or not INDENTED_BLOCK_RE.match(lines[i]):
            i += 1
            continue
        j = i + 1
        while j < len(lines) and (lines[j].startswith("    ") or not lines[j].strip()):
            j += 1
        while j > i + 1 and not lines[j - 1].strip():
            j -= 1
        if j > i + 1:
            nested.append((i + 1, 4, "\n".join(line[4:] for line in lines[i + 1:j])))
            for k in range(i + 1, j):
                lines[k] = " " * len(lines[k])  # blank, with offsets kept
        i = j
    return "\n".join(lines), nested


# What in an HTML block is not text a reader sees: comments, code-like elements, tags.
_HTML_MARKUP_RE = re.compile(r"<!--.*?(?:-->|\Z)"
                             r"|<(script|style|pre|code|textarea)\b.*?(?:</\1\s*>|\Z)"
                             r"|<[^>]*>?", re.S | re.I)
_ENTITY_RE = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);", re.I)


def _html_text(content: str, first_line: int, src: str, page: Page) -> Block | None:
    """The text of an HTML block (``<ul><li>…</li></ul>``) as prose: tags, attributes,
    comments, code and entities are barriers, never words."""
    if not content.strip() or "<" not in content:
        return None
    out = _Builder()
    offset = 0
    marks = [(m.start(), m.end()) for m in _HTML_MARKUP_RE.finditer(content)]
    for n, piece in enumerate(content.split("\n")):
        line = first_line + n
        if line >= len(page.line_starts):
            break
        start = page.line_starts[line]
        end = page.line_starts[line + 1] - 1 if line + 1 < len(page.line_starts) else len(src)
        at = src.find(piece, start, end) if piece else start
        if at >= 0:
            _html_line(content, marks, offset, len(piece), at, out)
        out.gap(" ")
        offset += len(piece) + 1
    if not any(part.strip(" " + BARRIER) for part in out.parts):
        return None
    text = _ENTITY_RE.sub(lambda m: BARRIER * len(m.group()), "".join(out.parts))
    return Block(text, out.starts, out.sources, "html")


def _html_line(content: str, marks: list[tuple[int, int]], begin: int, size: int, source: int,
               out: _Builder) -> None:
    """Add the text of content[begin:begin + size] (one line, at ``source``) to ``out``."""
    cursor = begin
    for mark_start, mark_end in marks:
        if mark_end <= begin:
            continue
        if mark_start >= begin + size:
            break
        if mark_start > cursor:
            out.piece(content[cursor:mark_start], source + cursor - begin)
        out.gap(BARRIER)
        cursor = max(cursor, mark_end)
    if cursor < begin + size:
        out.piece(content[cursor:begin + size], source + cursor - begin)


class _Builder:
    """Accumulates prose text and its piece map for one inline token."""

    __slots__ = ("links", "parts", "size", "sources", "starts")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.starts: list[int] = []
        self.sources: list[int] = []
        self.links: list[tuple[int, int]] = []  # prose ranges of link text

    def piece(self, text: str, source: int) -> None:
        self.starts.append(self.size)
        self.sources.append(source)
        self.parts.append(text)
        self.size += len(text)

    def gap(self, char: str) -> None:
        if self.parts and self.parts[-1] != char:
            self.parts.append(char)
            self.size += 1


def _inline(tok: Any, src: str, page: Page, base_line: int, cursors: dict[int, int],
            fillers: set[int]) -> Block | None:
    content: str = tok.content
    # Where each line of the inline content starts in the source.
    line_map: list[tuple[int, int]] = []  # (content offset, source offset)
    offset = 0
    for n, piece in enumerate(content.split("\n")):
        line = base_line + tok.map[0] + n
        if line >= len(page.line_starts):
            return None
        start = page.line_starts[line]
        end = page.line_starts[line + 1] - 1 if line + 1 < len(page.line_starts) else len(src)
        at = src.find(piece, max(start, cursors.get(line, start)), end) if piece else start
        if at < 0:
            lead = len(piece) - len(piece.lstrip(" \t"))
            at = src.find(piece[lead:], start, end)
            if at < 0:
                return None
            at -= lead
        cursors[line] = at + len(piece)
        line_map.append((offset, at))
        offset += len(piece) + 1
    line_offsets = [c for c, _ in line_map]

    def to_source(c: int) -> int:
        k = bisect_right(line_offsets, c) - 1
        return line_map[k][1] + (c - line_map[k][0])

    out = _Builder()
    cursor = 0
    opened: list[tuple[int, str]] = []  # where each open link starts, and its href
    text_starts: list[int] = []  # prose offset where each open link's text starts
    children = tok.children or []
    i = 0
    while i < len(children):
        ch = children[i]
        kind = ch.type
        if kind == "text":
            at = content.find(ch.content, cursor) if ch.content else -1
            if at >= 0:
                out.piece(ch.content, to_source(at))
                cursor = at + len(ch.content)
                if "<" in ch.content:  # Python-Markdown takes <svg/onload=…> for HTML
                    page.html.append((to_source(at), ch.content))
                if FILLER in ch.content:
                    s = to_source(at)
                    fillers.update(s + k for k, c in enumerate(ch.content) if c == FILLER)
        elif kind in ("softbreak", "hardbreak"):
            at = content.find("\n", cursor)
            cursor = at + 1 if at >= 0 else cursor
            out.gap(" ")
        elif kind == "link_open" and ch.markup == "autolink":
            opening = content.find("<", cursor)
            close = content.find(">", opening)
            if opening >= 0 and close > opening:
                page.links.append((to_source(opening + 1), content[opening + 1:close]))
            cursor = close + 1 if close >= 0 else cursor
            out.gap(BARRIER)
            while i + 1 < len(children) and children[i + 1].type != "link_close":
                i += 1
            i += 1
        elif kind == "link_open":
            opened.append((content.find("[", cursor), ch.attrGet("href") or ""))
            text_starts.append(out.size)
        elif kind == "link_close":
            start, href = opened.pop() if opened else (cursor, "")
            cursor = _target(content, cursor, start, href, to_source, page)
            if text_starts:
                out.links.append((text_starts.pop(), out.size))
        elif kind == "image":
            at = content.find("![", cursor)
            cursor = at + 2 if at >= 0 else cursor
            for alt in ch.children or []:
                if alt.type == "text" and alt.content:
                    found = content.find(alt.content, cursor)
                    cursor = found + len(alt.content) if found >= 0 else cursor
            cursor = _target(content, cursor, at, str(ch.attrGet("src") or ""), to_source, page)
            out.gap(BARRIER)
        elif kind == "code_inline":
            at = content.find(ch.markup, cursor)
            if at >= 0:
                close = content.find(ch.markup, at + len(ch.markup))
                cursor = close + len(ch.markup) if close >= 0 else cursor
            out.gap(BARRIER)
        elif kind in ("html_inline", "text_special"):
            needle = ch.content if kind == "html_inline" else ch.markup
            at = content.find(needle, cursor)
            if at >= 0:
                cursor = at + len(needle)
                if kind == "html_inline":
                    page.html.append((to_source(at), needle))
                    _html_anchor(needle, out, text_starts)
                if kind == "html_inline" and needle.startswith("<!--"):
                    line = page.position(to_source(at))[0] - 1
                    page.comments.append(Comment(needle, line, line + 1))
            out.gap(BARRIER)
        i += 1
    if not out.starts:
        return None
    out.links.extend((start, out.size) for start in text_starts)  # an <a> left open
    text = "".join(out.parts)
    if ("://" in text or "www." in text or "@" in text or "mailto:" in text):
        text = URL_RE.sub(lambda m: BARRIER * len(m.group()), text)
    return Block(text, out.starts, out.sources, links=out.links)


_ANCHOR_RE = re.compile(r"<(/?)a(?:[\s/>]|\Z)", re.I)


def _html_anchor(tag: str, out: _Builder, text_starts: list[int]) -> None:
    """An inline ``<a …>`` opens link text as ``[`` does; ``</a>`` closes it."""
    found = _ANCHOR_RE.match(tag)
    if found is None:
        return
    if not found.group(1):
        text_starts.append(out.size)
    elif text_starts:
        out.links.append((text_starts.pop(), out.size))


def _target(content: str, cursor: int, start: int, href: str, to_source: Any,
            page: Page) -> int:
    """Record a link's or image's target as written (a reference link: its resolved href,
    at the link), and move past it."""
    after = _skip_destination(content, cursor)
    close = content.find("]", cursor)
    if 0 <= close < after - 1 and content[close + 1] == "(":
        at = close + 2
        while at < after and content[at] in " \t\n":
            at += 1
        written = content[at:after - 1].split(None, 1)[0] if at < after - 1 else ""
        page.links.append((to_source(at), written.strip("<>")))
    elif href:
        page.links.append((to_source(max(start, 0)), href))
    return after


def _skip_destination(content: str, cursor: int) -> int:
    """Move past ``](target "title")`` or ``][ref]`` after a link's text."""
    close = content.find("]", cursor)
    if close < 0:
        return cursor
    i = close + 1
    if i < len(content) and content[i] == "[":
        end = content.find("]", i)
        return end + 1 if end >= 0 else i
    if i >= len(content) or content[i] != "(":
        return i
    depth, quote = 0, ""
    while i < len(content):
        c = content[i]
        if quote:
            if c == quote:
                quote = ""
        elif c == "\\":
            i += 1
        elif c in "\"'" and depth == 1 and content[i - 1] in " \t\n":
            quote = c
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return i


__all__ = [
    "BARRIER", "FILLER", "FRONT_MATTER_RE", "INDENTED_BLOCK_RE", "MACRO_RE", "URL_RE", "Block",
    "Comment", "Page", "line_starts", "normalise", "read_page"
]
