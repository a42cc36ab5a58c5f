"""One wording names one term: names, aliases, abbreviations and avoided wording
must not collide across terms (compared folded, with hyphen, space and closed spellings
of a compound as one: see ``shoptalk.language.closed``), nor only look alike through
letters of another script (``Chаmpion`` with a Cyrillic ``а``)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import replace

from ..config import Config
from ..language import ROLE_WORDS, Form, Wordings, forms_of, looks, variants
from ..lookalikes import foreign, mixed_words, script_name
from ..model import Glossary
from ..problems import Problem
from ..rule_registry import summaries
from ._base import at

IDS = summaries(topic="surface")


def check(glossary: Glossary, config: Config) -> Iterator[Problem]:
    """Wordings that two terms share, that clash with an avoided one, or mix scripts."""
    forms = (form for term in glossary.terms.values() for form in forms_of(term))
    lookalike = _Lookalikes(glossary)
    for form, earlier in Wordings().take_all(forms):
        if earlier is None:
            yield from lookalike.add(form)
        else:
            yield from _clash(glossary, earlier, form, config)
    yield from lookalike.mixed()


def _where(glossary: Glossary, form: Form) -> str:
    source = glossary.terms[form.record_id].source
    return f"{source.shown}:{source.where(form.key).line}"


class _Lookalikes:
    """Wordings of different terms that differ as text but look the same on screen."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self.shown: dict[str, Form] = {}  # by skeleton: the cleanest wording seen
        self.forms: list[Form] = []
        self.reported: set[int] = set()

    def add(self, form: Form) -> Iterator[Problem]:
        self.forms.append(form)
        shape = looks(form.text)
        other = self.shown.get(shape)
        if other is None or other.record_id == form.record_id:
            self.shown.setdefault(shape, form)
        elif foreign(form.text):
            yield self._confusable(form, other)
        elif foreign(other.text):
            self.shown[shape] = form  # the plain wording is the one the other imitates
            yield self._confusable(other, form)
        # else both are plain Latin, like 'modern' and 'modem': a spelling, not a disguise

    def _confusable(self, odd: Form, plain: Form) -> Problem:
        self.reported.add(id(odd))
        return at(
            self.glossary.terms[odd.record_id],
            odd.key,
            "error",
            f"{odd.role} '{odd.text}' looks like '{plain.text}' ({plain.role} of term "
            f"'{plain.record_id}', {_where(self.glossary, plain)}) but {_odd(odd.text)}; "
            "retype it",
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
                    self.glossary.terms[form.record_id],
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


def _blamed(
    glossary: Glossary, first: Form, second: Form, config: Config
) -> tuple[tuple[Form, Form], ...]:
    """Where a clash is reported, as (this side, the other side) pairs.

    On the file that is new or changed since the base branch when a base is known and
    only one side changed (an annotation on an untouched file helps nobody); on both
    files otherwise, so neither side hides it.
    """
    if config.changed is not None:
        touched = [f for f in (second, first)
                   if glossary.terms[f.record_id].source.path.resolve() in config.changed]
        if len(touched) == 1:
            this = touched[0]
            return ((this, first if this is second else second),)
    return ((second, first), (first, second))


def _clash(glossary: Glossary, first: Form, second: Form, config: Config) -> Iterator[Problem]:
    if not variants(first, second):
        yield from _plain_clash(glossary, first, second, config)
        return
    # The checker reads hyphen, space and closed spellings as one wording, so the two would
    # tie on every use: say so, and how to keep the variant out of the prose instead.
    hint = ""
    if first.deprecated != second.deprecated and "avoid" not in (first.role, second.role):
        old, live = (first, second) if first.deprecated else (second, first)
        hint = (f"; list '{old.text}' under avoid of term '{live.record_id}' instead of "
                "keeping a deprecated term for it")
    elif "avoid" not in (first.role, second.role):
        hint = "; keep one spelling and list the other under avoid of its term"
    for problem in _plain_clash(glossary, first, second, config):
        yield replace(problem, message=f"{problem.message} (they differ only by hyphens or "
                      f"spaces, which the checker reads as one wording){hint}")


def _plain_clash(glossary: Glossary, first: Form, second: Form,
                 config: Config) -> Iterator[Problem]:
    roles = {first.role, second.role}
    for this, other in _blamed(glossary, first, second, config):
        term = glossary.terms[this.record_id]
        where = f"'{other.record_id}' ({_where(glossary, other)})"
        if roles == {"abbreviation"}:
            yield at(term, this.key, "error",
                     f"abbreviation '{this.text}' is also used by {where}; shared abbreviations "
                     "need a 'context' on both terms", "shared-abbreviation")
        elif "avoid" in roles and roles & {"name", "alias"}:
            yield at(term, this.key, "error", _avoid_conflict(glossary, this, other),
                     "avoid-conflict")
        elif roles == {"avoid"}:
            yield at(term, this.key, "error",
                     f"'{this.text}' is avoided in favour of two terms: this one and {where}",
                     "duplicate-form")
        else:
            yield at(term, this.key, "error",
                     f"{this.role} '{this.text}' is already the {other.role} of term {where}",
                     "duplicate-form")


def _avoid_conflict(glossary: Glossary, this: Form, other: Form) -> str:
    """One wording both named and avoided, told from the side it is reported on."""
    if this.role == "avoid":
        return (f"avoided wording '{this.text}' is the {ROLE_WORDS[other.role]} of term "
                f"'{other.record_id}' ({_where(glossary, other)})")
    return (f"{ROLE_WORDS[this.role]} '{this.text}' is wording that term '{other.record_id}' "
            f"avoids ({_where(glossary, other)}); choose another wording, or take it out of "
            "that term's avoid list")


__all__ = ["IDS", "check"]
