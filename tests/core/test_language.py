"""The language core: every consumer gets the same answer about a word.

The checker (``shoptalk check``) and the site's macros (``SiteData.find_*``) resolve
names through one resolver; the validator, the checker and the resolver fold wording
the same way; the validator, ``shoptalk review`` and the site show one review state.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shoptalk.check import TermIndex, scan_text
from shoptalk.config import Config
from shoptalk.freshness import due_for_review
from shoptalk.language import Form, Language, Review, fold, forms_of, new_forms, review_state
from shoptalk.load import load_glossary
from shoptalk.model import Glossary
from shoptalk.render import SiteData, UnknownName
from shoptalk.render.terms import review_badge
from shoptalk.scaffold import term_clash
from shoptalk.validate import run_rules

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"


def _load(root: Path) -> tuple[Glossary, Config]:
    glossary, problems = load_glossary(root, root.parent)
    assert not [p for p in problems if p.severity == "error"], problems
    config = Config(root=root.parent, glossary=root, docs=root.parent / "docs",
                    today=dt.date(2026, 11, 29))
    return glossary, config


STARTER = _load(REPO / "glossary")
FIXTURE = _load(FIXTURES / "valid")


def checker_says(glossary: Glossary, config: Config, markdown: str) -> list[str]:
    """The checker's problems on a page, as ``rule: message``."""
    scan = scan_text(markdown, "page.md", TermIndex.from_glossary(glossary, config), config)
    return [f"{p.rule}: {p.message}" for p in scan.problems]


def site_says(glossary: Glossary, config: Config, kind: str, name: str) -> str:
    """The id the site's macros link to, or the reason they stop the build."""
    site = SiteData(glossary, config)
    find = {"term": site.find_term, "stage": site.find_stage, "role": site.find_role,
            "framework": site.find_framework}[kind]
    try:
        return find(name).id
    except UnknownName as exc:
        return f"refused: {exc}"


# -- the shared answers ------------------------------------------------------

@pytest.mark.parametrize(("kind", "name", "record_id"), [
    ("stage", "CLOSED-LOST", "closed-lost"),  # checker passed it; the build stopped
    ("term", "abm", "account-based-marketing"),  # the build took it; the checker refused
    ("term", "Icp", "ideal-customer-profile"),
    ("term", "Ideal  Customer   PROFILE", "ideal-customer-profile"),
    ("role", "sdr", "sdr"),
    ("framework", "meddpicc", "meddpicc"),
])
def test_checker_and_site_accept_the_same_names(kind: str, name: str, record_id: str) -> None:
    assert site_says(*STARTER, kind, name) == record_id
    assert checker_says(*STARTER, f'See {{{{ {kind}("{name}") }}}}.\n') == []


def test_checker_and_site_refuse_with_the_same_reason() -> None:
    reason = "matches no stage; did you mean 'closed-lost'?"
    assert site_says(*STARTER, "stage", "closed-lots") == f"refused: {reason}"
    assert checker_says(*STARTER, '{{ stage("closed-lots") }}\n') == [
        f'unknown-reference: stage("closed-lots") {reason}']


def test_homonyms_are_refused_by_both_listing_the_ids() -> None:
    reason = ("is ambiguous: it may mean 'Partner-Qualified Lead' (partner-qualified-lead) or "
              "'Product-Qualified Lead' (product-qualified-lead); use the term id")
    for name in ("PQL", "pql"):  # in any case: the lowercase form is no less ambiguous
        assert site_says(*FIXTURE, "term", name) == f"refused: {reason}"
        assert checker_says(*FIXTURE, f'{{{{ term("{name}") }}}}\n') == [
            f'unknown-reference: term("{name}") {reason}']
    assert site_says(*FIXTURE, "term", "partner-qualified-lead") == "partner-qualified-lead"


def test_an_abbreviation_written_exactly_wins_over_one_in_another_case() -> None:
    glossary, _ = FIXTURE
    language = Language(glossary)
    assert language.resolve("term", "ICP").record is glossary.terms["ideal-customer-profile"]
    assert language.resolve("role", "Ae").record is glossary.roles["ae"]
    assert language.resolve("term", "nothing like it").found == ()


