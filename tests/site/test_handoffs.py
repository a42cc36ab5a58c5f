"""Who needs what from whom, by when: each role's lists and the matrix agree with the YAML."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

from shoptalk.config import Config
from shoptalk.load import load_glossary
from shoptalk.model import Glossary
from shoptalk.render import SiteData
from shoptalk.render.handoffs import handoff_matrix, role_handoffs, role_picker
from shoptalk.render.process import role_page, stage_page

ROLES = {
    "ae": "name: Account executive\nabbreviation: AE\nteam: primary\ndescription: Sells.\n",
    "se": "name: Sales engineer\nabbreviation: SE\nteam: primary\ndescription: Demos.\n",
    "csm": "name: Customer success manager\nabbreviation: CSM\nteam: extended\n"
           "description: Keeps customers.\n",
    "legal": "name: Commercial counsel\nteam: support\ndescription: Reviews paper.\n",
}
DISCOVER = """
    name: Discover
    order: 1
    purpose: Learn the buyer's problem.
    owner: ae
    exit_criteria: [The pain is written down.]
    required_information:
      - item: Systems to integrate
        why: The SE scopes the integration.
        needed_by: [ae, se, csm]
      - item: Who signs
        why: Only the AE plans for it.
        needed_by: [ae]
    handoffs:
      - to: se
        what: Discovery notes
        when: Three days before the demo.
      - to: ae
        what: A note to self
    crm: {salesforce: Needs Analysis, hubspot: qualifiedtobuy}
"""
PROPOSE = """
    name: Propose
    order: 2
    purpose: Put a price on it.
    owner: se
    exit_criteria: [The proposal is sent.]
    required_information:
      - item: Technical scope
        why: Counsel checks what we promise.
        needed_by: [legal, ae]
    handoffs:
      - to: legal
        what: The draft order form
