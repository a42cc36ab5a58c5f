"""The glossary's terms as JSON, CSV, SKOS (JSON-LD) and schema.org DefinedTerm.

Each format carries a fixed set of fields (FORMAT_FIELDS); ``shoptalk import``
reads each format back, so export → import → export is identical for them.
"""

from __future__ import annotations

import json
from typing import Any

from ..model import Glossary, Term
from .formulas import neutralise
from .records import term_to_dict

JSON_VERSION = 1
CSV_COLUMNS = ("id", "name", "abbreviation", "aliases", "context", "definition", "category",
               "owner", "status")
LIST_SEPARATOR = "; "  # aliases in one CSV cell; an alias cannot itself contain ';'
DEFAULT_BASE = "urn:shoptalk:term:"
SKOS = "http://www.w3.org/2004/02/skos/core#"
SKOS_CONTEXT: dict[str, Any] = {
    "skos": SKOS,
    "schema": "https://schema.org/",
    "@language": "en",
    "ConceptScheme": "skos:ConceptScheme",
    "Concept": "skos:Concept",
    "inScheme": {"@id": "skos:inScheme", "@type": "@id"},
    "prefLabel": "skos:prefLabel",
    "altLabel": {"@id": "skos:altLabel", "@container": "@set"},
    "hiddenLabel": {"@id": "skos:hiddenLabel", "@container": "@set"},
    "definition": "skos:definition",
    "scopeNote": "skos:scopeNote",
    "example": {"@id": "skos:example", "@container": "@set"},
    "related": {"@id": "skos:related", "@type": "@id", "@container": "@set"},
    "broader": {"@id": "skos:broader", "@type": "@id"},
    # The abbreviation is also an altLabel; termCode says which altLabel it is.
    "termCode": "schema:termCode",
}
FORMAT_FIELDS = {
    "json": ("id", "name", "abbreviation", "aliases", "avoid", "definition", "details",
             "examples", "category", "related", "broader", "stages", "context", "owner",
             "status", "replaced_by", "reviewed", "review_every", "core", "proper_name",
             "links", "crm"),
    "csv": CSV_COLUMNS,
    "skos": ("id", "name", "abbreviation", "aliases", "avoid", "context", "definition",
             "examples", "related", "broader"),
}


def _terms(glossary: Glossary) -> list[Term]:
    return sorted(glossary.terms.values(), key=lambda t: t.id)


def glossary_json(glossary: Glossary) -> str:
    """Every term with every field, plus the categories: the site's ``glossary.json``."""
    return json.dumps({
        "version": JSON_VERSION,
        "terms": [term_to_dict(t) for t in _terms(glossary)],
        "categories": [{"id": c.id, "name": c.name, "description": c.description}
                       for c in glossary.categories.values()],
    }, indent=2, ensure_ascii=False) + "\n"


def glossary_csv(glossary: Glossary) -> str:
    """One row per term with CSV_COLUMNS; aliases joined by '; '; no cell runs as a formula."""
    rows = [CSV_COLUMNS]
    for term in _terms(glossary):
        rows.append((term.id, term.name, term.abbreviation or "",
                     LIST_SEPARATOR.join(term.aliases), term.context or "", term.definition,
                     term.category, term.owner, term.status))
    return "".join(",".join(_csv_cell(neutralise(c)) for c in row) + "\n" for row in rows)


def _csv_cell(value: str) -> str:
    # By hand, not csv.writer: with '\n' line ends it leaves a lone '\r' unquoted, and a
    # reader starts a new row there, outside the cell (and its formula guard).
    if any(c in value for c in ',"\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


def concept_iri(base: str, term_id: str) -> str:
    """The IRI of a term's SKOS concept."""
    return f"{base}{term_id}"


def glossary_skos(glossary: Glossary, base: str = DEFAULT_BASE, title: str = "Glossary") -> str:
    """A SKOS ConceptScheme as JSON-LD: one Concept per term."""
    scheme = base.rstrip("/:#") or base
    graph: list[dict[str, Any]] = [{"@id": scheme, "@type": "ConceptScheme", "prefLabel": title}]
    for term in _terms(glossary):
        concept: dict[str, Any] = {"@id": concept_iri(base, term.id), "@type": "Concept",
                                   "inScheme": scheme, "prefLabel": term.name}
        alt = [*term.aliases, *([term.abbreviation] if term.abbreviation else [])]
        if alt:
            concept["altLabel"] = alt
        if term.abbreviation:
            concept["termCode"] = term.abbreviation
        if term.avoid:
            concept["hiddenLabel"] = [a.text for a in term.avoid]
        if term.context:
            concept["scopeNote"] = term.context
        concept["definition"] = term.definition
        if term.examples:
            concept["example"] = list(term.examples)
        if term.related:
            concept["related"] = [concept_iri(base, r) for r in term.related]
        if term.broader:
            concept["broader"] = concept_iri(base, term.broader)
        graph.append(concept)
    return json.dumps({"@context": SKOS_CONTEXT, "@graph": graph}, indent=2,
                      ensure_ascii=False) + "\n"


def defined_term_jsonld(glossary: Glossary, term: Term | str, url: str, *,
                        set_name: str = "Glossary", set_url: str | None = None) -> dict[str, Any]:
    """A schema.org DefinedTerm for one term page, to embed as JSON-LD.

    Embed it with :func:`script_json`, which keeps ``</script>`` in a definition
    from ending the script element early.
    """
    record = glossary.terms[term] if isinstance(term, str) else term
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "DefinedTerm",
                            "@id": url, "url": url, "name": record.name,
                            "description": record.definition}
    if record.abbreviation:
        data["termCode"] = record.abbreviation
    alternates = [*record.aliases, *([record.abbreviation] if record.abbreviation else [])]
    if alternates:
        data["alternateName"] = alternates
    term_set: dict[str, Any] = {"@type": "DefinedTermSet", "name": set_name}
    if set_url:
        term_set["@id"] = term_set["url"] = set_url
    data["inDefinedTermSet"] = term_set
    return data


def script_json(data: dict[str, Any]) -> str:
    """JSON safe to put inside ``<script type="application/ld+json">``."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


EXPORTERS = {"json": glossary_json, "csv": glossary_csv}


__all__ = [
    "CSV_COLUMNS", "DEFAULT_BASE", "EXPORTERS", "FORMAT_FIELDS", "JSON_VERSION", "LIST_SEPARATOR",
    "SKOS", "SKOS_CONTEXT", "concept_iri", "defined_term_jsonld", "glossary_csv", "glossary_json",
    "glossary_skos", "script_json"
]