def test_the_checker_credits_abms_to_the_abm_term() -> None:
    glossary, config = STARTER
    scan = scan_text("Two ABMs ran this quarter.\n", "page.md",
                     TermIndex.from_glossary(glossary, config), config)
    assert [(m.term_id, m.text) for m in scan.mentions] == [("account-based-marketing", "ABMs")]


# -- one fold ----------------------------------------------------------------

def test_fold() -> None:
    assert fold("Buyer’s  Journey") == fold("buyer's journey") == "buyer's journey"
    assert fold(" ＩＣＰ\n") == "icp"  # NFKC: full-width letters
    assert fold("STRASSE") == fold("straße")


def _glossary_with(tmp_path: Path, names: dict[str, str]) -> Path:
    root = tmp_path / "glossary"
    root.mkdir()
    (root / "categories.yml").write_text("- id: buyers\n  name: Buyers\n  description: People.\n",
                                         encoding="utf-8")
    (root / "terms").mkdir()
    for term_id, name in names.items():
        (root / "terms" / f"{term_id}.yml").write_text(textwrap.dedent(f"""\
            name: "{name}"
            definition: Where the buyer goes.
            category: buyers
            owner: ae
            """), encoding="utf-8")
    return root


def test_curly_and_straight_apostrophes_fold_the_same_everywhere(tmp_path: Path) -> None:
    # The validator: two terms whose names differ only by the apostrophe collide.
    root = _glossary_with(tmp_path, {"buyers-journey": "Buyer’s journey",
                                     "buyers-journey-2": "buyer's Journey"})
    glossary, _ = load_glossary(root, tmp_path)
    config = Config(root=tmp_path, glossary=root, docs=tmp_path / "docs")
    # With no base branch to compare with, the clash is reported on both files.
    assert [p.message for p in run_rules(glossary, config) if p.rule == "duplicate-form"] == [
        "name 'Buyer’s journey' is already the name of term 'buyers-journey-2' "
        "(glossary/terms/buyers-journey-2.yml:1)",
        "name 'buyer's Journey' is already the name of term 'buyers-journey' "
        "(glossary/terms/buyers-journey.yml:1)"]
    # The checker and the resolver: either apostrophe finds the one term.
    single = replace(glossary, terms={"buyers-journey": glossary.terms["buyers-journey"]})
    scan = scan_text("Map the buyer's journey and the BUYER’S JOURNEY.\n", "page.md",
                     TermIndex.from_glossary(single, config), config)
    assert [m.term_id for m in scan.mentions] == ["buyers-journey"] * 2
    for written in ("buyer's journey", "Buyer’s Journey"):
        assert site_says(single, config, "term", written) == "buyers-journey"
        assert checker_says(single, config, f'{{{{ term("{written}") }}}}\n') == []


# -- one clash rule ------------------------------------------------------------

def test_forms_carry_their_roles_and_keys() -> None:
    glossary, _ = FIXTURE
    forms = [(f.role, f.text, f.key) for f in forms_of(glossary.terms["ideal-customer-profile"])]
    assert forms[0] == ("name", "Ideal Customer Profile", "name")
    assert ("abbreviation", "ICP", "abbreviation") in forms
    assert {role for role, _, _ in forms} == {"name", "alias", "abbreviation", "avoid"}


@pytest.mark.parametrize(("forms", "clash"), [
    # A homonym may share an abbreviation when both terms say their context.
    (new_forms("pql-3", "Pipeline-qualified lead", abbreviation="PQL", context="pipeline"), None),
    (new_forms("pql-3", "Pipeline-qualified lead", abbreviation="PQL"),
     "abbreviation 'PQL' is already the abbreviation of term 'partner-qualified-lead' "
     "(valid/terms/partner-qualified-lead.yml)"),
    (new_forms("icp-2", "IDEAL  customer’s profile", aliases=["ideal CLIENT profile"]),
     "alias 'ideal CLIENT profile' is already the alias of term 'ideal-customer-profile' "
     "(valid/terms/ideal-customer-profile.yml)"),
])
def test_new_and_import_apply_the_validators_clash_rule(forms: list[Form],
                                                        clash: str | None) -> None:
    assert term_clash(FIXTURE[0], forms) == clash


