"""Turning a source's rows into term files, refusing whatever is not safe to take.

Nothing is merged silently: a row is taken only when it is complete, names
no existing term and no other row disagrees with it; everything else is
reported at the row's line with the reason and left for a person to decide.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..language import Form, Wordings, fold, new_forms
from ..model import Glossary, Term
from ..problems import Problem, ShoptalkError, display_path
from ..scaffold import slugify, term_clash, term_wordings
from ..schema import ID_PATTERN, check_document
from ..yaml_reader import read_yaml
from .expansions import expand_row, meanings_differ, telling_word
from .records import TERM_FIELDS, term_file
from .sources import Row, Source
from .targets import target_problem, term_path

_LINK = re.compile(r"^\s*(\[[^\]]*\]\([^)]*\)|\[\[.*\]\]|<a\s[^>]*>.*</a>|<https?://[^>]+>)\s*$",
                   re.IGNORECASE | re.DOTALL)
_EMPHASIS = re.compile(r"^(\*\*|__|`|\*|_)(.+)\1$", re.DOTALL)


@dataclass(frozen=True)
class Planned:
    """A term file the import would write."""

    id: str
    name: str
    path: Path
    text: str
    line: int


@dataclass
class Plan:
    """The files an import would write and the problems with what it refuses."""

    planned: list[Planned] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def writable(self) -> bool:
        """All or nothing: the plan is written only when no row or target has an error."""
        return not any(p.severity == "error" for p in self.problems)


@dataclass(frozen=True)
class Defaults:
    """Values for required fields a source lacks (``--category``, ``--owner``)."""

    category: str | None = None
    owner: str | None = None
    status: str = "draft"


def _key(row: Row) -> str:
    name = row.data.get("name")
    return name if isinstance(name, str) else ""


def _plain_key(text: str) -> str:
    # Bold or code around a key is formatting, not part of the name.
    match = _EMPHASIS.match(text.strip())
    return match.group(2).strip() if match else text.strip()


def _comparable(row: Row) -> dict[str, Any]:
    return {k: v for k, v in row.data.items() if k != "id"}


def required_defaults(source: Source, defaults: Defaults, glossary: Glossary,
                      owners: list[str]) -> None:
    """Refuse to start when the source lacks a required field and no default is given."""
    for name, flag, choices, value in (
            ("category", "--category", list(glossary.categories), defaults.category),
            ("owner", "--owner", owners, defaults.owner)):
        if name not in source.fields and value is None:
            listed = ", ".join(choices) or "see the glossary"
            raise ShoptalkError(f"{source.display} has no '{name}' column; give every imported "
                                f"term one with {flag} (one of: {listed})")
        if value is not None and choices and value not in choices and not value.startswith("@"):
            raise ShoptalkError(f"{flag} '{value}' is not known; choose one of: "
                                f"{', '.join(choices)}")


def plan_import(source: Source, glossary: Glossary, defaults: Defaults,
                base: Path | None = None, loading: Sequence[Problem] = ()) -> Plan:
    """What importing ``source`` into ``glossary`` would write, and every row it refuses.

    ``loading`` are the problems found loading the glossary: a term file that is in the
    way but did not load is reported with its own problems. The plan is only worth
    writing when it holds no error (see :func:`Plan.writable`).
    """
    plan = Plan(problems=list(source.problems))

    def refuse(row: Row, message: str, rule: str) -> None:
        plan.problems.append(Problem(source.display, row.line, row.col, "error", message, rule))

    groups: dict[str, list[Row]] = {}
    for row in source.rows:
        row = Row(row.line, row.col, _expanded(row.data))
        name = _key(row)
        if not name.strip():
            refuse(row, "no term in this row; it needs a name", "import-missing-name")
        elif _LINK.match(name):
            refuse(row, f"the term '{name.strip()}' is wrapped in a link; write the plain name "
                   "and put the link under links: after importing", "import-link")
        elif not str(row.data.get("definition") or "").strip():
            refuse(row, f"'{name.strip()}' has an empty definition; add one in the source",
                   "import-empty-definition")
        else:
            groups.setdefault(fold(_plain_key(name)), []).append(row)
    taken: dict[str, tuple[Row, dict[str, Any]]] = {}
    wordings = term_wordings(glossary)
    for rows in groups.values():
        first = rows[0]
        if any(_comparable(r) != _comparable(first) for r in rows[1:]):
            lines = ", ".join(str(r.line) for r in rows)
            for row in rows:
                refuse(row, f"'{_key(row).strip()}' appears on lines {lines} with different "
                       "text; keep one row and delete the others", "import-duplicate")
            continue
        data = {**first.data, "name": _plain_key(_key(first))}
        data.setdefault("category", defaults.category)
        data.setdefault("owner", defaults.owner)
        data.setdefault("status", defaults.status)
        for name in ("category", "owner"):
            if not data.get(name):
                data[name] = getattr(defaults, name)
        if "id" not in source.fields or not data.get("id"):
            data["id"] = slugify(data["name"])
        _take(first, data, glossary, wordings, taken, refuse)
    for row, data in taken.values():
        blocked = target_problem(glossary.root, data["id"], data["name"], base, loading)
        if blocked is not None:
            refuse(row, blocked[0], "import-target")
            plan.problems.extend(p for p in blocked[1] if p not in plan.problems)
            continue
        path = term_path(glossary.root, data["id"])
        text = term_file({k: data.get(k) for k in TERM_FIELDS})
        problems = _schema_problems(path, text, base)
        if problems:
            refuse(row, f"'{data['name']}' would not be a valid term: {problems}", "import-invalid")
            continue
        plan.planned.append(Planned(data["id"], data["name"], path, text, row.line))
    return plan


def _take(row: Row, data: dict[str, Any], glossary: Glossary, wordings: Wordings,
          taken: dict[str, tuple[Row, dict[str, Any]]], refuse: Any) -> None:
    term_id = data["id"]
    if not isinstance(term_id, str) or not ID_PATTERN.fullmatch(term_id):
        refuse(row, f"cannot make a valid id for '{data['name']}' (got '{term_id}'); add an "
               "'id' column with lowercase letters, digits and hyphens", "import-bad-id")
        return
    existing = glossary.terms.get(term_id)
    sharing = _sharing(glossary, data.get("abbreviation"))
    if existing is not None and existing in sharing:
        refuse(row, _shared_abbreviation(data, existing.name, _where(existing)),
               "import-collision")
        return
    if existing is not None:
        refuse(row, f"'{data['name']}' would be term '{term_id}', which already exists "
               f"({existing.source.shown}); edit that term instead", "import-collision")
        return
    forms = _forms(data)
    for form in forms:
        other_form = wordings.clash(form)
        if other_form is not None and form.role == other_form.role == "abbreviation":
            # Of the terms with this abbreviation, the one meaning the same, if any.
            other_term = next((t for t in sharing if not meanings_differ(t.name, data["name"])),
                              glossary.terms[other_form.record_id])
            refuse(row, _shared_abbreviation(data, other_term.name, _where(other_term)),
                   "import-collision")
            return
    clash = term_clash(glossary, forms, wordings)
    if clash:
        refuse(row, f"'{data['name']}' collides with the glossary: {clash}", "import-collision")
        return
    for other_row, other in taken.values():
        abbreviation = data.get("abbreviation")
        if term_id != other["id"] and abbreviation and abbreviation == other.get("abbreviation") \
                and _shared_wording(forms, _forms(other)):
            refuse(row, _shared_abbreviation(data, other["name"],
                                             f"the row on line {other_row.line}"),
                   "import-collision")
            return
        if term_id == other["id"] or _shared_wording(forms, _forms(other)):
            refuse(row, f"'{data['name']}' collides with '{other['name']}' on line "
                   f"{other_row.line} (same id or wording)", "import-collision")
            return
    taken[term_id] = (row, data)


def _expanded(data: dict[str, Any]) -> dict[str, Any]:
    """An acronym key split into name and abbreviation, links taken out of the definition."""
    name = data.get("name")
    if isinstance(name, str) and not _LINK.match(name):
        return expand_row({**data, "name": _plain_key(name)})
    return data


def _sharing(glossary: Glossary, abbreviation: object) -> list[Term]:
    """The glossary's terms with ``abbreviation`` (as the validator compares it)."""
    if not isinstance(abbreviation, str) or not abbreviation:
        return []
    return [t for t in glossary.terms.values()
            if t.abbreviation and fold(t.abbreviation) == fold(abbreviation)]


