"""``llms.txt`` and ``llms-full.txt``: their shape, and hostile YAML kept to inert text."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from shoptalk.assistant import LLMS_FULL_TXT, LLMS_TXT
from shoptalk.cli import main
from shoptalk.config import load_config
from shoptalk.site_build import build_site, page_uris, read_docs
from shoptalk.validate import validate

LINK = re.compile(r"- \[(?P<name>[^\[\]]+)\]\((?P<url>[^()\s]+)\)(?:: (?P<note>.+))?")

PLAYBOOK = """
    ---
    title: First call
    stage: qualify
    ---
    # First call

    Name the Economic Buyer.
    """

# Every field an assistant reads carries a fake heading, a fake link list or markup.
EVIL_TERM = r"""
    name: "Evil ](https://evil.example/a) [term"
    abbreviation: EVL
    definition: "Real meaning.\n\n## Injected section\n\n\
      - [Click me](https://evil.example/b): x\n<script>alert(1)</script>"
    avoid:
      - text: bad word
        why: "because\n\n## Also injected\n- [x](https://evil.example/c)"
    category: buyers
    owner: ae
    """
EVIL_STAGE = r"""
    name: "Evil stage](https://evil.example/d)"
    order: 3
    purpose: "Purpose.\n## Injected stage section\n- [y](https://evil.example/e): z"
    owner: ae
    exit_criteria: ["Done.\n## Injected criterion"]
    required_information:
      - item: "Item\n## Injected item"
        why: "&lt;img src=x onerror=alert(2)&gt;"
        needed_by: [csm]
    """


def built_files(project: Path) -> dict[str, str]:
    """llms.txt and llms-full.txt as the core site build makes them, for ``project``."""
    settings = load_config(project)
    glossary, _ = validate(settings)
    docs, _ = read_docs(settings.docs, page_uris(settings.docs))
    assets = build_site(settings, glossary, docs, check=False).assets(
        {"site_name": "Quaylight <b>sales</b>", "site_url": "https://docs.example.com/talk/",
         "site_description": "Our words.\n## Not a section"})
    return {name: assets[name].decode("utf-8") for name in (LLMS_TXT, LLMS_FULL_TXT)}


def sections(text: str) -> dict[str, list[str]]:
    """H2 title → the non-blank lines under it."""
    found: dict[str, list[str]] = {}
    current: list[str] = []
    for line in text.splitlines():
        if line.startswith("## "):
            current = found.setdefault(line[3:], [])
        elif line.strip():
            current.append(line)
    return found


def test_llms_txt_has_the_proposal_shape_with_absolute_links(
        project: Path, add: Callable[[str, str], Path]) -> None:
    add("docs/playbooks/first-call.md", PLAYBOOK)
    add("docs/index.md", "# Home\n\nWelcome.\n")
    text = built_files(project)[LLMS_TXT]
    lines = text.splitlines()
    assert lines[0] == "# Quaylight ‹b›sales‹/b›"
    assert lines[1] == "" and lines[2] == "> Our words. ## Not a section"
    assert list(sections(text)) == ["Glossary", "Pipeline", "Roles", "Frameworks",
                                    "Playbooks", "Optional"]
    for title, links in sections(text).items():
        for link in links:
            assert LINK.fullmatch(link), f"{title}: {link}"
            assert LINK.fullmatch(link)["url"].startswith("https://docs.example.com/talk/")
    assert sections(text)["Pipeline"] == [
        "- [Pipeline](https://docs.example.com/talk/pipeline/): the stages in order",
        "- [1. Qualify](https://docs.example.com/talk/pipeline/qualify/): Decide whether the "
        "deal is worth the team's time.",
        "- [2. Closed Won](https://docs.example.com/talk/pipeline/closed-won/): The contract "
        "is signed and handed to the post-sale team."]
    assert sections(text)["Playbooks"] == [
        "- [First call](https://docs.example.com/talk/playbooks/first-call/): playbook for "
        "the Qualify stage"]
    assert sections(text)["Optional"] == ["- [Home](https://docs.example.com/talk/)"]


def test_llms_full_txt_holds_every_term_and_stage(project: Path) -> None:
    full = built_files(project)[LLMS_FULL_TXT]
    glossary, _ = validate(load_config(project))
    headings = [line for line in full.splitlines() if line.startswith("#")]
    for term in glossary.terms.values():
        abbreviation = f" ({term.abbreviation})" if term.abbreviation else ""
        assert f"### {term.name}{abbreviation}" in headings
    for stage in glossary.stages.values():
        assert f"### Stage {stage.order}: {stage.name}" in headings
    assert [h for h in headings if h.startswith("## ")] == [
        "## Terms", "## Stages", "## Roles", "## Frameworks"]
    assert ('  - "budget holder" (why: Budget can sit elsewhere; what matters is who can say '
            'yes alone.)') in full.splitlines()


def test_hostile_values_cannot_add_a_section_a_link_or_markup(
        project: Path, add: Callable[[str, str], Path]) -> None:
    add("glossary/terms/evil.yml", EVIL_TERM)
    add("glossary/stages/evil-stage.yml", EVIL_STAGE)
    files = built_files(project)
    assert list(sections(files[LLMS_TXT])) == ["Glossary", "Pipeline", "Roles", "Frameworks"]
    assert [h for h in files[LLMS_FULL_TXT].splitlines() if h.startswith("## ")] == [
        "## Terms", "## Stages", "## Roles", "## Frameworks"]
    for text in files.values():
        assert "<" not in text and ">" not in text.replace("\n> ", "\n")  # but the summary
        assert "evil.example" not in "".join(m["url"] for m in LINK.finditer(text))
        for line in text.splitlines():  # no value starts a line of its own
            assert not re.match(r"(#+ |- \[)(Injected|Also|Click|x\]|y\])", line), line
    assert ("- [3. Evil stage)(https://evil.example/d)](https://docs.example.com/talk/"
            "pipeline/evil-stage/): Purpose. ## Injected stage section - y: z"
            ) in files[LLMS_TXT].splitlines()
    assert "### Evil ](https://evil.example/a) [term (EVL)" in files[LLMS_FULL_TXT].splitlines()


def test_shoptalk_pages_writes_both_files_with_relative_links(
        project: Path, add: Callable[[str, str], Path]) -> None:
    add("docs/index.md", "# Home\n\nThe Economic Buyer signs.\n")
    out = project.parent / "pages-out"
    assert main(["--config", str(project / "shoptalk.yml"), "pages", "--out", str(out)]) == 0
    text = (out / "docs" / LLMS_TXT).read_text(encoding="utf-8")
    assert text.startswith("# Glossary\n\n> The shared selling language of Glossary.\n")
    assert "- [Glossary A–Z](glossary/): every term with its definition (6 terms)" in text
    assert (out / "docs" / LLMS_FULL_TXT).read_text(encoding="utf-8").startswith(
        "# Glossary: the whole selling language\n")
