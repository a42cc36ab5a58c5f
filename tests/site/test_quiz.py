"""The self-check's questions: generated from the glossary in several kinds, wrong answers
of the same kind, no duplicate choices, the same pool for the same glossary, and the pool
embedded in the page so no text of the glossary can break out of it."""

from __future__ import annotations

import json
import textwrap
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

from shoptalk.config import Config
from shoptalk.language import fold
from shoptalk.load import load_glossary
from shoptalk.render import SiteData
from shoptalk.render.quiz import KINDS, Question, glossary_seed, question_pool, quiz_markup
from shoptalk.render.safe import clean_page_html

from .helpers import REPO

ROLE = "name: {name}\nteam: primary\ndescription: {name} of the deal.\n"
TERM = "name: {name}\ndefinition: {definition}\ncategory: {category}\nowner: ae\n"
GLOSSARY = {
    "categories.yml": """
        - id: money
          name: Money
        - id: people
          name: People
        """,
    "roles/ae.yml": ROLE.format(name="Account executive") + "abbreviation: AE\n",
    "roles/csm.yml": ROLE.format(name="Customer success manager") + "abbreviation: CSM\n",
    "roles/finance.yml": ROLE.format(name="Finance"),
    "roles/legal.yml": ROLE.format(name="Legal"),
    "roles/se.yml": ROLE.format(name="Solutions engineer") + "abbreviation: SE\n",
    "terms/annual-recurring-revenue.yml": TERM.format(
        name="Annual recurring revenue", category="money",
        definition="Subscription revenue for one year.") + textwrap.dedent("""
        abbreviation: ARR
        core: true
        examples: ["The deal adds 10,000 USD of ARR in April."]
        """),
    "terms/monthly-recurring-revenue.yml": TERM.format(
        name="Monthly recurring revenue", category="money",
        definition="Subscription revenue for one month."),
    "terms/annual-contract-value.yml": TERM.format(
        name="Annual contract value", category="money",
        definition="The contract's value averaged per year."),
    "terms/total-contract-value.yml": TERM.format(
        name="Total contract value", category="money",
        definition="The contract's value over its whole term."),
    "terms/champion.yml": TERM.format(
        name="Champion", category="people",
        definition="A buyer who sells for us when we are not in the room.")
        + "avoid: [{text: fan, why: a fan likes us but does nothing}]\n",
    "terms/economic-buyer.yml": TERM.format(
        name="Economic buyer", category="people",
        definition="The person who can approve the spend."),
    "terms/coach.yml": TERM.format(
        name="Coach", category="people", definition="A buyer who tells us how they decide."),
    "stages/qualify.yml": """
        name: Qualify
        order: 1
        purpose: Decide whether the deal is worth the time.
        owner: ae
        exit_criteria: [The budget owner is named.]
        required_information:
          - item: Budget owner
            why: Finance checks the paper with them.
            needed_by: [ae, finance]
        handoffs:
          - {to: se, what: The buyer's current tools, when: At exit}
        """,
    "stages/propose.yml": """
        name: Propose
        order: 2
        purpose: Put a price in front of the buyer.
        owner: ae
        exit_criteria: [The proposal is sent.]
        """,
    "stages/closed-won.yml": """
        name: Closed won
        order: 3
        purpose: Signed.
        owner: ae
        exit_criteria: [The order form is signed.]
        outcome: won
        """,
    "stages/closed-lost.yml": """
        name: Closed lost
        order: 4
        purpose: Not signed.
        owner: ae
        exit_criteria: [The reason is written down.]
        outcome: lost
        """,
}
MONEY = {"Annual recurring revenue", "Monthly recurring revenue", "Annual contract value",
         "Total contract value"}
PEOPLE = {"Champion", "Economic buyer", "Coach"}


def site_of(root: Path, files: dict[str, str]) -> SiteData:
    """The glossary written from ``files`` (inline YAML), loaded without errors."""
    for name, text in files.items():
        path = root / "glossary" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    glossary, problems = load_glossary(root / "glossary", root)
    assert [p for p in problems if p.severity == "error"] == []
    return SiteData(glossary, Config(root=root, glossary=root / "glossary", docs=root / "docs"))


