"""Each rule on inline Markdown: exact (rule, line, col, end_col) out."""

from __future__ import annotations

from dataclasses import replace

import pytest

from shoptalk.check import FileScan

from .conftest import CONFIG, INDEX, Scan


def found(result: FileScan) -> list[tuple[str, int, int, int | None]]:
    return [(p.rule, p.line, p.col, p.end_col) for p in result.problems]


@pytest.mark.parametrize(("markdown", "expected"), [
    # Plural and both apostrophes of a possessive.
    ("We need KTLOs.", [("undefined-acronym", 1, 9, 14)]),
    ("The KTLO's plan.", [("undefined-acronym", 1, 5, 11)]),
    ("The KTLO’s plan.", [("undefined-acronym", 1, 5, 11)]),
    ("B2B and P&L here.", [("undefined-acronym", 1, 1, 4), ("undefined-acronym", 1, 9, 12)]),
    # Defined abbreviations, their plurals and possessives, roles, allowlist: nothing.
    ("ICPs, the ICP's, the ICP’s, SQLs, SDR's, an AE, a CSM, the CEO, in Q3.", []),
    # Shouting is not an acronym: stop words, and runs of three or more capitals.
    ("Do NOT send it OR wait. ALL deals.", []),
    ("PLEASE CALL BACK TODAY.", []),
    # Acronyms in code, URLs, link targets, autolinks, HTML and front matter are not prose.
    ("Use `KTLO` and\n\n```\nKTLO\n```\n\n    KTLO indented\n", []),
    ("See https://x.com/KTLO, <https://y.com/KTLO> and [docs](https://z.com/KTLO).", []),
    ('<span title="KTLO">ok</span> and <div class="KTLO">x</div>', []),
    ("---\ntitle: KTLO\n---\nFine.\n", []),
    ("Write to ops@KTLO.example.", []),
    # Link text is prose.
    ("[KTLO docs](https://z.com)", [("undefined-acronym", 1, 2, 6)]),
    # Case: REST and WHO are abbreviations; 'rest' and 'who' are English.
    ("Take a rest, who knows.", []),
    ("The REST API, the WHO.", []),
    # Markup inside a word: rendered "ICPICP" and "ABCD", judged as the pieces written.
    ("ICP**ICP** today", []),
    ("Ask AB**CD** first", [("undefined-acronym", 1, 5, 7), ("undefined-acronym", 1, 9, 11)]),
])
def test_acronyms(scan: Scan, markdown: str, expected: list[tuple[str, int, int, int]]) -> None:
    assert found(scan(markdown)) == expected


def test_inline_definition_is_accepted_and_reported_under_strict(scan: Scan) -> None:
    text = "Our Annual Recurring Revenue (ARR) grew.\n\nARR is up.\n"
    assert found(scan(text)) == []
    assert found(scan(text, strict=True)) == [("inline-defined-acronym", 1, 31, 34)]


@pytest.mark.parametrize(("markdown", "expected"), [
    ("Ask the budget holder.", [("avoided-wording", 1, 9, 22)]),
    ("Ask the budget holders'.", [("avoided-wording", 1, 9, 23)]),
    ("Ask the Budget Holder's team.", [("avoided-wording", 1, 9, 24)]),
    # Across a line break, and across inline formatting.
    ("Ask the budget\nholder.", [("avoided-wording", 1, 9, None)]),
    ("Ask the budget **holder**.", [("avoided-wording", 1, 9, 24)]),
    # Not across code or punctuation.
    ("Ask the budget `holder`.", []),
    ("Ask the budget, holder.", []),
    # Deprecated term.
    ("A hot lead came in.", [("deprecated-term", 1, 3, 11)]),
])
def test_avoided_wording(scan: Scan, markdown: str,
                         expected: list[tuple[str, int, int, int | None]]) -> None:
    assert found(scan(markdown)) == expected


def test_avoided_message_names_the_term_and_its_file(scan: Scan) -> None:
    (problem,) = scan("Ask the budget holder.").problems
    assert problem.severity == "warning"
    assert problem.message == ("say 'Economic Buyer', not 'budget holder' "
                               "(see valid/terms/economic-buyer.yml)")
    assert problem.replacement == "Economic Buyer"


def test_undefined_acronym_message(scan: Scan) -> None:
    (problem,) = scan("KTLO").problems
    assert problem.format() == (
        "page.md:1:1: error: 'KTLO' is not a defined term or allowed acronym; define it in "
        "valid/terms/ or add it to allow_acronyms in shoptalk.yml [undefined-acronym]")


def test_nested_terms_are_reported_once_longest_first(scan: Scan) -> None:
    result = scan("Our Ideal Customer Profile and one customer.")
    assert [(m.term_id, m.col, m.end_col) for m in result.mentions] == [
        ("ideal-customer-profile", 5, 27), ("customer", 36, 44)]


