"""A generated page: where it goes, its Markdown, and the YAML file it came from."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from markupsafe import Markup

from . import safe

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass(frozen=True, slots=True)
class GeneratedPage:
    """Markdown for one page of the site, built from the glossary.

    ``source`` is the YAML file the page shows (its edit button opens it);
    ``nav_section`` names the index page whose nav section lists this page, if any;
    ``defines`` the abbreviations whose definition the page prints beside them (an A–Z
    page, say): they get no hover text there, which would only repeat it.
    """

    uri: str
    markdown: str
    source: Path | None = None
    nav_section: str | None = None
    defines: frozenset[str] = frozenset()


def page_title(value: object) -> str:
    """A title safe for every place a theme prints it raw (``<title>``, header, nav).

    Material prints ``page.title | striptags`` unescaped, so the text must not
    hold ``<`` or ``>`` even after entities are decoded: ``plain`` sees to that.
    """
    return html.escape(safe.plain(value), quote=False)


def meta_text(value: object) -> str:
    """Text for a front matter value the theme prints raw inside an HTML attribute."""
    return html.escape(safe.plain(value), quote=True)


def front_matter(title: object, description: object = None, **meta: Any) -> Markup:
    """YAML front matter for a generated page; macros are never run on YAML text.

    Material prints ``title`` and ``description`` without escaping, so both are made
    safe here; so are the tags (shown on search results).
    """
    data: dict[str, Any] = {"title": page_title(title), "render_macros": False}
    if description is not None:
        data["description"] = meta_text(description)
    data.update({k: v for k, v in meta.items() if v is not None})
    # libyaml's emitter when present: the same text, five times faster (a page each).
    dumped = yaml.dump(data, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=10_000)
    return Markup(f"---\n{dumped}---\n\n")


# Front matter text that Material prints into the page without escaping.
_THEME_TEXT = ("description", "author", "subtitle")


def theme_meta(meta: Mapping[str, Any]) -> dict[str, Any]:
    """The front matter values a theme prints raw, made inert: ``page.meta.update(...)``.

    A hand-written page is as untrusted as a YAML file: its ``title`` and ``description``
    get what a generated page's get; ``status`` becomes a CSS class name and
    ``location`` (read by the redirect template) a safe URL.
    """
    made: dict[str, Any] = {}
    if "title" in meta:
        made["title"] = page_title(meta["title"])
    made.update({key: meta_text(meta[key]) for key in _THEME_TEXT if key in meta})
    if "status" in meta:
        made["status"] = re.sub(r"[^\w-]", "", str(meta["status"]))
    if "location" in meta:
        made["location"] = safe.safe_url(meta["location"]).replace("\\", "%5C")
    hide = meta.get("hide")  # the theme asks `"toc" in page.meta.hide`: a number crashes it
    if "hide" in meta and not (isinstance(hide, list) and all(isinstance(h, str) for h in hide)):
        made["hide"] = [str(h) for h in hide] if isinstance(hide, list) else []
    if "breadcrumbs" in meta:  # printed raw by the theme's breadcrumb (shoptalk/theme)
        made["breadcrumbs"] = safe_breadcrumbs(meta["breadcrumbs"])
    return made


def missing_theme_files(meta: Mapping[str, Any], dirs: Sequence[str]) -> dict[str, str]:
    """Front matter naming a theme file that is in none of the theme's ``dirs``: the key
    (``template``, ``icon``) and the file. The theme would stop the build on each."""
    wanted = {}
    if "template" in meta:
        wanted["template"] = meta["template"]
    if meta.get("icon"):
        wanted["icon"] = f".icons/{meta['icon']}.svg" if isinstance(meta["icon"], str) else None
    return {key: str(name) for key, name in wanted.items()
            if not (isinstance(name, str) and _theme_has(dirs, name))}


def _theme_has(dirs: Sequence[str], name: str) -> bool:
    parts = name.split("/")
    if not name or name.startswith("/") or any(p in ("", ".", "..") for p in parts):
        return False  # what Jinja's loader refuses, refused before touching the disk
    return any(Path(folder, *parts).is_file() for folder in dirs)


def front_matter_line(text: str, key: str) -> int:
    """The line of ``key:`` in the front matter at the top of ``text`` (1 when absent)."""
    lines = text.split("\n")
    if lines and lines[0].rstrip() == "---":
        for number, line in enumerate(lines[1:], start=2):
            if line.rstrip() in ("---", "..."):
                break
            if line.startswith(f"{key}:"):
                return number
    return 1


_PAGE_URI = re.compile(r"(?:[A-Za-z0-9_][\w.-]*/)*[A-Za-z0-9_][\w.-]*\.md")


def safe_breadcrumbs(value: object) -> list[dict[str, str]]:
    """Breadcrumbs a theme may print: each a title made inert and the URI of a page
    (``glossary/index.md``), never a scheme, a ``..`` or a query; anything else dropped."""
    if not isinstance(value, list):
        return []
    return [{"title": page_title(c["title"]), "uri": c["uri"]} for c in value
            if isinstance(c, dict) and isinstance(c.get("uri"), str)
            and _PAGE_URI.fullmatch(c["uri"]) and ".." not in c["uri"] and "title" in c]


__all__ = ["GeneratedPage", "front_matter", "front_matter_line", "meta_text",
           "missing_theme_files", "page_title", "safe_breadcrumbs", "theme_meta"]
