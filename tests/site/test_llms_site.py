"""The starter site's ``llms.txt``: the llms.txt shape, and every link a page the build wrote."""

from __future__ import annotations

import re
from pathlib import Path

from shoptalk import load_config, load_glossary

from .helpers import REPO

SITE_URL = "https://shoptalk.example.com/"  # mkdocs.yml's site_url
LINK = re.compile(r"- \[(?P<name>[^\[\]]+)\]\((?P<url>[^()\s]+)\)(?:: (?P<note>.+))?")


def built_file(site: Path, url: str) -> Path:
    """The file the build wrote for an absolute ``url`` of the site."""
    assert url.startswith(SITE_URL), url
    rel = url.removeprefix(SITE_URL)
    return site / rel / "index.html" if rel.endswith("/") or not rel else site / rel


def test_llms_txt_is_an_index_of_built_pages(starter_site: Path) -> None:
    lines = (starter_site / "llms.txt").read_text(encoding="utf-8").splitlines()
    assert lines[:3] == ["# Shoptalk", "", "> The shared selling language of Quaylight — "
                                            "terms, pipeline, roles and playbooks."]
    assert not [line for line in lines[3:] if line.startswith("# ")]  # one H1, first
    titles = [line[3:] for line in lines if line.startswith("## ")]
    assert titles == ["Glossary", "Pipeline", "Roles", "Frameworks", "Playbooks", "Optional"]
    body = lines[lines.index("## Glossary"):]
    links = [LINK.fullmatch(line) for line in body if line and not line.startswith("## ")]
    assert all(links), [line for line in body if line and not LINK.fullmatch(line)]
    for link in links:
        assert link is not None and built_file(starter_site, link["url"]).is_file(), link[0]
    config = load_config(REPO)
    glossary, _ = load_glossary(config.glossary, config.root)
    urls = {link["url"] for link in links if link}
    for stage_id in glossary.stages:
        assert f"{SITE_URL}pipeline/{stage_id}/" in urls
    for role_id in glossary.roles:
        assert f"{SITE_URL}roles/{role_id}/" in urls
    for framework_id in glossary.frameworks:
        assert f"{SITE_URL}methodology/{framework_id}/" in urls
    assert f"{SITE_URL}playbooks/discovery-call/" in urls


def test_llms_full_txt_holds_the_whole_starter_language(starter_site: Path) -> None:
    full = (starter_site / "llms-full.txt").read_text(encoding="utf-8")
    headings = set(re.findall(r"^### (.+)$", full, re.M))
    config = load_config(REPO)
    glossary, _ = load_glossary(config.glossary, config.root)
    for term in glossary.terms.values():
        abbreviation = f" ({term.abbreviation})" if term.abbreviation else ""
        assert f"{term.name}{abbreviation}" in headings
    for stage in glossary.stages.values():
        assert f"Stage {stage.order}: {stage.name}" in headings
    assert "<" not in full
