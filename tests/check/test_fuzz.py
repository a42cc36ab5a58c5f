"""Random Markdown never crashes the checker, and every span it reports is real."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shoptalk.check import scan_text
from shoptalk.check.fix import apply_edits
from shoptalk.check.scan import scan_page

from .conftest import CONFIG, INDEX

PIECES = [
    "ICP", "ICPs", "SDR's", "SDR’s", "KTLO", "B2B", "P&L", "PQL", "budget", "holder",
    "budget holder", "Budget Holders'", "hot lead", "Ideal Customer Profile", "customer",
    "**", "*", "_", "`", "```", "~~~", "    ", "\t", "\n", "\r\n", "\r", "\n\n", "# ", "> ",
    "- ", "1. ", "|", "---", "[", "]", "(", ")", "![", "<", ">", "<!--", "-->",
    "shoptalk-ignore", "{{", "}}", '{{ term("ICP") }}', "{% if x %}", "term(", '"', "'",
    "https://x.com/KTLO", "!!! note", "\\", "&amp;", "&", "é", "ﬁ", "İ", "\x00", " ", "NOT",
    "ALL CAPS SHOUT", "(ARR)", "Annual Recurring Revenue", ":",
]

markdown = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=40).map(
    "".join)


def _lines(text: str) -> list[str]:
    # Lines as an editor counts them: \r\n, \r and \n all end one.
    return re.split(r"\r\n|\r|\n", text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdown)
def test_random_markdown_never_crashes_and_spans_hold_their_text(text: str) -> None:
    scan = scan_text(text, "page.md", INDEX, CONFIG, strict=True)
    lines = _lines(text)
    for p in scan.problems:
        assert 1 <= p.line <= len(lines)
        line = lines[p.line - 1]
        assert 1 <= p.col <= len(line) + 1
        if p.end_col is not None:
            assert p.col < p.end_col <= len(line) + 1
    for m in scan.mentions:
        line = lines[m.line - 1]
        assert 1 <= m.col < m.end_col <= len(line) + 1
        first_line_text = m.text.split("\n")[0]
        assert line[m.col - 1:m.end_col - 1] == first_line_text
        if "\n" not in m.text:
            assert m.end_col - m.col == len(m.text)


@settings(max_examples=200, deadline=None)
@given(markdown)
def test_problem_spans_hold_the_reported_word(text: str) -> None:
    scan = scan_text(text, "page.md", INDEX, CONFIG)
    lines = _lines(text)
    for p in scan.problems:
        if p.rule == "undefined-acronym" and p.end_col is not None:
            word = lines[p.line - 1][p.col - 1:p.end_col - 1]
            assert word.startswith(p.message.split("'")[1])


@settings(max_examples=200, deadline=None)
@given(markdown)
def test_fix_only_touches_reported_spans(text: str) -> None:
    _, edits = scan_page(text, "page.md", INDEX, CONFIG)
    fixed = apply_edits(text, edits)
    # Whatever lies outside the edits is unchanged, byte for byte.
    if not edits:
        assert fixed == text
    else:
        first = min(e.start for e in edits)
        assert fixed.startswith(text[:first]) or "\r" in text[:first + 1]
