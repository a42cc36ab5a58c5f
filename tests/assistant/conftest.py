"""A small project (the valid fixture glossary plus inline terms) for the assistant tests."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

VALID = Path(__file__).resolve().parents[1] / "fixtures" / "valid"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder: ``shoptalk.yml`` and a copy of the valid glossary, no mkdocs.yml."""
    shutil.copytree(VALID, tmp_path / "glossary")
    (tmp_path / "shoptalk.yml").write_text("glossary: glossary\ndocs: docs\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    return tmp_path


@pytest.fixture
def add(project: Path) -> Callable[[str, str], Path]:
    """Write a dedented file below the project (``glossary/terms/x.yml``, ``docs/a.md``)."""

    def _add(rel: str, text: str) -> Path:
        path = project / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return _add
