"""``shoptalk export`` and the round trip export → import → export."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shoptalk import load_glossary
from shoptalk.exchange import (
    Defaults,
    defined_term_jsonld,
    glossary_csv,
    glossary_json,
    glossary_skos,
    plan_import,
    read_source,
    script_json,
    term_file,
)
from shoptalk.language import fold
from shoptalk.model import Glossary

from .conftest import VALID, Run

EXPORT = {"json": glossary_json, "csv": glossary_csv, "skos": glossary_skos}
SUFFIX = {"json": ".json", "csv": ".csv", "skos": ".jsonld"}


def _round_trip(glossary: Glossary, fmt: str, work: Path) -> tuple[str, str, list[str]]:
    """Export, import into an empty glossary, export again."""
    first = EXPORT[fmt](glossary)
    source_path = work / f"export{SUFFIX[fmt]}"
    source_path.write_text(first, encoding="utf-8", newline="")
    target = work / "target"
    (target / "terms").mkdir(parents=True)
    (target / "categories.yml").write_text("- id: c\n  name: C\n", encoding="utf-8")
    empty, _ = load_glossary(target, work)
    plan = plan_import(read_source(source_path, source_path.name), empty,
                       Defaults(category="c", owner="o"), work)
    for item in plan.planned:
        item.path.write_text(item.text, encoding="utf-8")
    again, problems = load_glossary(target, work)
    assert [p.format() for p in problems] == []
    second = EXPORT[fmt](again)
    if fmt == "json":  # categories are the target's own; the terms must match
        first, second = (json.dumps(json.loads(x)["terms"], indent=1) for x in (first, second))
    return first, second, [p.format() for p in plan.problems]


@pytest.mark.parametrize("fmt", ["json", "csv", "skos"])
def test_fixture_round_trip(fmt: str, tmp_path: Path) -> None:
    glossary, _ = load_glossary(VALID, VALID)
    first, second, problems = _round_trip(glossary, fmt, tmp_path)
    assert problems == []
    assert second == first


def test_export_command(project: Path, run: Run) -> None:
    code, out, _ = run("export", "--format", "csv")
    assert code == 0
    assert out.splitlines()[0] == "id,name,abbreviation,aliases,context,definition,category," \
                                  "owner,status"
    code, out, _ = run("export", "--format", "skos", "--base-url", "https://go.example.com/t/")
    concepts = {n["@id"]: n for n in json.loads(out)["@graph"]}
    icp = concepts["https://go.example.com/t/ideal-customer-profile"]
    assert icp["prefLabel"] == "Ideal Customer Profile"
    assert icp["altLabel"] == ["ideal client profile", "ICP"]
    assert icp["hiddenLabel"] == ["perfect customer", "target list"]
    assert icp["related"] == ["https://go.example.com/t/economic-buyer"]
    assert concepts["https://go.example.com/t"]["@type"] == "ConceptScheme"
    assert run("export", "-o", "out.json")[0] == 0
    assert json.loads((project / "out.json").read_text(encoding="utf-8"))["version"] == 1


def test_defined_term_jsonld() -> None:
    glossary, _ = load_glossary(VALID, VALID)
    data = defined_term_jsonld(glossary, "ideal-customer-profile", "https://kb/terms/icp/",
                               set_name="Tidewater glossary", set_url="https://kb/terms/")
    assert data == {
        "@context": "https://schema.org", "@type": "DefinedTerm",
        "@id": "https://kb/terms/icp/", "url": "https://kb/terms/icp/",
        "name": "Ideal Customer Profile",
        "description": glossary.terms["ideal-customer-profile"].definition,
        "termCode": "ICP", "alternateName": ["ideal client profile", "ICP"],
        "inDefinedTermSet": {"@type": "DefinedTermSet", "name": "Tidewater glossary",
                             "@id": "https://kb/terms/", "url": "https://kb/terms/"},
    }
    assert "</script>" not in script_json({"description": "a </script> b"})


# Wording with the characters that break naive writers: quotes, colons, hashes, accents.
_CHARS = "abcXYZ éÅßø'’\":#-&!?%,.;/+$€0123456789"
_WORDS = st.text(alphabet=_CHARS.replace(" ", ""), min_size=1, max_size=7)
_TEXT = st.lists(_WORDS, min_size=1, max_size=5).map(" ".join)
_ALIAS = _TEXT.map(lambda t: t.replace(";", ""))


@st.composite
def _terms(draw: st.DrawFn) -> list[dict[str, Any]]:
    count = draw(st.integers(1, 4))
    seen: set[str] = set()
    terms: list[dict[str, Any]] = []
    for index in range(count):
        forms = [draw(_TEXT).strip()]
        aliases = [a.strip() for a in draw(st.lists(_ALIAS, max_size=2)) if a.strip()]
        abbreviation = draw(st.none() | st.text("ABCDEFGHXYZ0123", min_size=2, max_size=5))
        wording = [fold(f) for f in [*forms, *aliases, *([abbreviation] if abbreviation else [])]]
        if not forms[0] or len(set(wording)) < len(wording) or seen & set(wording):
            continue  # one wording names one term, as the validator demands
        seen |= set(wording)
        terms.append({
            "id": f"t{index}", "name": forms[0], "abbreviation": abbreviation,
            "aliases": aliases, "definition": draw(_TEXT).strip() or "x",
            "avoid": [a.strip() for a in draw(st.lists(_ALIAS, max_size=1))
                      if a.strip() and fold(a) not in seen],
            "examples": draw(st.lists(_TEXT, max_size=2)),
            "context": draw(st.none() | _TEXT),
            "category": "c", "owner": draw(st.sampled_from(["o", "ae"])),
            "status": draw(st.sampled_from(["draft", "approved"])),
            "related": [f"t{i}" for i in range(index)][: draw(st.integers(0, 2))],
            "details": draw(st.none() | _TEXT.map(lambda t: t + "\n\nmore: #1")),
            "review_every": draw(st.none() | st.integers(1, 400)),
        })
    return terms


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(terms=_terms(), fmt=st.sampled_from(["json", "csv", "skos"]))
def test_round_trip_property(terms: list[dict[str, Any]], fmt: str) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        source = work / "source"
        (source / "terms").mkdir(parents=True)
        (source / "categories.yml").write_text("- id: c\n  name: C\n", encoding="utf-8")
        for term in terms:
            (source / "terms" / f"{term['id']}.yml").write_text(term_file(term), encoding="utf-8")
        glossary, problems = load_glossary(source, work)
        assert [p.format() for p in problems] == []  # what we write, we read back
        for term in terms:
            assert glossary.terms[term["id"]].name == term["name"]
            assert glossary.terms[term["id"]].definition == term["definition"]
        first, second, refused = _round_trip(glossary, fmt, work)
        assert refused == []
        assert second == first
