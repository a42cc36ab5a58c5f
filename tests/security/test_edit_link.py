"""A page's file name cannot break out of the edit button's link.

Material prints ``page.edit_url`` into ``href="…"`` unescaped, and MkDocs builds it from
the page's file name as written: a file named ``x" onmouseover="….md`` would add a
handler to the edit button of its own page.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from tests.site.helpers import build_site, html, make_project

from shoptalk.cli import main

EVIL = 'x" onmouseover="alert(1)" a="<img src=x onerror=alert(2)>'


def test_a_hostile_file_name_stays_inside_the_edit_links_href(tmp_path: Path) -> None:
    config = make_project(tmp_path, pages={"index.md": "# Home\n",
                                           "playbooks/index.md": "# Playbooks\n",
                                           f"playbooks/{EVIL}.md": "Plain text.\n"})
    build_site(config, tmp_path / "site")
    page = html(tmp_path / "site", f"playbooks/{EVIL}/")
    (edit,) = re.findall(r'<a href="[^"]*"[^>]*rel="edit"', page)
    assert edit == ('<a href="https://github.com/example/shoptalk/edit/main/docs/playbooks/'
                    'x%22%20onmouseover=%22alert(1)%22%20a=%22%3Cimg%20src=x%20onerror=alert(2)%3E'
                    '.md" title="Edit this page" class="md-content__button md-icon" rel="edit"')
    assert _handlers(page) == []


def test_the_pages_folder_refuses_a_file_name_its_engine_would_print_as_html(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_project(tmp_path / "project", pages={"index.md": "# Home\n",
                                              f"{EVIL}.md": "Plain text.\n"})
    code = main(["--config", str(tmp_path / "project" / "shoptalk.yml"), "pages", "--out",
                 str(tmp_path / "folder")])
    assert code == 1
    assert [line for line in capsys.readouterr().out.splitlines() if "[unsafe-html]" in line] \
        == [f"docs/{EVIL}.md:1:1: error: the file name holds a quote or an angle bracket, "
            "which the engine prints into the page's edit link as HTML; rename the file "
            "[unsafe-html]"]
    assert not (tmp_path / "folder").exists()


class _Handlers(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [f"<{tag} {name}>" for name, _ in attrs if name.startswith("on")]


def _handlers(page: str) -> list[str]:
    """Every ``on*`` attribute of every element of the page (the theme's included)."""
    parser = _Handlers()
    parser.feed(page)
    return parser.found
