"""``llms.txt`` and ``llms-full.txt``: the site as an assistant reads it (llmstxt.org).

``llms.txt`` follows the proposal: an H1 with the site's name, a blockquote summary, a
few lines on how to use the language, then H2 sections of ``- [name](url): note`` links
to the glossary, each stage, role and framework, and the playbooks. ``llms-full.txt`` is
the whole language as plain Markdown, record by record (``shoptalk.assistant.text``).
Both are written beside the pages by the site build and by ``shoptalk pages``; links are
absolute when ``site_url`` is set. Every YAML value is made inert text on the way in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from ..render.context import (
    GLOSSARY_INDEX,
    HANDOFF_MAP,
    METHODOLOGY_INDEX,
    PIPELINE_INDEX,
    ROLES_INDEX,
)
from .text import framework_block, label, line, role_block, stage_block, term_block

if TYPE_CHECKING:
    from ..render.context import SiteData
    from ..site_build import DocPage

__all__ = ["LLMS_FULL_TXT", "LLMS_TXT", "SiteInfo", "llms_files", "llms_full_txt", "llms_txt",
           "page_address"]

LLMS_TXT = "llms.txt"
LLMS_FULL_TXT = "llms-full.txt"
PLAYBOOKS = "playbooks/"


@dataclass(frozen=True)
class SiteInfo:
    """What the engine's settings say about the site: its name, summary and address."""

    name: str = "Glossary"
    description: str = ""
    url: str | None = None
    directory_urls: bool = True

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> SiteInfo:
        """From ``mkdocs.yml``'s ``site_name``, ``site_description``, ``site_url`` and
        ``use_directory_urls``."""
        return cls(str(settings.get("site_name") or "Glossary"),
                   str(settings.get("site_description") or ""),
                   str(settings["site_url"]) if settings.get("site_url") else None,
                   settings.get("use_directory_urls", True) is not False)


def page_address(info: SiteInfo, uri: str) -> str:
    """The URL of the page (or file) at ``uri``: absolute under ``site_url``, else relative
    to the site root, where ``llms.txt`` lives."""
    from ..site_folder import page_url  # site_folder imports site_build, which imports us

    rel = quote(page_url(uri, info.directory_urls) if uri.endswith(".md") else uri, safe="/")
    return f"{info.url.rstrip('/')}/{rel}" if info.url else rel or "./"


def _link(info: SiteInfo, name: object, uri: str, note: object = None) -> str:
    text = line(note) if note not in (None, "") else ""
    return f"- [{label(name)}]({page_address(info, uri)})" + (f": {text}" if text else "")


def _counts(site: SiteData) -> str:
    g = site.glossary
    parts = [(len(g.terms), "term"), (len(g.stages), "stage"), (len(g.roles), "role"),
             (len(g.frameworks), "framework")]
    return ", ".join(f"{n} {word}{'s' * (n != 1)}" for n, word in parts)