def by_key(pool: list[Question]) -> dict[str, Question]:
    return {q.key: q for q in pool}


def test_every_kind_of_question_is_asked(tmp_path: Path) -> None:
    pool = question_pool(site_of(tmp_path, GLOSSARY))
    assert {q.kind for q in pool} == set(KINDS)


def test_a_term_question_offers_definitions_of_its_own_category(tmp_path: Path) -> None:
    q = by_key(question_pool(site_of(tmp_path, GLOSSARY)))["meaning/monthly-recurring-revenue"]
    assert q.prompt == "What does “Monthly recurring revenue” mean?"
    assert q.choices[q.answer] == "Subscription revenue for one month."
    assert set(q.choices) == {"Subscription revenue for one month.",
                              "Subscription revenue for one year.",
                              "The contract's value averaged per year.",
                              "The contract's value over its whole term."}
    assert q.page == "glossary/monthly-recurring-revenue.md"


def test_a_definition_question_offers_names_of_its_own_category(tmp_path: Path) -> None:
    q = by_key(question_pool(site_of(tmp_path, GLOSSARY)))["name/coach"]
    assert q.prompt == "Which term means: “A buyer who tells us how they decide.”"
    assert q.choices[q.answer] == "Coach" and set(q.choices) == PEOPLE


def test_a_core_term_is_asked_by_its_example_not_by_its_definition(tmp_path: Path) -> None:
    """The start page prints every core definition right above the quiz."""
    pool = by_key(question_pool(site_of(tmp_path, GLOSSARY)))
    assert "meaning/annual-recurring-revenue" not in pool
    assert "name/annual-recurring-revenue" not in pool
    q = pool["usage/annual-recurring-revenue/0"]
    assert q.prompt == "Which term fills the blank: “The deal adds 10,000 USD of _____ in April.”"
    assert q.choices[q.answer] == "Annual recurring revenue" and set(q.choices) == MONEY


def test_avoided_wording_asks_for_the_preferred_term(tmp_path: Path) -> None:
    q = by_key(question_pool(site_of(tmp_path, GLOSSARY)))["avoid/champion/0"]
    assert q.prompt == "We do not say “fan”. Which term do we use instead?"
    assert q.choices[q.answer] == "Champion" and set(q.choices) == PEOPLE
    assert q.explain == ("a fan likes us but does nothing. Champion: A buyer who sells for us "
                         "when we are not in the room.")


def test_an_exit_criterion_asks_for_its_stage(tmp_path: Path) -> None:
    pool = by_key(question_pool(site_of(tmp_path, GLOSSARY)))
    q = pool["stage/qualify/exit/0"]
    assert q.prompt == ("Which stage can a deal not leave until this is true: "
                        "“The budget owner is named.”")
    assert q.choices[q.answer] == "Qualify"
    assert set(q.choices) == {"Qualify", "Propose", "Closed won", "Closed lost"}
    assert q.page == "pipeline/qualify.md"
    assert pool["stage/qualify/capture/0"].prompt == (
        "At which stage must this be captured before the deal moves on: “Budget owner”")


def test_required_information_asks_who_needs_it_downstream(tmp_path: Path) -> None:
    pool = by_key(question_pool(site_of(tmp_path, GLOSSARY)))
    q = pool["needed-by/qualify/0"]
    assert q.prompt == "At Qualify you capture “Budget owner”. Who needs it from you?"
    assert q.choices[q.answer] == "Finance"
    # Wrong answers: roles that do not need it; never the stage's owner, who captures it.
    assert set(q.choices) - {"Finance"} <= {"Customer success manager (CSM)", "Legal",
                                            "Solutions engineer (SE)"}
    assert q.explain == "Finance need it: Finance checks the paper with them."
    handoff = pool["handoff/qualify/0"]
    assert handoff.prompt == ("At Qualify, who receives “The buyer's current tools” from the "
                              "Account executive (AE)?")
    assert handoff.choices[handoff.answer] == "Solutions engineer (SE)"


def test_choices_are_distinct_and_at_least_three(tmp_path: Path) -> None:
    for pool in (question_pool(site_of(tmp_path, GLOSSARY)), STARTER_POOL):
        for q in pool:
            assert len({fold(c) for c in q.choices}) == len(q.choices) >= 3, q.key
            assert 0 <= q.answer < len(q.choices)


