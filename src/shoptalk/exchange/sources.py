"""Reading glossaries made elsewhere: CSV, a Markdown table, our JSON, SKOS JSON-LD.

Tabular sources are mapped by their header names, case-insensitively, with
the synonyms people use ("Term", "Meaning", "Acronym"…). Every row keeps its
line, so a problem points at the row in the file the user knows.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..problems import Problem, Severity
from .formulas import QUOTE, is_neutralised, looks_like_formula, restore

FORMATS = ("csv", "markdown", "json", "skos")
HEADERS: dict[str, tuple[str, ...]] = {
    "id": ("id", "slug"),
    "name": ("name", "term", "word", "phrase", "concept", "preferred term", "preflabel"),
    "definition": ("definition", "meaning", "description", "what it means", "explanation"),
    "abbreviation": ("abbreviation", "acronym", "short", "short form", "abbr", "abbrev"),
    "aliases": ("aliases", "alias", "synonyms", "synonym", "also known as", "aka", "altlabel"),
    "examples": ("examples", "example"),
    "context": ("context", "scope", "scope note"),
    "category": ("category",),
    "owner": ("owner",),
    "status": ("status",),
}
_LOOKUP = {synonym: canonical for canonical, names in HEADERS.items() for synonym in names}
LIST_FIELDS = ("aliases", "examples")


@dataclass(frozen=True)
class Row:
    """One term as the source has it: canonical field → value, and where it stands."""

    line: int
    col: int
    data: dict[str, Any]


@dataclass
class Source:
    """A parsed source: its rows, the fields it carries, and what could not be read."""

    display: str
    format: str
    rows: list[Row] = field(default_factory=list)
    fields: set[str] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)

    def problem(self, line: int, col: int, message: str, rule: str,
                severity: Severity = "error") -> None:
        """Record a problem at ``line:col`` of the source."""
        self.problems.append(Problem(self.display, line, col, severity, message, rule))


def header_field(name: str) -> str | None:
    """The canonical field a column header names, if any: "Acronym " → "abbreviation"."""
    key = " ".join(name.strip().strip(":*").lower().replace("(s)", "s").split())
    return _LOOKUP.get(key)


def detect(path: Path, text: str) -> str:
    """The format of a source, from its extension and, for JSON, its content."""
    suffix = path.suffix.lower()
    if suffix in (".md", ".markdown"):
        return "markdown"
    if suffix in (".json", ".jsonld"):
        return "skos" if '"@context"' in text[:2000] or '"@graph"' in text[:2000] else "json"
    return "csv"


Cells = list[tuple[int, int, str]]  # (1-based line, 1-based column, text)


def _cell_value(source: Source, line: int, col: int, text: str) -> str:
    """A tabular cell as the value to import: trimmed, our export's formula quote taken off."""
    value = text.strip()
    if is_neutralised(value):
        return restore(value)
    if looks_like_formula(value):
        shown = " ".join(value.split())  # one line, whatever the cell holds
        shown = shown if len(shown) <= 40 else shown[:39] + "…"
        source.problem(line, col, f"'{shown}' starts with '{value[0]}', so a "
                       "spreadsheet would run it as a formula; it is imported as plain text. "
                       f"Check it is the text you meant, and start the cell with {QUOTE} to "
                       "mark it as text", "import-formula", "warning")
    return value


def _table_rows(source: Source, header_line: int, header: Cells,
                rows: list[tuple[int, Cells]]) -> None:
    columns: list[str | None] = []
    for _, col, name in header:
        canonical = header_field(name)
        if canonical is None and name.strip():
            source.problem(header_line, col, f"column '{name.strip()}' "
                           "is not imported; known columns: " + ", ".join(HEADERS),
                           "import-unknown-column", "warning")
        columns.append(canonical if canonical not in columns else None)
    source.fields = {c for c in columns if c}
    if "name" not in source.fields:
        source.problem(header_line, 1, "no column names the term; call it 'Term' or 'Name'",
                       "import-header")
        return
    for line, cells in rows:
        data: dict[str, Any] = {}
        key_col = 1
        for (at, col, text), canonical in zip(cells, columns, strict=False):
            if canonical is None:
                continue
            value = _cell_value(source, at, col, text)
            if canonical == "name":
                key_col = col
            if canonical in LIST_FIELDS:
                data[canonical] = [v.strip() for v in value.split(";") if v.strip()]
            else:
                data[canonical] = value
        if any(data.values()):
            source.rows.append(Row(line, key_col, data))


