"""Macros for page authors (a mkdocs-macros module: ``modules: [shoptalk.macros]``).

Each macro looks a record up by id, name, alias or abbreviation and returns
Markdown from the render layer. An unknown or ambiguous name raises
``MacroError`` naming the page and line; with ``on_error_fail: true`` the build
stops and nothing is rendered into the page.

Code is shielded before Jinja runs (see ``shoptalk.render.mentions.shield_code``),
so ``{{ }}`` inside fenced code blocks and inline code is shown as written.
"""

from __future__ import annotations

import copy
import functools
from pathlib import Path
from typing import Any

from markupsafe import Markup

from .problems import display_path
from .render import SiteData
from .render.mentions import shield_code
from .render.page_macros import MACRO_NAMES, MacroError, call_site, page_macros


def _site(env: Any) -> SiteData:
    plugin = env.conf["plugins"].get("shoptalk")
    site = getattr(plugin, "site", None)
    if site is None:
        raise MacroError("the shoptalk macros need the 'shoptalk' plugin, listed before "
                         "'macros' under plugins: in mkdocs.yml")
    return site  # type: ignore[no-any-return]


def _where(env: Any, macro: str, name: str) -> str:
    """``page:line`` of the first call of ``macro`` with ``name`` on the current page."""
    file = env.page.file if getattr(env, "page", None) else None
    page = display_path(Path(file.abs_src_path)) if file and file.abs_src_path else \
        getattr(file, "src_path", "?")
    return call_site(page, str(env.markdown or ""), macro, name)


def define_env(env: Any) -> None:
    """Register the shoptalk macros with mkdocs-macros (each bound to the current page)."""
    def bound(name: str) -> Any:
        def call(*args: Any, **kwargs: Any) -> Markup:
            macros = page_macros(_site(env), str(env.page.file.src_uri),
                                 functools.partial(_where, env))
            return macros[name](*args, **kwargs)

        call.__name__ = call.__qualname__ = name
        return call

    for name in sorted(MACRO_NAMES):
        env.macro(bound(name), name)


def on_pre_page_macros(env: Any) -> None:
    """Before Jinja runs on a page: shield code so ``{{ }}`` in it is shown as written,
    and keep front matter keys (a playbook's ``stage:``) from hiding the macros of the
    same name. They stay readable as ``page.meta.stage``."""
    env.markdown = shield_code(env.markdown)
    page = env.variables.get("page")
    meta = getattr(page, "meta", None)
    if meta and MACRO_NAMES.intersection(meta):
        shown = copy.copy(page)
        shown.meta = _MetaView({k: v for k, v in meta.items() if k not in MACRO_NAMES}, meta)
        env.variables["page"] = shown


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
