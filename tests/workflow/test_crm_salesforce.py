"""``shoptalk export --format salesforce``: the source tree, its limits and edge cases."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from shoptalk import load_glossary
from shoptalk.config import load_config
from shoptalk.crm import salesforce_tree

from .conftest import Run
from .crm_glossary import NS, PIPELINE, schema_problems, stage, write_glossary

ROOT = Path(__file__).parent.parent.parent
TREE = ("package.xml", "pathAssistants/Sales_Path.pathAssistant-meta.xml",
        "standardValueSets/OpportunityStage.standardValueSet-meta.xml")


def _values(xml: str) -> list[dict[str, str]]:
    root = ET.fromstring(xml)
    return [{c.tag.removeprefix(NS): c.text or "" for c in value}
            for value in root.iter(f"{NS}standardValue")]


def _steps(xml: str) -> list[dict[str, list[str]]]:
    steps = []
    for step in ET.fromstring(xml).iter(f"{NS}pathAssistantSteps"):
        found: dict[str, list[str]] = {}
        for child in step:
            found.setdefault(child.tag.removeprefix(NS), []).append(child.text or "")
        steps.append(found)
    return steps


def test_the_starter_language_exports_a_valid_tree(tmp_path: Path, run: Run,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, out, err = run("export", "--format", "salesforce", "--out", str(tmp_path))
    assert code == 0
    assert out == ""
    lines = err.splitlines()
    assert lines[-1] == "0 errors, 3 warnings in 3 files"
    assert all(line.endswith("[crm-guidance-length]") for line in lines[:-1])
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")
                     if p.is_file())
    assert written == sorted(TREE)
    for name in TREE:
        text = (tmp_path / name).read_text(encoding="utf-8")
        assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
        assert text.endswith(">\n")
        assert schema_problems(ET.fromstring(text)) == [], name
    config = load_config(path=ROOT / "shoptalk.yml")
    glossary, _ = load_glossary(config.glossary, config.root)
    values = _values((tmp_path / TREE[2]).read_text(encoding="utf-8"))
    assert [v["label"] for v in values] == [s.name for s in glossary.stages_in_order()]
    steps = _steps((tmp_path / TREE[1]).read_text(encoding="utf-8"))
    assert len(steps) == sum(s.outcome is None for s in glossary.stages.values())


def test_value_set_and_manifest_are_exact(tmp_path: Path) -> None:
    glossary = write_glossary(tmp_path, PIPELINE)
    export = salesforce_tree(glossary)
    assert export.problems == []
    assert export.files["standardValueSets/OpportunityStage.standardValueSet-meta.xml"] == """\
<?xml version="1.0" encoding="UTF-8"?>
<StandardValueSet xmlns="http://soap.sforce.com/2006/04/metadata">
    <sorted>false</sorted>
    <standardValue>
        <fullName>Qualification</fullName>
        <default>true</default>
        <label>Qualify</label>
        <closed>false</closed>
        <forecastCategory>Pipeline</forecastCategory>
        <probability>10</probability>
        <won>false</won>
    </standardValue>
    <standardValue>
        <fullName>Needs Analysis</fullName>
        <default>false</default>
        <label>Discover</label>
        <closed>false</closed>
        <forecastCategory>Pipeline</forecastCategory>
        <probability>20</probability>
        <won>false</won>
    </standardValue>
    <standardValue>
        <fullName>Closed Won</fullName>
        <default>false</default>
        <label>Closed won</label>
        <closed>true</closed>
        <forecastCategory>Closed</forecastCategory>
        <probability>100</probability>
        <won>true</won>
    </standardValue>
    <standardValue>
        <fullName>Closed Lost</fullName>
        <default>false</default>
        <label>Closed lost</label>
        <closed>true</closed>
        <forecastCategory>Omitted</forecastCategory>
        <probability>0</probability>
        <won>false</won>
    </standardValue>
</StandardValueSet>
"""
    assert export.files["package.xml"] == """\
