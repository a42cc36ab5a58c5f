"""Every generated page of the site, from one glossary."""

from __future__ import annotations

from .cheatsheet import cheat_sheet
from .context import SiteData
from .page import GeneratedPage
from .process import framework_page, pipeline_page, role_page, stage_page
from .terms import category_page, glossary_index, term_page
from .widgets import handoff_page, methodology_index, roles_index


def render_site(site: SiteData) -> list[GeneratedPage]:
    """All pages built from the YAML: glossary, categories, pipeline, roles, methodology."""
    g = site.glossary
    pages = [glossary_index(site), pipeline_page(site), roles_index(site), handoff_page(site),
             methodology_index(site), cheat_sheet(site)]
    pages += [term_page(site, t) for t in g.terms.values()]
    pages += [category_page(site, c) for c in g.categories]
    pages += [stage_page(site, s) for s in g.stages_in_order()]
    pages += [role_page(site, r) for r in g.roles]
    pages += [framework_page(site, f) for f in g.frameworks]
    return pages
