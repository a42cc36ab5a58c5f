"""``shoptalk pages --out`` replaces only a folder it wrote, whatever the repository holds.

The marker file says "written by shoptalk pages"; a pull request can commit one anywhere,
and a symbolic link too. Neither may turn ``--out`` into the deletion of another folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tests.site.helpers import make_project

from shoptalk.cli import main
from shoptalk.site_folder import MARKER


def _project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    make_project(root, pages={"index.md": "# Home\n\nWelcome.\n"})
    (root / "src").mkdir()
    (root / "src" / "app.py").write_text("print('keep me')\n", encoding="utf-8")
    (root / "src" / MARKER).write_text("forged\n", encoding="utf-8")
    return root


def _pages(root: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["--config", str(root / "shoptalk.yml"), "pages", "--out", str(out)])
    return code, capsys.readouterr().err


def test_a_committed_link_with_a_forged_marker_behind_it_deletes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _project(tmp_path)
    (root / "build").mkdir()
    os.symlink("../src", root / "build" / "pages")
    code, err = _pages(root, root / "build" / "pages", capsys)
    assert (root / "src" / "app.py").read_text(encoding="utf-8") == "print('keep me')\n"
    assert code == 2
    assert err == (f"shoptalk: error: {root / 'build' / 'pages'}: --out goes through a "
                   "symbolic link in the repository; name a folder of its own, e.g. "
                   "build/pages\n")


def test_a_forged_marker_in_a_folder_holding_the_pages_deletes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _project(tmp_path)
    content = root / "content"
    content.mkdir()
    (root / "docs").rename(content / "docs")
    (root / "shoptalk.yml").write_text("glossary: glossary\ndocs: content/docs\n",
                                       encoding="utf-8")
    (content / MARKER).write_text("forged\n", encoding="utf-8")
    code, err = _pages(root, content, capsys)
    assert (content / "docs" / "index.md").is_file()
    assert code == 2
    assert err == (f"shoptalk: error: {content}: --out holds the docs folder; "
                   "name a folder outside it, e.g. build/pages\n")
