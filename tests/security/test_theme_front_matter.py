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
