"""The loader's fast path: clean files skip positions, everything else gets the careful
reader's exact problems, and each YAML refusal holds on the fast path too."""

from __future__ import annotations

import pickle
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shoptalk.load import load_glossary
from shoptalk.model import Pos
from shoptalk.yaml_fast import NOT_CLEAN, Positions, plain_data
from shoptalk.yaml_reader import MAX_DEPTH, read_yaml

CATEGORIES = b"- id: general\n  name: General\n  description: Anything.\n"
TERM = "name: Deal Desk\ndefinition: The team that approves odd deals.\ncategory: general\n" \
       "owner: ae\n"
PROBLEM = re.compile(r"^glossary/[a-z/._-]+:\d+:\d+: (error|warning|notice): .+ \[[a-z-]+\]$")


def load(text: str | bytes, name: str = "deal-desk") -> tuple[Any, list[str]]:
    """The term ``name`` loaded from ``text`` (None if not built) and every problem, as lines."""
    raw = text.encode() if isinstance(text, str) else text
    glossary, problems = load_glossary(
        Path("glossary"), Path("."), files={"categories.yml": CATEGORIES, f"terms/{name}.yml": raw}
    )
    return glossary.terms.get(name), [p.format() for p in problems]


def typed(data: Any) -> Any:
    """``data`` with every scalar's type spelled out: 1, True and 1.0 compare equal in Python."""
    if isinstance(data, dict):
        return {typed(k): typed(v) for k, v in data.items()}
    if isinstance(data, list):
        return [typed(v) for v in data]
    return (type(data).__name__, data)


def careful(raw: bytes) -> Any:
    """What the position-tracking reader makes of ``raw``: its data, or its problems."""
    doc = read_yaml(Path("t.yml"), "t.yml", raw)
    return typed(doc.data) if not doc.problems else [p.format() for p in doc.problems]


# A clean file takes the fast path and still knows where every value stands.


def test_a_clean_term_is_built_without_reading_positions_until_asked() -> None:
    term, problems = load(TERM + "related: [buyer-persona]\n")
    assert problems == []
    positions = term.source.positions
    assert isinstance(positions, Positions) and positions._found is None
    assert term.source.where("related[0]") == Pos(5, 11)
    assert term.source.where("owner") == Pos(4, 8)


def test_positions_survive_the_cache_as_bytes_not_as_a_map() -> None:
    term, _ = load(TERM)
    term.source.where("name")  # read once; the pickle keeps the bytes, not what was read
    again = pickle.loads(pickle.dumps(term.source.positions))
    assert again._found is None
    assert again["definition"] == Pos(2, 13)


def test_a_rule_on_a_fast_loaded_file_reports_the_exact_place(tmp_path: Path) -> None:
    from shoptalk import load_config, validate

    (tmp_path / "shoptalk.yml").write_text("glossary: glossary\n", encoding="utf-8")
    terms = tmp_path / "glossary" / "terms"
    terms.mkdir(parents=True)
    (tmp_path / "glossary" / "categories.yml").write_bytes(CATEGORIES)
    (terms / "deal-desk.yml").write_text(
        TERM + "examples: [The Deal Desk signed it.]\nrelated:\n  - buyer-personna\n",
        encoding="utf-8",
    )
    _, problems = validate(load_config(tmp_path))
    assert [p.format() for p in problems if p.rule == "dangling-ref"] == [
        "glossary/terms/deal-desk.yml:4:8: error: owner 'ae' is not a role or team handle; "
        "write one role id such as 'sales-manager' or one GitHub handle such as "
        "'@your-org/sales-team' or '@username' [dangling-ref]",
        "glossary/terms/deal-desk.yml:7:5: error: related[0] 'buyer-personna' is not a term; "
        "write the file name of a term in terms/, without .yml [dangling-ref]",
    ]


