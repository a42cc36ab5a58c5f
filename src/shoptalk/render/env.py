"""The Jinja environment that turns records into Markdown.

Every ``{{ expression }}`` is escaped by ``finalize`` unless it is already
``Markup``: a template cannot forget to neutralise a YAML string. Helpers that
build trusted Markdown (links, badges) return ``Markup``.
"""

from __future__ import annotations

import posixpath
from functools import cache, lru_cache
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
    try:
        text, tip = _label_and_tip(label, title)
    except TypeError:  # an unhashable value: escape it without the cache
        text, tip = _label_and_tip.__wrapped__(label, title)
    if not to_uri:
        return Markup(text)
    return Markup(f"[{text}]({rel(from_uri, to_uri)}{tip})")


@lru_cache(maxsize=16_384, typed=True)  # typed: Markup and str of one text escape differently
def _label_and_tip(label: object, title: object) -> tuple[str, str]:
    """The escaped label and `` "title"`` of a link: a term is linked from many pages."""
    text = safe.md_inline(label).replace("[", "\\[").replace("]", "\\]")
    return text, f' "{safe.attr_text(title)}"' if title else ""


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


__all__ = ["environment", "link", "rel", "render"]
