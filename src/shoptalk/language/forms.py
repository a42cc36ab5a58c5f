"""The wordings of each record, each with its role, and the rule that two must not collide."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal

from ..model import Record, Term
from .wording import closed, fold, normalize

__all__ = ["ROLE_WORDS", "Form", "FormRole", "Wordings", "forms_of", "homonyms", "new_forms",
           "same_concept", "variants"]

FormRole = Literal["name", "alias", "abbreviation", "avoid"]

# How each role reads in a message: "… is already the avoided wording of term 'x'".
ROLE_WORDS: dict[FormRole, str] = {"name": "name", "alias": "alias",
                                   "abbreviation": "abbreviation", "avoid": "avoided wording"}


@dataclass(frozen=True, slots=True)
class Form:
    """One wording of a record: its text, its role, and the YAML key it was written under.

    ``deprecated`` marks the wording of a deprecated term (readers should say its
    replacement); ``context`` is the term's context, which lets homonyms share an
    abbreviation. ``closed`` is the key two wordings clash on: spellings that differ only
    by hyphens or spaces between words are one wording (see ``shoptalk.language.closed``).
    """

    record_id: str
    role: FormRole
    text: str
    key: str
    context: str | None = None
    deprecated: bool = False
    folded: str = field(init=False, compare=False)
    closed: str = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "folded", fold(self.text))
        object.__setattr__(self, "closed", closed(self.text))


def forms_of(record: Record) -> Iterator[Form]:
    """Every wording of ``record``: name, aliases, abbreviation, then avoided wording."""
    term = record if isinstance(record, Term) else None
    context = term.context if term else None
    deprecated = bool(term and term.deprecated)
    yield Form(record.id, "name", record.name, "name", context, deprecated)
    for i, alias in enumerate(term.aliases if term else ()):
        yield Form(record.id, "alias", alias, f"aliases[{i}]", context, deprecated)
    abbreviation: str | None = getattr(record, "abbreviation", None)  # stages have none
    if abbreviation:
        yield Form(record.id, "abbreviation", abbreviation, "abbreviation", context, deprecated)
    for i, avoid in enumerate(term.avoid if term else ()):
        key = f"avoid[{i}].text" if avoid.why else f"avoid[{i}]"
        yield Form(record.id, "avoid", avoid.text, key, context)


def new_forms(record_id: str, name: str, *, abbreviation: str | None = None,
                   aliases: Iterable[str] = (), context: str | None = None) -> list[Form]:
    """The wordings of a record not written yet (``shoptalk new``, ``shoptalk import``)."""
    forms = [Form(record_id, "name", name, "name", context)]
    if abbreviation:
        forms.append(Form(record_id, "abbreviation", abbreviation, "abbreviation", context))
    forms += [Form(record_id, "alias", a, f"aliases[{i}]", context)
              for i, a in enumerate(aliases)]
    return forms


def homonyms(one: Form, other: Form) -> bool:
    """Two terms may share an abbreviation only when each says its context (PQL)."""
    return (one.role == other.role == "abbreviation" and bool(one.context)
            and bool(other.context))


def variants(one: Form, other: Form) -> bool:
    """True when two wordings differ only by hyphens or spaces ("platform-champion")."""
    return one.closed == other.closed and one.folded != other.folded


class Wordings:
    """Every wording taken so far, by its closed form: says which new one collides.

    Hyphen, space and closed spellings of one compound collide, since the checker reads
    them as one wording and could not tell the two records apart. The same wording twice
    in one record is harmless repetition, never a clash; nor are spellings of one wording
    in one record ("enterprise notice", avoid "enterprise-notice").
    """

    def __init__(self, forms: Iterable[Form] = ()) -> None:
        self._first: dict[str, Form] = {}
        for form in forms:
            self._first.setdefault(form.closed, form)

    def clash(self, form: Form) -> Form | None:
        """The earlier wording of another record that ``form`` collides with, if any."""
        other = self._first.get(form.closed)
        if other is None or other.record_id == form.record_id or homonyms(other, form):
            return None
        return other

    def add(self, form: Form) -> None:
        """Take ``form``'s wording (the first record to use a wording keeps it)."""
        self._first.setdefault(form.closed, form)

    def take_all(self, forms: Iterable[Form]) -> Iterator[tuple[Form, Form | None]]:
        """Take ``forms`` in order: each with the earlier wording it collides with, or None
        when it is the first to use its wording. Homonyms and repeats are passed over."""
        seen: set[tuple[str, str]] = set()
        for form in forms:
            if (form.record_id, form.folded) in seen:
                continue
            seen.add((form.record_id, form.folded))
            earlier = self._first.get(form.closed)
            if earlier is None:
                self._first[form.closed] = form
                yield form, None
            elif earlier.record_id != form.record_id and not homonyms(earlier, form):
                yield form, earlier


def same_concept(terms: Iterable[Term], name: str, abbreviation: str | None
                 ) -> list[tuple[Literal["name", "abbreviation"], Term]]:
    """The terms a role called ``name`` (``abbreviation``) is the same thing as: each with
    the key they share, the name first (rule ``role-term``, ``shoptalk new role``)."""
    found: list[tuple[Literal["name", "abbreviation"], Term]] = []
    for term in terms:
        if fold(term.name) == fold(name):
            found.append(("name", term))
        elif abbreviation and term.abbreviation \
                and normalize(term.abbreviation) == normalize(abbreviation):
            found.append(("abbreviation", term))
    return found