@pytest.mark.parametrize("raw", [
    b"\xef\xbb\xbfname: x\r\nlist:\r\n  - a\r\n  - 'b'\r\n",  # a BOM and Windows line ends
    b"a: |\n  two\n  lines\nb: >-\n  folded\n  text\nc: \"tab\\there\"\n",
    b"a: !!str 12\nb: ! 13\nc: !!python/object/apply:os.system [echo]\n",  # tags stay text
    b"a: &anchor [1]\n",  # an anchor nothing refers to expands nothing
    b"on: No\noff: yes\nv: 1.10\nn: ~\nb: TRUE\ni: -007\n",
])
def test_the_fast_path_gives_the_careful_readers_data(raw: bytes) -> None:
    assert typed(plain_data(raw)) == careful(raw)


# Every refusal of the careful reader holds on the fast path: the file is left to it,
# and the problem carries its exact place.


@pytest.mark.parametrize(("text", "problem"), [
    (TERM + "related: &r [a]\nstages: *r\n",
     "6:9: error: anchors and aliases (*name) are not supported; write the value out "
     "[yaml-alias]"),
    (TERM + "<<: {name: x}\n",
     "5:1: error: merge keys (<<) are not supported; write the values out [yaml-syntax]"),
    (TERM + "name: Again\n",
     "5:1: error: duplicate key 'name' (first at line 1); YAML would silently keep only the "
     "last one [duplicate-key]"),
    (TERM + "avoid:\n  - text: a\n    text: b\n",
     "7:5: error: duplicate key 'text' (first at line 6); YAML would silently keep only the "
     "last one [duplicate-key]"),
    (TERM + "review_every: 1234567890123456\n",
     "5:15: error: review_every: a number with 16 digits is too long (at most 15); write a "
     "smaller number, or put it in quotes if it is text [bad-value]"),
    (TERM + 'context: "Sign \\e[2J here"\n',
     "5:10: error: context: contains an invisible control character U+001B; delete it "
     "[control-character]"),
    (TERM + "context: Pay \u202eus\n",
     "5:10: error: context: contains an invisible control character U+202E; delete it "
     "[control-character]"),
    (TERM + '"own\\u2066er2": x\n',
     "5:1: error: this key contains an invisible control character U+2066; delete it "
     "[control-character]"),
    (TERM + "? [a]\n: b\n",
     "5:3: error: a key must be plain text, not a list or mapping [yaml-syntax]"),
    (TERM + "---\nname: Second\n",
     "5:1: error: a second YAML document ('---'); one record per file [yaml-syntax]"),
    ("", "1:1: error: the file is empty [empty-file]"),
])
def test_what_the_careful_reader_refuses_the_fast_path_leaves_to_it(
    text: str, problem: str
) -> None:
    assert plain_data(text.encode()) is NOT_CLEAN
    _, problems = load(text)
    assert f"glossary/terms/deal-desk.yml:{problem}" in problems


def test_a_billion_laughs_stops_at_its_first_alias_on_the_fast_path() -> None:
    lines = ['a0: &a0 "lol"'] + [
        f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)
    ]
    raw = ("\n".join(lines) + "\n").encode()
    assert plain_data(raw) is NOT_CLEAN
    _, problems = load(raw)
    assert problems == [
        "glossary/terms/deal-desk.yml:2:10: error: anchors and aliases (*name) are not "
        "supported; write the value out [yaml-alias]"
    ]


def test_nesting_is_limited_alike_on_both_paths() -> None:
    deepest = ("[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n").encode()  # the root holds 64 levels
    assert typed(plain_data(deepest)) == careful(deepest)
    too_deep = ("[" * (MAX_DEPTH + 1) + "x" + "]" * (MAX_DEPTH + 1) + "\n").encode()
    assert plain_data(too_deep) is NOT_CLEAN
    assert careful(too_deep) == [f"t.yml:1:66: error: nesting deeper than {MAX_DEPTH} levels "
                                 "[yaml-syntax]"]


