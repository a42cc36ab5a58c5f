"""First-mention links come from the checker's mentions: the same spans, the same senses."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shoptalk.check import TermIndex, mentions, scan_text, senses_of
from shoptalk.config import Config
from shoptalk.load import load_glossary
from shoptalk.render.context import SiteData
from shoptalk.render.mentions import link_first_mentions

ROOT = Path("/nonexistent/project")


def _record(text: str) -> bytes:
    return textwrap.dedent(text).lstrip("\n").encode()


FILES = {
    "terms/ideal-customer-profile.yml": _record("""
        name: Ideal customer profile
        abbreviation: ICP
        definition: Who buys fastest.
        """),
    "terms/account-based-marketing.yml": _record("""
        name: Account-based marketing
        abbreviation: ABM
        definition: Marketing to named accounts.
        """),
    "terms/discovery.yml": _record("""
        name: Discovery
        definition: Learning the buyer's problem.
        """),
    "terms/site.yml": _record("""
        name: Site
        definition: One location.
        """),
    "terms/product-qualified-lead.yml": _record("""
        name: Product-qualified lead
        abbreviation: PQL
        context: product
        definition: A trial user who fits.
        """),
    "terms/partner-qualified-lead.yml": _record("""
        name: Partner-qualified lead
        abbreviation: PQL
        context: partner
        definition: A lead a partner vouches for.
        """),
    "terms/sales-engineer.yml": _record("""
        name: Sales engineer
        abbreviation: SE
        definition: The technical seller.
        """),
    "terms/old-pitch.yml": _record("""
        name: Old pitch
        status: deprecated
        replaced_by: discovery
        definition: Gone.
        """),
    "roles/se.yml": _record("""
        name: Sales engineer
        abbreviation: SE
        team: primary
        term: sales-engineer
        """),
    "roles/site-manager.yml": _record("""
        name: Site manager
        team: extended
        description: Runs one site.
        """),
    "frameworks/discovery-questions.yml": _record("""
        name: Discovery questions
        purpose: Questions to ask.
        """),
}
GLOSSARY, _ = load_glossary(ROOT / "glossary", ROOT, FILES)
CONFIG = Config(root=ROOT, glossary=ROOT / "glossary", docs=ROOT / "docs")
INDEX = TermIndex.from_glossary(GLOSSARY, CONFIG)
SITE = SiteData(GLOSSARY, CONFIG)

ICP = '[{}](../glossary/ideal-customer-profile.md "Who buys fastest.")'
ABM = '[{}](../glossary/account-based-marketing.md "Marketing to named accounts.")'
SE = '[{}](../glossary/sales-engineer.md "The technical seller.")'
PRODUCT_PQL = '[{}](../glossary/product-qualified-lead.md "A trial user who fits.")'


def link(markdown: str) -> str:
    return link_first_mentions(markdown, SITE, "playbooks/x.md", INDEX)


@pytest.mark.parametrize(("markdown", "linked"), [
    # The first mention only, in any case for names, as written for abbreviations.
    ("The ICP, again the ICP.", f"The {ICP.format('ICP')}, again the ICP."),
    ("the ideal customer profiles", f"the {ICP.format('ideal customer profiles')}"),
    ("Not icp.", "Not icp."),
    # Plurals, possessives and aliases the checker credits.
    ("Two ABMs.", f"Two {ABM.format('ABMs')}."),
    ("Account based marketing works.", f"{ABM.format('Account based marketing')} works."),
    ("The ICP's fit.", "The " + ICP.format("ICP's") + " fit."),
    # Never in a heading, code, a link, HTML, front matter or a macro.
    ("# The ICP\n\nAn ICP.", f"# The ICP\n\nAn {ICP.format('ICP')}."),
    ("Setext ICP\n===\n", "Setext ICP\n===\n"),
    ("`ICP` and ICP", f"`ICP` and {ICP.format('ICP')}"),
    ("```\nICP\n```\n\nICP", f"```\nICP\n```\n\n{ICP.format('ICP')}"),
    ("[our ICP](x.md) then ICP", f"[our ICP](x.md) then {ICP.format('ICP')}"),
    ('<a href="x">ICP</a> then ICP', f'<a href="x">ICP</a> then {ICP.format("ICP")}'),
    ('<div title="ICP">\nICP inside\n</div>\n\nICP',
     f'<div title="ICP">\nICP inside\n</div>\n\n{ICP.format("ICP")}'),
    ("---\ntitle: ICP\n---\nThe ICP.", f"---\ntitle: ICP\n---\nThe {ICP.format('ICP')}."),
    ('{{ term("ICP") }} and ICP', f'{{{{ term("ICP") }}}} and {ICP.format("ICP")}'),
    ('!!! note "ICP"\n    The ICP.\n', f'!!! note "ICP"\n    The {ICP.format("ICP")}.\n'),
    ("*[ICP]: Ideal customer profile", "*[ICP]: Ideal customer profile"),
    # Not inside a longer known phrase: another record's name.
    ("Use the discovery questions framework.", "Use the discovery questions framework."),
    ("Ask site managers.", "Ask site managers."),
    # Never across markup: the span must be the prose as written.
    ("an ideal **customer profile**", "an ideal **customer profile**"),
    # A shared abbreviation links only where the page picks a sense.
    ("A PQL.", "A PQL."),
    ("A Product-qualified lead (PQL). Then PQL.",
     f"A {PRODUCT_PQL.format('Product-qualified lead')} (PQL). Then PQL."),
    ("---\nshoptalk-context: {PQL: product-qualified-lead}\n---\nA PQL.",
     "---\nshoptalk-context: {PQL: product-qualified-lead}\n---\nA "
     + PRODUCT_PQL.format("PQL") + "."),
    # A deprecated term is not linked (the checker says what to write instead).
    ("The old pitch.", "The old pitch."),
    # A role and its term are one concept: a link to either is its link.
    ('Ask the [SE](../roles/se.md "x"); the SE scopes.',
     'Ask the [SE](../roles/se.md "x"); the SE scopes.'),
    ("The SE scopes.", f"The {SE.format('SE')} scopes."),
])
def test_first_mentions_link_exactly_these_spans(markdown: str, linked: str) -> None:
    assert link(markdown) == linked


def test_the_sense_of_a_rendered_page_follows_the_page_as_written() -> None:
    written = '{{ term("product-qualified-lead") }}, then the PQL.'
    rendered = '[Product-qualified lead](../glossary/product-qualified-lead.md "A"), then the PQL.'
    assert link_first_mentions(rendered, SITE, "playbooks/x.md", INDEX,
                               senses_of(written, INDEX)) == rendered
    assert link_first_mentions("The PQL.", SITE, "playbooks/x.md", INDEX,
                               senses_of(written, INDEX)) == f"The {PRODUCT_PQL.format('PQL')}."


def test_checker_mentions_and_spans_are_one_list() -> None:
    page = '# ICP\n\nThe {{ term("ABM") }} and ICPs, [SE](x.md) and ideal\ncustomer profile.\n'
    spans = [(s.start, s.end, s.term_id, s.place) for s in mentions(page, INDEX)]
    assert spans == [(2, 5, "ideal-customer-profile", "heading"),
                     (20, 23, "account-based-marketing", "macro"),
                     (33, 37, "ideal-customer-profile", "prose"),
                     (40, 42, "sales-engineer", "link"),
                     (54, 76, "ideal-customer-profile", "prose")]
    scan = scan_text(page, "x.md", INDEX, CONFIG)
    assert [(m.line, m.col, m.text, m.term_id) for m in scan.mentions] == [
        (1, 3, "ICP", "ideal-customer-profile"), (3, 14, "ABM", "account-based-marketing"),
        (3, 27, "ICPs", "ideal-customer-profile"), (3, 34, "SE", "sales-engineer"),
        (3, 48, "ideal\ncustomer profile", "ideal-customer-profile")]


_WORDS = ["ICP", "ICPs", "ideal customer profile", "ABM", "Account based marketing", "PQL",
          "Product-qualified lead (PQL)", "discovery", "discovery questions", "site",
          "site managers", "SE", "the", "and", "sales engineer's", "old pitch", "`ICP`",
          "[ICP](x.md)",
          "**ICP**", '{{ term("ABM") }}', "<b>ICP</b>", "\n\n# ", "\n\n", "\n", "\n- ",
          "\n\n```\n", "\n\n> ", "\n\n| a | b |\n|---|---|\n| ", " | ", "*[ICP]: x\n",
          '\n\n!!! note "ICP"\n    ', "\n\n<div>\n", "(", ")", ".", ", "]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_WORDS), max_size=25))
def test_every_linked_span_is_a_mention_the_checker_reports_for_the_same_term(
        pieces: list[str]) -> None:
    page = " ".join(pieces)
    reported = {(m.line, m.col, m.text, m.term_id)
                for m in scan_text(page, "x.md", INDEX, CONFIG).mentions}
    starts = [0] + [i + 1 for i, c in enumerate(page) if c == "\n"]

    def position(offset: int) -> tuple[int, int]:
        line = max(n for n, s in enumerate(starts) if s <= offset)
        return line + 1, offset - starts[line] + 1

    spans = {(*position(s.start), page[s.start:s.end], s.term_id) for s in mentions(page, INDEX)}
    assert spans == reported
    linked = link(page)
    # Every link the site added wraps a linkable mention, as written.
    added = linked.count("](../glossary/")
    assert added == len({s.term_id for s in mentions(page, INDEX) if s.linkable
                         and not GLOSSARY.terms[s.term_id].deprecated})


def test_the_checker_counts_no_term_inside_another_record_s_name() -> None:
    page = "Use the discovery questions framework; ask site managers. Discovery matters.\n"
    assert [(m.col, m.text, m.term_id) for m in scan_text(page, "x.md", INDEX, CONFIG).mentions
            ] == [(59, "Discovery", "discovery")]
