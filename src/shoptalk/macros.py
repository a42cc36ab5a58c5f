"""Macros for page authors (a mkdocs-macros module: ``modules: [shoptalk.macros]``).

Each macro looks a record up by id, name, alias or abbreviation and returns
Markdown from the render layer. A call that cannot be rendered (an unknown or
ambiguous name, a wrong argument) never reaches mkdocs-macros, whose
``on_error_fail`` would end the process with status 100 and, under ``--quiet``, no
message: it is logged as ``page:line:col: error: ...`` (lines counted from the top of
the file) and handed to the site build, which stops ``mkdocs build`` once the page's
macros ran and, in ``mkdocs serve``, shows it in the page while the server keeps going.

Code and other engines' syntax are shielded before Jinja runs (see
``shoptalk.page_template.shield_page``), so ``{{ }}`` inside fenced code blocks and inline
code, Hugo shortcodes, ``{{Account Name}}`` placeholders and ``{#id}`` are shown as written.

Pages are untrusted: before Jinja sees a page, ``on_pre_page_macros`` applies the
policy of ``shoptalk.page_template`` (only these macros, only literal arguments) to
the page and its title, and stops the build naming ``page:line:col`` otherwise. As
defence in depth the Jinja environment is sandboxed and holds nothing but the macros.
"""

from __future__ import annotations

import copy
import functools
import json
import logging
from pathlib import Path
from typing import Any, NamedTuple

from markupsafe import Markup

from .page_sandbox import sandbox
from .page_template import (
    MACRO_NAMES,
    RULE,
    page_title,
    shield_page,
    shield_title,
    template_problems,
)
from .problems import Problem, display_path
from .render import SiteData
from .render.page_macros import CallSite, Macro, MacroError, call_site, page_macros
from .render.safe import md_code


def _plugin(env: Any) -> Any:
    return env.conf["plugins"].get("shoptalk")


def _site(env: Any) -> SiteData:
    site = getattr(_plugin(env), "site", None)
    if site is None:
        raise MacroError(CallSite(str(env.page.file.src_path)),
                         "the shoptalk macros need the 'shoptalk' plugin, listed before "
                         "'macros' under plugins: in mkdocs.yml")
    return site  # type: ignore[no-any-return]


def _shown_path(env: Any, file: Any) -> str:
    """The page's path as the checker shows it: relative to the project."""
    project = Path(env.conf.get("config_file_path") or ".").parent
    return display_path(Path(file.abs_src_path), project) if file.abs_src_path \
        else str(file.src_path)


def define_env(env: Any) -> None:
    """Register the shoptalk macros with mkdocs-macros, each answered by
    ``shoptalk.render.page_macros`` for the page being rendered."""
    kept: list[_PageMacros] = []  # of the page being rendered: one at a time

    def macros_of_page() -> dict[str, Macro]:
        """The macros bound to the page being rendered, made once for all its calls."""
        file, site = env.page.file, _site(env)
        source = _source(env, file)
        page = kept[0] if kept else None
        if page is None or page.file is not file or page.site is not site \
                or page.source != source:
            # Lines count from the top of the file, front matter included.
            locate = functools.partial(call_site, _shown_path(env, file), source)
            page = _PageMacros(file, site, source, page_macros(site, str(file.src_uri), locate))
            kept[:] = [page]
        return page.macros

    def bound(name: str) -> Any:
        def call(*args: Any, **kwargs: Any) -> Markup:
            try:
                return macros_of_page()[name](*args, **kwargs)
            except MacroError as exc:
                if getattr(_plugin(env), "build", None) is None:
                    raise  # no site build to report to: mkdocs-macros says it
                return _failed(env, exc.problem(), _written(name, args, kwargs))

        call.__name__ = call.__qualname__ = name
        return call

    for name in sorted(MACRO_NAMES):
        env.macro(bound(name), name)


class _PageMacros(NamedTuple):
    """The macros bound to one page, and what they were made from."""

    file: Any  # MkDocs' File: a new one each build
    site: SiteData
    source: str
    macros: dict[str, Macro]


