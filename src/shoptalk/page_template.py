"""What a page may put in template tags: Shoptalk's macros with literal arguments, nothing else.

mkdocs-macros renders every page as a Jinja template. Left alone, a page author could
read the build's environment or run commands in the deploy job
(``{{ cycler.__init__.__globals__.os.environ }}``). This module is the one policy the
checker and the site build both apply: each page is lexed and parsed with Jinja itself
(the same delimiters mkdocs-macros uses) and every tag is walked with an allow-list.
Allowed: ``{{ macro("literal", key=3) }}`` for a Shoptalk macro, a bare literal such as
``{{ "{{" }}`` (to show braces), comments and ``{% raw %}``. Everything else is a problem.

The policy walks what Jinja will actually render: code and other engines' syntax (Hugo
shortcodes, ``{{Account Name}}`` placeholders, ``{#id}`` heading attributes) are shielded
first (``shield_page``), and positions are mapped back to the text given.

A verdict depends only on the text, the delimiters and the macro names, so it is kept per
exact text (a bounded cache): under ``mkdocs serve`` a save that changes no page judges no
page again, and a page still refused is refused again from what was kept.
No mkdocs import here: the adapters call this module.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

import jinja2
import yaml
from jinja2 import nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment

from .page_sandbox import Kept, syntax_settings
from .render.mentions import RAW_CLOSE, RAW_OPEN, code_regions, shield_code_insertions

# The macros a page may call (registered by shoptalk.macros; a test keeps the two in step).
MACRO_NAMES = frozenset({"term", "stage", "role", "framework", "glossary_table",
                         "stage_checklist", "pipeline", "handoff_map", "handoff_matrix",
                         "core_terms", "quiz", "self_check", "cheat_sheet_link", "crm_export"})

RULE = "template-code"
HELP = ("pages may only call Shoptalk's macros (" + ", ".join(sorted(MACRO_NAMES))
        + ") with quoted text, numbers, true/false or none as arguments, "
        'e.g. {{ term("ICP") }}')

# MkDocs' front-matter rule (mkdocs.utils.meta), as in shoptalk.check.prose.
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)?(?:\.{3}|-{3})[ \t]*(?:\n|\Z)", re.S)
_TITLE_KEY = re.compile(r"^title[ \t]*:[ \t]*", re.M)
_BEGIN = ("variable_begin", "block_begin", "linestatement_begin")
_END = {"variable_begin": "variable_end", "block_begin": "block_end",
        "linestatement_begin": "linestatement_end"}

# Verdicts and shielded texts kept: every page and title of a large site, with room for edits.
KEPT = 4096


# Other engines' syntax that pages carried over from another handbook. Jinja cannot parse it
# (or would read {#id} as the start of a comment), so it is printed as written, inside
# {% raw %}: never evaluated. Each shape admits no brace, '%' or '<>' inside, so nothing in
# it can close the raw block or open a tag of its own; {{ config }}, {{ x.__class__ }} and
# every other lower-case or dotted expression keep going through the policy.
FOREIGN_RE = re.compile(
    r"\{\{%(?!\s*/?(?:end)?raw\b)\s*/?[A-Za-z][\w.-]*(?:\s[^{}%\n]*)?%\}\}"  # {{% note %}}
    r"|\{\{<(?!\s*/?(?:end)?raw\b)\s*/?[A-Za-z][\w.-]*(?:\s[^{}<>%\n]*)?>\}\}"  # {{< x >}}
    r"|\{\{[ \t]*(?!(?:True|False|None)[ \t]*\}\})[A-Z][A-Za-z0-9]*(?:[ _-][A-Za-z0-9]+)*[ \t]*\}\}"
    r"|\{#[A-Za-z][\w-]*(?:[ \t]+[.#]?[\w-]+(?:=[\w-]*)?)*\}(?!\})"  # {#id .class} after a heading
)


def shield_foreign_insertions(markdown: str) -> tuple[str, list[tuple[int, int]]]:
    """``markdown`` with other engines' syntax outside code wrapped in ``{% raw %}``, and
    what was inserted: (offset in ``markdown``, length) pairs, as shield_code_insertions."""
    if "{" not in markdown:
        return markdown, []
    code = list(code_regions(markdown)) if "`" in markdown or "~~~" in markdown else []
    out: list[str] = []
    inserted: list[tuple[int, int]] = []
    last = 0
    for m in FOREIGN_RE.finditer(markdown):
        if any(start < m.end() and m.start() < end for start, end in code):
            continue  # code is shielded as a whole
        out += [markdown[last:m.start()], RAW_OPEN, m.group(), RAW_CLOSE]
        inserted += [(m.start(), len(RAW_OPEN)), (m.end(), len(RAW_CLOSE))]
        last = m.end()
    out.append(markdown[last:])
    return "".join(out), inserted


def shield_page(markdown: str) -> str:
    """The page as Jinja may render it: code and other engines' syntax printed as written."""
    return _shield(markdown)[0]


