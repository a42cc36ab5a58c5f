"""The answers ``shoptalk mcp`` gives, asked in process: same resolver as the site."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from shoptalk.assistant import (
    MAX_TEXT_BYTES,
    AnswerError,
    Library,
    check_text,
    define,
    read_record,
    search,
    stage,
    who_needs,
)
from shoptalk.render.context import UnknownName

JOURNEY = """
    name: Buyer's journey
    definition: The steps a buyer goes through from first problem to signed contract.
    category: buyers
    owner: ae
    """


def first_line(answer: str) -> str:
    return answer.splitlines()[0]


@pytest.mark.parametrize(("name", "heading"), [
    ("ICP", "## Ideal Customer Profile (ICP)"),            # abbreviation
    ("icp", "## Ideal Customer Profile (ICP)"),            # one record has it: any case
    ("ideal client profile", "## Ideal Customer Profile (ICP)"),  # alias
    ("IDEAL CUSTOMER PROFILE", "## Ideal Customer Profile (ICP)"),  # name, shouted
    ("economic-buyer", "## Economic Buyer (EB)"),          # id
    ("Buyer’s journey", "## Buyer's journey"),             # curly apostrophe
    ("buyer's JOURNEY", "## Buyer's journey"),
])
def test_define_resolves_every_name_the_site_resolves(
        project: Path, add: Callable[[str, str], Path], name: str, heading: str) -> None:
    add("glossary/terms/buyers-journey.yml", JOURNEY)
    snap = Library(root=project).current()
    assert first_line(define(snap, name)) == heading
    site_term = snap.site.find_term(name)  # what {{ term(name) }} links to on the site
    assert f"- Id: {site_term.id}" in define(snap, name).splitlines()


def test_an_avoided_wording_names_the_term_to_say_and_why(project: Path) -> None:
    snap = Library(root=project).current()
    with pytest.raises(UnknownName):  # the site's macros do not take it as a name...
        snap.site.find_term("budget holder")
    answer = define(snap, "Budget Holder")  # ...the server says what to say instead
    assert answer.splitlines()[:3] == [
        "'budget holder' is wording we avoid: say 'Economic Buyer' instead. Why: Budget can "
        "sit elsewhere; what matters is who can say yes alone.",
        "",
        "## Economic Buyer (EB)",
    ]


def test_a_homonym_returns_every_sense_with_its_context(project: Path) -> None:
    answer = define(Library(root=project).current(), "PQL")
    lines = answer.splitlines()
    assert lines[0] == ("'PQL' has 2 meanings here; each says the context that tells it "
                        "apart. Use the term id to name one.")
    assert [line for line in lines if line.startswith(("## ", "- Context:"))] == [
        "## Partner-Qualified Lead (PQL)", "- Context: partner channel",
        "## Product-Qualified Lead (PQL)", "- Context: product usage"]


def test_a_deprecated_term_says_its_replacement(project: Path) -> None:
    answer = define(Library(root=project).current(), "hot lead")
    assert "- Status: deprecated; say Product-Qualified Lead (PQL) instead" in answer


def test_a_role_or_stage_name_is_defined_too(project: Path) -> None:
    snap = Library(root=project).current()
    assert first_line(define(snap, "CSM")) == "## Customer Success Manager (CSM)"
    assert first_line(define(snap, "closed won")) == "## Stage 2: Closed Won"


def test_an_unknown_name_is_an_error_with_the_resolvers_did_you_mean(project: Path) -> None:
    snap = Library(root=project).current()
    with pytest.raises(AnswerError) as caught:
        define(snap, "Ideal Custmer Profile")
    assert str(caught.value) == (
        "'Ideal Custmer Profile' matches no term; did you mean 'Ideal Customer Profile'? "
        "Try the search tool for wording that is not a name.")
    for empty in ("", "   "):
        with pytest.raises(AnswerError, match="term is empty"):
            define(snap, empty)
    with pytest.raises(AnswerError, match="term is 201 characters long; names are at most 200"):
        define(snap, "x" * 201)


def test_a_stage_gives_criteria_required_information_handoffs_and_misses(project: Path) -> None:
    assert stage(Library(root=project).current(), "QUALIFY") == """\
## Stage 1: Qualify

- Id: qualify
- Purpose: Decide whether the deal is worth the team's time.
- Owner: Account Executive (AE)
- Supporting: Revenue Operations (RevOps)
- Entry criteria:
  - A first meeting is booked.
- Exit criteria:
  - The pain is written down in the buyer's words.
  - The Economic Buyer is named.
  - A next meeting is on the calendar.
- Required information (what must be captured, and who needs it):
  - The Economic Buyer's name and title. Needed by: Account Executive (AE), Customer Success \
Manager (CSM). Why: The proposal is addressed to them.
- Handoffs:
  - to Customer Success Manager (CSM): Early notes on the buyer's goals (when: At exit)
- Common misses:
  - The Economic Buyer is assumed, not confirmed. Consequence: The proposal stalls with \
someone who cannot sign.
  - No next meeting booked. Consequence: The deal goes quiet for weeks.
- Activities:
  - Run the qualification call
- Deliverables:
  - Qualification notes in the CRM