def _field_starts(text: str, delimiter: str) -> dict[int, list[tuple[int, int]]]:
    """Where each CSV field starts, by the line its record starts on: the csv module's
    splitting (quotes open only at a field's start, "" inside quotes) with positions."""
    records: dict[int, list[tuple[int, int]]] = {}
    line, col, quoted, fresh = 1, 1, False, True
    fields = records.setdefault(1, [(1, 1)])
    i = 0
    while i < len(text):
        char = text[i]
        if char in "\r\n":
            i += 2 if text[i: i + 2] == "\r\n" else 1
            line, col = line + 1, 1
            if not quoted:
                fields = records.setdefault(line, [(line, 1)])
                fresh = True
            continue
        if quoted:
            if char == '"' and text[i + 1: i + 2] == '"':
                i, col = i + 1, col + 1
            elif char == '"':
                quoted = False
        elif char == delimiter:
            fields.append((line, col + 1))
            fresh = True
            i, col = i + 1, col + 1
            continue
        elif char == '"' and fresh:
            quoted = True
        fresh = False
        i, col = i + 1, col + 1
    return records


def read_csv(source: Source, text: str) -> None:
    """Rows of a CSV file with a header row (',' ';' or tab, as the header uses)."""
    # The header row decides the delimiter: Excel writes ';' where ',' is the decimal mark.
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=lambda d: (first.count(d), d == ","))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    starts = _field_starts(text, delimiter)
    header: Cells = []
    rows: list[tuple[int, Cells]] = []
    start = 1
    try:
        for cells in reader:
            found = starts.get(start, [])
            if len(found) != len(cells):  # a record the scan split otherwise: whole-row places
                found = [(start, 1)] * len(cells)
            located = [(at, col, c) for (at, col), c in zip(found, cells, strict=True)]
            if not header:
                header = located
            else:
                rows.append((start, located))
            start = reader.line_num + 1
    except csv.Error as exc:
        source.problem(reader.line_num, 1, f"cannot read the CSV here: {exc}", "import-syntax")
    if not header:
        source.problem(1, 1, "the file is empty; a header row comes first", "import-header")
        return
    _table_rows(source, 1, header, rows)


_SEPARATOR = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _cells(number: int, line: str) -> Cells:
    """Cells of Markdown table line ``number`` with their 1-based columns; ``\\|`` stays a pipe."""
    cells: Cells = []
    start, current, i = 0, "", 0
    body = line.rstrip()
    if body.startswith("|"):
        start, i = 1, 1
    cell_col = start + 1
    while i < len(body):
        char = body[i]
        if char == "\\" and body[i + 1: i + 2] == "|":
            current += "|"
            i += 2
            continue
        if char == "|":
            cells.append((number, cell_col + len(current) - len(current.lstrip()), current))
            current, cell_col = "", i + 2
        else:
            current += char
        i += 1
    if current.strip() or not body.endswith("|"):
        cells.append((number, cell_col + len(current) - len(current.lstrip()), current))
    return cells


def read_markdown(source: Source, text: str) -> None:
    """Rows of the first Markdown table in ``text``; the rest of the page is ignored."""
    lines = text.splitlines()
    for index in range(len(lines) - 1):
        if lines[index].lstrip().startswith("|") and _SEPARATOR.match(lines[index + 1].strip()):
            header = _cells(index + 1, lines[index])
            rows = []
            for number in range(index + 2, len(lines)):
                if not lines[number].lstrip().startswith("|"):
                    break
                rows.append((number + 1, _cells(number + 1, lines[number])))
            _table_rows(source, index + 1, header, rows)
            return
    source.problem(1, 1, "no Markdown table found; the first line of the table names the "
                   "columns (| Term | Definition |) and the second is | --- | --- |",
                   "import-header")


def _located(text: str, items: list[Any], key: str) -> list[tuple[int, Any]]:
    """Each item with the line where its ``key`` value first appears after the previous one."""
    out: list[tuple[int, Any]] = []
    at = 0
    for item in items:
        needle = json.dumps(item.get(key), ensure_ascii=False) if isinstance(item, dict) else ""
        found = text.find(needle, at) if needle else -1
        if found >= 0:
            at = found + 1
        out.append((text.count("\n", 0, max(found, at, 0)) + 1, item))
    return out


def read_json(source: Source, text: str) -> Any:
    """Parsed JSON, or None with an import-syntax problem at the error's line and column."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        source.problem(exc.lineno, exc.colno, f"not valid JSON: {exc.msg}", "import-syntax")
        return None


__all__ = [
    "FORMATS", "HEADERS", "LIST_FIELDS", "Cells", "Row", "Source", "detect", "header_field",
    "read_csv", "read_json", "read_markdown"
]
