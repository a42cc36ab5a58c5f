"""The macros page authors call (``{{ term("ICP") }}``), for one page, with no engine in sight.

``page_macros`` answers every macro for one page; ``shoptalk.macros`` registers them
with mkdocs-macros, and ``render_macros`` runs them for ``shoptalk pages`` in a sandbox
that knows nothing else, so the folder it writes needs no macros plugin.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from ..crm.fields import SYSTEMS
from ..crm.show import export_markdown
from .context import CHEAT_SHEET, SiteData, UnknownName
from .env import link
from .mentions import shield_code
from .process import checklist, pipeline_diagram, pipeline_table
from .terms import term_table
from .widgets import core_list, handoff_matrix, self_check

Macro = Callable[..., Markup]
Locate = Callable[[str, str], str]  # (macro, name) -> "page:line" of the call


class MacroError(Exception):
    """A macro call that cannot be rendered; the message starts with ``page:line:``."""


def call_site(page: str, markdown: str, macro: str, name: str) -> str:
    """``page:line`` of the first call of ``macro`` with ``name`` in ``markdown``."""
    call = re.compile(rf"\b{re.escape(macro)}\([^)]*['\"]{re.escape(name)}['\"]")
    for number, line in enumerate(markdown.splitlines(), 1):
        if call.search(line):
            return f"{page}:{number}"
    return page


def page_macros(site: SiteData, uri: str, locate: Locate) -> dict[str, Macro]:
    """Every macro by the name pages call it, bound to the page at ``uri``."""

    def lookup(macro: str, name: object, find: Callable[[SiteData, str], Any],
               call: str | None = None) -> Any:
        # The message is the checker's: the call as written, then why it does not resolve.
        try:
            return find(site, str(name))
        except UnknownName as exc:
            shown = call or f'{macro}("{name}")'
            raise MacroError(f"{locate(macro, str(name))}: {shown} {exc}") from None

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
                raise MacroError(f"{locate('glossary_table', category)}: glossary_table("
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
        return pipeline_diagram(site) + Markup("\n\n") + pipeline_table(site, uri)

    def handoff_map() -> Markup:
        """The roles × stages matrix: who needs what from whom."""
        return handoff_matrix(site, uri)

    def core_terms() -> Markup:
        """The new-hire core terms in learning order, with definitions."""
        return core_list(site, uri)

    def quiz(count: int = 12) -> Markup:
        """A self-check quiz on the first ``count`` core terms (works on the static site)."""
        return self_check(site, uri, count)

    def cheat_sheet_link(label: str = "printable cheat sheet") -> Markup:
        """A link to the one-page printable cheat sheet."""
        return link(label, uri, CHEAT_SHEET)

    def crm_export(system: str) -> Markup:
        """What ``shoptalk export --format salesforce|hubspot`` writes, as code blocks."""
        if system not in SYSTEMS:
            raise MacroError(f"{locate('crm_export', str(system))}: crm_export(): unknown CRM "
                             f"'{system}'; available: {', '.join(SYSTEMS)}")
        return Markup(export_markdown(site.glossary, system))  # type: ignore[arg-type]

    return {"term": term, "stage": stage, "role": role, "framework": framework,
            "glossary_table": glossary_table, "stage_checklist": stage_checklist,
            "pipeline": pipeline, "handoff_map": handoff_map, "handoff_matrix": handoff_map,
            "core_terms": core_terms, "quiz": quiz, "self_check": quiz,
            "cheat_sheet_link": cheat_sheet_link, "crm_export": crm_export}


def render_macros(markdown: str, site: SiteData, uri: str, page: str) -> str:
    """``markdown`` (a page body) with its macro calls rendered; only the macros are known.

    Code is shielded first, as in the MkDocs build, so ``{{ }}`` in code stays as written.
    Check the page with ``shoptalk.page_template.page_problems`` first: this renders
    whatever it is given with nothing but the macros in reach. Raises ``MacroError``
    (``page:line: ...``) for an unknown name or a template error.
    """
    env = ImmutableSandboxedEnvironment(undefined=jinja2.StrictUndefined,
                                        keep_trailing_newline=True)
    # Nothing a page could reach but the macros (the policy already refuses the rest).
    env.globals.clear()
    env.filters.clear()
    env.globals.update(page_macros(site, uri, lambda macro, name: call_site(
        page, markdown, macro, name)))
    try:
        return env.from_string(shield_code(markdown)).render()
    except jinja2.TemplateSyntaxError as exc:
        raise MacroError(f"{page}:{exc.lineno}: {exc.message}") from None
    except jinja2.TemplateError as exc:
        line = _template_line(exc)
        raise MacroError(f"{page}:{line}: {exc}" if line else f"{page}: {exc}") from None


def _template_line(exc: BaseException) -> int | None:
    """The page line a Jinja runtime error happened on (Jinja maps its frames to the page)."""
    line, tb = None, exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


__all__ = ["MacroError", "call_site", "page_macros", "render_macros"]