def llms_txt(site: SiteData, docs: Mapping[str, DocPage], pages: set[str],
             info: SiteInfo) -> str:
    """The site's ``llms.txt``; ``pages`` are the URIs the site builds (links go only there)."""
    g = site.glossary
    summary = line(info.description) or f"The shared selling language of {line(info.name)}."
    out = [f"# {line(info.name)}", "", f"> {summary}", "",
           f"This site is the company's own selling language ({_counts(site)}). When a "
           "question uses these words, answer with the definitions here, not with general "
           "usage: an abbreviation can mean something else elsewhere. Say a term's name, not "
           "the wording it lists to avoid; abbreviations are case-sensitive. Each stage says "
           "what must be known before it ends, who needs it downstream and what goes wrong "
           f"when it is missed. The whole language as one plain file: "
           f"[{LLMS_FULL_TXT}]({page_address(info, LLMS_FULL_TXT)}).", ""]

    def section(title: str, links: list[str]) -> None:
        if links:
            out.extend([f"## {title}", "", *links, ""])

    section("Glossary", [
        *([_link(info, "Glossary A–Z", GLOSSARY_INDEX,
                 f"every term with its definition ({len(g.terms)} terms)")]
          if GLOSSARY_INDEX in pages else []),
        _link(info, "The whole language", LLMS_FULL_TXT,
              "every term, stage, role and framework as plain Markdown")])
    section("Pipeline", [
        *([_link(info, "Pipeline", PIPELINE_INDEX, "the stages in order")]
          if PIPELINE_INDEX in pages else []),
        *(_link(info, f"{s.order}. {s.name}", uri, s.purpose) for s in g.stages_in_order()
          if (uri := site.uri("stage", s.id) or "") in pages)])
    section("Roles", [
        *([_link(info, "Roles", ROLES_INDEX, "who does what")] if ROLES_INDEX in pages else []),
        *([_link(info, "Handoff map", HANDOFF_MAP, "who needs what from whom at each stage")]
          if HANDOFF_MAP in pages else []),
        *(_link(info, r.name, uri, r.description) for r in g.roles.values()
          if (uri := site.uri("role", r.id) or "") in pages)])
    section("Frameworks", [
        *([_link(info, "Methodology", METHODOLOGY_INDEX, "the selling frameworks")]
          if METHODOLOGY_INDEX in pages else []),
        *(_link(info, f.name, uri, f.purpose) for f in g.frameworks.values()
          if (uri := site.uri("framework", f.id) or "") in pages)])
    playbook_uris = {ref.uri for refs in site.playbooks.values() for ref in refs}
    playbooks = sorted((d for d in docs.values()
                        if d.uri.startswith(PLAYBOOKS) or d.uri in playbook_uris),
                       key=lambda d: (not d.uri.endswith("index.md"), d.uri))
    section("Playbooks", [_link(info, d.title, d.uri, _doc_note(site, d)) for d in playbooks])
    others = sorted(d for d in docs if d not in {p.uri for p in playbooks})
    section("Optional", [_link(info, docs[u].title, u, docs[u].meta.get("description"))
                         for u in others])
    return "\n".join(out).rstrip() + "\n"


def _doc_note(site: SiteData, doc: DocPage) -> str:
    description = doc.meta.get("description")
    if description:
        return line(description)
    stage = site.glossary.stages.get(str(doc.meta.get("stage", "")))
    return f"playbook for the {line(stage.name)} stage" if stage else ""


def llms_full_txt(site: SiteData, info: SiteInfo) -> str:
    """The whole language as plain Markdown: every term, stage, role and framework."""
    g = site.glossary

    def url_of(kind: str, record_id: str) -> str | None:
        uri = site.uri(kind, record_id)
        return page_address(info, uri) if uri else None

    out = [f"# {line(info.name)}: the whole selling language", "",
           f"> {line(info.description) or 'Every word of the selling language, as defined.'}",
           "", f"{_counts(site)}. Each term gives its definition, the wording to avoid and "
           "why, and related terms; each stage its criteria, the information it must capture "
           "and who needs it.", "", "## Terms", ""]
    for term in sorted(g.terms.values(), key=lambda t: (line(t.name).casefold(), t.id)):
        out += [*term_block(g, term, site.related_of(term.id), url_of), ""]
    out += ["## Stages", ""]
    for stage in g.stages_in_order():
        out += [*stage_block(g, stage, url_of), ""]
    out += ["## Roles", ""]
    for role in g.roles.values():
        out += [*role_block(g, role, url_of), ""]
    out += ["## Frameworks", ""]
    for framework in g.frameworks.values():
        out += [*framework_block(g, framework, url_of), ""]
    return "\n".join(out).rstrip() + "\n"


def llms_files(site: SiteData, docs: Mapping[str, DocPage], pages: set[str],
               settings: Mapping[str, Any]) -> dict[str, bytes]:
    """Both files by name, for the site root; ``settings`` are the engine's (``mkdocs.yml``)."""
    info = SiteInfo.from_settings(settings)
    return {LLMS_TXT: llms_txt(site, docs, pages, info).encode("utf-8"),
            LLMS_FULL_TXT: llms_full_txt(site, info).encode("utf-8")}