<?xml version="1.0" encoding="UTF-8"?>
<Package xmlns="http://soap.sforce.com/2006/04/metadata">
    <types>
        <members>Sales_Path</members>
        <name>PathAssistant</name>
    </types>
    <types>
        <members>OpportunityStage</members>
        <name>StandardValueSet</name>
    </types>
    <version>62.0</version>
</Package>
"""


def test_path_steps_hold_key_fields_and_the_guidance_a_rep_sees(tmp_path: Path) -> None:
    stages = dict(PIPELINE)
    stages["qualify"] = stage("Qualify", 1, extra="""\
        required_information:
          - item: First ACV estimate & why
            why: RevOps counts it.
            needed_by: [ae]
            term: acv
          - item: Close date
            why: The forecast needs it.
            needed_by: [ae]
            crm: {salesforce: Opportunity.CloseDate, hubspot: closedate}
          - item: Account industry
            why: Routing.
            needed_by: [ae]
            crm: {salesforce: Account.Industry}
        crm: {salesforce: Qualification}
        """)
    terms = {"acv": """\
        name: Annual contract value
        abbreviation: ACV
        definition: What the customer pays per year.
        category: sales
        owner: ae
        crm: {salesforce: Opportunity.Amount, hubspot: amount}
        """}
    glossary = write_glossary(tmp_path, stages, terms)
    path = salesforce_tree(glossary).files[TREE[1]]
    assert _steps(path) == [
        {"fieldNames": ["Amount", "CloseDate"],
         "info": ["<p><b>Purpose:</b> Move the deal on.</p><p><b>Exit criteria</b></p>"
                  "<ul><li>Exit criterion 1 holds.</li></ul><p><b>Capture</b></p><ul>"
                  "<li>First ACV estimate &amp; why (Opportunity.Amount) – for AE</li>"
                  "<li>Close date (Opportunity.CloseDate) – for AE</li>"
                  "<li>Account industry (Account.Industry) – for AE</li></ul>"],
         "picklistValueName": ["Qualification"]},
        {"info": ["<p><b>Purpose:</b> Move the deal on.</p><p><b>Exit criteria</b></p>"
                  "<ul><li>Exit criterion 1 holds.</li></ul>"],
         "picklistValueName": ["Needs Analysis"]},
    ]
    root = ET.fromstring(path)
    assert [c.tag.removeprefix(NS) for c in root][:4] == ["active", "entityName", "fieldName",
                                                         "masterLabel"]
    assert root.find(f"{NS}recordTypeName").text == "__MASTER__"  # type: ignore[union-attr]


def test_more_than_five_key_fields_keeps_five_and_warns(tmp_path: Path) -> None:
    items = "".join(f"""\
          - item: Fact {i}
            why: Needed.
            needed_by: [ae]
            crm: {{salesforce: Opportunity.Fact_{i}__c}}