def test_not_utf8_is_left_to_the_careful_reader() -> None:
    raw = TERM.encode() + b"context: caf\xe9\n"
    assert plain_data(raw) is NOT_CLEAN
    _, problems = load(raw)
    assert problems == ["glossary/terms/deal-desk.yml:5:13: error: not UTF-8 text (byte 0xe9); "
                        "save the file as UTF-8 [encoding]"]


def test_a_schema_problem_is_placed_by_the_careful_reader() -> None:
    term, problems = load(TERM.replace("owner: ae", "owner: Sales Team") + "statu: draft\n")
    assert not isinstance(term.source.positions, Positions)
    assert problems == [
        "glossary/terms/deal-desk.yml:5:1: warning: unknown key 'statu'; did you mean "
        "'status'? allowed keys: abbreviation, aliases, avoid, broader, category, context, "
        "core, crm, definition, details, examples, links, name, owner, proper_name, related, "
        "replaced_by, review_every, reviewed, stages, status [unknown-key]",
        "glossary/terms/deal-desk.yml:4:8: error: owner: must be one role id such as "
        "'sales-manager' or one GitHub handle such as '@your-org/sales-team' or '@username', "
        "with no spaces or line breaks [bad-value]",
    ]


# Properties: YAML-ish text never raises, and the two paths never disagree.

KEYS = ["name", "definition", "category", "owner", "related", "avoid", "text", "why",
        "reviewed", "review_every", "aliases", "<<", "? "]
TOKENS = st.one_of(
    st.sampled_from(KEYS).map(lambda k: f"{k}: "),
    st.sampled_from([
        "\n", "\n  ", "\n    ", "- ", "[", "]", "{", "}", ", ", ": ", "'", '"', "#", "&a ",
        "*a", "!!str ", "!x ", "|\n  ", ">-\n  ", "---\n", "\t", "~", "null", "yes", "No",
        "12", "-0", "9" * 16, "2026-02-30", "2026-01-31", "general", "ae", "Deal Desk",
        "\\e", "\\u202e", "\u202e", "\x1b", "\r\n", "\ufeff", "\x85", "\xe9", "<b>", "{{ x }}",
    ]),
    st.text(max_size=6),
)
yamlish = st.lists(TOKENS, max_size=30).map("".join)


def _as_term(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(yamlish, yamlish.map(lambda extra: TERM + extra)))
def test_yamlish_text_is_a_record_or_located_problems_never_an_exception(text: str) -> None:
    raw = _as_term(text)
    term, problems = load(raw)
    assert all(PROBLEM.match(line) for line in problems), problems
    assert term is not None or any("deal-desk.yml" in line for line in problems)
    fast = plain_data(raw)
    if fast is not NOT_CLEAN:
        assert typed(fast) == careful(raw)
    if term is not None and isinstance(term.source.positions, Positions):
        assert dict(term.source.positions) == read_yaml(Path("t"), "t", raw).values


def _plain(value: str) -> bool:
    return not re.search(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", value)


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**15 + 1, 10**15 - 1),
    st.text(max_size=15).filter(_plain),
    st.sampled_from(["No", "off", "1.10", "~", "12", "-3", "2026-01-31", ": x", "- a", "#no"]),
)
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.text(max_size=8).filter(_plain), inner,
                                            max_size=5)),
    max_leaves=15,
)


@settings(max_examples=300, deadline=None)
@given(documents, st.sampled_from([{}, {"default_flow_style": True}, {"default_style": '"'},
                                   {"default_style": "'"}, {"width": 10}]))
def test_for_valid_files_both_paths_give_the_same_data(data: Any, style: dict[str, Any]) -> None:
    import yaml

    raw = yaml.safe_dump(data, allow_unicode=True, **style).encode()
    expected = careful(raw)
    if isinstance(expected, list):
        return  # the dumper wrote something the careful reader refuses (a 1.1-only form)
    assert typed(plain_data(raw)) == expected
