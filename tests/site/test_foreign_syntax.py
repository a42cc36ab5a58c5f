"""Pages carried over from other engines build: their syntax is shown as written, never run."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from shoptalk.check.docs import check_docs
from shoptalk.config import load_config
from shoptalk.load import load_glossary

from .helpers import build_site, html, make_project

PAGE = """\
# Pricing {#pricing-desk}

Dear {{Account Name}}, your {{ term("ICP") }} is ready.

{{% notice tip %}}Ask for the {{< param "quarter" >}} numbers.{{% /notice %}}
"""


def test_foreign_syntax_builds_and_checks_clean(tmp_path: Path) -> None:
    config = make_project(tmp_path, pages={"index.md": PAGE}, nav=[])
    assert build_site(config, tmp_path / "site", strict=True) == []
    out = html(tmp_path / "site", "")
    assert 'id="pricing-desk"' in out
    assert "Dear {{Account Name}}, your" in out
    assert "{{% notice tip %}}" in out and "{{&lt; param" in out
    settings = load_config(tmp_path)
    glossary, _ = load_glossary(settings.glossary, settings.root)
    (scan,) = check_docs(settings, glossary)
    assert scan.problems == []


@pytest.mark.parametrize("code", ["{{ config }}", "{{ Account.__class__ }}",
                                  '{{< x "{{ config }}" >}}'])
def test_real_template_code_is_still_refused(tmp_path: Path, code: str) -> None:
    config = make_project(tmp_path, pages={"index.md": f"# Home\n\n{{{{% x %}}}} {code}\n"},
                          nav=[])
    with pytest.raises(Abort):
        build_site(config, tmp_path / "site", strict=True)
