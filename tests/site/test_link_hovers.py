"""Under ``mkdocs serve`` a link to a record writes the title ``build_site`` is given for
it (a placeholder, put back after conversion); a plain build writes the record's text."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from shoptalk import load_config, validate
from shoptalk.render.context import link_hover_texts
from shoptalk.site_build import DocPage, SiteBuild, build_site
from shoptalk.site_cache import SiteCache

from .helpers import make_project

EB = "The person who can approve the spend without asking anyone else."


def _words(abbreviations: Mapping[str, str], titles: Mapping[str, str]
           ) -> tuple[dict[str, str], dict[str, str]]:
    """A stand-in for ``HoverTitles.start``: each title becomes ``W<name>W``."""
    return {}, {name: f"W{name}W" for name in titles}


def _build(tmp_path: Path, **options: object) -> SiteBuild:
    root = make_project(tmp_path / "project").parent
    settings = load_config(root)
    glossary, _ = validate(settings)
    docs = {"a.md": DocPage("a.md", "# A\n\nAsk who the Economic Buyer is.\n",
                            root / "docs/a.md")}
    return build_site(settings, glossary, docs, **options)  # type: ignore[arg-type]


def test_each_link_to_a_record_is_titled_with_its_own_text_in_a_plain_build(
        tmp_path: Path) -> None:
    build = _build(tmp_path)
    assert build.site.hover_titles == {} and build.hover_link_titles == {}
    assert f'[Economic Buyer](economic-buyer.md "{EB}")' in \
        build.generated["glossary/ideal-customer-profile.md"].markdown
    assert f'"{EB}")' in build.finish_markdown("a.md", "Ask who the Economic Buyer is.\n", {})


def test_each_link_to_a_record_writes_the_title_it_is_given(tmp_path: Path) -> None:
    build = _build(tmp_path, hovers=_words)
    term = build.generated["glossary/economic-buyer.md"].markdown
    assert '[Economic Buyer](economic-buyer.md "Weconomic-buyerW")' in \
        build.generated["glossary/ideal-customer-profile.md"].markdown
    assert '[Qualify](../pipeline/qualify.md "Wstage/qualifyW")' in term
    assert '[AE](../roles/ae.md "Wrole/aeW")' in term
    assert '(../methodology/meddpicc.md "Wframework/meddpiccW")' in \
        build.generated["pipeline/qualify.md"].markdown
    assert EB not in build.generated["glossary/ideal-customer-profile.md"].markdown
    # A first mention on a hand-written page writes the same title; a macro's link writes
    # the definition (it may stand in raw HTML, where the link stays text).
    assert '"Weconomic-buyerW")' in build.finish_markdown(
        "a.md", "Ask who the Economic Buyer is.\n", {})
    assert str(build.site.term_link("economic-buyer", "a.md")) == \
        f'[Economic Buyer](glossary/economic-buyer.md "{EB}")'


def test_the_hover_texts_are_the_titles_a_link_writes(tmp_path: Path) -> None:
    settings = load_config(make_project(tmp_path / "project").parent)
    glossary, _ = validate(settings)
    texts = link_hover_texts(glossary)
    assert texts["economic-buyer"] == EB
    assert texts["stage/qualify"] == "Decide whether the deal is worth the team&#x27;s time."
    assert texts["role/ae"] == "Account Executive: Owns the deal from qualification to signature."
    assert texts["framework/meddpicc"] == \
        "A checklist of what must be known to forecast a deal with confidence."


def test_the_kept_generated_pages_are_made_again_when_a_title_changes(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project").parent
    cache = SiteCache()
    settings, glossary, _ = cache.load(root, None, None)
    made = [build_site(settings, glossary, {}, cache=cache, hovers=hovers).generated[
        "glossary/ideal-customer-profile.md"].markdown for hovers in (
            _words, lambda a, t: ({}, {n: f"V{n}V" for n in t}), None)]
    assert '"Weconomic-buyerW")' in made[0]
    assert '"Veconomic-buyerV")' in made[1]
    assert f'"{EB}")' in made[2]
