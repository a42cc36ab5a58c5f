"""What a page says about its own checking: front matter and ignore comments.

Front matter (YAML at the top of the page)::

    shoptalk-ignore: [ACME, avoided-wording]   # words or rule ids, for the whole page
    shoptalk-context: {PQL: product-qualified-lead}   # which term a shared abbreviation means

or the same nested under one key: ``shoptalk: {ignore: [...], context: {...}}``.
``shoptalk-context`` may also be a list of term ids: ``[product-qualified-lead]``.

Comments: ``<!-- shoptalk-ignore -->`` (everything) or ``<!-- shoptalk-ignore ICP
avoided-wording -->`` (those words or rules) on a line of its own covers the next
block; inside a paragraph it covers its own line and the next.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .prose import Comment
from .words import fold

IGNORE_RE = re.compile(r"<!--\s*shoptalk-ignore\b(?P<args>.*?)-->", re.S)


@dataclass
class PageSettings:
    """A page's own settings from its front matter."""

    ignore: frozenset[str] = frozenset()  # folded words and rule ids
    context: dict[str, str] = field(default_factory=dict)  # abbreviation → term id / label
    context_terms: list[str] = field(default_factory=list)  # term ids chosen without a key
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Ignore:
    """An ignore comment: 0-based lines it covers; empty ``words`` means everything."""

    first_line: int
    last_line: int
    words: frozenset[str]


def _words(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(v) for v in value if isinstance(v, str | int | float)]
    return []


def read_settings(front_matter: str | None) -> PageSettings:
    """The page's shoptalk settings; a broken front matter is reported, not raised."""
    settings = PageSettings()
    if not front_matter or "shoptalk" not in front_matter:
        return settings
    try:
        data = yaml.safe_load(front_matter)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (front matter line {mark.line + 1})" if mark is not None else ""
        settings.error = f"front matter is not valid YAML{where}; shoptalk settings ignored"
        return settings
    if not isinstance(data, dict):
        return settings
    nested = data.get("shoptalk")
    nested = nested if isinstance(nested, dict) else {}
    ignore = _words(data.get("shoptalk-ignore")) + _words(nested.get("ignore"))
    settings.ignore = frozenset(fold(w) for w in ignore)
    for context in (data.get("shoptalk-context"), nested.get("context")):
        if isinstance(context, dict):
            settings.context.update({str(k): str(v) for k, v in context.items()})
        else:
            settings.context_terms.extend(_words(context))
    return settings


def ignores(comments: list[Comment]) -> list[Ignore]:
    """The ignore comments among a page's HTML comments."""
    found = []
    for comment in comments:
        for m in IGNORE_RE.finditer(comment.text):
            words = frozenset(fold(w) for w in re.split(r"[\s,]+", m.group("args")) if w)
            found.append(Ignore(comment.first_line, comment.last_line, words))
    return found


def suppressed(line: int, rule: str, subject: str, settings: PageSettings,
               comments: list[Ignore]) -> bool:
    """True when the page or a comment covering ``line`` (1-based) silences this finding."""
    keys = (fold(subject), rule)
    if any(k in settings.ignore for k in keys):
        return True
    return any(c.first_line < line <= c.last_line + 1 and (not c.words or any(
        k in c.words for k in keys)) for c in comments)


__all__ = ["IGNORE_RE", "Ignore", "PageSettings", "ignores", "read_settings", "suppressed"]
