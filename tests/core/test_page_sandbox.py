"""Each page text is compiled once per process, and every render still gets only its own
environment's globals and its own variables."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import jinja2
import pytest
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from shoptalk.page_sandbox import Kept, PageSandbox, forget_compiled, sandbox


@pytest.fixture
def compiled(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The texts Jinja compiled during the test (nothing kept from other tests)."""
    forget_compiled()
    texts: list[str] = []
    compile_text = PageSandbox.compile

    def counting(self: PageSandbox, source: Any, *args: Any, **kwargs: Any) -> Any:
        texts.append(source)
        return compile_text(self, source, *args, **kwargs)

    monkeypatch.setattr(PageSandbox, "compile", counting)
    yield texts
    forget_compiled()


def _strict() -> PageSandbox:
    return PageSandbox(undefined=jinja2.StrictUndefined)


def test_a_text_compiles_once_and_each_render_sees_only_its_own_variables(
        compiled: list[str]) -> None:
    text = "Owner: {{ owner }}"
    first, second = _strict(), _strict()  # two builds: mkdocs-macros makes one each
    assert first.from_string(text).render(owner="Dana") == "Owner: Dana"
    assert second.from_string(text).render(owner="Lee") == "Owner: Lee"
    with pytest.raises(jinja2.UndefinedError):
        second.from_string(text).render()  # nothing left over from the renders before
    assert compiled == [text]


def test_the_same_text_calls_the_macros_of_the_environment_rendering_it(
        compiled: list[str]) -> None:
    this_build, next_build = _strict(), _strict()
    this_build.globals["term"] = lambda name: f"[{name}](old/)"
    next_build.globals["term"] = lambda name: f"[{name}](new/)"
    text = '{{ term("ICP") }}'
    assert this_build.from_string(text).render() == "[ICP](old/)"
    assert next_build.from_string(text).render() == "[ICP](new/)"
    assert compiled == [text]


def test_other_settings_compile_the_text_again(compiled: list[str]) -> None:
    text = '{{ "hi"|shout }} [[ "hi" ]]'
    plain, brackets = PageSandbox(), PageSandbox(variable_start_string="[[",
                                                 variable_end_string="]]")
    plain.filters["shout"] = brackets.filters["shout"] = str.upper
    assert plain.from_string(text).render() == 'HI [[ "hi" ]]'
    assert brackets.from_string(text).render() == '{{ "hi"|shout }} hi'
    # Jinja folds a filter on a literal while compiling: another function, another code.
    other = PageSandbox()
    other.filters["shout"] = lambda s: s + "!"
    assert other.from_string(text).render() == 'hi! [[ "hi" ]]'
    assert compiled == [text, text, text]


def test_a_text_that_does_not_compile_fails_every_time(compiled: list[str]) -> None:
    for _ in range(2):
        with pytest.raises(jinja2.TemplateSyntaxError, match="unexpected 'end of template'"):
            _strict().from_string("Hi {{ term(")
    assert compiled == ["Hi {{ term(", "Hi {{ term("]


def test_an_environment_with_extensions_is_never_served_kept_code(compiled: list[str]) -> None:
    with_loops = PageSandbox(extensions=["jinja2.ext.loopcontrols"])
    for _ in range(2):
        assert with_loops.from_string("{{ 1 }}").render() == "1"
    assert compiled == ["{{ 1 }}", "{{ 1 }}"]


def test_the_environment_mkdocs_macros_makes_becomes_the_kept_sandbox(
        compiled: list[str]) -> None:
    jinja = jinja2.Environment(undefined=jinja2.StrictUndefined)
    sandbox(jinja)
    assert type(jinja) is PageSandbox
    with pytest.raises(SecurityError):
        jinja.from_string("{{ cycler.__init__.__globals__ }}").render()
    already = ImmutableSandboxedEnvironment()
    sandbox(already)
    assert type(already) is PageSandbox


def test_kept_answers_are_bounded_and_a_failed_answer_is_not_kept() -> None:
    asked: list[str] = []

    def answer(key: str) -> str:
        asked.append(key)
        return key.upper()

    kept: Kept[str, str] = Kept(2)
    assert [kept.get(k, lambda k=k: answer(k)) for k in "abab"] == ["A", "B", "A", "B"]
    assert asked == ["a", "b"]
    kept.get("c", lambda: answer("c"))  # "a" was asked least recently: dropped
    assert kept.get("a", lambda: answer("a")) == "A" and asked == ["a", "b", "c", "a"]
    assert len(kept) == 2

    def failing() -> str:
        raise ValueError("no answer")

    with pytest.raises(ValueError):
        kept.get("d", failing)
    assert kept.get("d", lambda: "D") == "D"
