"""Every rule Shoptalk reports, declared once: id, default level, summary, docs anchor, emitter.

The validator's, checker's, importer's and site's rule tables, ``shoptalk.yml``'s
``rules:`` keys, SARIF's rule metadata and the docs-coverage test all read this
table; nothing else lists rule ids. It imports only the ``Severity`` type, so any
module may import it.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Literal

from .problems import Severity

Tool = Literal["loader", "validator", "checker", "importer", "site", "diff", "crm"]

RULES_PAGE = "docs/reference/rules.md"

# Each topic is one section of the rules page and one table in CONTRIBUTING.md, in this order.
TOPICS: dict[str, str] = {
    "files": "Reading the files",
    "references": "References between records",
    "surface": "One wording, one term",
    "concepts": "One concept, one definition",
    "lifecycle": "Deprecated terms",
    "stages": "Stages",
    "content": "Content",
    "freshness": "Freshness",
    "pages": "Pages (shoptalk check)",
    "site": "The site (mkdocs build, shoptalk pages)",
    "import": "Importing (shoptalk import)",
    "diff": "Comparing revisions (shoptalk diff)",
    "crm": "The CRM (shoptalk export --format salesforce|hubspot, crm diff, import)",
}


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule: what it is called, how loud it is by default, what it is about, who reports it."""

    id: str
    level: Severity
    summary: str
    tools: tuple[Tool, ...]
    topic: str

    @property
    def anchor(self) -> str:
        """Where the rule is explained: its section of the rules page."""
        return f"{RULES_PAGE}#{self.id}"


def _declare(topic: str, tools: tuple[Tool, ...],
             rows: tuple[tuple[str, Severity, str], ...]) -> list[Rule]:
    return [Rule(rule_id, level, summary, tools, topic) for rule_id, level, summary in rows]


