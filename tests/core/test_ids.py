"""Record ids are whole-string kebab-case: nothing may trail them, not even a line break."""

from __future__ import annotations

import pytest

from shoptalk.schema import ID_PATTERN


@pytest.mark.parametrize("text", ["economic-buyer", "icp", "b2b-saas", "q4"])
def test_kebab_case_ids_are_accepted(text: str) -> None:
    assert ID_PATTERN.match(text)


@pytest.mark.parametrize("text", ["icp\n", "icp\r\n", "-icp", "icp-", "a--b", "Icp", "a b",
                                  "../icp", ""])
def test_anything_else_is_refused(text: str) -> None:
    assert ID_PATTERN.match(text) is None