def test_term_questions_draw_wrong_answers_from_the_same_category() -> None:
    site = STARTER_SITE
    names = {t.name: t.category for t in site.glossary.terms.values()}
    definitions = {t.definition.strip(): t.category for t in site.glossary.terms.values()}
    for q in STARTER_POOL:
        if q.kind in ("name", "usage", "avoid"):
            assert len({names[c] for c in q.choices}) == 1, q.key
        elif q.kind == "meaning":
            assert len({definitions.get(c, "?") for c in q.choices} - {"?"}) == 1, q.key


def test_the_pool_is_the_same_for_the_same_glossary(tmp_path: Path) -> None:
    one = question_pool(site_of(tmp_path / "one", GLOSSARY))
    two = question_pool(site_of(tmp_path / "two", GLOSSARY))
    assert one == two
    edited = {**GLOSSARY, "terms/coach.yml": GLOSSARY["terms/coach.yml"] + "core: true\n"}
    three = site_of(tmp_path / "three", edited)
    assert glossary_seed(three.glossary) != glossary_seed(site_of(tmp_path / "four",
                                                                  GLOSSARY).glossary)


def test_the_starter_pool_mixes_kinds_and_answer_positions() -> None:
    assert len(STARTER_POOL) == 40
    kinds = Counter(q.kind for q in STARTER_POOL)
    assert set(kinds) == set(KINDS) and max(kinds.values()) <= 7
    positions = Counter(q.answer for q in STARTER_POOL)
    assert len(positions) == 4 and max(positions.values()) <= 16, positions


class _Quiz(HTMLParser):
    """The quiz block's attributes and the text of its static set."""

    def __init__(self) -> None:
        super().__init__()
        self.attrs: dict[str, str | None] = {}
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if ("class", "st-quiz") in attrs:
            self.attrs = dict(attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


HOSTILE = "</script><script>alert(1)</script> & \"quoted\" {{ secret }}"


def test_a_hostile_definition_stays_text_in_the_pool_and_the_static_set(tmp_path: Path) -> None:
    files = {**GLOSSARY, "terms/coach.yml": TERM.format(
        name="Coach", category="people", definition=json.dumps(HOSTILE))}
    markup = str(quiz_markup(site_of(tmp_path, files), "start-here.md", count=40))
    assert "<script" not in markup.lower() and "</script" not in markup.lower()
    assert "{{" not in markup and "}}" not in markup  # no template engine sees a call
    for html in (markup, clean_page_html(markup)):  # the page cleaner keeps the data whole
        parsed = _Quiz()
        parsed.feed(html)
        pool = json.loads(parsed.attrs["data-pool"] or "")
        shown = "‹/script›‹script›alert(1)‹/script› & \"quoted\" {{ secret }}"
        coach = next(q for q in pool if q["key"] == "name/coach")
        assert coach["prompt"] == f"Which term means: “{shown}”"
        assert coach["page"] == "../glossary/coach/"  # a directory URL from start-here/
        assert set(parsed.tags) == {"div", "ol", "li", "p", "details", "summary", "strong", "a"}
        assert f"Which term means: “{shown}”" in "".join(parsed.text)


def test_without_script_the_page_shows_count_questions_with_answers_to_reveal(
        tmp_path: Path) -> None:
    site = site_of(tmp_path, GLOSSARY)
    markup = str(quiz_markup(site, "start-here.md", count=3))
    parsed = _Quiz()
    parsed.feed(markup)
    assert parsed.attrs["data-count"] == "3"
    assert markup.count('<li class="st-quiz__q"') == 3
    assert markup.count("<summary>Show the answer</summary>") == 3
    first = question_pool(site)[0]
    assert f"Answer: <strong>{first.choices[first.answer]}</strong>." in markup


STARTER_SITE = SiteData(load_glossary(REPO / "glossary", REPO)[0],
                        Config(root=REPO, glossary=REPO / "glossary", docs=REPO / "docs"))
STARTER_POOL = question_pool(STARTER_SITE)