@functools.lru_cache(maxsize=KEPT)
def shield_title(title: str) -> str:
    """A page title as Jinja may render it: a trailing ``{#id}`` dropped (attr_list drops
    it from the heading too), other engines' syntax shown as written."""
    trailing = _TRAILING_ATTRS.search(title)
    if trailing and FOREIGN_RE.fullmatch(trailing.group(1)):
        title = title[:trailing.start()]
    return shield_foreign_insertions(title)[0]


_TRAILING_ATTRS = re.compile(r"[ \t]*(\{#[^{}]*\})[ \t]*\Z")


@functools.lru_cache(maxsize=KEPT)  # what is returned is never changed
def _shield(markdown: str) -> tuple[str, _OffsetMap, _OffsetMap]:
    foreign, first = shield_foreign_insertions(markdown)
    rendered, second = shield_code_insertions(foreign)
    return rendered, _OffsetMap(second), _OffsetMap(first)


@dataclass(frozen=True, slots=True)
class TemplateProblem:
    """Template code a page may not contain: 1-based line and column, and the span's end."""

    line: int
    col: int
    end_col: int | None  # just past the offending tag, when it ends on the same line
    message: str


def syntax() -> jinja2.Environment:
    """A Jinja environment with mkdocs-macros' default delimiters, for reading pages."""
    return ImmutableSandboxedEnvironment(undefined=jinja2.StrictUndefined)


def template_problems(markdown: str, jinja: jinja2.Environment | None = None, *,
                      shield: bool = True) -> list[TemplateProblem]:
    """Every tag in ``markdown`` that is more than a macro call with literal arguments.

    ``shield``: judge the text as mkdocs-macros renders a page, code shielded; a page
    title has no code, so pass ``shield=False`` for it (see ``shield_title``). Never raises: a Jinja
    syntax error is a problem too. The verdict on a text is kept (see the module's note).
    """
    jinja = jinja or _reader()
    settings = syntax_settings(jinja)
    if settings is None:  # an extension reads the text: nothing to key a verdict on
        return _judge(markdown, jinja, shield)
    key = (markdown, shield, settings, MACRO_NAMES)
    return list(_verdicts.get(key, lambda: tuple(_judge(markdown, jinja, shield))))


_verdicts: Kept[tuple[str, bool, Hashable, frozenset[str]], tuple[TemplateProblem, ...]] = \
    Kept(KEPT)


@functools.cache
def _reader() -> jinja2.Environment:
    """The environment ``syntax()`` makes, made once: reading a text changes nothing in it."""
    return syntax()


def _judge(markdown: str, jinja: jinja2.Environment, shield: bool) -> list[TemplateProblem]:
    """``template_problems``, judged afresh."""
    text = markdown.replace("\r\n", "\n").replace("\r", "\n")
    if shield:
        rendered, to_foreign, to_text = _shield(text)
    else:  # a title: no code to shield, but other engines' syntax is still shown as written
        rendered, inserted = shield_foreign_insertions(text)
        to_foreign, to_text = _OffsetMap([]), _OffsetMap(inserted)

    def to_source(offset: int) -> int:
        return to_text(to_foreign(offset))

    starts = _line_starts(text)
    found: list[TemplateProblem] = []

    def add(start: int, end: int, message: str) -> None:
        first, last = to_source(start), max(to_source(end), to_source(start))
        if last <= first:  # no span known: point at the tag's opening delimiter
            last = first + len(text[first:first + 2].split("\n")[0])
        line, end_line = bisect_right(starts, first) - 1, bisect_right(starts, last) - 1
        found.append(TemplateProblem(line + 1, first - starts[line] + 1,
                                     last - starts[line] + 1 if end_line == line and last > first
                                     else None, f"{message}; {HELP}"))

    try:
        for start, end, kind, tokens in _tags(rendered, jinja):
            message = _tag_problem(kind, tokens, rendered[start:end], jinja)
            if message:
                add(start, end, message)
        if not found:  # the tags are fine one by one: the whole page must be too
            message = _template_problem(jinja.parse(rendered))
            if message:
                add(0, 0, message)
    except jinja2.TemplateSyntaxError as exc:
        at = _tag_start(rendered, exc.lineno)
        add(at, at, f"the template code does not parse ({exc.message}); check the braces "
                    "and quotes, or put the text in `code`")
    except RecursionError:
        add(0, 0, "the template code is nested too deeply")
    return _unique(found)


