"""Terms as plain data, and plain data as a term file: the shape every format shares."""

from __future__ import annotations

from typing import Any

from ..model import Avoid, Term
from ..yaml_text import dump

# The order of the fields in JSON and in written files: the schema's reading order.
TERM_FIELDS = ("id", "name", "abbreviation", "aliases", "avoid", "definition", "details",
               "examples", "category", "related", "broader", "stages", "context", "owner",
               "status", "replaced_by", "reviewed", "review_every", "core", "proper_name",
               "links", "crm")
MODELINE = "# yaml-language-server: $schema=../schema/term.schema.json\n"


def _avoid(avoid: Avoid) -> str | dict[str, str]:
    return {"text": avoid.text, "why": avoid.why} if avoid.why else avoid.text


def term_to_dict(term: Term) -> dict[str, Any]:
    """Every field of ``term``, in TERM_FIELDS order; absent values as None or []."""
    return {
        "id": term.id, "name": term.name, "abbreviation": term.abbreviation,
        "aliases": list(term.aliases), "avoid": [_avoid(a) for a in term.avoid],
        "definition": term.definition, "details": term.details, "examples": list(term.examples),
        "category": term.category, "related": list(term.related), "broader": term.broader,
        "stages": list(term.stages), "context": term.context, "owner": term.owner,
        "status": term.status, "replaced_by": term.replaced_by,
        "reviewed": term.reviewed.isoformat() if term.reviewed else None,
        "review_every": term.review_every, "core": term.core, "proper_name": term.proper_name,
        "links": [{"title": link.title, "url": link.url} for link in term.links],
        "crm": dict(term.crm) or None,
    }


def term_file(data: dict[str, Any]) -> str:
    """A term file for ``data`` (as term_to_dict gives it): empty fields left out."""
    body = {k: data[k] for k in TERM_FIELDS[1:]
            if k in data and data[k] not in (None, [], "") and not (k == "core" and not data[k])}
    return MODELINE + dump(body)


__all__ = ["MODELINE", "TERM_FIELDS", "term_file", "term_to_dict"]