_LOADER: tuple[Tool, ...] = ("loader",)
_VALIDATOR: tuple[Tool, ...] = ("validator",)
_TABLE: list[Rule] = [
    *_declare("files", _LOADER, (
        ("yaml-syntax", "error", "the file is not valid YAML"),
        ("yaml-alias", "error", "anchors and aliases are not allowed"),
        ("duplicate-key", "error", "a field written twice in one record"),
    )),
    # The importer reads its sources as the loader reads glossary files.
    *_declare("files", ("loader", "importer"), (
        ("encoding", "error", "a file not saved as UTF-8 text"),
    )),
    *_declare("files", _LOADER, (
        ("empty-file", "error", "a file with nothing in it"),
        ("unreadable", "error", "a file that cannot be opened"),
        ("file-shape", "error",
         "a file that is not a set of fields (or, for categories, a list)"),
        ("missing-field", "error", "a required field is missing"),
        ("wrong-type", "error", "a value of the wrong kind (text, list, number)"),
        ("unknown-key", "warning", "a field name the schema does not know, often a typo"),
        ("bad-enum", "error", "a value that must be one of a fixed list"),
        ("bad-id", "error", "an id or file name that is not lowercase-with-hyphens"),
        ("bad-date", "error", "a date not written as YYYY-MM-DD"),
        ("bad-value", "error", "a value of the wrong form or out of range"),
        ("control-character", "error",
         "an invisible control character or bidi override in a value"),
        ("plain-text", "error", "a name, abbreviation, alias or avoided wording holding HTML "
         "or template characters such as `<`"),
        ("empty-value", "error", "an empty field or list that must say something"),
        ("stray-file", "warning", "a file outside terms/, stages/, roles/, frameworks/"),
        ("outside-link", "error",
         "a symbolic link under glossary/ or docs/ that points outside the repository"),
        ("duplicate-id", "error", "two records or categories with the same id"),
        ("missing-file", "error", "a required file such as categories.yml is missing"),
        ("schema", "error", "any other break of the schema"),
    )),
    *_declare("references", _VALIDATOR, (
        ("dangling-ref", "error", "a reference to a term, stage, role, category or framework "
         "element that does not exist"),
        ("self-ref", "error", "a term that lists itself as related, broader or its own "
         "replacement"),
    )),
    *_declare("surface", _VALIDATOR, (
        ("duplicate-form", "error", "two terms share a name, alias or abbreviation"),
        ("shared-abbreviation", "error",
         "two terms share an abbreviation without each declaring a context"),
        ("avoid-conflict", "error", "an avoided wording is also the name or alias of a term"),
        ("confusable-form", "error", "a wording that looks like another term's but uses "
         "letters of another script or invisible characters"),
        ("mixed-script", "warning",
         "a word that mixes letters of two scripts, e.g. Latin and Cyrillic"),
    )),
    *_declare("concepts", _VALIDATOR, (
        ("role-term", "error", "a role and a term for the same thing (same name or "
         "abbreviation) that do not share one definition"),
    )),
    *_declare("lifecycle", _VALIDATOR, (
        ("missing-replacement", "error", "a deprecated term without replaced_by"),
        ("replacement-not-deprecated", "warning",
         "replaced_by on a term that is not deprecated"),
        ("replacement-cycle", "error",
         "replaced_by links that lead back to where they started"),
        ("replacement-deprecated", "error",
         "replaced_by chain that ends in a deprecated term"),
    )),
    *_declare("stages", _VALIDATOR, (
        ("stage-order", "error", "stage order numbers that repeat or leave a gap"),
        ("no-exit-criteria", "error", "a stage with no exit criteria"),
        ("nobody-needs", "warning", "required information that names no role needing it"),
        ("bad-probability", "error", "a probability outside 0-100"),
        ("outcome-mismatch", "warning",
         "an outcome on a stage whose forecast category does not close the deal"),
    )),
    *_declare("content", _VALIDATOR, (
        ("definition-length", "warning", "a definition longer than max_definition_words"),
        ("circular-definition", "warning",
         "a definition that uses the term's own name, alias or abbreviation"),
        ("definition-starts-with-term", "warning",
         "a definition that opens with the term itself"),
        ("missing-example", "warning", "a term without an example sentence"),
        ("placeholder-text", "error",
         "a text the `new` command wrote as a placeholder is still there; write your own"),
        ("abbreviation-without-expansion", "warning",
         "an abbreviation whose name does not spell it out"),
        ("few-exit-criteria", "warning", "a stage with fewer than 3 exit criteria"),
        ("miss-without-consequence", "warning",
         "a common miss that does not say what it costs"),
    )),
    *_declare("freshness", _VALIDATOR, (
        ("review-overdue", "notice",
         "a record whose last review is older than its review interval"),
    )),
    *_declare("pages", ("checker",), (
        ("unknown-reference", "error",
         "a macro's name that matches no record, or more than one"),
        ("undefined-acronym", "error",
         "an acronym that is no term's abbreviation and not allowed"),
        ("inline-defined-acronym", "warning",
         "an acronym defined only on one page (reported with --strict)"),
        ("avoided-wording", "warning", "wording the glossary replaces with a term"),
        ("deprecated-term", "warning", "a deprecated term; use its replacement"),
        ("ambiguous-abbreviation", "warning",
         "an abbreviation two terms share, used without a context"),
        ("front-matter", "error", "a page's front matter is not valid YAML, or names a "
         "template or icon the theme does not have"),
        ("unreadable-file", "error", "a page that cannot be read as UTF-8 text"),
        ("fix-skipped", "error", "a --fix left undone: unsafe wording, or a file it may not "
         "or should not write"),
        ("template-code", "error",
         "template code other than Shoptalk's macros with literal arguments"),
        ("unsafe-html", "error",
         "raw HTML or a link the site removes: script, frames, forms, on* handlers"),
    )),
    *_declare("site", ("site",), (
        ("generated-path", "warning", "a hand-written page at the path of a generated page"),
        ("page-macro", "error", "a macro call on a page that cannot be rendered"),
        ("page-order", "warning", "a page's order: is not a whole number, or is another "
         "page's in the same folder"),
    )),
    *_declare("import", ("importer",), (
        ("import-header", "error", "no column names the term, or no table was found"),
        ("import-unknown-column", "warning", "a column that is not imported"),
        ("import-syntax", "error", "a file that cannot be read as CSV or JSON at a place"),
        ("import-missing-name", "error", "a row without a term"),
        ("import-link", "error", "a term wrapped in a link"),
        ("import-empty-definition", "error", "a row without a definition"),
        ("import-duplicate", "error", "one term on several rows with different text"),
        ("import-collision", "error", "a term that clashes with the glossary or another row"),
        ("import-bad-id", "error", "a row no valid id can be made for"),
        ("import-invalid", "error", "a row that would not be a valid term"),
        ("import-formula", "warning", "a cell a spreadsheet would run as a formula"),
        ("import-target", "error",
         "a term file already in the way (perhaps one that does not load)"),
    )),
    *_declare("diff", ("diff",), (
        ("unsafe-entry", "error", "a revision entry that is a link or named `..`; not read"),
    )),
    # The validator checks the YAML's CRM references; the CRM commands report these too.
    *_declare("crm", ("validator", "crm"), (
        ("crm-field", "error",
         "a CRM field reference that is not Object.Field or a HubSpot property name"),
        ("crm-duplicate-value", "error", "two stages that map to one CRM value"),
    )),
    *_declare("crm", ("crm",), (
        ("crm-probability-grid", "warning",
         "a probability HubSpot cannot hold (it takes steps of 10%)"),
        ("crm-guidance-length", "warning",
         "Path guidance over the length limit, shortened by the export"),
        ("crm-key-field-limit", "warning", "more Opportunity fields than a Path step shows"),
        ("crm-syntax", "error",
         "a CRM file that cannot be read: not XML or JSON, or not the expected shape"),
        ("crm-missing-stage", "error", "a stage of the YAML that the CRM lacks"),
        ("crm-extra-stage", "error", "a CRM stage no stage of the YAML maps to"),
        ("crm-renamed", "error",
         "a CRM stage standing where a stage of the YAML should be, under another name"),
        ("crm-label", "error", "a CRM stage whose label is not the stage's name"),
        ("crm-order", "error", "a CRM stage in another place of the pipeline"),
        ("crm-probability", "error", "a CRM stage with another probability"),
        ("crm-forecast", "error", "a CRM stage with another forecast category"),
        ("crm-closed", "error", "a CRM stage that is closed or won when the YAML says otherwise"),
        ("crm-guidance", "error", "Path guidance that no longer matches the stage"),
        ("crm-key-fields", "error", "Path key fields that are not the stage's CRM fields"),
        ("crm-not-compared", "notice", "values an older API version's file does not hold"),
        ("crm-import-target", "error", "a stage the CRM import cannot write"),
    )),
]

RULES: dict[str, Rule] = {rule.id: rule for rule in _TABLE}


def rules(tool: Tool | None = None, topic: str | None = None) -> list[Rule]:
    """The registered rules, in declaration order, of one tool and/or one topic."""
    return [r for r in _TABLE
            if (tool is None or tool in r.tools) and (topic is None or r.topic == topic)]


def summaries(tool: Tool | None = None, topic: str | None = None) -> dict[str, str]:
    """Rule id -> one-line summary, for one tool and/or topic (all rules by default)."""
    return {r.id: r.summary for r in rules(tool, topic)}


def default_levels(tool: Tool | None = None) -> dict[str, Severity]:
    """Rule id -> the level a rule reports at unless ``shoptalk.yml`` says otherwise."""
    return {r.id: r.level for r in rules(tool)}


def closest(rule_id: str) -> str | None:
    """The registered rule id nearest to a misspelt ``rule_id``, if one is near enough."""
    close = difflib.get_close_matches(rule_id, list(RULES), n=1, cutoff=0.6)
    return close[0] if close else None


__all__ = ["RULES", "RULES_PAGE", "TOPICS", "Rule", "Tool", "closest", "default_levels",
           "rules", "summaries"]
