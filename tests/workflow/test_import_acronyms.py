"""Importing a wiki glossary: acronyms, expansions, conflicting meanings, links."""

from __future__ import annotations

from pathlib import Path

import pytest

from shoptalk.check import TermIndex, coverage, scan_text
from shoptalk.config import Config
from shoptalk.exchange.expansions import expand_row, meanings_differ, spells, telling_word
from shoptalk.load import load_glossary
from shoptalk.model import Source, Term
from shoptalk.rules.content import check_term

from .conftest import Run

TABLE = """\
| Term | Definition |
| --- | --- |
| AE – Account Executive – The rep who owns the deal to signature. | |
| MQL – Marketo Qualified Lead | A lead scored by the marketing automation tool. |
| QBR (Quarterly Business Review) | A meeting with the customer each quarter. |
| Statement of Work (SOW) | What we deliver, see https://wiki.example.com/sow. |
| PoC | (Proof of Concept) A trial with agreed success criteria. |
| SLA | Service Level Agreement: what we promise to answer within. |
| Pipeline | Every open deal; see [the pipeline guide](https://wiki.example.com/pipe). |
"""


def test_acronym_keys_become_abbreviations_with_the_expansion_as_name(
        project: Path, run: Run) -> None:
    (project / "handbook.md").write_text(TABLE, encoding="utf-8")
    code, out, _ = run("import", "handbook.md", "--category", "buyers", "--owner", "ae")
    assert (code, out) == (0, """\
wrote glossary/terms/account-executive.yml (Account Executive, line 3)
wrote glossary/terms/marketo-qualified-lead.yml (Marketo Qualified Lead, line 4)
wrote glossary/terms/quarterly-business-review.yml (Quarterly Business Review, line 5)
wrote glossary/terms/statement-of-work.yml (Statement of Work, line 6)
wrote glossary/terms/proof-of-concept.yml (Proof of Concept, line 7)
wrote glossary/terms/service-level-agreement.yml (Service Level Agreement, line 8)
wrote glossary/terms/pipeline.yml (Pipeline, line 9)
7 terms imported, 0 rows not taken
no problems found
""")
    terms = project / "glossary" / "terms"
    body = "category: buyers\nowner: ae\nstatus: draft\n"
    assert (terms / "account-executive.yml").read_text(encoding="utf-8").splitlines()[1:] == (
        "name: Account Executive\nabbreviation: AE\ndefinition: The rep who owns the deal to "
        "signature.\n" + body).splitlines()
    assert (terms / "marketo-qualified-lead.yml").read_text(encoding="utf-8").endswith(
        "name: Marketo Qualified Lead\nabbreviation: MQL\ndefinition: A lead scored by the "
        "marketing automation tool.\n" + body)
    assert (terms / "statement-of-work.yml").read_text(encoding="utf-8").endswith(
        "name: Statement of Work\nabbreviation: SOW\ndefinition: What we deliver.\n" + body
        + 'links:\n  - title: wiki.example.com/sow\n    url: "https://wiki.example.com/sow"\n')
    assert (terms / "proof-of-concept.yml").read_text(encoding="utf-8").endswith(
        "name: Proof of Concept\nabbreviation: PoC\ndefinition: A trial with agreed success "
        "criteria.\n" + body)
    assert (terms / "service-level-agreement.yml").read_text(encoding="utf-8").endswith(
        "name: Service Level Agreement\nabbreviation: SLA\ndefinition: What we promise to "
        "answer within.\n" + body)
    assert (terms / "pipeline.yml").read_text(encoding="utf-8").endswith(
        "name: Pipeline\ndefinition: Every open deal; see the pipeline guide.\n" + body
        + 'links:\n  - title: the pipeline guide\n    url: "https://wiki.example.com/pipe"\n')


def test_a_collision_says_whether_the_meanings_differ_and_proposes_a_context(
        project: Path, run: Run) -> None:
    (project / "handbook.md").write_text("""\
| Term | Definition |
| --- | --- |
| MQL – Marketo Qualified Lead | A lead scored by the marketing automation tool. |
| MQL | Marketing Qualified Lead – A lead that marketing hands to sales. |
| PQL | Partner-Qualified Lead: a lead a partner brings. |
| EB – Enterprise Bundle – Our top plan. | |
""", encoding="utf-8")
    code, out, _ = run("import", "handbook.md", "--category", "buyers", "--owner", "ae")
    assert code == 1
    assert out.splitlines()[1:] == [
        "handbook.md:4:3: error: 'MQL' means 'Marketing Qualified Lead' here but 'Marketo "
        "Qualified Lead' in the row on line 3: if both are meant, give each a context (context: "
        "marketing here, context: marketo there) so they become homonyms; otherwise keep one "
        "[import-collision]",
        "handbook.md:5:3: error: 'PQL' (Partner-Qualified Lead) is already term "
        "'partner-qualified-lead' (glossary/terms/partner-qualified-lead.yml) with the same "
        "meaning; keep that one and drop this row [import-collision]",
        "handbook.md:6:3: error: 'EB' means 'Enterprise Bundle' here but 'Economic Buyer' in "
        "term 'economic-buyer' (glossary/terms/economic-buyer.yml): if both are meant, give each "
        "a context (context: enterprise here, context: economic there) so they become homonyms; "
        "otherwise keep one [import-collision]",
        "3 errors, 0 warnings in 1 file",
    ]


