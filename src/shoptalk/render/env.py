"""The Jinja environment that turns records into Markdown.

Every ``{{ expression }}`` is escaped by ``finalize`` unless it is already
``Markup``: a template cannot forget to neutralise a YAML string. Helpers that
build trusted Markdown (links, badges) return ``Markup``.
"""

from __future__ import annotations

import posixpath
from functools import cache
from typing import Any

import jinja2
from markupsafe import Markup

from . import safe


def _finalize(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    return safe.md_inline(value)


def rel(from_uri: str, to_uri: str) -> str:
    """The relative Markdown link from page ``from_uri`` to page ``to_uri`` (both src URIs)."""
    start = posixpath.dirname(from_uri)
    here, target = start.split("/") if start else [], to_uri.split("/")
    if {"..", ".", ""} & {*here, *target}:  # not two clean paths from the docs root
        return posixpath.relpath(to_uri, start or ".")
    # The common folders, counted here: relpath calls getcwd twice per link.
    same = 0
    while same < min(len(here), len(target)) and here[same] == target[same]:
        same += 1
    return "/".join([".."] * (len(here) - same) + target[same:]) or "."


def link(label: object, from_uri: str, to_uri: str | None, title: object = "") -> Markup:
    """A Markdown link with an escaped label and tooltip title; plain text without target."""
    text = safe.md_inline(label).replace("[", "\\[").replace("]", "\\]")
    if not to_uri:
        return Markup(text)
    tip = f' "{safe.attr_text(title)}"' if title else ""
    return Markup(f"[{text}]({rel(from_uri, to_uri)}{tip})")


@cache
def environment() -> jinja2.Environment:
    """The shared environment, loading templates from the installed package."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("shoptalk", "templates"),
        autoescape=False,  # output is Markdown; escaping is done by `finalize` and filters
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        md=safe.md_text, inline=safe.md_inline, cell=safe.md_cell, attr=safe.attr_text,
        plain=safe.plain, url=lambda u: Markup(safe.safe_url(u)),
        indent_md=lambda text, n=4: Markup(str(text).replace("\n", "\n" + " " * n)),
    )
    return env


def render(template: str, **context: Any) -> str:
    """Render ``template`` (a file in ``shoptalk/templates``) with ``context``."""
    return environment().get_template(template).render(**context)
