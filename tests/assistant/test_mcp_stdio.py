"""``shoptalk mcp`` as a real subprocess, driven by the MCP SDK's own stdio client."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import anyio
import pytest
from mcp.client.session import ClientSession
from mcp.client.stdio import StdioServerParameters, stdio_client
from mcp.shared.exceptions import MCPError

TOOLS = {"define", "search", "stage", "who_needs", "check_text"}
TEMPLATES = {"shoptalk://terms/{id}", "shoptalk://stages/{id}", "shoptalk://roles/{id}",
             "shoptalk://frameworks/{id}"}


def text_of(result: Any) -> str:
    return "".join(part.text for part in result.content)


async def converse(project: Path) -> None:
    params = StdioServerParameters(command=sys.executable, args=["-m", "shoptalk", "mcp"],
                                   cwd=str(project))
    async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
        hello = await session.initialize()
        assert hello.server_info.name == "shoptalk"

        tools = (await session.list_tools()).tools
        assert {tool.name for tool in tools} == TOOLS
        for tool in tools:
            assert tool.annotations is not None and tool.annotations.read_only_hint is True
            assert tool.annotations.destructive_hint is False
        resources = (await session.list_resources()).resources
        assert [str(r.uri) for r in resources] == ["shoptalk://language"]
        templates = (await session.list_resource_templates()).resource_templates
        assert {t.uri_template for t in templates} == TEMPLATES

        async def ok(tool: str, **arguments: str) -> str:
            result = await session.call_tool(tool, arguments)
            assert result.is_error is False, text_of(result)
            return text_of(result)

        async def refused(tool: str, **arguments: str) -> str:
            result = await session.call_tool(tool, arguments)
            assert result.is_error is True
            return text_of(result)

        # Good questions.
        assert (await ok("define", term="icp")).startswith("## Ideal Customer Profile (ICP)")
        assert (await ok("define", term="budget holder")).startswith(
            "'budget holder' is wording we avoid: say 'Economic Buyer' instead.")
        assert "3 records mention 'customer':" in await ok("search", query="customer")
        assert "- Exit criteria:\n  - The pain is written down" in await ok("stage", name="Qualify")
        assert "needed by Account Executive (AE)" in await ok("who_needs", item="EB")
        assert await ok("check_text", text="Ask the budget holder about KTLO.") == (
            "2 findings:\n\n"
            "1:9: warning: say 'Economic Buyer', not 'budget holder' (see "
            "glossary/terms/economic-buyer.yml) [avoided-wording]\n"
            "1:29: error: 'KTLO' is not a defined term or allowed acronym; define it in "
            "glossary/terms/ or add it to allow_acronyms in shoptalk.yml [undefined-acronym]\n")

        # Bad ones: a clear tool error each, and the server answers the next call.
        assert "'Ideal Custmer Profile' matches no term; did you mean 'Ideal Customer " \
               "Profile'?" in await refused("define", term="Ideal Custmer Profile")
        assert "term is empty" in await refused("define", term="")
        missing = await refused("define")  # the argument is missing
        assert "term" in missing and "required" in missing
        assert "query is empty" in await refused("search", query=" ")
        assert "did you mean 'qualify'?" in await refused("stage", name="Qualfy")
        assert "no stage and no required information matches" in await refused(
            "who_needs", item="signed PO")
        assert "text is empty" in await refused("check_text", text="")
        assert "text is 1,000,001 bytes; the checker takes at most 1,000,000 bytes" in \
            await refused("check_text", text="a" * 1_000_001)
        assert (await ok("define", term="EB")).startswith("## Economic Buyer (EB)")

        # Resources.
        term = await session.read_resource("shoptalk://terms/economic-buyer")
        assert term.contents[0].text.startswith("## Economic Buyer (EB)")  # type: ignore[union-attr]
        whole = await session.read_resource("shoptalk://language")
        assert "### Stage 1: Qualify" in whole.contents[0].text  # type: ignore[union-attr]
        with pytest.raises(MCPError, match="no stage has the id 'propse'"):
            await session.read_resource("shoptalk://stages/propse")

        # An edit to the glossary is read by the next call, with no restart.
        path = project / "glossary" / "terms" / "economic-buyer.yml"
        path.write_text(path.read_text(encoding="utf-8").replace(
            "approve the spend without asking anyone else",
            "sign off the whole purchase alone"), encoding="utf-8")
        assert "- Definition: The person who can sign off the whole purchase alone." in \
            await ok("define", term="EB")


def test_the_server_answers_over_stdio_and_survives_bad_calls(project: Path) -> None:
    anyio.run(converse, project)
    assert not (project / ".shoptalk-cache").exists()  # it never writes