def _where(term: Term) -> str:
    return f"term '{term.id}' ({term.source.shown})"


def _shared_abbreviation(data: dict[str, Any], other_name: str, where: str) -> str:
    """A clash on an abbreviation, saying whether the two meanings differ."""
    abbreviation, name = data["abbreviation"], data["name"]
    if not meanings_differ(name, other_name):
        return (f"'{abbreviation}' ({name}) is already {where} with the same meaning; keep "
                "that one and drop this row")
    return (f"'{abbreviation}' means '{name}' here but '{other_name}' in {where}: if both are "
            f"meant, give each a context (context: {telling_word(name, other_name)} here, "
            f"context: {telling_word(other_name, name)} there) so they become homonyms; "
            "otherwise keep one")


def _forms(data: dict[str, Any]) -> list[Form]:
    def text(value: object) -> str | None:
        return value if isinstance(value, str) and value else None

    aliases = [a for a in data.get("aliases") or [] if isinstance(a, str)]
    return new_forms(data["id"], data["name"], abbreviation=text(data.get("abbreviation")),
                     aliases=aliases, context=text(data.get("context")))


def _shared_wording(mine: list[Form], theirs: list[Form]) -> bool:
    """The validator's clash rule between two rows (homonyms with contexts may share)."""
    taken = Wordings(theirs)
    return any(taken.clash(form) for form in mine)


def _schema_problems(path: Path, text: str, base: Path | None) -> str:
    doc = read_yaml(path, display_path(path, base), text.encode("utf-8"))
    if doc.ok and isinstance(doc.data, dict):
        doc.problems.extend(check_document(doc, "term"))
    errors = [p for p in doc.problems if p.severity == "error" or p.rule == "unknown-key"]
    return "; ".join(f"{p.message} [{p.rule}]" for p in errors)


__all__ = ["Defaults", "Plan", "Planned", "plan_import", "required_defaults"]
