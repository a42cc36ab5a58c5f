"""``shoptalk crm diff``: export → diff is clean; each drift is a finding in the CRM file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from shoptalk.crm import drift, hubspot_pipeline, read_crm, salesforce_tree

from .conftest import Run
from .crm_glossary import PIPELINE, stage, write_glossary

ROOT = Path(__file__).parent.parent.parent
VALUES = "tree/standardValueSets/OpportunityStage.standardValueSet-meta.xml"
PATH = "tree/pathAssistants/Sales_Path.pathAssistant-meta.xml"
HUBSPOT = "hubspot-deal-pipeline.json"


@pytest.fixture
def exported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project with PIPELINE, its Salesforce tree in tree/ and its HubSpot JSON."""
    glossary = write_glossary(tmp_path, PIPELINE)
    for name, text in salesforce_tree(glossary).files.items():
        (tmp_path / "tree" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "tree" / name).write_text(text, encoding="utf-8")
    (tmp_path / HUBSPOT).write_text(hubspot_pipeline(glossary).files[HUBSPOT], encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _value(name: str) -> str:
    """The standardValue element of ``name`` as the export writes it (to cut or move)."""
    text = Path(VALUES).read_text(encoding="utf-8")
    found = re.search(rf"    <standardValue>\n        <fullName>{re.escape(name)}</fullName>"
                      r".*?</standardValue>\n", text, re.S)
    assert found
    return found.group()


@pytest.mark.parametrize("target", ["tree", HUBSPOT])
def test_export_then_diff_is_clean(exported: Path, run: Run, target: str) -> None:
    assert run("crm", "diff", target) == (0, "no problems found\n", "")


@pytest.mark.parametrize("fmt", ["salesforce", "hubspot"])
def test_the_starter_language_round_trips(tmp_path: Path, run: Run, fmt: str,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, _, _ = run("export", "--format", fmt, "--out", str(tmp_path))
    assert code == 0
    target = tmp_path if fmt == "salesforce" else tmp_path / HUBSPOT
    code, out, _ = run("crm", "diff", str(target))
    assert (code, out) == (0, "no problems found\n")


def test_a_changed_probability(exported: Path, run: Run) -> None:
    _edit(exported / VALUES, "<probability>20</probability>", "<probability>25</probability>")
    assert run("crm", "diff", "tree") == (1, (
        f"{VALUES}:19:9: error: probability of 'Discover' is 25% in Salesforce, 20% in the "
        "YAML (glossary/stages/discover.yml:7) [crm-probability]\n"
        "1 error, 0 warnings in 1 file\n"), "")


def test_a_renamed_stage(exported: Path, run: Run) -> None:
    _edit(exported / VALUES, "<fullName>Needs Analysis</fullName>",
          "<fullName>Discovery</fullName>")
    code, out, _ = run("crm", "diff", "tree")
    assert code == 1
    assert out.splitlines() == [
        f"{VALUES}:14:9: error: 'Discovery' holds stage 'discover' (label 'Discover'), whose "
        "value is 'Needs Analysis' in the YAML (glossary/stages/discover.yml:9): renamed in "
        "Salesforce? Rename it back, or set crm.salesforce: Discovery [crm-renamed]",
        "1 error, 0 warnings in 1 file"]


def test_a_renamed_label_and_value_together(exported: Path, run: Run) -> None:
    _edit(exported / VALUES, "<fullName>Needs Analysis</fullName>",
          "<fullName>Discovery</fullName>")
    _edit(exported / VALUES, "<label>Discover</label>", "<label>Discovery</label>")
    code, out, _ = run("crm", "diff", "tree")
    assert out.splitlines()[0] == (
        f"{VALUES}:14:9: error: 'Discovery' stands where stage 'discover' ('Needs Analysis', "
        "glossary/stages/discover.yml:1) should be: renamed in Salesforce? Rename it back, or "
        "set crm.salesforce in the stage file [crm-renamed]")
    assert code == 1


def test_a_missing_stage(exported: Path, run: Run) -> None:
    _edit(exported / VALUES, _value("Needs Analysis"), "")
    code, out, _ = run("crm", "diff", "tree")
    assert code == 1
    assert out.splitlines() == [
        f"{VALUES}:4:5: error: stage 'discover' ('Needs Analysis', "
        "glossary/stages/discover.yml:1) is missing from Salesforce; add it after "
        "'Qualification' [crm-missing-stage]",
        "1 error, 0 warnings in 1 file"]


def test_an_extra_stage_and_one_out_of_order(exported: Path, run: Run) -> None:
    lost = _value("Closed Lost")
    _edit(exported / VALUES, lost, "")
    _edit(exported / VALUES, _value("Qualification"), lost + _value("Qualification"))
    _edit(exported / VALUES, "</StandardValueSet>", "    <standardValue>\n        <fullName>"
          "On Hold</fullName>\n        <label>On hold</label>\n    </standardValue>\n"
          "</StandardValueSet>")
    code, out, _ = run("crm", "diff", "tree")
    assert code == 1
    assert out.splitlines() == [
        f"{VALUES}:4:5: error: 'Closed lost' is 1st in Salesforce but 4th in the YAML "
        "(order 4, glossary/stages/lost.yml:2) [crm-order]",
        f"{VALUES}:40:5: error: 'On Hold' is in Salesforce but no stage maps to it; remove it "
        "there, or add a stage (or crm.salesforce) for it [crm-extra-stage]",
        "2 errors, 0 warnings in 1 file"]


def test_label_forecast_and_closed_drift(exported: Path, run: Run) -> None:
    _edit(exported / VALUES, "<label>Qualify</label>", "<label>Qualification</label>")
    _edit(exported / VALUES, "<forecastCategory>Pipeline</forecastCategory>",
          "<forecastCategory>Commit</forecastCategory>")
    _edit(exported / VALUES, "<won>true</won>", "<won>false</won>")
    code, out, _ = run("crm", "diff", "tree")
    assert code == 1
    assert out.splitlines() == [
        f"{VALUES}:7:9: error: label 'Qualification' in Salesforce, but stage 'qualify' is "
        "called 'Qualify' (glossary/stages/qualify.yml:1) [crm-label]",
        f"{VALUES}:9:9: error: forecast category of 'Qualification' is Commit in Salesforce, "
        "Pipeline in the YAML (glossary/stages/qualify.yml:8) [crm-forecast]",
        f"{VALUES}:29:9: error: 'Closed won' is not won in Salesforce, but won in the YAML "
        "(outcome: won, glossary/stages/won.yml:9) [crm-closed]",
        "3 errors, 0 warnings in 1 file"]


def test_guidance_that_no_longer_matches_the_exit_criteria(exported: Path, run: Run) -> None:
    _edit(exported / PATH, "Exit criterion 1 holds.", "The old criterion holds.")
    code, out, _ = run("crm", "diff", "tree")
    assert code == 1
    assert out.splitlines() == [
        f"{PATH}:8:9: error: the Path guidance for 'Qualification' no longer matches stage "
        "'qualify' (glossary/stages/qualify.yml:6): it lacks the exit criterion 'Exit "
        "criterion 1 holds.'; export again and deploy [crm-guidance]",
        "1 error, 0 warnings in 1 file"]


def test_hubspot_drift_is_found_at_its_json_position(exported: Path, run: Run) -> None:
    body = json.loads((exported / HUBSPOT).read_text(encoding="utf-8"))
    body["stages"][1]["metadata"]["probability"] = "0.3"
    del body["stages"][3]
    (exported / HUBSPOT).write_text(json.dumps(body, indent=2), encoding="utf-8")
    code, out, _ = run("crm", "diff", HUBSPOT)
    assert code == 1
    assert out.splitlines() == [
        f"{HUBSPOT}:18:24: error: probability of 'Discover' is 30% in HubSpot, 20% in the YAML "
        "(glossary/stages/discover.yml:7) [crm-probability]",
        f"{HUBSPOT}:21:5: error: stage 'lost' ('closedlost', glossary/stages/lost.yml:1) is "
        "missing from HubSpot; add it after 'closedwon' [crm-missing-stage]",
        "2 errors, 0 warnings in 1 file"]


def test_hubspot_ids_match_a_retrieved_pipeline(exported: Path) -> None:
    glossary = write_glossary(exported, PIPELINE)
    retrieved = json.dumps({"id": "default", "label": "Sales", "stages": [
        {"id": "appointmentscheduled", "label": "Qualify", "displayOrder": 0,
         "metadata": {"isClosed": "false", "probability": "0.1"}},
        {"id": "qualifiedtobuy", "label": "Discover", "displayOrder": 1,
         "metadata": {"isClosed": "false", "probability": "0.2"}},
        {"id": "closedwon", "label": "Closed won", "displayOrder": 2,
         "metadata": {"isClosed": "true", "probability": "1.0"}},
        {"id": "lostdeal", "label": "Closed lost", "displayOrder": 3,
         "metadata": {"isClosed": "true", "probability": "0.0"}}]}, indent=1)
    (exported / "retrieved.json").write_text(retrieved, encoding="utf-8")
    pipeline, problems = read_crm(exported / "retrieved.json", exported)
    assert problems == []
    assert pipeline is not None
    assert [p.format() for p in drift(glossary, pipeline)] == [
        "retrieved.json:32:3: error: 'lostdeal' holds stage 'lost' (label 'Closed lost'), whose "
        "value is 'closedlost' in the YAML (glossary/stages/lost.yml:10): renamed in HubSpot? "
        "Rename it back, or set crm.hubspot: lostdeal [crm-renamed]"]


def test_json_and_github_formats(exported: Path, run: Run) -> None:
    _edit(exported / VALUES, "<probability>20</probability>", "<probability>25</probability>")
    code, out, _ = run("crm", "diff", "tree", "--format", "json")
    assert code == 1
    found = json.loads(out)["problems"]
    assert [(p["path"], p["line"], p["rule"]) for p in found] == [
        (VALUES, 19, "crm-probability")]
    code, out, _ = run("crm", "diff", "tree", "--format", "github")
    assert out.splitlines()[0].startswith(
        f"::error file={VALUES},line=19,col=9,title=crm-probability::probability of 'Discover'")


OLD_TREE = {
    "src/package.xml": """\
<?xml version="1.0" encoding="UTF-8"?>
<Package xmlns="http://soap.sforce.com/2006/04/metadata">
    <types><members>OpportunityStage</members><name>StandardValueSet</name></types>
    <version>38.0</version>
</Package>
""",
    "src/standardValueSets/OpportunityStage.standardValueSet": """\
<?xml version="1.0" encoding="UTF-8"?>
<StandardValueSet xmlns="http://soap.sforce.com/2006/04/metadata">
    <sorted>false</sorted>
    <standardValue>
        <fullName>Qualification</fullName>
        <default>true</default>
        <label>Qualify</label>
        <closed>false</closed>
        <probability>10</probability>
        <won>false</won>
    </standardValue>
    <standardValue>
        <fullName>Needs Analysis</fullName>
        <default>false</default>
        <label>Discover</label>
        <closed>false</closed>
        <probability>20</probability>
        <won>false</won>
    </standardValue>
    <standardValue>
        <fullName>Closed Won</fullName>
        <default>false</default>
        <label>Closed won</label>
        <closed>true</closed>
        <probability>100</probability>
        <won>true</won>
    </standardValue>
    <standardValue>
        <fullName>Closed Lost</fullName>
        <default>false</default>
        <label>Closed lost</label>
        <closed>true</closed>
        <probability>0</probability>
        <won>false</won>
    </standardValue>
</StandardValueSet>
""",
}


def test_an_older_api_version_tree_is_compared_where_it_can_be(exported: Path, run: Run) -> None:
    for name, text in OLD_TREE.items():
        (exported / "old" / name).parent.mkdir(parents=True, exist_ok=True)
        (exported / "old" / name).write_text(text, encoding="utf-8")
    code, out, _ = run("crm", "diff", "old")
    assert (code, out.splitlines()) == (0, [
        "old/src/standardValueSets/OpportunityStage.standardValueSet:2:1: notice: some values "
        "have no forecastCategory in this file (API version 38.0); forecast categories were "
        "not compared for them [crm-not-compared]",
        "0 errors, 0 warnings, 1 notice in 1 file"])


def test_entities_are_refused_not_expanded(exported: Path, run: Run) -> None:
    (exported / VALUES).write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n'
        '<StandardValueSet xmlns="http://soap.sforce.com/2006/04/metadata">&b;'
        "</StandardValueSet>\n", encoding="utf-8")
    code, out, _ = run("crm", "diff", "tree")
    assert code == 1
    assert out.splitlines()[0] == (
        f"{VALUES}:2:15: error: refused: the file declares a DTD or entities (DTDForbidden); "
        "CRM metadata never needs them [crm-syntax]")


def test_a_folder_without_a_value_set_is_a_usage_error(exported: Path, run: Run) -> None:
    (exported / "empty").mkdir()
    code, _, err = run("crm", "diff", "empty")
    assert code == 2
    assert err.startswith("shoptalk: error: empty: no standardValueSets/OpportunityStage."
                          "standardValueSet-meta.xml in this folder")


def test_a_stage_without_crm_ids_matches_by_name(tmp_path: Path, run: Run,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    write_glossary(tmp_path, {"qualify": stage("Qualify", 1, extra="probability: 10\n")})
    monkeypatch.chdir(tmp_path)
    assert run("export", "--format", "salesforce", "--out", "t")[0] == 0
    assert run("export", "--format", "hubspot", "--out", "t")[0] == 0
    assert run("crm", "diff", "t")[0] == 0
    assert run("crm", "diff", f"t/{HUBSPOT}")[0] == 0


def test_non_ascii_stage_names_round_trip(tmp_path: Path, run: Run,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    write_glossary(tmp_path, {"a": stage("Qualifizierung – Prüfung", 1),
                              "b": stage("成约", 2, extra="outcome: won\n")})
    monkeypatch.chdir(tmp_path)
    assert run("export", "--format", "salesforce", "--out", "t")[0] == 0
    assert run("export", "--format", "hubspot", "--out", "t")[0] == 0
    body = (tmp_path / "t" / HUBSPOT).read_text(encoding="utf-8")
    assert '"label": "成约"' in body
    assert run("crm", "diff", "t") == (0, "no problems found\n", "")
    assert run("crm", "diff", f"t/{HUBSPOT}") == (0, "no problems found\n", "")
