"""Fixtures for the security tests: the site tests' browser and helpers, reused."""

from __future__ import annotations

from tests.site.conftest import browser  # noqa: F401  (a fixture, found by name)