def test_two_meanings_with_contexts_are_homonyms(project: Path, run: Run) -> None:
    (project / "handbook.md").write_text("""\
| Term | Definition | Context |
| --- | --- | --- |
| MQL – Marketo Qualified Lead | A lead scored by the marketing automation tool. | marketo |
| MQL | Marketing Qualified Lead – A lead that marketing hands to sales. | marketing |
""", encoding="utf-8")
    code, out, _ = run("import", "handbook.md", "--category", "buyers", "--owner", "ae")
    assert (code, out.splitlines()[-2:]) == (0, ["2 terms imported, 0 rows not taken",
                                                 "no problems found"])


@pytest.mark.parametrize(("row", "shaped"), [
    ({"name": "AE – Account Executive", "definition": "Owns the deal."},
     {"name": "Account Executive", "abbreviation": "AE", "definition": "Owns the deal."}),
    ({"name": "**QBR** (Quarterly Business Review)", "definition": "A meeting."},
     {"name": "**QBR** (Quarterly Business Review)", "definition": "A meeting."}),
    ({"name": "Sales-Qualified Lead (SQL)", "definition": "Accepted by sales."},
     {"name": "Sales-Qualified Lead", "abbreviation": "SQL", "definition": "Accepted by sales."}),
    # The definition's opening words spell no acronym: left as written.
    ({"name": "ARR", "definition": "Revenue – yearly."},
     {"name": "ARR", "definition": "Revenue – yearly."}),
    # A source that has an abbreviation column keeps it.
    ({"name": "AE – Account Executive", "abbreviation": "ACE", "definition": "Owns it."},
     {"name": "AE – Account Executive", "abbreviation": "ACE", "definition": "Owns it."}),
    ({"name": "Champion", "definition": "An insider (see <https://wiki.example.com/c>)."},
     {"name": "Champion", "definition": "An insider.",
      "links": [{"title": "wiki.example.com/c", "url": "https://wiki.example.com/c"}]}),
])
def test_expand_row(row: dict[str, str], shaped: dict[str, object]) -> None:
    assert expand_row(row) == shaped


def test_spells_meanings_and_contexts() -> None:
    assert spells("PoC", "Proof of Concept")
    assert spells("SQL", "Sales-Qualified Lead")
    assert spells("MEDDPICC", "Metrics Economic buyer Decision criteria Decision process "
                  "Paper process Identify pain Champion Competition") is False
    assert not spells("CI", "build time")
    assert not meanings_differ("Partner-Qualified Lead", "partner qualified lead")
    assert meanings_differ("Marketo Qualified Lead", "Marketing Qualified Lead")
    assert telling_word("Marketo Qualified Lead", "Marketing Qualified Lead") == "marketo"


def test_a_url_in_a_definition_is_not_a_circular_definition(tmp_path: Path) -> None:
    def rules(definition: str) -> list[str]:
        term = Term(id="pipeline", name="Pipeline", definition=definition, category="buyers",
                    owner="ae", source=Source(tmp_path / "pipeline.yml"), examples=("x",))
        config = Config(root=tmp_path, glossary=tmp_path, docs=tmp_path)
        return [p.rule for p in check_term(term, config)]

    assert rules("Every open deal, listed at https://crm.example.com/pipeline.") == []
    assert rules("Every open deal ([list](https://crm.example.com/pipeline)).") == []
    assert rules("Every open deal in the pipeline.") == ["circular-definition"]


def test_an_acronym_name_is_matched_case_sensitively_in_report(project: Path) -> None:
    (project / "glossary" / "terms" / "am.yml").write_text(
        "name: AM\ndefinition: The account manager.\ncategory: buyers\nowner: ae\n",
        encoding="utf-8")
    glossary, _ = load_glossary(project / "glossary", project)
    config = Config(root=project, glossary=project / "glossary", docs=project)
    index = TermIndex.from_glossary(glossary, config)
    scan = scan_text("I am here; I am the AM. AMs and the AM's calls.\n", "p.md", index, config)
    report = coverage(glossary, [scan])
    assert [(m.col, m.text) for m in report.used["am"]] == [(21, "AM"), (25, "AMs"), (37, "AM's")]