""" for i in range(1, 8))
    glossary = write_glossary(tmp_path, {"qualify": stage("Qualify", 1, extra=(
        "        required_information:\n" + items))})
    export = salesforce_tree(glossary)
    assert _steps(export.files[TREE[1]])[0]["fieldNames"] == [
        f"Fact_{i}__c" for i in range(1, 6)]
    assert [p.format() for p in export.problems] == [
        "glossary/stages/qualify.yml:28:5: warning: stage 'qualify' names 7 Opportunity fields; "
        "a Path step shows at most 5 key fields, so the export keeps the first 5 "
        "(required_information[5] and later are left out) [crm-key-field-limit]"]


def test_guidance_over_the_limit_is_shortened_from_the_end_and_warned(tmp_path: Path) -> None:
    glossary = write_glossary(tmp_path, {"qualify": stage("Qualify", 1, exits=40)})
    export = salesforce_tree(glossary)
    info = _steps(export.files[TREE[1]])[0]["info"][0]
    assert len(info) <= 1000
    assert info.endswith("<li>Exit criterion 27 holds.</li></ul><p>More on the stage page.</p>")
    assert [p.format() for p in export.problems] == [
        "glossary/stages/qualify.yml:6:3: warning: the Path guidance for stage 'qualify' is "
        "1387 characters, over the limit of 1000; the export leaves out 13 items from the end "
        "and points to the stage page [crm-guidance-length]"]


def test_a_stage_without_crm_ids_uses_its_name(tmp_path: Path) -> None:
    glossary = write_glossary(tmp_path, {"qualify": stage("Qualify", 1)})
    export = salesforce_tree(glossary)
    assert [v["fullName"] for v in _values(export.files[TREE[2]])] == ["Qualify"]
    assert _steps(export.files[TREE[1]])[0]["picklistValueName"] == ["Qualify"]


def test_two_stages_on_one_picklist_value_write_nothing(tmp_path: Path, run: Run,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    write_glossary(tmp_path, {
        "qualify": stage("Qualify", 1, extra="crm: {salesforce: Qualification}\n"),
        "discover": stage("Discover", 2, extra="crm: {salesforce: qualification}\n"),
    })
    monkeypatch.chdir(tmp_path)
    code, out, err = run("export", "--format", "salesforce", "--out", "tree")
    assert code == 1
    assert not (tmp_path / "tree").exists()
    assert err.splitlines() == [
        "glossary/stages/discover.yml:7:19: error: stage 'discover' maps to the Salesforce "
        "value 'qualification', as stage 'qualify' does; one value cannot be two stages: give "
        "each its own crm.salesforce [crm-duplicate-value]",
        "1 error, 0 warnings in 1 file"]
    code, out, _ = run("validate")
    assert code == 1
    assert "[crm-duplicate-value]" in out


def test_non_ascii_stage_names_are_written_as_utf8(tmp_path: Path) -> None:
    glossary = write_glossary(tmp_path, {"qualify": stage("Qualifizierung – Prüfung", 1),
                                         "close": stage("Abschluss 成功", 2,
                                                        extra="outcome: won\n")})
    files = salesforce_tree(glossary).files
    assert [v["label"] for v in _values(files[TREE[2]])] == ["Qualifizierung – Prüfung",
                                                            "Abschluss 成功"]
    assert "<fullName>Abschluss 成功</fullName>" in files[TREE[2]]
    assert _steps(files[TREE[1]])[0]["picklistValueName"] == ["Qualifizierung – Prüfung"]


def test_output_is_deterministic(tmp_path: Path) -> None:
    glossary = write_glossary(tmp_path, PIPELINE)
    assert salesforce_tree(glossary).files == salesforce_tree(glossary).files


def test_a_path_name_must_be_an_api_name(tmp_path: Path, run: Run,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    write_glossary(tmp_path, PIPELINE)
    monkeypatch.chdir(tmp_path)
    code, _, err = run("export", "--format", "salesforce", "--out", "t", "--path-name", "../x")
    assert code == 2
    assert err == ("shoptalk: error: --path-name '../x' is not an API name: a letter, then "
                   "letters, digits and single underscores\n")
    code, _, err = run("export", "--format", "salesforce")
    assert (code, err) == (2, "shoptalk: error: --format salesforce writes a folder: give it "
                           "with --out DIR\n")


def test_one_long_purpose_and_exit_criterion_are_cut_to_the_limit(tmp_path: Path) -> None:
    long = "Word & word " * 120
    glossary = write_glossary(tmp_path, {"qualify": (
        f"name: Qualify\norder: 1\npurpose: {long}\nowner: ae\nexit_criteria:\n  - {long}\n")})
    info = _steps(salesforce_tree(glossary).files[TREE[1]])[0]["info"][0]
    assert len(info) <= 1000
    assert info.startswith("<p><b>Purpose:</b> Word &amp; word Word &amp; word")
    assert info.endswith("…</li></ul><p>More on the stage page.</p>")
    assert "&amp…" not in info and "&a…" not in info
