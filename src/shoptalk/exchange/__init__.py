"""Moving the glossary in and out: JSON, CSV, SKOS JSON-LD, schema.org DefinedTerm,
and import from CSV, Markdown tables, our JSON and SKOS.

The public surface for the site: :func:`glossary_json` (the published
``glossary.json``) and :func:`defined_term_jsonld` (JSON-LD for a term page).
"""

from __future__ import annotations

from pathlib import Path

from ..problems import ShoptalkError
from ..rule_registry import summaries
from .export import (
    CSV_COLUMNS,
    DEFAULT_BASE,
    FORMAT_FIELDS,
    defined_term_jsonld,
    glossary_csv,
    glossary_json,
    glossary_skos,
    script_json,
)
from .importer import Defaults, Plan, Planned, plan_import, required_defaults
from .records import term_file, term_to_dict
from .sources import FORMATS, Source, detect, read_csv, read_markdown
from .structured import read_glossary_json, read_skos

# Every rule id ``shoptalk import`` can report (docs/reference/rules.md has a section for each).
IMPORT_RULE_IDS: dict[str, str] = summaries("importer")

_READERS = {"csv": read_csv, "markdown": read_markdown, "json": read_glossary_json,
            "skos": read_skos}


def read_source(path: Path, display: str, fmt: str | None = None) -> Source:
    """Parse an import source; unreadable content becomes problems, a missing file an error."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ShoptalkError(f"{display}: cannot read: {exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        source = Source(display, fmt or "csv")
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        source.problem(line, col, "not UTF-8 text; save the file as UTF-8 (in Excel: CSV UTF-8)",
                       "encoding")
        return source
    fmt = fmt or detect(path, text)
    source = Source(display, fmt)
    _READERS[fmt](source, text)
    return source


__all__ = [
    "CSV_COLUMNS", "DEFAULT_BASE", "FORMATS", "FORMAT_FIELDS", "IMPORT_RULE_IDS", "Defaults",
    "Plan", "Planned",
    "Source", "defined_term_jsonld", "glossary_csv", "glossary_json", "glossary_skos",
    "plan_import", "read_source", "required_defaults", "script_json", "term_file",
    "term_to_dict",
]