# Jinja's default delimiters open with these; a page without any holds no template code.
_JINJA_OPENER = re.compile(r"\{[{%#]")


def page_problems(source: str, jinja: jinja2.Environment | None = None
                  ) -> list[TemplateProblem]:
    """``template_problems`` of a whole page file: its body and its title, as mkdocs-macros
    renders them (nothing when the front matter says ``render_macros: false``)."""
    if _JINJA_OPENER.search(source) is None:  # no tag at all (most pages): skip the lexer
        return []
    text = source.replace("\r\n", "\n").replace("\r", "\n")
    meta, body_start = _front_matter(text)
    if meta.get("render_macros") == False:  # noqa: E712 - mkdocs-macros' own test
        return []
    body = re.sub(r"[^\n]", " ", text[:body_start]) + text[body_start:]
    found = template_problems(body, jinja)
    title, line, col = page_title(text)
    if title is not None:
        for p in template_problems(title, jinja, shield=False):
            end = None if p.end_col is None else col + p.end_col - 1
            found.append(TemplateProblem(line, col + p.col - 1, end, p.message))
    return _unique(found)


def page_title(source: str) -> tuple[str | None, int, int]:
    """The page title mkdocs-macros renders, and its line and column in ``source``.

    MkDocs takes ``title:`` from the front matter, else the first line when it is a
    ``# heading`` (mkdocs.utils.get_markdown_title).
    """
    meta, body_start = _front_matter(source)
    if "title" in meta:
        key = _TITLE_KEY.search(source, 0, body_start)
        line = source.count("\n", 0, key.start()) + 1 if key else 1
        col = key.end() - key.start() + 1 if key else 1
        col += 1 if key and source[key.end():key.end() + 1] in ("'", '"') else 0
        return str(meta["title"]), line, col
    offset = body_start
    for raw in source[body_start:].split("\n"):
        if raw.strip():
            stripped = raw.strip()
            if not stripped.startswith("# "):
                return None, 1, 1
            title = stripped.lstrip("# ")
            return title, source.count("\n", 0, offset) + 1, raw.index(title) + 1
        offset += len(raw) + 1
    return None, 1, 1


# -- reading tags ---------------------------------------------------------------------

def _tags(text: str, jinja: jinja2.Environment
          ) -> list[tuple[int, int, str, list[tuple[str, str]]]]:
    """(start, end, kind, tokens) of every statement and ``{{ }}`` tag, in order."""
    tags: list[tuple[int, int, str, list[tuple[str, str]]]] = []
    pos, open_at, kind = 0, 0, ""
    tokens: list[tuple[str, str]] = []
    for _, token, value in jinja.lexer.tokeniter(text, None):
        at = text.find(value, pos)  # the lexer drops only whitespace it strips
        at = pos if at < 0 else at
        pos = at + len(value)
        if token in _BEGIN:
            open_at, kind, tokens = at, token, []
        elif kind and token == _END[kind]:
            tags.append((open_at, pos, kind, tokens))
            kind = ""
        elif kind and token != "whitespace":
            tokens.append((token, value))
    return tags


def _tag_problem(kind: str, tokens: list[tuple[str, str]], tag: str,
                 jinja: jinja2.Environment) -> str | None:
    if kind != "variable_begin":
        name = tokens[0][1] if tokens else ""
        return f"'{{% {name} %}}' is not allowed: pages cannot use template statements"
    return _template_problem(jinja.parse(tag))


def _template_problem(template: nodes.Template) -> str | None:
    """Why a parsed template is more than literals and macro calls, or None."""
    for statement in template.body:
        if not isinstance(statement, nodes.Output):
            return f"'{type(statement).__name__.lower()}' statements are not allowed"
        for node in statement.nodes:
            message = _expression_problem(node)
            if message:
                return message
    return None


def _expression_problem(node: nodes.Node) -> str | None:
    if isinstance(node, nodes.TemplateData | nodes.Const):
        return None
    if isinstance(node, nodes.Name):
        return _name_problem(node.name)
    if not (isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name)):
        return f"{_innermost(node)} is not allowed"
    macro = node.node.name
    if macro not in MACRO_NAMES:
        return _name_problem(macro)
    if node.dyn_args is not None or node.dyn_kwargs is not None:
        return f"{macro}() takes its arguments written out, not unpacked with * or **"
    for arg in [*node.args, *(k.value for k in node.kwargs)]:
        if not _literal(arg):
            return (f"{macro}() needs each argument written out as quoted text, a number, "
                    f"true/false or none, not {_innermost(arg)}")
    return None


