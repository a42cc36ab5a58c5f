"""A page cannot run Python or read the build's environment through template code."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest
import yaml
from jinja2.sandbox import SecurityError
from mkdocs.exceptions import Abort

from shoptalk.macros import define_env, on_pre_page_macros
from shoptalk.page_template import MACRO_NAMES

from .helpers import build_site, html, make_project

SECRET = "quaylight-deploy-token-5ec7e7"


def _without_checker(config: Path) -> None:
    """Turn off the plugin's docs check, so only the macros hook stands between page and Jinja."""
    settings = yaml.load(config.read_text(encoding="utf-8"), Loader=yaml.Loader)
    settings["plugins"] = [{"shoptalk": {"check": False}} if p == "shoptalk" else p
                           for p in settings["plugins"]]
    config.write_text(yaml.dump(settings, sort_keys=False), encoding="utf-8")


def _everything_written(root: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace")
                     for p in root.rglob("*") if p.is_file())


@pytest.mark.parametrize("checker", [True, False], ids=["with-checker", "hook-only"])
def test_a_hostile_page_fails_the_build_and_nothing_of_it_is_evaluated(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
        checker: bool) -> None:
    monkeypatch.setenv("SHOPTALK_SECRET", SECRET)
    ran = tmp_path / "command-ran"
    page = (
        "# Home\n\n"
        'Token: {{ cycler.__init__.__globals__.os.environ.get("SHOPTALK_SECRET") }}\n\n'
        f'Run: {{{{ lipsum.__globals__["os"].popen("touch {ran}").read() }}}}\n\n'
        "And {{ config }} {{ environment }}\n"
    )
    root = tmp_path / "project"
    root.mkdir()
    config = make_project(root, pages={"index.md": page}, nav=[])
    if not checker:
        _without_checker(config)
    with pytest.raises(Abort):
        build_site(config, root / "site", strict=True)
    messages = "\n".join(r.getMessage() for r in caplog.records)
    for where, name in [("3:8", "'.__init__'"), ("5:6", "'.__globals__'"),
                        ("7:5", "'config'"), ("7:18", "'environment'")]:
        assert re.search(rf"docs/index\.md:{where}: error: {name} .*\[template-code\]",
                         messages), messages
    assert "Traceback" not in messages
    assert not ran.exists()
    assert SECRET not in messages
    assert SECRET not in _everything_written(root)
    assert not (root / "site" / "index.html").exists()


def test_a_template_in_the_title_fails_the_build(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    page = "---\ntitle: \"{{ cycler.__init__ }}\"\n---\n\nBody.\n"
    config = make_project(tmp_path, pages={"index.md": page}, nav=[])
    _without_checker(config)
    with pytest.raises(Abort):
        build_site(config, tmp_path / "site", strict=True)
    messages = "\n".join(r.getMessage() for r in caplog.records)
    assert re.search(r"docs/index\.md:2:9: error: '\.__init__' .*\[template-code\]", messages)


def test_macros_code_samples_and_braces_still_render(tmp_path: Path) -> None:
    page = ('# Home\n\n{{ term("ICP", label="our profile") }} and {{ quiz(3) }}.\n\n'
            'Braces: {{ "{{" }}. Code: `{{ config }}` and `{%endraw%}{{ config }}`.\n')
    config = make_project(tmp_path, pages={"index.md": page}, nav=[])
    build_site(config, tmp_path / "site", strict=True)
    out = html(tmp_path / "site", "")
    assert 'href="glossary/ideal-customer-profile/"' in out and ">our profile<" in out
    assert "Braces: {{." in out
    assert "<code>{{ config }}</code>" in out
    assert "<code>{%endraw%}{{ config }}</code>" in out


class _Page(SimpleNamespace):
    pass


def test_the_jinja_environment_holds_nothing_but_the_macros() -> None:
    """Defence in depth: even a template the policy let through reaches no variables."""
    macros: dict[str, object] = {}
    registrar = SimpleNamespace(macro=lambda f, name="": macros.setdefault(name or f.__name__, f)
                                or f)
    define_env(registrar)
    assert set(macros) == MACRO_NAMES

    jinja = jinja2.Environment(undefined=jinja2.StrictUndefined)  # on_undefined: strict
    jinja.globals.update(macros)
    page = _Page(meta={}, title="Home", file=SimpleNamespace(
        src_path="index.md", abs_src_path=None))
    env = SimpleNamespace(
        env=jinja, page=page, markdown='{{ term("ICP") }}', conf={"plugins": {}},
        config={"render_by_default": True}, force_page_rendering=lambda path: False,
        variables={"page": page, "config": {"site_name": "x"}, "environment": {},
                   "git": {}, "macros_info": print, "plugin": {}})
    on_pre_page_macros(env)
    assert set(env.variables) == {"page"}
    assert set(jinja.globals) == MACRO_NAMES
    assert not jinja.filters
    assert jinja.sandboxed
    for name in ("cycler", "lipsum", "config", "range", "namespace", "self.__class__"):
        with pytest.raises((jinja2.UndefinedError, SecurityError)):
            jinja.from_string(f"{{{{ {name} }}}}").render(**env.variables)


def test_serve_shows_the_problems_in_the_page_and_renders_nothing() -> None:
    # Under serve the site build draws the problem panel (tests/site/test_serve.py shows it
    # in a browser); the hook hands it the problems and keeps every byte away from Jinja.
    reported: list[tuple[str, str]] = []
    build = SimpleNamespace(live=True, docs={}, report=lambda uri, problem: (
        reported.append((uri, problem.format())), True)[1])
    page = _Page(meta={}, title="Home", file=SimpleNamespace(
        src_path="index.md", src_uri="index.md", abs_src_path=None))
    env = SimpleNamespace(
        env=jinja2.Environment(), page=page, markdown="Hi {{ config }}",
        conf={"plugins": {"shoptalk": SimpleNamespace(command="serve", build=build)}},
        config={"render_by_default": True}, force_page_rendering=lambda path: False,
        variables={"page": page})
    on_pre_page_macros(env)
    assert env.variables["page"].meta["render_macros"] is False
    assert env.markdown == ""
    assert [uri for uri, _ in reported] == ["index.md"]
    assert reported[0][1].startswith("index.md:1:4: error: 'config' is not one of")
    assert page.meta == {}  # the page itself is untouched