def _written(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
    """The call as a page writes it, e.g. ``term("ICP")``."""
    shown = [json.dumps(a, ensure_ascii=False) for a in args]
    shown += [f"{k}={json.dumps(v, ensure_ascii=False)}" for k, v in kwargs.items()]
    return f"{name}({', '.join(shown)})"


def _failed(env: Any, problem: Problem, written: str) -> Markup:
    """Log a macro call that failed and hand it to the site build (which stops a build
    and shows it in the page under serve); the call's text stands in for its output."""
    if _plugin(env).build.report(str(env.page.file.src_uri), problem):
        log.error(problem.format())  # unless the checker already said the same
    return Markup(f"\u26a0 {md_code(written)}")


# mkdocs-macros' logger namespace, so `mkdocs build --strict` counts these errors.
log = logging.getLogger("mkdocs.plugins.shoptalk.macros")


class TemplateCodeError(MacroError):
    """A page holds template code other than macro calls with literal arguments."""


def on_pre_page_macros(env: Any) -> None:
    """Before Jinja runs on a page: refuse template code beyond the macros, shield code and
    other engines' syntax (shortcodes, placeholders, ``{#id}``) so they are shown as
    written, and keep front matter keys (a playbook's
    ``stage:``) from hiding the macros of the same name (they stay readable as
    ``page.meta.stage``)."""
    _lock_down(env)
    if not _renders(env):
        return
    problems = _template_problems(env)
    if problems:
        _refuse(env, problems)
        return
    env.markdown = shield_page(env.markdown)  # the text the policy judged, as it judged it
    title = env.page.title
    if title and "{" in str(title) and shield_title(str(title)) != title:
        env.page.title = shield_title(str(title))  # mkdocs-macros renders the title too
    page = env.variables.get("page")
    meta = getattr(page, "meta", None)
    if meta and MACRO_NAMES.intersection(meta):
        shown = copy.copy(page)
        shown.meta = _MetaView({k: v for k, v in meta.items() if k not in MACRO_NAMES}, meta)
        env.variables["page"] = shown


def _lock_down(env: Any) -> None:
    """Sandbox the Jinja environment and leave in it nothing a page could reach but the
    macros: no ``config``, ``environment``, ``git``, ``cycler``, ``lipsum``, filters, ...
    (The policy already refuses every name but the macros; this holds if it ever slips.)"""
    jinja = env.env
    sandbox(jinja)
    for name in set(jinja.globals) - MACRO_NAMES:
        del jinja.globals[name]
    jinja.filters.clear()
    for name in set(env.variables) - {"page"}:  # mkdocs-macros reads page.meta itself
        del env.variables[name]


def _renders(env: Any) -> bool:
    """Whether mkdocs-macros will render this page (its own rule, from its render())."""
    meta = getattr(env.variables.get("page"), "meta", None) or {}
    if meta.get("render_macros") == False:  # noqa: E712 - mkdocs-macros' own test
        return False
    return bool(env.config["render_by_default"] or meta.get("render_macros") == True  # noqa: E712
                or env.force_page_rendering(env.page.file.src_path))


def _template_problems(env: Any) -> list[Problem]:
    """The policy's problems on the body and title Jinja is about to render (where they
    stand is worked out only for a page that has some)."""
    markdown, title = str(env.markdown), env.page.title
    body = template_problems(markdown, env.env)
    heading = template_problems(str(title), env.env, shield=False) \
        if title and any(mark in title for mark in ("{{", "{%", "{#")) else []
    if not body and not heading:
        return []
    file = env.page.file
    source = _source(env, file)
    # MkDocs hands over the body without its front matter: count the lines it dropped.
    skipped = source[:len(source) - len(markdown)].count("\n") if source.endswith(markdown) \
        else 0
    found = [(p.line + skipped, p.col, p.message) for p in body]
    if heading:
        _, line, col = page_title(source)
        found += [(line, col + p.col - 1, p.message) for p in heading]
    where = _shown_path(env, file)
    return [Problem(where, line, col, "error", message, RULE)
            for line, col, message in sorted(set(found))]


def _source(env: Any, file: Any) -> str:
    """The page's whole text: as the shoptalk plugin read it (each page is read once a
    build), else from its file."""
    build = getattr(_plugin(env), "build", None)
    doc = build.docs.get(file.src_uri) if build is not None else None
    if doc is not None:
        return str(doc.text)
    try:
        return Path(file.abs_src_path).read_text(encoding="utf-8-sig") \
            if file.abs_src_path else ""
    except (OSError, UnicodeDecodeError):
        return ""


def _refuse(env: Any, problems: list[Problem]) -> None:
    """Nothing of the page is rendered: the build stops; ``mkdocs serve`` shows the
    problems in the page (the site build's panel) and nothing else of it."""
    build = getattr(_plugin(env), "build", None)
    for problem in problems:
        if build is None or build.report(str(env.page.file.src_uri), problem):
            log.error(problem.format())
    if build is None or not build.live:
        raise _build_error(f"{len(problems)} disallowed template tag"
                           f"{'s' if len(problems) != 1 else ''} in {env.page.file.src_path} "
                           "(listed above); the page was not rendered")
    page = copy.copy(env.variables.get("page"))
    page.meta = {**page.meta, "render_macros": False}  # Jinja must not see this page
    env.variables["page"] = page
    env.markdown = ""


def _build_error(message: str) -> Exception:
    """MkDocs' own error (a clean message, no traceback) when MkDocs is the engine."""
    try:
        from mkdocs.exceptions import PluginError
    except ImportError:  # pragma: no cover - another engine running mkdocs-macros
        return TemplateCodeError(CallSite("shoptalk"), message)
    return PluginError(f"shoptalk: {message}")


class _MetaView(dict[str, Any]):
    """Front matter without the keys that clash with macros, keeping them as attributes."""

    def __init__(self, visible: dict[str, Any], full: dict[str, Any]) -> None:
        super().__init__(visible)
        self.full = full

    def __getattr__(self, name: str) -> Any:
        try:
            return self.full[name]
        except KeyError:
            raise AttributeError(name) from None


def _register_error_format() -> None:
    """Let mkdocs-macros print our errors as one clean line, not a traceback."""
    try:
        from mkdocs_macros.errors import format_error
    except ImportError:  # pragma: no cover - older mkdocs-macros
        return

    @format_error.register
    def _format(error: MacroError, markdown: str, page: Any) -> str:
        return f"shoptalk: {error}"


_register_error_format()


__all__ = ["TemplateCodeError", "define_env", "log", "on_pre_page_macros"]