def _literal(node: nodes.Node) -> bool:
    """Text, a number (``-1`` too), true/false or none, written out."""
    if isinstance(node, nodes.Neg | nodes.Pos):
        return isinstance(node.node, nodes.Const) and type(node.node.value) in (int, float)
    return isinstance(node, nodes.Const)


def _name_problem(name: str) -> str:
    if name in MACRO_NAMES:
        return f"'{name}' needs brackets to be called: write {name}()"
    return f"'{name}' is not one of Shoptalk's macros"


def _innermost(node: nodes.Node) -> str:
    """The first disallowed step of an expression, in an editor's words: for
    ``cycler.__init__.__globals__`` that is ``.__init__``."""
    inner = _step_base(node)
    while inner is not None and _step_base(inner) is not None:
        node, inner = inner, _step_base(inner)
    if isinstance(node, nodes.Name):
        return f"the variable '{node.name}'"
    if isinstance(node, nodes.Getattr):
        return f"'.{node.attr}' (reading inside a value)"
    if isinstance(node, nodes.Getitem):
        return "'[...]' (reading inside a value)"
    if isinstance(node, nodes.Filter):
        return f"the filter '| {node.name}'"
    if isinstance(node, nodes.Test):
        return f"the test 'is {node.name}'"
    if isinstance(node, nodes.Call):
        return ("a macro call inside another" if isinstance(node.node, nodes.Name)
                else "calling something other than a macro")
    if isinstance(node, nodes.Tuple | nodes.List | nodes.Dict):
        return "a list or dictionary"
    return "a calculation or operator"


def _step_base(node: nodes.Node) -> nodes.Node | None:
    """``x`` when ``node`` is a step applied to it (``x.a``, ``x[0]``, ``x | f``, ``x is t``,
    ``x()`` for anything but a name), else None."""
    if isinstance(node, nodes.Getattr | nodes.Getitem | nodes.Filter | nodes.Test):
        return node.node
    if isinstance(node, nodes.Call) and not isinstance(node.node, nodes.Name):
        return node.node
    return None


# -- positions ------------------------------------------------------------------------

class _OffsetMap:
    """Offsets in shielded text back to the text before shielding."""

    def __init__(self, inserted: list[tuple[int, int]]) -> None:
        self.at: list[int] = []  # shielded offset where each insertion starts
        self.source: list[int] = []
        self.length: list[int] = []
        shift = 0
        for offset, length in inserted:
            self.at.append(offset + shift)
            self.source.append(offset)
            self.length.append(length)
            shift += length

    def __call__(self, offset: int) -> int:
        k = bisect_right(self.at, offset) - 1
        if k < 0:
            return offset
        inside = offset - self.at[k]
        if inside < self.length[k]:
            return self.source[k]
        return self.source[k] + inside - self.length[k]


def _line_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in re.finditer("\n", text))]


def _tag_start(text: str, line: int) -> int:
    """The offset of the last tag opening on ``line`` (where a syntax error most likely is)."""
    starts = _line_starts(text)
    begin = starts[min(max(line, 1), len(starts)) - 1]
    end = text.find("\n", begin)
    row = text[begin:end if end >= 0 else len(text)]
    opening = max(row.rfind("{{"), row.rfind("{%"), row.rfind("{#"))
    return begin + max(opening, 0)


def _front_matter(source: str) -> tuple[dict[str, Any], int]:
    match = _FRONT_MATTER.match(source)
    if not match:
        return {}, 0
    try:
        meta = yaml.safe_load(match.group(1) or "")
    except yaml.YAMLError:
        meta = None
    return (meta if isinstance(meta, dict) else {}), match.end()


def _unique(found: list[TemplateProblem]) -> list[TemplateProblem]:
    seen: dict[tuple[int, int, str], TemplateProblem] = {}
    for p in found:
        seen.setdefault((p.line, p.col, p.message), p)
    return sorted(seen.values(), key=lambda p: (p.line, p.col))


__all__ = ["FOREIGN_RE", "HELP", "KEPT", "MACRO_NAMES", "RULE", "TemplateProblem", "page_problems",
           "page_title", "shield_foreign_insertions", "shield_page", "shield_title", "syntax",
           "template_problems"]
