"""CRM field references on terms and required information, and stages seeded from a CRM."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from shoptalk.config import load_config
from shoptalk.crm import hubspot_pipeline, salesforce_tree
from shoptalk.crm.fields import field_problem
from shoptalk.macros import MacroError, define_env
from shoptalk.render.context import SiteData
from shoptalk.render.process import stage_page

from .conftest import Run
from .crm_glossary import PIPELINE, stage, write_glossary

ACV = """\
    name: Annual contract value
    abbreviation: ACV
    definition: What the customer pays per year.
    category: sales
    owner: ae
    crm: {salesforce: Opportunity.Amount, hubspot: amount}
    """


@pytest.mark.parametrize(("system", "reference", "ok"), [
    ("salesforce", "Opportunity.Amount", True),
    ("salesforce", "Opportunity.Budget__c", True),
    ("salesforce", "acme__Deal__c.acme__Score__c", True),
    ("salesforce", "Amount", False),
    ("salesforce", "Opportunity.Amount.Value", False),
    ("salesforce", "Opportunity.Amount__", False),
    ("salesforce", "Opportunity._Amount", False),
    ("hubspot", "amount", True),
    ("hubspot", "hs_next_step", True),
    ("hubspot", "Deal Amount", False),
    ("hubspot", "1amount", False),
])
def test_field_reference_syntax(system: str, reference: str, ok: bool) -> None:
    assert (field_problem(system, reference) is None) is ok


def test_the_validator_reports_bad_references_at_their_place(tmp_path: Path, run: Run,
                                                             monkeypatch: pytest.MonkeyPatch,
                                                             ) -> None:
    write_glossary(tmp_path, {"qualify": stage("Qualify", 1, extra="""\
        required_information:
          - item: Budget
            why: The proposal needs it.
            needed_by: [ae]
            crm: {salesforce: Budget, hubspot: budget}
        """)}, {"acv": ACV.replace("hubspot: amount", "hubspot: Deal Amount")})
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("validate")
    assert code == 1
    assert [line for line in out.splitlines() if "crm-field" in line] == [
        "glossary/stages/qualify.yml:11:23: error: required_information[0].crm.salesforce: "
        "'Budget' is not a Salesforce field reference; write Object.Field with API names, "
        "e.g. Opportunity.Amount or Opportunity.Budget__c [crm-field]",
        "glossary/terms/acv.yml:6:48: error: crm.hubspot: 'Deal Amount' is not a HubSpot "
        "property name; write the internal name: lowercase letters, digits and underscores, "
        "e.g. amount [crm-field]"]


def test_the_stage_page_shows_where_the_crm_holds_each_item(tmp_path: Path) -> None:
    glossary = write_glossary(tmp_path, {"qualify": stage("Qualify", 1, extra="""\
        required_information:
          - item: First ACV estimate
            why: RevOps counts it.
            needed_by: [ae]
            term: acv
          - item: Close date
            why: The forecast needs it.
            needed_by: [ae]
            crm: {hubspot: closedate}
          - item: Champion's name
            why: The deal needs one.
            needed_by: [ae]
        """)}, {"acv": ACV})
    site = SiteData(glossary, load_config(root=tmp_path))
    markdown = stage_page(site, glossary.stages["qualify"]).markdown
    # Each item's why, then where each CRM holds it (the item's own field, else its term's).
    rows = [line for line in markdown.splitlines()
            if any(why in line for why in ("counts it", "needs it", "needs one"))]
    assert rows == [
        '  <span class="st-why-text">RevOps counts it.</span><br><span class="st-crm">'
        "Salesforce: <code>Opportunity.Amount</code> · HubSpot: <code>amount</code></span>",
        '  <span class="st-why-text">The forecast needs it.</span><br><span class="st-crm">'
        "HubSpot: <code>closedate</code></span>",
        '  <span class="st-why-text">The deal needs one.</span>',
    ]
    assert '- **First ACV estimate** ([Annual contract value](../glossary/acv.md "What the ' \
        'customer pays per year.")) — needed by' in markdown


def _env(glossary: object, markdown: str, page: Path | None = None) -> SimpleNamespace:
    """Just enough of mkdocs-macros' env for the macros to run (``page``: the page's file,
    which the macros read to say where a failing call stands)."""
    macros: dict[str, object] = {}
    if page is not None:
        page.write_text(markdown, encoding="utf-8")
    env = SimpleNamespace(
        conf={"plugins": {"shoptalk": SimpleNamespace(site=SimpleNamespace(glossary=glossary))}},
        page=SimpleNamespace(file=SimpleNamespace(abs_src_path=page and str(page),
                                                  src_path="crm.md", src_uri="crm.md")),
        markdown=markdown)
    env.macro = lambda f, name=None: macros.setdefault(name or f.__name__, f) and f
    define_env(env)
    env.macros = macros
    return env


def test_the_crm_export_macro_shows_the_files_as_code(tmp_path: Path) -> None:
    glossary = write_glossary(tmp_path, PIPELINE)
    env = _env(glossary, '{{ crm_export("hubspot") }}\n{{ crm_export("pipedrive") }}\n',
               tmp_path / "crm.md")
    shown = str(env.macros["crm_export"]("hubspot"))
    body = hubspot_pipeline(glossary).files["hubspot-deal-pipeline.json"]
    assert shown == f'```json title="hubspot-deal-pipeline.json"\n{body}```\n'
    salesforce = str(env.macros["crm_export"]("salesforce"))
    assert salesforce.count("```xml title=") == len(salesforce_tree(glossary).files)
    with pytest.raises(MacroError) as caught:
        env.macros["crm_export"]("pipedrive")
    # Line and column of the name in the file, as the checker reports a bad call.
    assert str(caught.value).endswith("crm.md:2:16: crm_export(): unknown CRM 'pipedrive'; "
                                      "available: salesforce, hubspot")


def test_a_salesforce_tree_seeds_the_stages(tmp_path: Path, run: Run,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    source = write_glossary(tmp_path / "crm", PIPELINE)
    for name, text in salesforce_tree(source).files.items():
        (tmp_path / "tree" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "tree" / name).write_text(text, encoding="utf-8")
    write_glossary(tmp_path, {})
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("import", "tree", "--owner", "ae", "--dry-run")
    assert code == 0
    assert not list((tmp_path / "glossary" / "stages").iterdir())
    code, out, _ = run("import", "tree", "--owner", "ae")
    assert (code, out.splitlines()) == (0, [
        "wrote glossary/stages/qualify.yml (Qualify, line 4)",
        "wrote glossary/stages/discover.yml (Discover, line 13)",
        "wrote glossary/stages/closed-won.yml (Closed won, line 22)",
        "wrote glossary/stages/closed-lost.yml (Closed lost, line 31)",
        "4 stages imported; write each one's purpose and exit criteria where the CRM had none",
        "no problems found"])
    assert (tmp_path / "glossary/stages/qualify.yml").read_text(encoding="utf-8") == """\