@pytest.mark.parametrize(("markdown", "expected"), [
    ('{{ term("ICP") }} {{ term(\'economic-buyer\') }} {{ term("ideal CLIENT profile") }}', []),
    ('{{ term("Ideal Custmer Profile") }}', [("unknown-reference", 1, 10, 31)]),
    ('{{ term(id="nope") }}', [("unknown-reference", 1, 13, 17)]),
    # The filter form is not a reference: pages may not use filters.
    ('{{ "ICPP" | term }}', [("template-code", 1, 1, 20)]),
    ('{{ stage("qualify") }} {{ role("ae") }} {{ role("AE") }}', []),
    ('{{ stage("qualfy") }} {{ role("cms") }}',
     [("unknown-reference", 1, 11, 17), ("unknown-reference", 1, 32, 35)]),
    # Not a reference: a macro inside code.
    ('`{{ term("nope") }}`', []),
    # An ambiguous name stops the build, so it is an error like an unknown one.
    ('{{ term("PQL") }}', [("unknown-reference", 1, 10, 13)]),
    ('{{ term("pql") }}', [("unknown-reference", 1, 10, 13)]),
    ('{{ framework("MEDDPICC") }} {{ framework("meddpic") }}',
     [("unknown-reference", 1, 43, 50)]),
    ('{{ stage_checklist("Qualify") }} {{ glossary_table(stage="qualfy") }}',
     [("unknown-reference", 1, 59, 65)]),
    ('{{ term(name="icp") }} {{ stage("QUALIFY") }}', []),
])
def test_references(scan: Scan, markdown: str,
                    expected: list[tuple[str, int, int, int | None]]) -> None:
    assert found(scan(markdown)) == expected


def test_unknown_reference_suggests(scan: Scan) -> None:
    (problem,) = scan('{{ term("Ideal Custmer Profile") }}').problems
    assert problem.message == ('term("Ideal Custmer Profile") matches no term; did you mean '
                               "'Ideal Customer Profile'?")


@pytest.mark.parametrize(("markdown", "expected"), [
    ("A PQL arrived.", [("ambiguous-abbreviation", 1, 3, 6)]),
    ("---\nshoptalk-context: {PQL: product-qualified-lead}\n---\nA PQL arrived.", []),
    ("---\nshoptalk:\n  context: [partner-qualified-lead]\n---\nA PQL arrived.", []),
    ('{{ term("product-qualified-lead") }}: a PQL arrived.', []),
])
def test_homonyms(scan: Scan, markdown: str,
                  expected: list[tuple[str, int, int, int | None]]) -> None:
    assert found(scan(markdown)) == expected


def test_homonym_with_context_is_a_mention_of_the_chosen_term(scan: Scan) -> None:
    result = scan("---\nshoptalk-context: {PQL: product-qualified-lead}\n---\nA PQL arrived.")
    assert [(m.term_id, m.line, m.col, m.text) for m in result.mentions] == [
        ("product-qualified-lead", 4, 3, "PQL")]


@pytest.mark.parametrize("markdown", [
    "<!-- shoptalk-ignore KTLO -->\nKTLO here.",
    "<!-- shoptalk-ignore -->\n- KTLO\n- and KTLO\n",
    "KTLO here. <!-- shoptalk-ignore -->",
    "---\nshoptalk-ignore: [KTLO]\n---\nKTLO here.",
    "---\nshoptalk-ignore: [undefined-acronym]\n---\nKTLO here.",
])
def test_suppression(scan: Scan, markdown: str) -> None:
    assert found(scan(markdown)) == []


def test_ignore_comment_covers_only_the_next_block(scan: Scan) -> None:
    text = "<!-- shoptalk-ignore KTLO -->\nKTLO here.\n\nKTLO there. BCD too.\n"
    assert found(scan(text)) == [("undefined-acronym", 4, 1, 5), ("undefined-acronym", 4, 13, 16)]


def test_allowlist_from_config(scan: Scan) -> None:
    config = replace(CONFIG, allow_acronyms=(*CONFIG.allow_acronyms, "KTLO"))
    assert found(scan("KTLO", config=config)) == []


def test_rule_levels_from_config(scan: Scan) -> None:
    config = replace(CONFIG, rules={"undefined-acronym": "off", "avoided-wording": "error"})
    result = scan("KTLO and the budget holder.", config=config)
    assert [(p.rule, p.severity) for p in result.problems] == [("avoided-wording", "error")]


def test_admonition_body_is_prose(scan: Scan) -> None:
    assert found(scan('!!! note "Tip"\n    Ask the KTLO team.\n')) == [
        ("undefined-acronym", 2, 13, 17)]


def test_table_cells_map_to_their_columns(scan: Scan) -> None:
    table = "| A | B |\n|---|---|\n| KTLO | KTLO |\n"
    assert found(scan(table, all_occurrences=True)) == [
        ("undefined-acronym", 3, 3, 7), ("undefined-acronym", 3, 10, 14)]


def test_bad_front_matter_is_a_problem(scan: Scan) -> None:
    assert found(scan("---\nshoptalk-ignore: [a\n---\nText.")) == [("front-matter", 1, 1, 4)]


def test_lookup() -> None:
    assert INDEX.lookup("ICP") is not None
    # An abbreviation only one term has matches in any case, as on the site.
    assert INDEX.lookup("icp") == INDEX.lookup("ICP")
    assert INDEX.lookup("IDEAL customer profile") == INDEX.lookup("ideal-customer-profile")
    assert INDEX.lookup("ideal client profile") is not None
    assert INDEX.lookup("PQL") is None  # shared: ambiguous
    assert len(INDEX.language.terms.resolve("PQL").found) == 2


def test_ambiguous_reference_lists_the_ids(scan: Scan) -> None:
    (problem,) = scan('{{ term("PQL") }}').problems
    assert (problem.severity, problem.message) == ("error", (
        "term(\"PQL\") is ambiguous: it may mean 'Partner-Qualified Lead' "
        "(partner-qualified-lead) or 'Product-Qualified Lead' (product-qualified-lead); "
        "use the term id"))


def test_every_rule_id_is_described() -> None:
    from shoptalk.check import RULE_IDS
    from shoptalk.check.scan import DEFAULT_LEVELS

    assert set(RULE_IDS) == set(DEFAULT_LEVELS)

