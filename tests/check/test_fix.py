"""``--fix``: safe replacements only, every other byte kept."""

from __future__ import annotations

import pytest

from shoptalk.check.fix import apply_edits
from shoptalk.check.scan import scan_page

from .conftest import CONFIG, INDEX


def fix(text: str) -> str:
    _, edits = scan_page(text, "page.md", INDEX, CONFIG)
    return apply_edits(text, edits)


@pytest.mark.parametrize(("before", "after"), [
    ("Ask the budget holder.", "Ask the Economic Buyer."),
    ("Budget holders sign.", "Economic Buyers sign."),
    ("The budget holder's call.", "The Economic Buyer's call."),
    ("The budget holder’s call.", "The Economic Buyer’s call."),
    ("The budget holders' calls.", "The Economic Buyers' calls."),
    # Lowercase preferred wording: capital kept at sentence start.
    ("Close plans first. A close plan.", "Mutual action plans first. A mutual action plan."),
    ("A hot lead.", "A Product-Qualified Lead."),
    # Across formatting: reported, but not rewritten.
    ("Ask the budget **holder**.", "Ask the budget **holder**."),
    # Code, links and undefined acronyms are untouched.
    ("`budget holder` and [x](budget-holder) and KTLO.",
     "`budget holder` and [x](budget-holder) and KTLO."),
])
def test_fix(before: str, after: str) -> None:
    assert fix(before) == after


def test_fix_keeps_every_other_byte() -> None:
    before = "# Title\r\n\r\nKeep  this\ttext; fix the budget holder.\r\nAnd this\r\nline.   \r\n"
    after = "# Title\r\n\r\nKeep  this\ttext; fix the Economic Buyer.\r\nAnd this\r\nline.   \r\n"
    assert fix(before) == after


def test_fix_across_a_line_break() -> None:
    assert fix("ask the budget\r\nholder now\r\n") == "ask the Economic Buyer now\r\n"


def test_fix_respects_suppression() -> None:
    text = "<!-- shoptalk-ignore -->\nthe budget holder\n"
    assert fix(text) == text