- Framework elements to know by exit: Economic Buyer (MEDDPICC)
- Probability: 10%
- Forecast category: pipeline
- Page: pipeline/qualify/
"""


def test_an_unknown_stage_lists_the_stages(project: Path) -> None:
    with pytest.raises(AnswerError) as caught:
        stage(Library(root=project).current(), "Qualfy")
    assert str(caught.value) == ("'Qualfy' matches no stage; did you mean 'qualify'? "
                                 "The stages: Qualify, Closed Won.")


def test_who_needs_an_item_by_its_words_or_its_term_and_a_stage(project: Path) -> None:
    snap = Library(root=project).current()
    needed = ("- The Economic Buyer's name and title (captured at Qualify): needed by Account "
              "Executive (AE), Customer Success Manager (CSM). Why: The proposal is addressed "
              "to them.")
    assert who_needs(snap, "name and title").splitlines()[2] == needed
    assert who_needs(snap, "EB").splitlines()[2] == needed  # the item's term, by abbreviation
    assert who_needs(snap, "qualify").splitlines()[2:] == [
        "- The Economic Buyer's name and title: needed by Account Executive (AE), Customer "
        "Success Manager (CSM). Why: The proposal is addressed to them.",
        "- Handoff to Customer Success Manager (CSM): Early notes on the buyer's goals "
        "(when: At exit)"]
    with pytest.raises(AnswerError) as caught:
        who_needs(snap, "the economic buyers name")
    assert str(caught.value) == (
        "no stage and no required information matches 'the economic buyers name'; did you "
        "mean 'The Economic Buyer's name and title'? Ask with a stage name or a few words of "
        "the item.")
    with pytest.raises(AnswerError, match="no stage and no required information matches "
                                          r"'signed PO'\. Ask with"):
        who_needs(snap, "signed PO")


def test_search_puts_names_before_definitions(project: Path) -> None:
    answer = search(Library(root=project).current(), "customer")
    assert answer.splitlines() == [
        "3 records mention 'customer':",
        "",
        "- term `ideal-customer-profile`: Ideal Customer Profile (ICP): The firmographic and "
        "technographic description of the companies that buy fastest and stay longest.",
        "- role `csm`: Customer Success Manager (CSM): Owns the customer after signature.",
        "- term `stakeholder`: Stakeholder: Anyone at the customer whose work or budget the "
        "purchase touches.",
    ]
    assert search(Library(root=project).current(), "budgt holdr") == (
        "Nothing in the language mentions 'budgt holdr'.\n")


def test_check_text_reports_findings_with_line_and_column(project: Path) -> None:
    snap = Library(root=project).current()
    assert check_text(snap, "# Notes\n\nAsk the budget holder about KTLO.\n") == """\
2 findings:

3:9: warning: say 'Economic Buyer', not 'budget holder' (see glossary/terms/economic-buyer.yml) \
[avoided-wording]
3:29: error: 'KTLO' is not a defined term or allowed acronym; define it in glossary/terms/ or \
add it to allow_acronyms in shoptalk.yml [undefined-acronym]
"""
    assert check_text(snap, "Ask the Economic Buyer.") == (
        "No problems: the text is in the language.\n")


def test_check_text_refuses_empty_and_oversized_text(project: Path) -> None:
    snap = Library(root=project).current()
    with pytest.raises(AnswerError, match="text is empty; pass the Markdown to check"):
        check_text(snap, " \n ")
    with pytest.raises(AnswerError, match=r"text is 1,000,001 bytes; the checker takes at most "
                                          r"1,000,000 bytes"):
        check_text(snap, "a" * (MAX_TEXT_BYTES + 1))


def test_a_record_by_id_with_a_did_you_mean(project: Path) -> None:
    snap = Library(root=project).current()
    assert first_line(read_record(snap, "role", "csm")) == "## Customer Success Manager (CSM)"
    with pytest.raises(AnswerError) as caught:
        read_record(snap, "term", "economic-buyr")
    assert str(caught.value) == "no term has the id 'economic-buyr'; did you mean 'economic-buyer'?"


def test_the_library_loads_again_only_when_a_file_changed(
        project: Path, add: Callable[[str, str], Path]) -> None:
    library = Library(root=project)
    first = library.current()
    assert library.current() is first  # nothing changed: no second load
    add("glossary/terms/buyers-journey.yml", JOURNEY)
    second = library.current()
    assert second is not first and "buyers-journey" in second.glossary.terms
    path = project / "glossary/terms/buyers-journey.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("signed contract", "renewal"),
                    encoding="utf-8")
    assert "to renewal." in define(library.current(), "buyer's journey")
    path.unlink()
    with pytest.raises(AnswerError):
        define(library.current(), "buyer's journey")


def test_answers_never_write(project: Path) -> None:
    before = sorted((p, p.stat().st_mtime_ns) for p in project.rglob("*"))
    snap = Library(root=project).current()
    define(snap, "ICP")
    check_text(snap, "The ICP and the EB.")
    assert sorted((p, p.stat().st_mtime_ns) for p in project.rglob("*")) == before
    assert not any(name.startswith(".shoptalk") for name in os.listdir(project))


HOSTILE = """
    name: Evil ](https://evil.example) [term
    abbreviation: EVL
    definition: "Real meaning.\\n\\n## Fake section\\n\\n\\
      - [Click](javascript:alert(1)): x <img src=x onerror=alert(2)> &lt;b&gt;"
    avoid:
      - text: bad word
        why: "because\\n## Also fake"
    category: buyers
    owner: ae
    """


def test_hostile_values_stay_inert_text_in_answers(
        project: Path, add: Callable[[str, str], Path]) -> None:
    add("glossary/terms/evil.yml", HOSTILE)
    snap = Library(root=project).current()
    for answer in (define(snap, "EVL"), define(snap, "bad word"), search(snap, "meaning")):
        assert not [line for line in answer.splitlines()
                    if line.startswith("## ") and "Evil" not in line and "EB" not in line]
        assert "<" not in answer and ">" not in answer
        assert "javascript:" not in answer.replace("Click(javascript:", "")  # no link left
    assert ("- Definition: Real meaning. ## Fake section - Click): x ‹img src=x "
            "onerror=alert(2)› ‹b›") in define(snap, "EVL").splitlines()
