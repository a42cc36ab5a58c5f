"""``shoptalk export --format hubspot``: the pipelines API's JSON, and reading it back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from shoptalk.crm import hubspot_pipeline, read_hubspot

from .conftest import Run
from .crm_glossary import PIPELINE, stage, write_glossary

ROOT = Path(__file__).parent.parent.parent


def test_pipeline_json_is_exact(tmp_path: Path) -> None:
    export = hubspot_pipeline(write_glossary(tmp_path, PIPELINE))
    assert export.problems == []
    assert json.loads(export.files["hubspot-deal-pipeline.json"]) == {
        "label": "Sales pipeline",
        "displayOrder": 0,
        "stages": [
            {"label": "Qualify", "displayOrder": 0,
             "metadata": {"isClosed": "false", "probability": "0.1"}},
            {"label": "Discover", "displayOrder": 1,
             "metadata": {"isClosed": "false", "probability": "0.2"}},
            {"label": "Closed won", "displayOrder": 2,
             "metadata": {"isClosed": "true", "probability": "1.0"}},
            {"label": "Closed lost", "displayOrder": 3,
             "metadata": {"isClosed": "true", "probability": "0.0"}},
        ],
    }


@pytest.mark.parametrize(("percent", "written"), [(5, "0.1"), (14, "0.1"), (15, "0.2"),
                                                  (99, "1.0")])
def test_probability_off_the_grid_is_reported_not_silently_rounded(
        tmp_path: Path, percent: int, written: str) -> None:
    glossary = write_glossary(tmp_path, {"qualify": stage("Qualify", 1, extra=(
        f"probability: {percent}\n"))})
    export = hubspot_pipeline(glossary)
    stages = json.loads(export.files["hubspot-deal-pipeline.json"])["stages"]
    assert stages[0]["metadata"]["probability"] == written
    assert [p.format() for p in export.problems] == [
        f"glossary/stages/qualify.yml:7:14: warning: probability {percent}% of stage 'qualify' "
        "cannot be held by HubSpot, which takes 0.0-1.0 in steps of 0.1; the export writes "
        f"{written} ({round(float(written) * 100)}%): set probability to a multiple of 10 to "
        "make the two agree [crm-probability-grid]"]


def test_the_starter_language_exports_and_strict_fails_on_its_warning(
        run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, out, err = run("export", "--format", "hubspot")
    assert code == 0
    body = json.loads(out)
    assert [s["displayOrder"] for s in body["stages"]] == list(range(len(body["stages"])))
    assert all(isinstance(v, str) for s in body["stages"] for v in s["metadata"].values())
    assert err.endswith("[crm-probability-grid]\n0 errors, 1 warning in 1 file\n")
    code, _, _ = run("export", "--format", "hubspot", "--strict")
    assert code == 1


def test_two_stages_on_one_hubspot_id_write_nothing(tmp_path: Path) -> None:
    glossary = write_glossary(tmp_path, {
        "qualify": stage("Qualify", 1, extra="crm: {hubspot: qualifiedtobuy}\n"),
        "discover": stage("Discover", 2, extra="crm: {hubspot: qualifiedtobuy}\n"),
    })
    export = hubspot_pipeline(glossary)
    assert export.files == {}
    assert [p.rule for p in export.problems] == ["crm-duplicate-value"]


RETRIEVED = """\
{
  "results": [
    {"id": "default", "label": "Sales pipeline", "displayOrder": 0,
     "stages": [
       {"id": "appointmentscheduled", "label": "Qualify", "displayOrder": 0,
        "metadata": {"isClosed": "false", "probability": "0.1"}},
       {"id": "closedwon", "label": "Closed won", "displayOrder": 1,
        "metadata": {"isClosed": "true", "probability": "1.0"}}
     ]},
    {"id": "renewals", "label": "Renewals", "displayOrder": 1, "stages": []}
  ]
}
"""


def test_a_list_of_pipelines_needs_one_named() -> None:
    pipeline, problems = read_hubspot(RETRIEVED, "pipelines.json")
    assert pipeline is None
    assert [p.format() for p in problems] == [
        "pipelines.json:2:14: error: several pipelines in this file ('Sales pipeline', "
        "'Renewals'); name one with --pipeline [crm-syntax]"]
    pipeline, problems = read_hubspot(RETRIEVED, "pipelines.json", "default")
    assert problems == []
    assert pipeline is not None
    assert [(s.key, s.label, s.probability, s.closed, s.where().line)
            for s in pipeline.stages] == [("appointmentscheduled", "Qualify", 10, False, 5),
                                          ("closedwon", "Closed won", 100, True, 7)]


@pytest.mark.parametrize(("text", "message"), [
    ('{"label": "x", "stages": [\n  {"label": "A", "metadata": {"probability": "1.5"}}]}',
     "x.json:2:46: error: probability '1.5' is not a number from 0.0 to 1.0 [crm-syntax]"),
    ('{"label": "x", "stages": [\n  {"displayOrder": 0}]}',
     "x.json:2:3: error: stages[0] needs a 'label' [crm-syntax]"),
    ('{"label": "x",\n "stages": [1,,]}', "x.json:2:15: error: not valid JSON: expected a "
     "value [crm-syntax]"),
    ("[" * 100, "x.json:1:66: error: not valid JSON: nested deeper than 64 levels [crm-syntax]"),
])
def test_malformed_pipelines_are_findings_at_their_place(text: str, message: str) -> None:
    _, problems = read_hubspot(text, "x.json")
    assert [p.format() for p in problems] == [message]
