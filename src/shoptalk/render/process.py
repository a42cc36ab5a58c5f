"""The pipeline, stage pages, role pages, the handoff map and framework pages."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from markupsafe import Markup

from ..crm.fields import capture_fields
from ..language import review_state
from ..model import Stage
from . import safe
from .context import HANDOFF_MAP, METHODOLOGY_INDEX, PIPELINE_INDEX, ROLES_INDEX, SiteData
from .env import link, rel, render
from .page import GeneratedPage, front_matter
from .terms import review_badge, slug, term_table

FORECAST_NAMES = {"pipeline": "Pipeline", "best_case": "Best case", "commit": "Commit",
                  "closed": "Closed", "omitted": "Omitted"}


def mermaid_label(text: object) -> str:
    """Text for a Mermaid node label: no quotes, brackets or markup to break out of it."""
    plain = safe.plain(text)
    for char, code in (("#", "#35;"), ('"', "#quot;"), ("<", "#lt;"), (">", "#gt;"),
                       ("[", "#91;"), ("]", "#93;"), ("{", "#123;"), ("}", "#125;"),
                       ("(", "#40;"), (")", "#41;"), ("|", "#124;"), ("`", "#96;")):
        plain = plain.replace(char, code)
    return plain


def pipeline_diagram(site: SiteData) -> Markup:
    """A Mermaid flowchart of the stages in order; terminal stages branch from the last."""
    stages = site.glossary.stages_in_order()
    lines = ["```mermaid", "flowchart LR"]
    for i, stage in enumerate(stages):
        extra = f"<br/>{stage.probability}%" if stage.probability is not None else ""
        shape = ('(["', '"])') if stage.outcome else ('["', '"]')
        lines.append(f"  s{i}{shape[0]}{mermaid_label(stage.name)}{extra}{shape[1]}")
    open_idx = [i for i, s in enumerate(stages) if not s.outcome]
    for a, b in itertools.pairwise(open_idx):
        lines.append(f"  s{a} --> s{b}")
    last = open_idx[-1] if open_idx else None
    for i, stage in enumerate(stages):
        if stage.outcome and last is not None:
            lines.append(f"  s{last} --> s{i}")
        if stage.outcome:
            lines.append(f"  class s{i} {'won' if stage.outcome == 'won' else 'lost'}")
    lines += ["  classDef won fill:#d7f5dd,stroke:#2e7d32",
              "  classDef lost fill:#fbe0e0,stroke:#c62828", "```"]
    return Markup("\n".join(lines))


def pipeline_table(site: SiteData, page: str) -> Markup:
    """Stages with probability, forecast category, owner and typical duration."""
    rows = [{"order": s.order, "link": site.stage_link(s.id, page),
             "probability": f"{s.probability}%" if s.probability is not None else "–",
             "forecast": FORECAST_NAMES.get(s.forecast_category or "", "–"),
             "owner": site.role_link(s.owner, page),
             "days": f"{s.typical_days} days" if s.typical_days else "–"}
            for s in site.glossary.stages_in_order()]
    return Markup(render("pipeline_table.md.j2", rows=rows))


def pipeline_page(site: SiteData) -> GeneratedPage:
    """The pipeline page: the stages in order, as a diagram and a table."""
    markdown = render("pipeline.md.j2", front=front_matter("Pipeline"),
                      diagram=pipeline_diagram(site), table=pipeline_table(site, PIPELINE_INDEX),
                      handoff_map=rel(PIPELINE_INDEX, HANDOFF_MAP))
    return GeneratedPage(PIPELINE_INDEX, markdown, site.glossary.root / "stages", PIPELINE_INDEX)


def checklist(stage: Stage) -> Markup:
    """Entry and exit criteria of ``stage`` as task lists."""
    return Markup(render("checklist.md.j2", stage=stage, entry=stage.entry_criteria,
                         exit=stage.exit_criteria))


def _element_rows(site: SiteData, refs: tuple[str, ...], page: str) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for ref in refs:
        fw_id, _, el_id = ref.partition(".")
        fw = site.glossary.frameworks.get(fw_id)
        element = fw.element(el_id) if fw else None
        if fw is None or element is None:
            rows.append({"element": safe.md_cell(ref), "framework": "", "definition": ""})
            continue
        target = site.uri("framework", fw.id)
        label = safe.md_cell(element.name)
        rows.append({"element": Markup(f"[{label}]({rel(page, target or '')}#{slug(el_id)})"),
                     "framework": site.framework_link(fw.id, page),
                     "definition": element.definition})
    return rows


CRM_NAMES = {"salesforce": "Salesforce", "hubspot": "HubSpot"}


def _crm_fields(fields: dict[str, str]) -> Markup:
    """Where the CRM holds an item, for the table cell: ``<br>Salesforce: <code>…</code>``."""
    if not fields:
        return Markup("")
    shown = Markup(" · ").join(
        Markup("{}: <code>{}</code>").format(CRM_NAMES[system], field.replace("|", "\\|"))
        for system, field in fields.items())
    return Markup('<br><span class="st-crm">') + shown + Markup("</span>")


def stage_page(site: SiteData, stage: Stage) -> GeneratedPage:
    """One stage: criteria as checklists, what to capture for whom, misses and their cost."""
    g, uri = site.glossary, site.uri("stage", stage.id) or ""
    stages = g.stages_in_order()
    meta = [Markup(f"Stage {stage.order} of {len(stages)}"),
            Markup("Owner: ") + site.role_link(stage.owner, uri)]
    if stage.supporting:
        meta.append(Markup("Supporting: ") + site.roles_links(stage.supporting, uri))
    if stage.probability is not None:
        meta.append(Markup(f"Probability {stage.probability}%"))
    if stage.forecast_category:
        meta.append(Markup("Forecast: ")
                    + safe.md_inline(FORECAST_NAMES.get(stage.forecast_category, "")))
    if stage.typical_days:
        meta.append(Markup(f"Typically {stage.typical_days} days"))
    meta.append(review_badge(review_state(stage, site.config)))
    required = [{"item": ((safe.md_cell(r.item) + Markup(" (") + site.term_link(r.term, uri)
                           + Markup(")")) if r.term in g.terms else safe.md_cell(r.item))
                 + _crm_fields(capture_fields(g, r)),
                 "why": r.why, "needed_by": site.roles_links(r.needed_by, uri)}
                for r in stage.required_information]
    handoffs = [{"from_": site.role_link(stage.owner, uri), "to": site.role_link(h.to, uri),
                 "what": h.what, "when": h.when or ""} for h in stage.handoffs]
    terms = [t for t in g.terms.values() if stage.id in t.stages]
    index = stages.index(stage)
    neighbours = []
    if index > 0:
        neighbours.append(Markup("← Previous: ") + site.stage_link(stages[index - 1].id, uri))
    if index + 1 < len(stages):
        neighbours.append(Markup("Next: ") + site.stage_link(stages[index + 1].id, uri)
                          + Markup(" →"))
    markdown = render(
        "stage.md.j2", stage=stage, front=front_matter(stage.name, description=stage.purpose),
        meta=Markup(" · ").join(meta), required=required, handoffs=handoffs,
        elements=_element_rows(site, stage.framework_elements, uri),
        terms=term_table(site, terms, uri) if terms else "",
        playbooks=[link(p.title, uri, p.uri) for p in site.playbooks.get(stage.id, ())],
        neighbours=Markup(" · ").join(neighbours))
    return GeneratedPage(uri, markdown, stage.source.path, PIPELINE_INDEX)


@dataclass(frozen=True, slots=True)
class Flow:
    """One thing passed between roles at a stage: a handoff or a piece of required information."""

    stage: Stage
    giver: str
    taker: str
    what: str
    why: str
    kind: str  # "handoff" | "information"


def flows(site: SiteData) -> Iterator[Flow]:
    """Everything that passes between two different roles, stage by stage."""
    for stage in site.glossary.stages_in_order():
        for h in stage.handoffs:
            if h.to != stage.owner:
                yield Flow(stage, stage.owner, h.to, h.what, h.when or "", "handoff")
        for r in stage.required_information:
            for taker in r.needed_by:
                if taker != stage.owner:
                    yield Flow(stage, stage.owner, taker, r.item, r.why, "information")


def role_page(site: SiteData, role_id: str) -> GeneratedPage:
    """One role: what it owns, what it gives whom, what it needs from others."""
    g = site.glossary
    role, uri = g.roles[role_id], site.uri("role", role_id) or ""
    team = {"primary": "Primary team", "support": "Supporting team",
            "extended": "Extended team"}.get(role.team, role.team)
    owned = [s for s in g.stages_in_order() if s.owner == role_id]
    supported = [s for s in g.stages_in_order() if role_id in s.supporting]
    terms = sorted((t for t in g.terms.values() if t.owner == role_id), key=lambda t: t.name)
    all_flows = list(flows(site))
    # One row per thing given, naming everyone who needs it: a role that captures
    # much (the AE) would otherwise repeat each item once per downstream role.
    given: dict[tuple[str, str], tuple[Flow, list[str]]] = {}
    for f in all_flows:
        if f.giver == role_id:
            given.setdefault((f.stage.id, f.what), (f, []))[1].append(f.taker)
    gives = [{"stage": site.stage_link(f.stage.id, uri), "what": f.what,
              "to": site.roles_links(tuple(dict.fromkeys(takers)), uri), "why": f.why}
             for f, takers in given.values()]
    needs = [{"stage": site.stage_link(f.stage.id, uri), "what": f.what,
              "from_": site.role_link(f.giver, uri), "why": f.why}
             for f in all_flows if f.taker == role_id]
    description = site.glossary.role_description(role)
    markdown = render(
        "role.md.j2", role=role, description=description,
        front=front_matter(role.name, description=description),
        defined_by=site.term_link(role.term, uri) if role.term in site.glossary.terms else "",
        meta=safe.md_inline(team) + Markup(" · ")
        + review_badge(review_state(role, site.config)),
        owns=Markup(", ").join(site.stage_link(s.id, uri) for s in owned),
        supports=Markup(", ").join(site.stage_link(s.id, uri) for s in supported),
        terms=Markup(", ").join(site.term_link(t.id, uri) for t in terms),
        gives=gives, needs=needs, handoff_map=rel(uri, HANDOFF_MAP))
    return GeneratedPage(uri, markdown, role.source.path, ROLES_INDEX)


def framework_page(site: SiteData, framework_id: str) -> GeneratedPage:
    """One framework: its elements, the questions, the evidence and when each is due."""
    fw = site.glossary.frameworks[framework_id]
    uri = site.uri("framework", framework_id) or ""
    rows = [{"element": e, "anchor": slug(e.id),
             "stage": site.stage_link(e.known_by, uri) if e.known_by else ""}
            for e in fw.elements]
    markdown = render("framework.md.j2", fw=fw, elements=rows,
                      meta=review_badge(review_state(fw, site.config)),
                      front=front_matter(fw.name, description=fw.purpose))
    return GeneratedPage(uri, markdown, fw.source.path, METHODOLOGY_INDEX)


__all__ = [
    "FORECAST_NAMES", "Flow", "checklist", "flows", "framework_page", "mermaid_label",
    "pipeline_diagram", "pipeline_page", "pipeline_table", "role_page", "stage_page"
]
