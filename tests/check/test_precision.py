"""Precision and quiet: built-in knowledge, one finding per acronym, inline definitions,
near misses, homonyms spelled out, HTML blocks. Inline Markdown in, exact positions out."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from shoptalk.check.acronyms import near_misses, spells
from shoptalk.check.knowledge import explains
from shoptalk.config import load_config
from shoptalk.output import format_json
from shoptalk.problems import ShoptalkError

from .conftest import CONFIG, Scan
from .test_rules import found

UNDEFINED = "undefined-acronym"


@pytest.mark.parametrize(("word", "kind"), [
    ("EMEA", "regions"), ("APAC", "regions"), ("LATAM", "regions"), ("DACH", "regions"),
    ("WW", "regions"), ("ROW", "regions"),
    ("PST", "time_zones"), ("UTC", "time_zones"), ("ET", "time_zones"), ("IST", "time_zones"),
    ("FY26", "fiscal_periods"), ("FY2026", "fiscal_periods"), ("Q1FY23", "fiscal_periods"),
    ("FY24Q3", "fiscal_periods"), ("H2", "fiscal_periods"), ("YTD", "fiscal_periods"),
    ("YYYY", "placeholders"), ("DD", "placeholders"), ("XXX", "placeholders"),
    ("YYYYMMDD", "placeholders"),
    ("TT100", "numbered_codes"), ("GL4300", "numbered_codes"),
    ("AWS", "company_names"), ("OKTA", "company_names"), ("NVIDIA", "company_names"),
    ("OPPORTUNITY", "english_words"), ("STAGING", "english_words"),
    ("REQUIRED", "english_words"), ("LEADS", "english_words"), ("CONTACTS", "english_words"),
    # Real acronyms: no class explains them.
    ("KTLO", None), ("ARR", None), ("SOW", None), ("ZZZ", None), ("H3", None), ("Q5", None),
    ("B2B", None), ("SOC2", None),
])
def test_knowledge_classes(word: str, kind: str | None) -> None:
    assert explains(word) == kind


@pytest.mark.parametrize("markdown", [
    "Owned by EMEA and APAC, LATAM in WW rollups; calls at 9am PT / 12pm ET (UTC-5).",
    "Targets for FY26 and Q1FY23, H2 pipeline, YTD bookings.",
    "Dates as YYYY-MM-DD, times as HH:MM, order XXX.",
    "Take TT100 before GL4300.",
    "Runs on AWS and GCP, signs in with OKTA, tickets in JIRA.",
    "Set the OPPORTUNITY to STAGING; the CONTACT field is REQUIRED.",
    "NORTH AMERICA and Q&A.",
])
def test_built_in_knowledge_is_quiet(scan: Scan, markdown: str) -> None:
    assert found(scan(markdown)) == []


def test_each_class_can_be_switched_off(scan: Scan) -> None:
    config = replace(CONFIG, knowledge=CONFIG.knowledge - {"regions", "english_words"})
    assert found(scan("EMEA owns the OPPORTUNITY; APJ in PST.", config=config)) == [
        (UNDEFINED, 1, 1, 5), (UNDEFINED, 1, 15, 26), (UNDEFINED, 1, 28, 31)]


def test_the_glossary_wins_over_a_class(scan: Scan) -> None:
    # WHO is an English word and a glossary abbreviation: a mention, not an excuse.
    result = scan("Ask the WHO.")
    assert found(result) == []
    assert [(m.term_id, m.col) for m in result.mentions] == [("world-health-org", 9)]


def test_one_finding_per_acronym_per_page(scan: Scan) -> None:
    text = "KTLO first.\n\nThen KTLO, KTLOs\nand BCD.\n\nKTLO again.\n"
    result = scan(text)
    assert found(result) == [(UNDEFINED, 1, 1, 5), (UNDEFINED, 4, 5, 8)]
    first = result.problems[0]
    assert first.also == (3, 3, 6)  # one line per further use
    assert first.message.endswith("shoptalk.yml (4 uses on this page, also on lines 3, 6; "
                                  "--all-occurrences lists each)")
    (data,) = json.loads(format_json([first]))["problems"]
    assert (data["count"], data["also_lines"]) == (4, [3, 6])
    assert found(scan(text, all_occurrences=True)) == [
        (UNDEFINED, 1, 1, 5), (UNDEFINED, 3, 6, 10), (UNDEFINED, 3, 12, 17),
        (UNDEFINED, 4, 5, 8), (UNDEFINED, 6, 1, 5)]


def test_quiet_counts_only_what_is_not_suppressed(scan: Scan) -> None:
    text = "<!-- shoptalk-ignore KTLO -->\nKTLO here.\n\nKTLO there.\n"
    (problem,) = scan(text).problems
    assert (problem.line, problem.col, problem.also) == (4, 1, ())


def test_ambiguous_abbreviation_is_one_finding_per_page(scan: Scan) -> None:
    result = scan("A PQL arrived.\n\nTwo PQLs left.\n")
    assert found(result) == [("ambiguous-abbreviation", 1, 3, 6)]
    assert result.problems[0].also == (3,)


@pytest.mark.parametrize(("markdown", "expected"), [
    # Initials spell the acronym: small words and hyphenated parts allowed.
    ("Our Annual Recurring Revenue (ARR) grew. ARR is up.", []),
    ("ARR (Annual Recurring Revenue) grew. ARR is up.", []),
    ("Return on Investment (ROI) and Go-to-Market (GTM), ROI, GTM.", []),
    ("Software as a Service (SaaS) and Business-to-Business (B2B) deals: B2B.", []),
    # Letters merely in order are no definition.
    ("Successful Case Closure % (CSE) and CSE.",
     [(UNDEFINED, 1, 28, 31), (UNDEFINED, 1, 37, 40)]),
    ("The build time (CI) and the IBM (OEM).", [(UNDEFINED, 1, 17, 19),
                                               (UNDEFINED, 1, 34, 37)]),
    ("A BCD (big customer deal, the usual) here.", [(UNDEFINED, 1, 3, 6)]),
])
def test_inline_definitions(scan: Scan, markdown: str,
                            expected: list[tuple[str, int, int, int]]) -> None:
    assert found(scan(markdown, all_occurrences=True)) == expected


def test_an_inline_definition_covers_the_page_from_that_point(scan: Scan) -> None:
    text = "Grow ARR first.\n\nAnnual Recurring Revenue (ARR) is defined here.\n\nARR again.\n"
    (problem,) = scan(text).problems
    assert (problem.rule, problem.line, problem.col, problem.end_col) == (UNDEFINED, 1, 6, 9)
    assert problem.message.startswith("'ARR' is used before its definition on line 3; ")


def test_stop_word_acronyms_are_defined_the_same_way(scan: Scan) -> None:
    text = "Send the Order Form (OF) today.\n"
    assert found(scan(text)) == []
    assert found(scan(text, strict=True)) == [("inline-defined-acronym", 1, 22, 24)]


def test_spells() -> None:
    def ok(acronym: str, expansion: str) -> bool:
        return spells([c.upper() for c in acronym if c.isalnum()], expansion.split())
    assert ok("GTM", "Go to Market") and ok("P&L", "Profit and Loss")
    assert ok("OF", "Order Form") and ok("PPT", "PowerPoint Template")
    assert not ok("CSE", "Successful Case Closure") and not ok("OEM", "the IBM")
    assert not ok("AB", "of Apples Bananas")  # a small word cannot lead


@pytest.mark.parametrize(("markdown", "col", "end", "replacement", "meaning"), [
    ("Our IPC is set.", 5, 8, "ICP", "Ideal Customer Profile"),  # a swap
    ("Two SDRRs called.", 5, 10, "SDRs", "Sales Development Rep"),  # a letter too many
    ("A RESX call.", 3, 7, "REST", "REST API"),  # a letter changed (four letters up)
])
def test_near_miss_suggests_the_defined_acronym(scan: Scan, markdown: str, col: int, end: int,
                                                replacement: str, meaning: str) -> None:
    (problem,) = scan(markdown).problems
    assert (problem.rule, problem.line, problem.col, problem.end_col) == (UNDEFINED, 1, col, end)
    assert f"did you mean {replacement.rstrip('s')} ({meaning})? If not, define it" \
        in problem.message
    assert problem.replacement == replacement


def test_near_misses() -> None:
    known = {"ACV", "ARR", "ICP", "P&L"}
    assert near_misses("AVC", known) == ["ACV"]
    assert near_misses("ACVV", known) == ["ACV"]
    assert near_misses("ACB", known) == []  # three letters: a swap only
    assert near_misses("XYZ", known) == []
    assert near_misses("PQL", known) == []  # & and digits are not letters to swap
    assert near_misses("AC", {"ACV"}) == []  # two letters: too short to guess


@pytest.mark.parametrize("markdown", [
    "Every Product-Qualified Lead (PQL) is routed. A PQL arrived.",
    "A PQL (Partner-Qualified Lead) is shared. Two PQLs left.",
    "A PQL arrived.\n\nWe define it: Product-Qualified Lead (PQL).",
])
def test_an_inline_expansion_selects_the_homonym_sense(scan: Scan, markdown: str) -> None:
    result = scan(markdown)
    assert found(result) == []
    assert {m.term_id for m in result.mentions if m.text.startswith("PQL")} == {
        "product-qualified-lead" if "Product" in markdown else "partner-qualified-lead"}


def test_html_block_text_is_checked_tags_and_attributes_are_not(scan: Scan) -> None:
    text = ('<ul>\n  <li title="ZQXW">Ask the KTLO team</li>\n'
            '  <li class="BCD">the budget holder &amp; ZZZ</li>\n</ul>\n\n'
            '<!-- QWZX -->\n<script>var TTT = 1;</script>\n')
    assert found(scan(text)) == [(UNDEFINED, 2, 28, 32), ("avoided-wording", 3, 23, 36),
                                 (UNDEFINED, 3, 43, 46), ("unsafe-html", 7, 1, 8)]


def test_knowledge_switches_in_shoptalk_yml(tmp_path: Path) -> None:
    (tmp_path / "shoptalk.yml").write_text("knowledge: {english_words: false, regions: false}\n")
    assert load_config(tmp_path).knowledge == frozenset(
        {"time_zones", "fiscal_periods", "placeholders", "numbered_codes", "company_names"})
    (tmp_path / "shoptalk.yml").write_text("knowledge: {continents: false}\n")
    with pytest.raises(ShoptalkError, match="knowledge: unknown class 'continents'; classes: "
                                            "regions, time_zones, "):
        load_config(tmp_path)
    (tmp_path / "shoptalk.yml").write_text("knowledge: [regions]\n")
    with pytest.raises(ShoptalkError, match="knowledge maps a class to true or false"):
        load_config(tmp_path)


@pytest.mark.parametrize(("markdown", "expected"), [
    # Other engines' syntax is shown as written: no template-code problem, prose around it read.
    ('{{% notice tip %}}Ask KTLO.{{% /notice %}}', [(UNDEFINED, 1, 23, 27)]),
    ('{{< figure src="a.png" >}} Dear {{Account Name}}, KTLO.', [(UNDEFINED, 1, 51, 55)]),
    ("## Pricing {#pricing-desk}\n\nKTLO.", [(UNDEFINED, 3, 1, 5)]),
    # Real template code is still refused, at its own columns after the foreign syntax.
    ("{{% x %}} {{ config }}", [("template-code", 1, 11, 23)]),
    ("{{Account Name}} and\n{{ x.__class__ }}", [("template-code", 2, 1, 18)]),
    ('{{< x "{{ config }}" >}}', [("template-code", 1, 8, 10)]),
    ("{{% endraw %}}", [("template-code", 1, 2, 4)]),
])
def test_foreign_template_syntax(scan: Scan, markdown: str,
                                  expected: list[tuple[str, int, int, int]]) -> None:
    assert found(scan(markdown)) == expected