# yaml-language-server: $schema=../schema/stage.schema.json
name: Qualify
order: 1
purpose: Move the deal on.
owner: ae
exit_criteria:
  - Exit criterion 1 holds.
probability: 10
forecast_category: pipeline
crm:
  salesforce: Qualification
"""
    assert (tmp_path / "glossary/stages/closed-won.yml").read_text(encoding="utf-8").endswith(
        "probability: 100\nforecast_category: closed\noutcome: won\ncrm:\n"
        "  salesforce: Closed Won\n")
    # The seeded stages export back to the same tree.
    assert run("crm", "diff", "tree")[:2] == (0, "no problems found\n")
    code, out, _ = run("import", "tree", "--owner", "ae")
    assert code == 1
    assert out.splitlines()[1].endswith(
        "error: the glossary already has 4 stages; importing from Salesforce seeds an empty "
        "pipeline. Compare the two instead: shoptalk crm diff [crm-import-target]")


def test_a_hubspot_pipeline_seeds_the_stages(tmp_path: Path, run: Run,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    write_glossary(tmp_path, {})
    (tmp_path / "pipeline.json").write_text(json.dumps({"label": "Sales", "stages": [
        {"id": "1234", "label": "Entdeckung", "displayOrder": 0,
         "metadata": {"isClosed": "false", "probability": "0.2"}},
        {"id": "closedwon", "label": "Gewonnen", "displayOrder": 1,
         "metadata": {"isClosed": "true", "probability": "1.0"}}]}), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = run("import", "pipeline.json")
    assert (code, err) == (2, "shoptalk: error: importing stages needs --owner, the role that "
                           "owns them (one of: ae)\n")
    assert run("import", "pipeline.json", "--owner", "ae")[0] == 0
    assert (tmp_path / "glossary/stages/gewonnen.yml").read_text(encoding="utf-8") == """\
# yaml-language-server: $schema=../schema/stage.schema.json
name: Gewonnen
order: 2
purpose: Say in a sentence why this stage exists.
owner: ae
exit_criteria:
  - Write a statement anyone can verify when a deal leaves this stage.
probability: 100
outcome: won
crm:
  hubspot: closedwon
"""
    assert run("crm", "diff", "pipeline.json")[:2] == (0, "no problems found\n")


def test_a_terms_crm_fields_survive_json_export_and_import(tmp_path: Path, run: Run,
                                                           monkeypatch: pytest.MonkeyPatch,
                                                           ) -> None:
    write_glossary(tmp_path / "from", {}, {"acv": ACV})
    monkeypatch.chdir(tmp_path / "from")
    code, out, _ = run("export", "--format", "json")
    assert code == 0
    assert json.loads(out)["terms"][0]["crm"] == {"salesforce": "Opportunity.Amount",
                                                  "hubspot": "amount"}
    (tmp_path / "terms.json").write_text(out, encoding="utf-8")
    write_glossary(tmp_path / "to", {})
    monkeypatch.chdir(tmp_path / "to")
    assert run("import", "../terms.json")[0] == 0
    assert (tmp_path / "to/glossary/terms/acv.yml").read_text(encoding="utf-8").endswith(
        "crm:\n  salesforce: Opportunity.Amount\n  hubspot: amount\n")
