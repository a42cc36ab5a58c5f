"""The sandbox pages are rendered in, compiling each page text once per process.

``sandbox`` turns the Jinja environment mkdocs-macros makes into a ``PageSandbox`` in
place: Jinja's immutable sandbox (every attribute, item and call checked) whose
``from_string`` reuses compiled code. Under ``mkdocs serve`` every save rebuilds every
hand-written page, and mkdocs-macros makes a new Jinja environment each build and compiles
each page again, though a term save changes no page's text. ``PageSandbox`` keeps the Python
code Jinja compiles a text to, keyed by the text and by every setting of the environment the
compiler reads (delimiters, filters and tests it may fold constants with, finalize,
autoescape, ...), so the next build with the same settings skips lexing, parsing and code
generation.

What is kept is code, never a template: each ``from_string`` runs that code in a fresh
namespace bound to the environment asking (``Template.from_code``, as Jinja itself does), so
a page gets this build's globals (the macros bound to it) and only the variables its own
render is given. A text that does not compile is never kept: it fails every time.
No mkdocs import here.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, MutableMapping
from types import CodeType
from typing import Any, Generic, TypeVar

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

# Pages kept compiled: a site's hand-written pages and titles, several times over (a code
# object marshals to about the size of its page's text).
COMPILED_KEPT = 1024


class Kept(Generic[K, V]):
    """The answers to the last ``size`` questions asked; the least recently asked is
    dropped first. Safe to share between threads."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._answers: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: K, answer: Callable[[], V]) -> V:
        """The kept answer to ``key``, else ``answer()`` kept (nothing is kept if it raises)."""
        with self._lock:
            if key in self._answers:
                self._answers.move_to_end(key)
                return self._answers[key]
        found = answer()  # outside the lock: answering may take a while, or raise
        with self._lock:
            self._answers[key] = found
            self._answers.move_to_end(key)
            while len(self._answers) > self.size:
                self._answers.popitem(last=False)
        return found

    def clear(self) -> None:
        """Forget every answer."""
        with self._lock:
            self._answers.clear()

    def __len__(self) -> int:
        return len(self._answers)


_compiled: Kept[tuple[Hashable, str], CodeType] = Kept(COMPILED_KEPT)


class PageSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox whose ``from_string`` reuses the code a text compiled to."""

    def from_string(self, source: str | jinja2.nodes.Template,
                    globals: MutableMapping[str, Any] | None = None,
                    template_class: type[jinja2.Template] | None = None) -> jinja2.Template:
        """``source`` as a template, as Jinja's ``from_string`` makes it, compiled once."""
        settings = compile_settings(self)
        if not isinstance(source, str) or settings is None:
            return super().from_string(source, globals, template_class)
        text = source
        code = _compiled.get((settings, text), lambda: self.compile(text))
        cls = template_class or self.template_class
        return cls.from_code(self, code, self.make_globals(globals), None)


def sandbox(jinja: jinja2.Environment) -> None:
    """Give an existing Jinja environment the immutable sandbox's rules, in place.

    mkdocs-macros builds a plain ``Environment`` itself; turning that same object into an
    ``ImmutableSandboxedEnvironment`` keeps its delimiters, loader and globals while every
    attribute, item and call is checked as the sandbox does. It becomes a ``PageSandbox``,
    which compiles each page text once.
    """
    if isinstance(jinja, ImmutableSandboxedEnvironment):
        if type(jinja) is ImmutableSandboxedEnvironment:
            jinja.__class__ = PageSandbox  # the same state: only from_string differs
        return
    fresh, plain = PageSandbox(), jinja2.Environment()
    jinja.__class__ = PageSandbox
    for name in set(vars(fresh)) - set(vars(plain)):  # the state the sandbox's __init__ adds
        setattr(jinja, name, getattr(fresh, name))
    jinja.globals["range"] = fresh.globals["range"]  # the sandbox's bounded range


def syntax_settings(jinja: jinja2.Environment) -> tuple[Hashable, ...] | None:
    """Everything of ``jinja`` that how it reads a text depends on (its lexer's settings),
    or None when that cannot be known (an extension may rewrite the text or its tokens)."""
    if jinja.extensions:
        return None
    return (jinja.block_start_string, jinja.block_end_string,
            jinja.variable_start_string, jinja.variable_end_string,
            jinja.comment_start_string, jinja.comment_end_string,
            jinja.line_statement_prefix, jinja.line_comment_prefix,
            jinja.trim_blocks, jinja.lstrip_blocks, jinja.newline_sequence,
            jinja.keep_trailing_newline)


def compile_settings(jinja: jinja2.Environment) -> Hashable | None:
    """Everything of ``jinja`` that the code a text compiles to depends on, or None when
    that cannot be known (see ``syntax_settings``; a filter that does not hash)."""
    syntax = syntax_settings(jinja)
    if syntax is None:
        return None
    try:
        settings = (
            type(jinja),  # the sandbox: it folds no calls and checks every attribute
            syntax, jinja.optimized, jinja.is_async, jinja.autoescape, jinja.finalize,
            jinja.code_generator_class,
            # The compiler folds constant filters and tests with these very functions.
            frozenset(jinja.filters.items()), frozenset(jinja.tests.items()),
        )
        hash(settings)
    except TypeError:
        return None
    return settings


def forget_compiled() -> None:
    """Drop every kept compilation (tests start from nothing)."""
    _compiled.clear()


__all__ = ["COMPILED_KEPT", "Kept", "PageSandbox", "compile_settings", "forget_compiled",
           "sandbox", "syntax_settings"]
