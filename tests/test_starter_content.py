"""Checks that the starter content shipped with Shoptalk is complete.

These tests read the glossary files directly, without the shoptalk package, so
they keep guarding the content even if the site code changes. They assert the
minimum sizes promised for the starter language and a few content rules that
the checker also enforces.
"""

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from shoptalk.yaml_reader import read_yaml

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = ROOT / "glossary"
PLAYBOOKS = ROOT / "docs" / "playbooks"

MEDDPICC_ELEMENTS = {
    "metrics",
    "economic-buyer",
    "decision-criteria",
    "decision-process",
    "paper-process",
    "identify-pain",
    "champion",
    "competition",
}


def _load_dir(name):
    # The project's own strict reader: content is counted as Shoptalk reads it.
    return {p.stem: read_yaml(p, p.name).data for p in sorted((GLOSSARY / name).glob("*.yml"))}


@pytest.fixture(scope="module")
def terms():
    return _load_dir("terms")


@pytest.fixture(scope="module")
def stages():
    return _load_dir("stages")


@pytest.fixture(scope="module")
def roles():
    return _load_dir("roles")


@pytest.fixture(scope="module")
def frameworks():
    return _load_dir("frameworks")


@pytest.fixture(scope="module")
def categories():
    return read_yaml(GLOSSARY / "categories.yml", "categories.yml").data


def _playbooks():
    return [p for p in sorted(PLAYBOOKS.glob("*.md")) if p.name != "index.md"]


def _front_matter(path):
    match = re.match(r"^---\n(.*?)\n---\n", path.read_text(encoding="utf-8"), re.S)
    assert match, f"{path.name} has no front matter"
    return yaml.safe_load(match.group(1))


def test_every_file_starts_with_its_schema_modeline():
    for kind in ("terms", "stages", "roles", "frameworks"):
        schema = kind[:-1]
        for path in (GLOSSARY / kind).glob("*.yml"):
            first = path.read_text(encoding="utf-8").splitlines()[0]
            assert first == f"# yaml-language-server: $schema=../schema/{schema}.schema.json", path


def test_term_count_and_categories(terms, categories):
    assert len(terms) >= 120
    category_ids = {c["id"] for c in categories}
    assert len(category_ids) >= 8
    used = Counter(t["category"] for t in terms.values())
    assert set(used) <= category_ids, set(used) - category_ids
    assert len(used) >= 8


def test_abbreviation_avoid_and_core_counts(terms):
    assert sum(1 for t in terms.values() if t.get("abbreviation")) >= 40
    with_avoid = [t for t in terms.values() if t.get("avoid")]
    assert len(with_avoid) >= 30
    for term in with_avoid:
        for entry in term["avoid"]:
            assert isinstance(entry, dict) and entry.get("text") and entry.get("why"), term["name"]
    core = sum(1 for t in terms.values() if t.get("core") is True)
    assert 25 <= core <= 40


def test_homonym_pairs_declare_context(terms):
    by_abbreviation = {}
    for tid, term in terms.items():
        if term.get("abbreviation"):
            by_abbreviation.setdefault(term["abbreviation"], []).append(tid)
    shared = {a: ids for a, ids in by_abbreviation.items() if len(ids) > 1}
    assert len(shared) >= 2, shared
    for abbreviation, ids in shared.items():
        for tid in ids:
            assert terms[tid].get("context"), f"{tid} shares {abbreviation} without context"


def test_deprecated_terms_point_to_approved_successors(terms):
    deprecated = {tid: t for tid, t in terms.items() if t.get("status") == "deprecated"}
    assert len(deprecated) >= 1
    for tid, term in deprecated.items():
        successor = term.get("replaced_by")
        assert successor in terms, tid
        assert terms[successor].get("status", "approved") != "deprecated", tid


def test_definitions_are_short_and_do_not_repeat_the_term(terms):
    for tid, term in terms.items():
        definition = term["definition"]
        assert len(definition.split()) <= 35, tid
        lowered = definition.lower()
        for label in [term["name"], *term.get("aliases", [])]:
            assert label.lower() not in lowered, f"{tid}: definition contains {label!r}"
        abbreviation = term.get("abbreviation")
        if abbreviation:
            assert not re.search(rf"\b{re.escape(abbreviation)}\b", definition), tid
        assert term.get("examples"), f"{tid} has no example"


def test_term_references_resolve(terms, stages, roles):
    for tid, term in terms.items():
        assert term["owner"] in roles, tid
        for other in term.get("related", []):
            assert other in terms, f"{tid} -> {other}"
        if "broader" in term:
            assert term["broader"] in terms, tid
        for stage in term.get("stages", []):
            assert stage in stages, f"{tid} -> {stage}"


def test_roles_span_all_teams(roles):
    assert len(roles) >= 10
    assert {r["team"] for r in roles.values()} == {"primary", "support", "extended"}


def test_stages_are_complete(stages, roles, terms, frameworks):
    orders = sorted(s["order"] for s in stages.values())
    assert orders == list(range(1, len(stages) + 1))
    elements = {f"{fid}.{e['id']}" for fid, f in frameworks.items() for e in f["elements"]}
    outcomes = Counter(s.get("outcome") for s in stages.values())
    assert outcomes["won"] == 1 and outcomes["lost"] == 1
    for sid, stage in stages.items():
        assert len(stage["exit_criteria"]) >= 3, sid
        assert len(stage.get("common_misses", [])) >= 2, sid
        assert all(m.get("consequence") for m in stage["common_misses"]), sid
        assert stage["owner"] in roles, sid
        for info in stage.get("required_information", []):
            assert info["needed_by"] and set(info["needed_by"]) <= set(roles), sid
            if "term" in info:
                assert info["term"] in terms, sid
        for handoff in stage.get("handoffs", []):
            assert handoff["to"] in roles, sid
        for ref in stage.get("framework_elements", []):
            assert ref in elements, f"{sid} -> {ref}"


def test_meddpicc_elements_are_usable(frameworks, stages):
    meddpicc = frameworks["meddpicc"]
    elements = {e["id"]: e for e in meddpicc["elements"]}
    assert set(elements) == MEDDPICC_ELEMENTS
    for eid, element in elements.items():
        assert len(element.get("questions", [])) >= 3, eid
        assert len(element.get("evidence", [])) >= 2, eid
        assert element.get("known_by") in stages, eid
    assert len(frameworks) >= 2


def test_playbooks_have_front_matter_and_length(stages):
    playbooks = _playbooks()
    assert len(playbooks) >= 8
    for path in playbooks:
        meta = _front_matter(path)
        assert meta.get("title") and meta.get("description"), path.name
        assert meta.get("stage") in stages, path.name
        words = len(path.read_text(encoding="utf-8").split())
        assert 400 <= words <= 1000, f"{path.name}: {words} words"


def test_playbooks_avoid_retired_and_avoided_wording(terms):
    avoided = {e["text"].lower() for t in terms.values() for e in t.get("avoid", [])}
    retired = {t["name"].lower() for t in terms.values() if t.get("status") == "deprecated"}
    for path in [*_playbooks(), ROOT / "docs" / "index.md", ROOT / "docs" / "start-here.md"]:
        text = path.read_text(encoding="utf-8").lower()
        for wording in avoided | retired:
            assert wording not in text, f"{path.name} uses {wording!r}"


def test_start_here_keeps_generated_sections():
    text = (ROOT / "docs" / "start-here.md").read_text(encoding="utf-8")
    assert "\n## Core terms\n" in text
    assert "\n## Self-check\n" in text
