"""Front matter the theme reads as a list cannot crash the build with a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.site.helpers import build_site, html, make_project

from shoptalk.render.page import theme_meta


@pytest.mark.parametrize(("hide", "made"), [(3, {"hide": []}), ("toc", {"hide": []}),
                                            (None, {"hide": []}),
                                            (["toc", 1], {"hide": ["toc", "1"]}),
                                            (["toc"], {})])  # already right: left alone
def test_hide_is_always_a_list_of_words(hide: object, made: dict[str, list[str]]) -> None:
    assert theme_meta({"hide": hide}) == made


def test_a_page_whose_hide_is_a_number_builds(tmp_path: Path) -> None:
    config = make_project(tmp_path, pages={"index.md": "# Home\n",
                                           "playbooks/index.md": "---\nhide: 3\n---\n# P\n"})
    build_site(config, tmp_path / "site")
    assert "<h1" in html(tmp_path / "site", "playbooks/")


@pytest.mark.parametrize(("line", "key", "name"), [
    ("template: nowhere.html", "template", "nowhere.html"),
    ("template: ../../etc/passwd", "template", "../../etc/passwd"),
    ("template: 3", "template", "3"),
    ("icon: material/no-such-icon", "icon", ".icons/material/no-such-icon.svg"),
])
def test_a_missing_template_or_icon_is_a_problem_at_its_line_not_a_traceback(
        tmp_path: Path, line: str, key: str, name: str) -> None:
    config = make_project(tmp_path, pages={
        "index.md": "# Home\n", "playbooks/index.md": f"---\ntitle: P\n{line}\n---\n# P\n"})
    logs = build_site(config, tmp_path / "site")
    assert f"docs/playbooks/index.md:3:1: error: {key}: '{name}' names no file of the theme" \
        in "\n".join(logs)
    assert "<h1" in html(tmp_path / "site", "playbooks/")


def test_a_template_and_icon_the_theme_has_are_kept(tmp_path: Path) -> None:
    config = make_project(tmp_path, pages={
        "index.md": "# Home\n",
        "playbooks/index.md": "---\ntemplate: main.html\nicon: material/home\n---\n# P\n"})
    logs = build_site(config, tmp_path / "site")
    assert not [m for m in logs if "front-matter" in m]