# -- one review state ----------------------------------------------------------

def test_review_words() -> None:
    today = dt.date(2026, 11, 29)
    assert Review(None, None, today).words == "never reviewed"
    overdue = Review(dt.date(2026, 5, 1), dt.date(2026, 11, 26), today)
    assert (overdue.words, overdue.reviewed_words, overdue.days_overdue) == (
        "review overdue by 3 days", "reviewed 212 days ago", 3)
    assert Review(today, today, today).words == "review due today"
    assert Review(today, today + dt.timedelta(days=1), today).words == "review due in 1 day"


def test_validator_review_and_badge_say_the_same() -> None:
    glossary, config = FIXTURE
    stage = glossary.stages["qualify"]
    late = Config(root=config.root, glossary=config.glossary, docs=config.docs,
                  today=(stage.reviewed or dt.date(2026, 1, 1)) + dt.timedelta(days=190))
    state = review_state(stage, late)
    assert state.words == "review overdue by 10 days"
    notices = [p.message for p in run_rules(glossary, late)
               if p.rule == "review-overdue" and "stages/qualify" in p.path]
    assert notices == [f"review overdue by 10 days (last reviewed {stage.reviewed}, "
                       f"due {state.due})"]
    (due,) = [d for d in due_for_review(glossary, late) if d.id == "qualify"]
    assert due.when() == "review overdue by 10 days"
    assert "review overdue by 10 days" in review_badge(state)


# -- the property: the checker's verdict is the macros' verdict ----------------

def _variants(glossary: Glossary) -> st.SearchStrategy[tuple[str, str]]:
    wordings = [(kind, w) for kind, records in (("term", glossary.terms),
                                                ("stage", glossary.stages),
                                                ("role", glossary.roles),
                                                ("framework", glossary.frameworks))
                for record in records.values()
                for w in (record.id, *(f.text for f in forms_of(record)))]
    changes = st.sampled_from([
        str, str.upper, str.lower, str.title, str.swapcase,
        lambda s: s.replace("'", "’"), lambda s: s.replace("’", "'"),
        lambda s: s.replace(" ", "  "), lambda s: f" {s} ", lambda s: s[:-1],
        lambda s: s + "s", lambda s: s.replace("-", " "),
    ])
    known = st.tuples(st.sampled_from(wordings), changes).map(lambda p: (p[0][0], p[1](p[0][1])))
    unknown = st.tuples(st.sampled_from(["term", "stage", "role", "framework"]),
                        st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs"),
                                              exclude_characters="\"\\{}%#"),
                                max_size=12))
    return st.one_of(known, unknown).filter(lambda p: p[1].strip() != "" and '"' not in p[1])


@pytest.mark.parametrize("glossary_config", [FIXTURE, STARTER], ids=["fixture", "starter"])
def test_checker_verdict_equals_the_macros_verdict(
        glossary_config: tuple[Glossary, Config]) -> None:
    glossary, config = glossary_config
    index = TermIndex.from_glossary(glossary, config)
    site = SiteData(glossary, config)

    @settings(max_examples=300)
    @given(_variants(glossary))
    def check(variant: tuple[str, str]) -> None:
        kind, name = variant
        scan = scan_text(f'{{{{ {kind}("{name}") }}}}\n', "page.md", index, config)
        refused = [p.message for p in scan.problems if p.rule == "unknown-reference"]
        try:
            found = site.find(kind, name)  # type: ignore[arg-type]
        except UnknownName as exc:
            assert refused == [f'{kind}("{name}") {exc}']
        else:
            assert refused == []
            if kind == "term":
                assert [m.term_id for m in scan.mentions] == [found.id]

    check()
