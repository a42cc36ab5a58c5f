"""The pipeline, stage pages, role pages and framework pages."""

from __future__ import annotations

from markupsafe import Markup

from ..crm.fields import capture_fields
from ..language import review_state
from ..model import Stage
from . import safe
from .context import HANDOFF_MAP, METHODOLOGY_INDEX, PIPELINE_INDEX, ROLES_INDEX, SiteData
from .crm_names import field_cell, stage_names
from .diagram import pipeline_svg
from .env import link, rel, render
from .handoffs import Flow, role_handoffs
from .page import GeneratedPage, front_matter, page_title
from .terms import first_terms, more_terms, review_badge, slug, term_table

STAGE_SEARCH_BOOST = 5
FORECAST_NAMES = {"pipeline": "Pipeline", "best_case": "Best case", "commit": "Commit",
                  "closed": "Closed", "omitted": "Omitted"}


def pipeline_diagram(site: SiteData, page: str = PIPELINE_INDEX) -> Markup:
    """The stages in order as inline SVG, drawn twice (wide for a desktop, tall for a phone),
    each stage box linking to its stage page from ``page``."""
    stages = site.glossary.stages_in_order()
    hrefs = {s.id: site.html_href(page, site.uri("stage", s.id) or "") for s in stages}
    drawings = "".join(pipeline_svg(stages, hrefs, layout) for layout in ("wide", "tall"))
    return Markup(f'\n<div class="st-diagram">{drawings}</div>\n')


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


def stage_page(site: SiteData, stage: Stage) -> GeneratedPage:
    """One stage, leading with what a rep needs: the exit criteria, what to capture for
    whom and the handoffs; the longer lists (misses, activities, terms) start folded."""
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
    required = [{"item": safe.md_inline(r.item),
                 "term": (Markup(" (") + site.term_link(r.term, uri) + Markup(")"))
                 if r.term in g.terms else "",
                 "crm": field_cell(capture_fields(g, r)),
                 "why": r.why, "needed_by": site.roles_links(r.needed_by, uri)}
                for r in stage.required_information]
    handoffs = [{"to": site.role_link(h.to, uri), "what": h.what, "when": h.when or ""}
                for h in stage.handoffs]
    terms, left = first_terms(t for t in g.terms.values() if stage.id in t.stages)
    index = stages.index(stage)
    neighbours = []
    if index > 0:
        neighbours.append(Markup("← Previous: ") + site.stage_link(stages[index - 1].id, uri))
    if index + 1 < len(stages):
        neighbours.append(Markup("Next: ") + site.stage_link(stages[index + 1].id, uri)
                          + Markup(" →"))
    # The stage's own name and a CRM's name for it ("Needs Analysis") find this page
    # first: the search index weighs tags above titles, and the page is boosted above a
    # term page (4) that mentions the same words.
    crm_words = [page_title(name) for name in stage.crm.values() if str(name).strip()]
    front = front_matter(stage.name, description=stage.purpose,
                         search={"boost": STAGE_SEARCH_BOOST},
                         tags=[page_title(stage.name), *crm_words], hide=["tags"])
    markdown = render(
        "stage.md.j2", stage=stage, front=front, crm=stage_names(stage.crm),
        meta=Markup(" · ").join(meta), required=required, handoffs=handoffs,
        elements=_element_rows(site, stage.framework_elements, uri),
        terms=term_table(site, terms, uri) if terms else "", term_count=len(terms) + left,
        more_terms=more_terms(uri, left, len(terms) + left, "stage", stage.id, "stage"),
        playbooks=[link(p.title, uri, p.uri) for p in site.playbooks.get(stage.id, ())],
        neighbours=Markup(" · ").join(neighbours))
    return GeneratedPage(uri, markdown, stage.source.path, PIPELINE_INDEX,
                         frozenset(t.abbreviation for t in terms if t.abbreviation))


# A role's lists longer than this start folded, one fold per stage: the AE owes dozens of
# things across the pipeline, and the reader wants the stage the deal is in.
FOLD_OVER = 8


def _handoff_groups(site: SiteData, found: tuple[Flow, ...], page: str,
                    giving: bool) -> list[dict[str, object]]:
    """``found`` by stage: a summary (stage, how many, from or to whom) and one row each."""
    by_stage: dict[str, list[Flow]] = {}
    for f in found:
        by_stage.setdefault(f.stage.id, []).append(f)
    groups: list[dict[str, object]] = []
    for group in by_stage.values():
        stage = group[0].stage
        others = dict.fromkeys(r for f in group for r in (f.takers if giving else (f.giver,)))
        count = f"{len(group)} thing{'s' if len(group) > 1 else ''}"
        who = ", ".join(site.role_name(r) for r in others)
        rows = [{"what": f.what, "why": f.why, "due": f.due,
                 "other": site.roles_links(f.takers, page) if giving
                 else site.role_link(f.giver, page)} for f in group]
        groups.append({"summary": safe.md_inline(
            f"{stage.name} · {count} {'to' if giving else 'from'} {who}"),
            "stage": site.stage_link(stage.id, page), "rows": rows})
    return groups


def role_page(site: SiteData, role_id: str) -> GeneratedPage:
    """One role: what it owns, then what it needs and owes, from and to whom, by when."""
    g = site.glossary
    role, uri = g.roles[role_id], site.uri("role", role_id) or ""
    team = {"primary": "Primary team", "support": "Supporting team",
            "extended": "Extended team"}.get(role.team, role.team)
    owned = [s for s in g.stages_in_order() if s.owner == role_id]
    supported = [s for s in g.stages_in_order() if role_id in s.supporting]
    terms, left = first_terms(t for t in g.terms.values() if t.owner == role_id)
    mine = role_handoffs(g, role_id)
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
        more_terms=more_terms(uri, left, len(terms) + left, "owner", role_id, "role"),
        needs=_handoff_groups(site, mine.needs, uri, giving=False),
        owes=_handoff_groups(site, mine.owes, uri, giving=True),
        fold_needs=len(mine.needs) > FOLD_OVER, fold_owes=len(mine.owes) > FOLD_OVER,
        handoff_map=rel(uri, HANDOFF_MAP))
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
    "FORECAST_NAMES", "STAGE_SEARCH_BOOST", "checklist", "framework_page",
    "pipeline_diagram", "pipeline_page", "pipeline_table", "role_page", "stage_page"
]
