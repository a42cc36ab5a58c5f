"""The site as a folder any engine can build: ``docs/`` with every page ready, and ``mkdocs.yml``.

Macros are already rendered, first mentions linked, abbreviations defined and term pages
carry their JSON-LD, so MkDocs with no plugin but ``search`` builds it, and so does any
engine that reads ``mkdocs.yml`` (Zensical). The folder holds a marker file: a later run
replaces only a folder it wrote, never one it did not create.
"""

from __future__ import annotations

import os
import posixpath
import re
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from .check.unsafe_html import RULE as UNSAFE_HTML
from .folder_html import rendered_html_problems
from .page_template import RULE as TEMPLATE_RULE
from .page_template import page_problems
from .problems import Problem, ShoptalkError
from .render import scrub_html
from .render.page_macros import MacroError, render_macros
from .site_build import SCRIPTS, STYLESHEETS, SiteBuild, split_front_matter
from .site_nav import THEME_DIR, is_placeholder_repo

MARKER = ".shoptalk-pages"
MARKER_TEXT = "Written by `shoptalk pages`; the next run replaces this whole folder.\n"
DROPPED_PLUGINS = frozenset({"shoptalk", "macros"})  # their work is done in the folder
THEME_FOLDER = "overrides"  # beside docs/ in the folder: the package's theme templates


# Characters of a file name that would end the theme's href="…" or start a tag.
_NAME_BREAKERS = re.compile(r"""["'<>`]""")


class _Tagged:
    """A YAML value with a tag PyYAML's safe loader does not know (``!!python/name:``,
    ``!ENV``): kept as written, never constructed."""

    def __init__(self, tag: str, value: Any) -> None:
        self.tag, self.value = tag, value


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _construct_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> _Tagged:
    value: Any = (loader.construct_scalar(node) if isinstance(node, yaml.ScalarNode) else
                  loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else
                  loader.construct_mapping(node))  # type: ignore[arg-type]
    return _Tagged(node.tag, value)


def _represent_tagged(dumper: yaml.SafeDumper, data: _Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, str(data.value))


_Loader.add_multi_constructor("", _construct_tagged)
_Dumper.add_representer(_Tagged, _represent_tagged)


def page_url(uri: str, directory_urls: bool = True) -> str:
    """The URL of a page relative to the site root, as MkDocs makes it."""
    stem = uri.removesuffix(".md")
    if posixpath.basename(stem) in ("index", "README"):
        return posixpath.dirname(stem) + "/" if posixpath.dirname(stem) else ""
    return stem + "/" if directory_urls else stem + ".html"


def site_pages(build: SiteBuild, mkdocs: Mapping[str, Any]) -> tuple[dict[str, str], list[Problem]]:
    """Every page's final Markdown by URI, and the macro calls that could not be rendered."""
    pages: dict[str, str] = {}
    problems: list[Problem] = []
    rendered: dict[str, tuple[str, str, str]] = {}
    root = build.site.config.root
    for uri, doc in build.docs.items():
        front, body = split_front_matter(doc.text)
        shown = _shown(doc.path, root)
        if _NAME_BREAKERS.search(uri):  # the engine prints it into the edit link raw
            problems.append(Problem(shown, 1, 1, "error", "the file name holds a quote or an "
                                    "angle bracket, which the engine prints into the page's "
                                    "edit link as HTML; rename the file", UNSAFE_HTML))
            continue
        refused = page_problems(doc.text)  # the policy the MkDocs build applies: never render
        if refused:
            problems += [Problem(shown, p.line, p.col, "error", p.message, TEMPLATE_RULE,
                                 p.end_col) for p in refused]
            continue
        if doc.meta.get("render_macros", True) is not False:
            try:
                body = render_macros(body, build.site, uri, shown)
            except MacroError as exc:
                problems.append(exc.problem(line_offset=front.count("\n")))
                continue
        pages[uri] = front + build.finish_markdown(uri, body, doc.meta)
        if not any(p.rule == UNSAFE_HTML for p in build.page_problems.get(uri, [])):
            rendered[uri] = (shown, doc.text, split_front_matter(pages[uri])[1])
    # No cleaner runs where the folder is built: judge each page's HTML as it renders.
    extensions = [*(mkdocs.get("markdown_extensions") or []), "abbr"]
    problems += rendered_html_problems(rendered, extensions)
    site_url = str(mkdocs.get("site_url") or "/")
    for uri, page in build.generated.items():
        front, body = split_front_matter(page.markdown)
        url = site_url.rstrip("/") + "/" + page_url(uri, mkdocs.get("use_directory_urls", True))
        # The engine has no hook to scrub the HTML: the Markdown is scrubbed instead.
        body = scrub_html(body) + build.term_jsonld(uri, url, str(mkdocs.get("site_name", "")),
                                                    site_url)
        pages[uri] = front + build.finish_markdown(uri, body, {})
    return pages, problems


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def folder_config(build: SiteBuild, mkdocs: Mapping[str, Any]) -> dict[str, Any]:
    """The project's ``mkdocs.yml`` for the folder: nav expanded, assets listed, no plugin
    whose work the folder already holds, paths pointing inside the folder."""
    out = dict(mkdocs)
    for key in ("docs_dir", "site_dir", "watch", "INHERIT"):
        out.pop(key, None)
    plugins = out.get("plugins", ["search"])
    names = plugins if isinstance(plugins, list) else list(plugins or {})
    out["plugins"] = [p for p in names if not (
        (isinstance(p, str) and p in DROPPED_PLUGINS)
        or (isinstance(p, dict) and DROPPED_PLUGINS.intersection(p)))]
    if isinstance(out.get("nav"), list):
        out["nav"] = build.expand_nav(out["nav"])
    for key, assets in (("extra_css", STYLESHEETS), ("extra_javascript", SCRIPTS)):
        listed = list(out.get(key) or [])
        out[key] = listed + [uri for uri in assets if uri not in listed]
    extensions = list(out.get("markdown_extensions") or [])
    if build.abbreviations and not any(e == "abbr" or (isinstance(e, dict) and "abbr" in e)
                                       for e in extensions):
        extensions.append("abbr")
    out["markdown_extensions"] = extensions
    # The package's templates (breadcrumbs, the 404 page, the quiet repository link) ship
    # in the folder; a project that has its own overrides keeps them and goes without.
    theme = out.get("theme")
    if isinstance(theme, dict) and not theme.get("custom_dir"):
        out["theme"] = {**theme, "custom_dir": THEME_FOLDER}
    extra = out.get("extra")
    out["extra"] = {**(extra if isinstance(extra, dict) else {}), "shoptalk": {
        "repository_widget": not is_placeholder_repo(str(out.get("repo_url") or ""))}}
    return out


