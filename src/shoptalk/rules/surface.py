"""One wording names one term: names, aliases, abbreviations and avoided wording
must not collide across terms (case-insensitively, after NFKC), nor only look alike
through letters of another script (``Chаmpion`` with a Cyrillic ``а``)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from ..config import Config
from ..lookalikes import foreign, mixed_words, script_name
from ..model import Glossary, Term
from ..problems import Problem
from ._base import at, fold, looks

IDS = {
    "duplicate-form": "two terms share a name, alias or abbreviation",
    "shared-abbreviation": "two terms share an abbreviation without each declaring a context",
    "avoid-conflict": "an avoided wording is also the name or alias of a term",
    "confusable-form": "a wording that looks like another term's but uses letters of another "
    "script or invisible characters",
    "mixed-script": "a word that mixes letters of two scripts, e.g. Latin and Cyrillic",
}


@dataclass(frozen=True)
class _Form:
    term: Term
    key: str
    role: str  # name | alias | abbreviation | avoid
    text: str


def _forms(term: Term) -> Iterator[_Form]:
    yield _Form(term, "name", "name", term.name)
    for i, alias in enumerate(term.aliases):
        yield _Form(term, f"aliases[{i}]", "alias", alias)
    if term.abbreviation:
        yield _Form(term, "abbreviation", "abbreviation", term.abbreviation)
    for i, avoid in enumerate(term.avoid):
        key = f"avoid[{i}].text" if avoid.why else f"avoid[{i}]"
        yield _Form(term, key, "avoid", avoid.text)


def _where(form: _Form) -> str:
    pos = form.term.source.where(form.key)
    return f"{form.term.source.shown}:{pos.line}"


def check(glossary: Glossary, config: Config) -> Iterator[Problem]:
    first: dict[str, _Form] = {}
    lookalike = _Lookalikes()
    for term in glossary.terms.values():
        seen_here: set[str] = set()
        for form in _forms(term):
            key = fold(form.text)
            if key in seen_here:
                continue  # the same wording twice in one term is harmless repetition
            seen_here.add(key)
            other = first.get(key)
            if other is None:
                first[key] = form
                yield from lookalike.add(form)
                continue
            yield from _clash(other, form)
    yield from lookalike.mixed()


class _Lookalikes:
    """Wordings of different terms that differ as text but look the same on screen."""

    def __init__(self) -> None:
        self.shown: dict[str, _Form] = {}  # by skeleton: the cleanest wording seen
        self.forms: list[_Form] = []
        self.reported: set[int] = set()

    def add(self, form: _Form) -> Iterator[Problem]:
        self.forms.append(form)
        shape = looks(form.text)
        other = self.shown.get(shape)
        if other is None or other.term is form.term:
            self.shown.setdefault(shape, form)
        elif foreign(form.text):
            yield self._confusable(form, other)
        elif foreign(other.text):
            self.shown[shape] = form  # the plain wording is the one the other imitates
            yield self._confusable(other, form)
        # else both are plain Latin, like 'modern' and 'modem': a spelling, not a disguise

    def _confusable(self, odd: _Form, plain: _Form) -> Problem:
        self.reported.add(id(odd))
        return at(
            odd.term,
            odd.key,
            "error",
            f"{odd.role} '{odd.text}' looks like '{plain.text}' ({plain.role} of term "
            f"'{plain.term.id}', {_where(plain)}) but {_odd(odd.text)}; retype it",
            "confusable-form",
        )

    def mixed(self) -> Iterator[Problem]:
        """A warning for each wording with a word of two scripts that no clash reported."""
        for form in self.forms:
            words = mixed_words(form.text) if id(form) not in self.reported else []
            if words:
                word, scripts = words[0]
                names = " and ".join(sorted(s.replace("_", " ").title() for s in scripts))
                part = "" if word == form.text else f" ('{word}')"
                yield at(
                    form.term,
                    form.key,
                    "warning",
                    f"{form.role} '{form.text}' mixes {names} letters in one word{part}; "
                    f"{_odd(word)}; retype it in one script",
                    "mixed-script",
                )


def _odd(text: str) -> str:
    """What makes ``text`` differ from its look-alike: "its 'а' is Cyrillic"."""
    by_script: dict[str, list[str]] = {}
    hidden: list[str] = []
    for char in foreign(text):
        if unicodedata.category(char) == "Cf":
            hidden.append(f"U+{ord(char):04X}")
        else:
            by_script.setdefault(script_name(char), []).append(f"'{char}'")
    parts = [
        f"{', '.join(chars)} {'is' if len(chars) == 1 else 'are'} {name}"
        for name, chars in by_script.items()
    ]
    if hidden:
        parts.append(f"it holds the invisible character{'s' * (len(hidden) > 1)} "
                     f"{', '.join(hidden)}")
    return "its " + " and ".join(parts) if by_script else " and ".join(parts)


def _clash(first: _Form, second: _Form) -> Iterator[Problem]:
    roles = {first.role, second.role}
    where = f"'{first.term.id}' ({_where(first)})"
    if roles == {"abbreviation"}:
        if first.term.context and second.term.context:
            return  # homonyms told apart by their contexts, e.g. PQL
        yield at(
            second.term,
            second.key,
            "error",
            f"abbreviation '{second.text}' is also used by {where}; shared abbreviations "
            "need a 'context' on both terms",
            "shared-abbreviation",
        )
    elif "avoid" in roles and roles & {"name", "alias"}:
        avoided, named = (first, second) if first.role == "avoid" else (second, first)
        yield at(
            avoided.term,
            avoided.key,
            "error",
            f"avoided wording '{avoided.text}' is the {named.role} of term "
            f"'{named.term.id}' ({_where(named)})",
            "avoid-conflict",
        )
    elif roles == {"avoid"}:
        yield at(
            second.term,
            second.key,
            "error",
            f"'{second.text}' is avoided in favour of two terms: this one and {where}",
            "duplicate-form",
        )
    else:
        yield at(
            second.term,
            second.key,
            "error",
            f"{second.role} '{second.text}' is already the {first.role} of term {where}",
            "duplicate-form",
        )
