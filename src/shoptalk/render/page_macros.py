"""The macros page authors call (``{{ term("ICP") }}``), for one page, with no engine in sight.

``page_macros`` answers every macro for one page; ``shoptalk.macros`` registers them
with mkdocs-macros, and ``render_macros`` runs them for ``shoptalk pages`` in a sandbox
that knows nothing else, so the folder it writes needs no macros plugin.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from ..crm.fields import SYSTEMS
from ..crm.show import export_markdown
from ..problems import Problem
from .context import CHEAT_SHEET, SiteData, UnknownName
from .env import link
from .handoffs import handoff_matrix
from .process import checklist, pipeline_diagram, pipeline_table
from .quiz import quiz_markup
from .terms import term_table
from .widgets import core_list

Macro = Callable[..., Markup]
RULE = "page-macro"


@dataclass(frozen=True, slots=True)
class CallSite:
    """Where a macro call stands: the page as shown, 1-based line and column."""

    path: str
    line: int = 1
    col: int = 1


Locate = Callable[[str, object], CallSite]  # (macro, first argument or None) -> the call


class MacroError(Exception):
    """A macro call that cannot be rendered; ``str()`` is ``page:line:col: message``."""

    def __init__(self, where: CallSite, text: str) -> None:
        super().__init__(f"{where.path}:{where.line}:{where.col}: {text}")
        self.where, self.text = where, text

    def problem(self, line_offset: int = 0) -> Problem:
        """The error as a problem (``line_offset``: lines before the text it was found in)."""
        w = self.where
        return Problem(w.path, w.line + line_offset, w.col, "error", self.text, RULE)


def call_site(page: str, source: str, macro: str, name: object = None) -> CallSite:
    """The first call of ``macro`` in ``source`` (with ``name`` as its quoted argument,
    when given): its line counted from the top of ``source`` and the column of the name
    (of the macro when no name is given), as the checker reports it."""
    call = re.compile(rf"\b{re.escape(macro)}\s*\(")
    quoted = None if name is None else re.compile(rf"""(['"]){re.escape(str(name))}\1""")
    for number, line in enumerate(source.splitlines(), 1):
        for found in call.finditer(line):
            if quoted is None:
                return CallSite(page, number, found.start() + 1)
            end = line.find(")", found.end())
            arg = quoted.search(line, found.end(), len(line) if end < 0 else end)
            if arg:
                return CallSite(page, number, arg.start() + 2)
    # A number, or a name written differently: the macro's first call is the best guess.
    return CallSite(page) if name is None else call_site(page, source, macro)


def page_macros(site: SiteData, uri: str, locate: Locate) -> dict[str, Macro]:
    """Every macro by the name pages call it, bound to the page at ``uri``: make it once
    for all the calls of a page (each table is made afresh)."""

    def lookup(macro: str, name: object, find: Callable[[SiteData, str], Any],
               call: str | None = None) -> Any:
        # The message is the checker's: the call as written, then why it does not resolve.
        try:
            return find(site, str(name))
        except UnknownName as exc:
            shown = call or f'{macro}("{name}")'
            raise MacroError(locate(macro, name), f"{shown} {exc}") from None

    def term(name: str, label: str | None = None) -> Markup:
        """A link to a term; hovering it shows the definition."""
        return site.term_link(lookup("term", name, SiteData.find_term).id, uri, label)

    def stage(name: str, label: str | None = None) -> Markup:
        """A link to a stage page; hovering it shows the stage's purpose."""
        return site.stage_link(lookup("stage", name, SiteData.find_stage).id, uri, label)

    def role(name: str, label: str | None = None) -> Markup:
        """A link to a role page (shown by abbreviation when it has one)."""
        return site.role_link(lookup("role", name, SiteData.find_role).id, uri, label)

    def framework(name: str) -> Markup:
        """A link to a framework page."""
        return site.framework_link(lookup("framework", name, SiteData.find_framework).id, uri)

    def glossary_table(category: str | None = None, stage: str | None = None,
                       core: bool | None = None) -> Markup:
        """A table of terms, optionally only one category's, one stage's, or the core set."""
        terms = list(site.glossary.terms.values())
        if category is not None:
            if category not in site.glossary.categories:
                choices = ", ".join(site.glossary.categories)
                raise MacroError(locate("glossary_table", category), f"glossary_table("
                                 f"category=\"{category}\") matches no category; choose one "
                                 f"of: {choices}")
            terms = [t for t in terms if t.category == category]
        if stage is not None:
            stage_id = lookup("glossary_table", stage, SiteData.find_stage,
                              f'glossary_table(stage="{stage}")').id
            terms = [t for t in terms if stage_id in t.stages]
        if core is not None:
            terms = [t for t in terms if t.core == core]
        return term_table(site, terms, uri)

    def stage_checklist(name: str) -> Markup:
        """The entry and exit criteria of a stage as a checklist."""
        return checklist(lookup("stage_checklist", name, SiteData.find_stage))

    def pipeline() -> Markup:
        """The pipeline diagram and its table of probability, forecast, owner and duration."""
        return pipeline_diagram(site, uri) + Markup("\n\n") + pipeline_table(site, uri)

    def handoff_map() -> Markup:
        """The roles × stages matrix: who needs what from whom."""
        return handoff_matrix(site, uri)

    def core_terms() -> Markup:
        """The new-hire core terms in learning order, with definitions."""
        return core_list(site, uri)

    def quiz(count: int = 10) -> Markup:
        """A self-check of ``count`` questions, a new set from the glossary on each visit."""
        return quiz_markup(site, uri, count)

    def cheat_sheet_link(label: str = "printable cheat sheet") -> Markup:
        """A link to the one-page printable cheat sheet."""
        return link(label, uri, CHEAT_SHEET)

    def crm_export(system: str) -> Markup:
        """What ``shoptalk export --format salesforce|hubspot`` writes, as code blocks."""
        if system not in SYSTEMS:
            raise MacroError(locate("crm_export", system), f"crm_export(): unknown CRM "
                             f"'{system}'; available: {', '.join(SYSTEMS)}")
        return Markup(export_markdown(site.glossary, system))  # type: ignore[arg-type]

    macros: dict[str, Macro] = {
        "term": term, "stage": stage, "role": role, "framework": framework,
        "glossary_table": glossary_table, "stage_checklist": stage_checklist,
        "pipeline": pipeline, "handoff_map": handoff_map, "handoff_matrix": handoff_map,
        "core_terms": core_terms, "quiz": quiz, "self_check": quiz,
        "cheat_sheet_link": cheat_sheet_link, "crm_export": crm_export}
    return {name: _failing_as_macro_error(name, macro, locate) for name, macro in macros.items()}


def _failing_as_macro_error(name: str, macro: Macro, locate: Locate) -> Macro:
    """``macro``, raising only ``MacroError``: a wrong argument or a bug in rendering is
    reported at the call like an unknown name, never as a traceback."""

    @functools.wraps(macro)
    def call(*args: Any, **kwargs: Any) -> Markup:
        try:
            return macro(*args, **kwargs)
        except MacroError:
            raise
        except TypeError as exc:  # wrong arguments: Python says which
            said = str(exc).split("() ", 1)[-1]
            raise MacroError(locate(name, args[0] if args else None),
                             f"{name}() {said}; see the macro list in docs/authoring.md"
                             ) from None
        except Exception as exc:  # a page must never take the site down
            raise MacroError(locate(name, args[0] if args else None),
                             f"{name}() could not be rendered ({type(exc).__name__}: {exc})"
                             ) from None

    return call


def render_macros(markdown: str, site: SiteData, uri: str, page: str) -> str:
    """``markdown`` (a page body) with its macro calls rendered; only the macros are known.

    Code and other engines' syntax are shielded first, as in the MkDocs build, so ``{{ }}``
    in code, shortcodes, ``{{Account Name}}`` and ``{#id}`` stay as written.
    Check the page with ``shoptalk.page_template.page_problems`` first: this renders
    whatever it is given with nothing but the macros in reach. Raises ``MacroError``
    (``page:line: ...``) for an unknown name or a template error.
    """
    env = ImmutableSandboxedEnvironment(undefined=jinja2.StrictUndefined,
                                        keep_trailing_newline=True)
    # Nothing a page could reach but the macros (the policy already refuses the rest).
    env.globals.clear()
    env.filters.clear()
    env.globals.update(page_macros(site, uri, functools.partial(call_site, page, markdown)))
    # Code and other engines' syntax shown as written, as the MkDocs hook does (imported
    # here: page_template itself imports from this package).
    from ..page_template import shield_page
    try:
        return env.from_string(shield_page(markdown)).render()
    except jinja2.TemplateSyntaxError as exc:
        raise MacroError(CallSite(page, exc.lineno or 1), exc.message or str(exc)) from None
    except jinja2.TemplateError as exc:
        raise MacroError(CallSite(page, _template_line(exc) or 1), str(exc)) from None


def _template_line(exc: BaseException) -> int | None:
    """The page line a Jinja runtime error happened on (Jinja maps its frames to the page)."""
    line, tb = None, exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


__all__ = ["RULE", "CallSite", "Locate", "Macro", "MacroError", "call_site", "page_macros",
           "render_macros"]
