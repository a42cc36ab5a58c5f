"""Shared fixtures: small glossaries written into tmp_path from inline YAML."""

from __future__ import annotations

import os
import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

# CI explores the same examples on every run, so a red build is reproducible; a developer's
# runs stay random and keep finding new cases (saved in .hypothesis/ and replayed). Neither
# has a deadline: speed is measured in benchmarks, and a busy machine must not fail a test.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

FIXTURES = Path(__file__).parent / "fixtures"
VALID = FIXTURES / "valid"


@pytest.fixture
def valid_copy(tmp_path: Path) -> Path:
    """A writable copy of the small valid glossary."""
    root = tmp_path / "glossary"
    shutil.copytree(VALID, root)
    return root


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write dedented text to a file below tmp_path; returns its path."""

    def _write(rel: str, text: str) -> Path:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return _write
