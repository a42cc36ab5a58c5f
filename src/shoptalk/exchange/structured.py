"""Our own JSON export and SKOS JSON-LD read back as rows for import."""

from __future__ import annotations

from typing import Any

from .export import FORMAT_FIELDS
from .sources import Row, Source, _located, read_json


def _rows_of(source: Source, text: str, items: Any, key: str) -> list[tuple[int, Any]]:
    if not isinstance(items, list):
        source.problem(1, 1, "expected a list of terms", "import-header")
        return []
    return _located(text, items, key)


def read_glossary_json(source: Source, text: str) -> None:
    """``{"terms": [...]}`` as written by ``shoptalk export --format json`` (or a bare list)."""
    data = read_json(source, text)
    if data is None:
        return
    items = data.get("terms") if isinstance(data, dict) else data
    source.fields = set(FORMAT_FIELDS["json"])
    for line, item in _rows_of(source, text, items, "id"):
        if not isinstance(item, dict):
            source.problem(line, 1, "each term is a mapping of fields", "import-header")
            continue
        source.rows.append(Row(line, 1, {k: v for k, v in item.items() if v is not None}))


def _label(value: Any) -> Any:
    """A JSON-LD literal as text: "x", {"@value": "x"} or a list of those."""
    if isinstance(value, dict):
        return value.get("@value")
    if isinstance(value, list):
        return [_label(v) for v in value]
    return value


def _as_list(value: Any) -> list[Any]:
    value = _label(value)
    return value if isinstance(value, list) else [] if value is None else [value]


def local_id(iri: Any) -> Any:
    """``https://site/terms/icp/`` or ``urn:shoptalk:term:icp`` → ``icp``."""
    if not isinstance(iri, str):
        return iri
    tail = iri.rstrip("/")
    for mark in ("/", "#", ":"):
        tail = tail.rpartition(mark)[2] if mark in tail else tail
    return tail


def _without_last(labels: list[Any], code: Any) -> list[Any]:
    # The export appends the abbreviation after the aliases; take exactly that one back out.
    if code in labels:
        index = len(labels) - 1 - labels[::-1].index(code)
        return labels[:index] + labels[index + 1:]
    return labels


def read_skos(source: Source, text: str) -> None:
    """Concepts of a SKOS JSON-LD document as written by ``shoptalk export --format skos``."""
    data = read_json(source, text)
    if data is None:
        return
    graph = data.get("@graph", [data]) if isinstance(data, dict) else data
    source.fields = set(FORMAT_FIELDS["skos"])
    for line, node in _rows_of(source, text, graph, "@id"):
        if not isinstance(node, dict) or node.get("@type") not in ("Concept", "skos:Concept"):
            continue
        code = _label(node.get("termCode"))
        row: dict[str, Any] = {
            "id": local_id(node.get("@id")),
            "name": _label(node.get("prefLabel")),
            "abbreviation": code,
            "aliases": _without_last(_as_list(node.get("altLabel")), code),
            "avoid": _as_list(node.get("hiddenLabel")),
            "context": _label(node.get("scopeNote")),
            "definition": _label(node.get("definition")),
            "examples": _as_list(node.get("example")),
            "related": [local_id(r) for r in _as_list(node.get("related"))],
            "broader": local_id(node.get("broader")),
        }
        source.rows.append(Row(line, 1, {k: v for k, v in row.items() if v not in (None, [])}))


__all__ = ["local_id", "read_glossary_json", "read_skos"]