def read_mkdocs_yml(path: Path) -> dict[str, Any]:
    """``mkdocs.yml`` as data, keeping tags such as ``!!python/name:`` as written."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except OSError as exc:
        raise ShoptalkError(f"{path}: cannot read: {exc.strerror}") from None
    except yaml.YAMLError as exc:
        raise ShoptalkError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise ShoptalkError(f"{path}: expected a mapping of settings")
    return data


def check_target(out: Path, root: Path, docs_dir: Path) -> Path:
    """``out`` resolved, or a ShoptalkError when writing there could hurt the project."""
    given, root, docs_dir = Path(os.path.abspath(out)), root.resolve(), docs_dir.resolve()
    # A link in the repository (on the way to --out, or --out itself) is content anyone
    # can commit: it could aim the replace at any folder that also holds a committed marker.
    if any(p.is_symlink() and p.parent.resolve().is_relative_to(root)
           for p in (given, *given.parents)):
        raise ShoptalkError(f"{out}: --out goes through a symbolic link in the repository; "
                            "name a folder of its own, e.g. build/pages")
    target = given.resolve()
    if target in docs_dir.parents and target != root and target not in root.parents:
        raise ShoptalkError(f"{out}: --out holds the docs folder; name a folder outside it, "
                            "e.g. build/pages")
    if target == root or target in root.parents:
        raise ShoptalkError(f"{out}: --out would replace the project folder; "
                            "name a new folder, e.g. build/pages")
    if target == docs_dir or docs_dir in target.parents:
        raise ShoptalkError(f"{out}: --out is inside the docs folder; the site would "
                            "build itself into itself; name a folder outside it")
    if target.exists() and (not target.is_dir() or (
            any(target.iterdir()) and not (target / MARKER).is_file())):
        raise ShoptalkError(f"{out}: exists and was not written by 'shoptalk pages' "
                            f"(no {MARKER} file in it); name a new or empty folder")
    return target


def write_folder(target: Path, pages: Mapping[str, str], build: SiteBuild,
                 docs_dir: Path, config: Mapping[str, Any]) -> None:
    """Write the folder beside ``target`` and swap it in, so a reader never sees half of it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        docs = staging / "docs"
        shutil.copytree(docs_dir, docs, ignore=_skip_pages(docs_dir, set(build.docs),
                                                           build.site.config.root))
        files: dict[str, bytes] = {uri: text.encode("utf-8") for uri, text in pages.items()}
        files.update(build.assets(config))
        for uri, data in files.items():
            path = docs / uri
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        if isinstance(config.get("theme"), dict) \
                and config["theme"].get("custom_dir") == THEME_FOLDER:
            shutil.copytree(THEME_DIR, staging / THEME_FOLDER,
                            ignore=shutil.ignore_patterns("__pycache__"))
        (staging / "mkdocs.yml").write_text(
            yaml.dump(dict(config, docs_dir="docs"), Dumper=_Dumper, sort_keys=False,
                      allow_unicode=True, width=10_000), encoding="utf-8")
        (staging / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
        old = None
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
            os.replace(target, old / "previous")
        os.replace(staging, target)
        if old is not None:
            shutil.rmtree(old)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _skip_pages(docs_dir: Path, written: set[str], root: Path) -> Any:
    """For copytree: leave out the pages the folder writes itself, hidden files, and links
    to anything outside the project (nothing outside it is ever published)."""
    project = os.path.realpath(root)

    def ignore(folder: str, names: list[str]) -> set[str]:
        rel = Path(folder).relative_to(docs_dir).as_posix()
        return {n for n in names if n.startswith(".")
                or posixpath.normpath(posixpath.join(rel, n)) in written
                or (os.path.islink(os.path.join(folder, n)) and not Path(
                    os.path.realpath(os.path.join(folder, n))).is_relative_to(project))}
    return ignore


__all__ = ["MARKER", "THEME_FOLDER", "check_target", "folder_config", "page_url", "read_mkdocs_yml",
           "site_pages", "write_folder"]
