"""A symbolic link under docs/ that points outside the repository publishes nothing.

A pull request can add ``docs/notes.md -> /proc/self/environ`` or a folder link to a home
directory; CI would build it into the site. The glossary loader already refuses such
links (``outside-link``); the pages and the files beside them get the same rule.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tests.site.helpers import build_site, make_project

from shoptalk.cli import main

SECRET = "quaylight-outside-secret-51c7"
REFUSED = ("a symbolic link to a place outside the repository, so it is not read; copy "
           "what it points at into the repository instead [outside-link]")


def _project(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    (outside / "folder").mkdir(parents=True)
    (outside / "notes.md").write_text(f"# Notes\n\n{SECRET}\n", encoding="utf-8")
    (outside / "folder" / "page.md").write_text(f"# Page\n\n{SECRET}\n", encoding="utf-8")
    (outside / "env.txt").write_text(SECRET, encoding="utf-8")
    root = tmp_path / "project"
    root.mkdir()
    config = make_project(root, pages={"index.md": "# Home\n\nWelcome.\n"},
                          nav=[{"Home": "index.md"}])
    docs = root / "docs"
    os.symlink(outside / "notes.md", docs / "notes.md")
    os.symlink(outside / "folder", docs / "shared")
    os.symlink(outside / "env.txt", docs / "env.txt")
    os.symlink("index.md", docs / "welcome.md")  # inside the repository: published
    return config


def test_pages_and_files_linked_from_outside_the_repository_are_not_published(
        tmp_path: Path) -> None:
    config = _project(tmp_path)
    site = tmp_path / "site"
    warnings = build_site(config, site)
    published = [p.relative_to(site).as_posix() for p in site.rglob("*")
                 if p.is_file() and SECRET in p.read_text(encoding="utf-8", errors="replace")]
    assert published == []
    assert (site / "welcome" / "index.html").is_file()
    assert [w.removeprefix("shoptalk: ") for w in warnings if "outside-link" in w] == [
        f"docs/env.txt:1:1: error: {REFUSED}",
        f"docs/notes.md:1:1: error: {REFUSED}",
        f"docs/shared/page.md:1:1: error: {REFUSED}",
    ]


def test_the_pages_folder_holds_no_page_linked_from_outside(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _project(tmp_path)
    root = tmp_path / "project"
    code = main(["--config", str(root / "shoptalk.yml"), "pages", "--out",
                 str(tmp_path / "folder")])
    out = capsys.readouterr().out
    assert code == 1  # an error: nothing is written
    # Files beside the pages and linked folders are left out of the copy without a word.
    assert [line for line in out.splitlines() if "outside-link" in line] == [
        f"docs/notes.md:1:1: error: {REFUSED}"]
    assert not (tmp_path / "folder").exists()