"""


def _glossary(tmp_path: Path, stages: dict[str, str]) -> Glossary:
    root = tmp_path / "glossary"
    (root / "roles").mkdir(parents=True)
    (root / "stages").mkdir()
    (root / "terms").mkdir()
    (root / "categories.yml").write_text("- {id: sales, name: Sales, description: Selling.}\n",
                                         encoding="utf-8")
    for role, text in ROLES.items():
        (root / "roles" / f"{role}.yml").write_text(text, encoding="utf-8")
    for stage, text in stages.items():
        (root / "stages" / f"{stage}.yml").write_text(textwrap.dedent(text), encoding="utf-8")
    glossary, problems = load_glossary(root, tmp_path)
    assert [p for p in problems if p.severity == "error"] == []
    return glossary


def _site(glossary: Glossary, tmp_path: Path) -> SiteData:
    config = Config(root=tmp_path, glossary=tmp_path / "glossary", docs=tmp_path / "docs",
                    today=dt.date(2026, 11, 29))
    return SiteData(glossary, config)


def _needs(glossary: Glossary, role: str) -> list[tuple[str, str, str, str]]:
    """(stage, from, what, by when) of everything ``role`` needs."""
    return [(f.stage.id, f.giver, f.what, f.due) for f in role_handoffs(glossary, role).needs]


def _owes(glossary: Glossary, role: str) -> list[tuple[str, tuple[str, ...], str, str]]:
    """(stage, to whom, what, by when) of everything ``role`` owes."""
    return [(f.stage.id, f.takers, f.what, f.due) for f in role_handoffs(glossary, role).owes]


def test_a_role_needs_what_others_capture_or_hand_it_by_when(tmp_path: Path) -> None:
    g = _glossary(tmp_path, {"discover": DISCOVER, "propose": PROPOSE})
    assert _needs(g, "se") == [
        ("discover", "ae", "Discovery notes", "Three days before the demo."),
        ("discover", "ae", "Systems to integrate", "By the end of Discover.")]
    assert _needs(g, "ae") == [("propose", "se", "Technical scope", "By the end of Propose.")]
    assert _needs(g, "legal") == [
        ("propose", "se", "The draft order form", "By the end of Propose."),
        ("propose", "se", "Technical scope", "By the end of Propose.")]
    assert _needs(g, "csm") == [("discover", "ae", "Systems to integrate",
                                 "By the end of Discover.")]


def test_a_role_owes_what_its_stages_pass_on_naming_everyone_waiting(tmp_path: Path) -> None:
    g = _glossary(tmp_path, {"discover": DISCOVER, "propose": PROPOSE})
    # The owner's note to itself and an item only the owner needs are no handoffs.
    assert _owes(g, "ae") == [
        ("discover", ("se",), "Discovery notes", "Three days before the demo."),
        ("discover", ("se", "csm"), "Systems to integrate", "By the end of Discover.")]
    assert _owes(g, "se") == [
        ("propose", ("legal",), "The draft order form", "By the end of Propose."),
        ("propose", ("legal", "ae"), "Technical scope", "By the end of Propose.")]
    assert _owes(g, "csm") == [] and _needs(g, "csm") != []


def test_the_why_travels_with_information_and_a_handoff_has_none(tmp_path: Path) -> None:
    g = _glossary(tmp_path, {"discover": DISCOVER})
    needs = role_handoffs(g, "se").needs
    assert [(f.kind, f.why, f.when) for f in needs] == [
        ("handoff", "", "Three days before the demo."),
        ("information", "The SE scopes the integration.", "")]


def test_the_role_page_lists_what_i_need_and_what_i_owe(tmp_path: Path) -> None:
    site = _site(_glossary(tmp_path, {"discover": DISCOVER, "propose": PROPOSE}), tmp_path)
    page = role_page(site, "se").markdown
    need, owe = page.split("## What I need")[1].split("## What I owe")
    assert '<summary markdown="span">Discover · 2 things from AE</summary>' in need
    assert "- **Discovery notes**<br>\n  From [AE](ae.md" in need
    assert '<span class="st-due">Three days before the demo.</span>\n' in need
    assert '<span class="st-why-text">The SE scopes the integration.</span>' in need
    assert '<summary markdown="span">Propose · 2 things to Commercial counsel, AE</summary>' \
        in owe
    assert "- **Technical scope**<br>\n  To [Commercial counsel](legal.md" in owe
    assert " open markdown>" in owe  # short lists start open


def test_a_long_list_starts_folded_one_fold_per_stage(tmp_path: Path) -> None:
    many = DISCOVER.replace("    handoffs:\n", "    handoffs:\n" + "".join(
        f"      - {{to: csm, what: Fact {n}}}\n" for n in range(9)))
    site = _site(_glossary(tmp_path, {"discover": many}), tmp_path)
    owe = role_page(site, "ae").markdown.split("## What I owe")[1]
    assert owe.count("<details") == 1
    assert '<details class="note st-stage-group" markdown>' in owe  # no `open`
    assert "Discover · 11 things to CSM, SE" in owe


def test_the_map_offers_a_picker_of_the_roles_that_pass_something_on(tmp_path: Path) -> None:
    site = _site(_glossary(tmp_path, {"discover": DISCOVER}), tmp_path)
    picker = role_picker(site, "roles/handoff-map.md")
    assert "[Account executive](ae.md#what-i-need" in picker
    assert "[Sales engineer](se.md#what-i-need" in picker
    assert "Commercial counsel" not in picker  # nothing passes to or from counsel here


def test_the_matrix_puts_the_legend_first_and_the_why_in_a_disclosure(tmp_path: Path) -> None:
    site = _site(_glossary(tmp_path, {"discover": DISCOVER, "propose": PROPOSE}), tmp_path)
    matrix = handoff_matrix(site, "roles/handoff-map.md")
    assert matrix.index('class="st-legend"') < matrix.index('class="st-matrix"')
    assert ('<details class="st-why"><summary>why</summary>The SE scopes the integration.'
            "</details>") in matrix
    assert ('<details class="st-why"><summary>when</summary>Three days before the demo.'
            "</details>") in matrix
    assert 'class="st-flow" title=' not in matrix  # the reason is no longer hover-only


def test_the_stage_page_leads_with_exit_criteria_required_information_handoffs(
        tmp_path: Path) -> None:
    site = _site(_glossary(tmp_path, {"discover": DISCOVER}), tmp_path)
    page = stage_page(site, site.glossary.stages["discover"]).markdown
    order = [page.index(s) for s in ("## Exit criteria", "## Required information",
                                     "## Handoffs")]
    assert order == sorted(order)
    assert "In Salesforce: **Needs Analysis** · In HubSpot: **qualifiedtobuy**" in page
    assert "search:\n  boost: 5\ntags:\n- Discover\n- Needs Analysis\n- qualifiedtobuy\n" in page
