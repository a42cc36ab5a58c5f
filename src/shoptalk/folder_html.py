"""What a page of the ``shoptalk pages`` folder becomes as HTML, judged before it is written.

The MkDocs plugin cleans every page's HTML; an engine building the folder does not. The
checker's ``unsafe-html`` rule reads the Markdown with markdown-it (CommonMark), but the
engine renders it with Python-Markdown, and the two disagree: an unclosed code fence is
code to one and text to the other, ``\\<img …>`` is an escaped bracket to one and raw HTML
to the other. So each hand-written page is rendered here with the folder's own Markdown
extensions and the result is judged by the rule's lists: what the cleaner would remove
is a problem, and the folder is not written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import markdown

from .check.unsafe_html import RULE, unsafe_in_html
from .problems import Problem

__all__ = ["rendered_html_problems"]

# MkDocs always loads these, whatever mkdocs.yml lists.
_BUILTIN = ("toc", "tables", "fenced_code")
_NAMED = re.compile(r"'([^']+)'")


def _plain(value: object) -> bool:
    """Whether a setting holds only YAML data (no ``!!python/name:`` objects to build)."""
    if isinstance(value, dict):
        return all(_plain(v) for v in value.values())
    if isinstance(value, list):
        return all(_plain(v) for v in value)
    return value is None or isinstance(value, (str, int, float, bool))


def _renderer(extensions: Iterable[object]) -> markdown.Markdown:
    """Python-Markdown with the extensions that load; a setting that names Python objects
    is left at its default (the HTML it makes is judged all the same)."""
    wanted: dict[str, dict[str, Any]] = {name: {} for name in _BUILTIN}
    for entry in extensions:
        items = [(entry, None)] if isinstance(entry, str) else \
            list(entry.items()) if isinstance(entry, dict) else []
        for name, config in items:
            wanted[str(name)] = config if isinstance(config, dict) and _plain(config) else {}
    loaded: list[str] = []
    for name, config in wanted.items():
        try:
            markdown.Markdown(extensions=[name], extension_configs={name: config})
        except Exception:  # not installed or badly set: the engine will say so itself
            continue
        loaded.append(name)
    return markdown.Markdown(extensions=loaded,
                             extension_configs={n: wanted[n] for n in loaded if wanted[n]})


def _where(text: str, message: str) -> tuple[int, int]:
    """The first place in the page's text that names what ``message`` is about."""
    named = _NAMED.search(message)
    needle = named.group(1).strip("<>:") if named else ""
    found = re.search(re.escape(needle), text, re.I) if needle else None
    if not found:
        return 1, 1
    line = text.count("\n", 0, found.start()) + 1
    return line, found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1


def rendered_html_problems(pages: Mapping[str, tuple[str, str, str]],
                           extensions: Iterable[object]) -> list[Problem]:
    """For each page (URI → (path shown, text as written, Markdown the engine renders)),
    what its HTML would carry that the site's cleaner removes: an ``unsafe-html`` error
    each, placed where the written text first names it."""
    renderer = _renderer(extensions)
    problems: list[Problem] = []
    for _uri, (shown, written, body) in sorted(pages.items()):
        html = renderer.reset().convert(body)
        for message in dict.fromkeys(unsafe_in_html(html)):
            line, col = _where(written, message)
            problems.append(Problem(shown, line, col, "error",
                                    f"{message} (as the page renders)", RULE))
    return problems
