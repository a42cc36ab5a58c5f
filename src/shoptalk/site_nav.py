"""Finding one's way around the site: page order, who a page is for, the repository link.

Engine-neutral facts the site build and the engine adapters ask; no MkDocs here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .problems import Problem

# Theme templates shipped with the package: breadcrumbs from the core's front matter,
# the 404 page, and the repository link that stays quiet for a placeholder.
THEME_DIR = Path(str(package_files("shoptalk").joinpath("theme")))
# Hosts that name no real repository (RFC 2606), and owners that stand for "yours".
PLACEHOLDER_HOSTS = ("example.com", "example.org", "example.net")
PLACEHOLDER_OWNERS = frozenset({"example", "your-org", "your-company", "org"})
EDITOR_FOLDERS = ("reference/",)
_ORDER_LINE = re.compile(r"^order[ \t]*:[ \t]*", re.M)


def is_placeholder_repo(repo_url: str | None) -> bool:
    """True when ``repo_url`` names no real repository: missing, on an example host, or
    owned by ``example`` (``https://github.com/example/shoptalk``). The theme asks that
    repository's host for its stars and forks only when this is False."""
    if not repo_url or not repo_url.strip():
        return True
    parts = urlsplit(repo_url.strip())
    host = (parts.hostname or "").lower()
    if not host or any(host == h or host.endswith("." + h) for h in PLACEHOLDER_HOSTS):
        return True
    owner = parts.path.strip("/").partition("/")[0].lower()
    return owner in PLACEHOLDER_OWNERS


def for_readers(uri: str, meta: Mapping[str, Any]) -> bool:
    """False for pages written for the people who edit the language (under ``reference/``,
    or with ``audience: editors`` in their front matter): a term page's "Where it is used"
    leaves them out."""
    return not uri.startswith(EDITOR_FOLDERS) and meta.get("audience") != "editors"


def page_order(meta: Mapping[str, Any]) -> int | None:
    """A page's ``order:`` (its place in a folder's nav entry); None when it has none."""
    value = meta.get("order")
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def order_problems(pages: Mapping[str, tuple[str, str, Mapping[str, Any]]]) -> list[Problem]:
    """``order:`` values that are not whole numbers, and two pages of one folder with the
    same order; ``pages`` maps a URI to (the path shown, its text, its front matter)."""
    problems: list[Problem] = []
    taken: dict[tuple[str, int], str] = {}
    for uri, (shown, text, meta) in sorted(pages.items()):
        if "order" not in meta:
            continue
        order = page_order(meta)
        found = _ORDER_LINE.search(text)
        line, col = (text.count("\n", 0, found.start()) + 1, found.end() - found.start() + 1) \
            if found else (1, 1)
        if order is None:
            problems.append(Problem(shown, line, col, "warning", f"order: {meta['order']!r} is not "
                                    "a whole number; it places the page in its folder's nav "
                                    "(1 first)", "page-order"))
            continue
        folder = uri.rpartition("/")[0]
        if (folder, order) in taken:
            problems.append(Problem(shown, line, col, "warning", f"order: {order} is also "
                                    f"the order of {taken[folder, order]}; give each page of "
                                    "a folder its own place", "page-order"))
        else:
            taken[folder, order] = uri
    return problems


__all__ = ["EDITOR_FOLDERS", "PLACEHOLDER_HOSTS", "PLACEHOLDER_OWNERS", "THEME_DIR",
           "for_readers", "is_placeholder_repo", "order_problems", "page_order"]
