"""The pipeline diagram and the self-check in a real Chromium, on a desktop and on a phone,
in the light and the dark scheme, with every request to another host refused and recorded."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterator
from typing import Any

import pytest

from .conftest import Tab
from .helpers import REPO, build_site, make_project, serve
from .test_quiz import GLOSSARY, TERM

pytestmark = pytest.mark.browser

SCREENS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
SHOTS = REPO / "screenshots" / "diagram-quiz"
# Material's repository button fetches the repository's facts (stars, version) from the
# GitHub API once per session; given here, so the only remaining requests are the site's.
SOURCE_FACTS = 'sessionStorage.setItem("/.__source", JSON.stringify({version: "1.0"}));'
# A seeded Math.random: each page load takes the next seed, so a reload asks a new set and
# a test run always asks the same ones.
SEEDED_RANDOM = """
(() => {
  const key = "__quiz_seed";
  let seed = Number(sessionStorage.getItem(key) || "1");
  sessionStorage.setItem(key, String(seed + 1));
  Math.random = () => {
    seed = (seed * 16807) % 2147483647;
    return (seed - 1) / 2147483646;
  };
})();
"""


class Reader(Tab):
    """A tab that also records every request the page tried to make to another host."""

    def __init__(self, page: Any, base: str) -> None:
        self.external: list[str] = []
        super().__init__(page, base)

    def _external(self, route: Any) -> None:  # type: ignore[override]
        self.external.append(route.request.url)
        route.abort()


@pytest.fixture
def reader(browser: Any, starter_url: str, request: pytest.FixtureRequest) -> Iterator[Reader]:
    screen, scheme = getattr(request, "param", ("desktop", "light"))
    page = browser.new_page(viewport=SCREENS[screen], color_scheme=scheme)
    page.add_init_script(SOURCE_FACTS + SEEDED_RANDOM)
    tab = Reader(page, starter_url)
    yield tab
    assert tab.external == [] and tab.errors == []
    page.close()


def pool_of(page: Any) -> dict[str, dict[str, Any]]:
    data = page.eval_on_selector(".st-quiz", "q => q.dataset.pool")
    return {q["key"]: q for q in json.loads(data)}


def asked(page: Any) -> list[str]:
    return page.eval_on_selector_all(".st-quiz__list .st-quiz__q",
                                     "qs => qs.map(q => q.dataset.key)")


def choice(page: Any, n: int, right: bool) -> Any:
    """The right (or the first wrong) choice of the ``n``-th question asked."""
    key = asked(page)[n]
    q = pool_of(page)[key]
    index = q["answer"] if right else next(i for i in range(len(q["choices"]))
                                           if i != q["answer"])
    return page.locator(".st-quiz__list .st-quiz__q").nth(n).locator(".st-quiz__choice") \
        .nth(index), q


BOTH = [(s, c) for s in SCREENS for c in ("light", "dark")]


@pytest.mark.parametrize("reader", BOTH, indirect=True, ids=lambda p: "-".join(p))
@pytest.mark.parametrize("path", ["pipeline/", "start-here/"])
def test_the_pipeline_is_an_svg_diagram(reader: Reader, path: str) -> None:
    page = reader.open(path)
    phone = page.viewport_size["width"] < 600
    shown = page.locator(".st-diagram__svg--tall" if phone else ".st-diagram__svg--wide")
    hidden = page.locator(".st-diagram__svg--wide" if phone else ".st-diagram__svg--tall")
    assert shown.is_visible() and not hidden.is_visible()
    names = shown.locator(".st-diagram__name").all_text_contents()
    assert names == ["Prospect", "Qualify", "Discover", "Validate", "Propose", "Negotiate",
                     "Closed won", "Closed lost"]
    assert "flowchart" not in page.locator("article").inner_text()
    # The drawing follows the scheme: its text is the page's text colour, light on dark.
    fill = shown.locator(".st-diagram__name").first.evaluate("t => getComputedStyle(t).fill")
    assert fill == page.evaluate("getComputedStyle(document.querySelector('.md-typeset')).color")
    red, green, blue = (int(v) for v in fill[fill.index("(") + 1:].split(",")[:3])
    dark = page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert (red + green + blue > 3 * 128) == dark, fill
    box = shown.bounding_box()
    assert box is not None and box["width"] <= page.viewport_size["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    SHOTS.mkdir(parents=True, exist_ok=True)
    shown.screenshot(path=str(SHOTS / f"{path.strip('/')}-{page.viewport_size['width']}-"
                              f"{page.evaluate('document.body.dataset.mdColorScheme')}.png"))


def test_a_stage_box_opens_its_stage_page(reader: Reader) -> None:
    page = reader.open("pipeline/")
    page.locator(".st-diagram__svg--wide .st-diagram__stage", has_text="Discover").click()
    page.wait_for_url("**/pipeline/discover/")
    assert page.locator("h1").inner_text().startswith("Discover")


def test_the_pool_puts_the_right_answer_in_every_position(reader: Reader) -> None:
    pool = pool_of(reader.open("start-here/"))
    assert len(pool) == 40
    assert {q["answer"] for q in pool.values()} == {0, 1, 2, 3}


def test_an_answer_says_right_or_wrong_and_links_its_page(reader: Reader) -> None:
    page = reader.open("start-here/")
    score = page.locator(".st-quiz__score")
    assert score.inner_text() == "0 of 0 right · 10 to go"
    wrong, q = choice(page, 0, right=False)
    wrong.click()
    first = page.locator(".st-quiz__list .st-quiz__q").nth(0)
    feedback = first.locator(".st-quiz__feedback")
    right_text = q["choices"][q["answer"]]
    assert feedback.inner_text().startswith(f"✗ Not quite. The answer is “{right_text}”.")
    assert wrong.get_attribute("data-state") == "wrong"
    assert first.locator(".st-quiz__choice[data-state=right]").inner_text() == right_text
    assert score.inner_text() == "0 of 1 right · 9 to go"
    right, _ = choice(page, 1, right=True)
    right.click()
    second = page.locator(".st-quiz__list .st-quiz__q").nth(1).locator(".st-quiz__feedback")
    assert second.inner_text().startswith("✓ Right. ")
    assert score.inner_text() == "1 of 2 right · 8 to go"
    link = feedback.locator("a")
    assert link.inner_text() == f"Read about {q['page_label']}"
    link.click()
    page.wait_for_load_state("networkidle")
    expected = q["page"].replace("../", "/")
    assert page.url.endswith(expected)
    assert page.locator("h1").count() == 1


@pytest.mark.parametrize("reader", [("desktop", "light"), ("phone", "dark")], indirect=True,
                         ids=lambda p: "-".join(p))
def test_the_score_stays_visible_while_scrolling(reader: Reader) -> None:
    page = reader.open("start-here/")
    choice(page, 0, right=True)[0].click()
    last = page.locator(".st-quiz__list .st-quiz__q").last
    last.scroll_into_view_if_needed()
    page.mouse.wheel(0, 200)
    page.wait_for_timeout(200)
    on_top = page.evaluate("""() => {
        const r = document.querySelector('.st-quiz__score').getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + 5, r.top + r.height / 2);
        return r.top >= 0 && r.bottom <= innerHeight && hit !== null
            && hit.closest('.st-quiz__bar') !== null;
    }""")
    assert on_top
    assert page.locator(".st-quiz__score").inner_text() == "1 of 1 right · 9 to go"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"quiz-scrolled-{page.viewport_size['width']}.png"))


@pytest.mark.parametrize("reader", [("desktop", "light"), ("phone", "dark")], indirect=True,
                         ids=lambda p: "-".join(p))
def test_the_back_to_top_button_leaves_the_score_uncovered(reader: Reader) -> None:
    """Material shows its back-to-top button when the reader scrolls up, at the top of the
    window by default: where the score sticks."""
    page = reader.open("start-here/")
    page.locator(".st-quiz__list .st-quiz__q").last.scroll_into_view_if_needed()
    page.mouse.wheel(0, 400)
    page.wait_for_timeout(200)
    page.mouse.wheel(0, -300)  # scrolling up brings the button
    page.wait_for_selector(".md-top:not([hidden])")
    page.wait_for_timeout(300)  # its entrance transition
    overlap = page.evaluate("""() => {
        const a = document.querySelector('.md-top').getBoundingClientRect();
        const b = document.querySelector('.st-quiz__bar').getBoundingClientRect();
        return Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left))
             * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
    }""")
    assert overlap == 0
    top = page.locator(".md-top").bounding_box()
    assert top is not None and top["y"] + top["height"] <= page.viewport_size["height"]
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"quiz-back-to-top-{page.viewport_size['width']}.png"))


def test_each_visit_asks_a_new_set(reader: Reader) -> None:
    page = reader.open("start-here/")
    first = asked(page)
    page.reload()
    page.wait_for_load_state("networkidle")
    second = asked(page)
    assert len(first) == len(second) == 10 and len(set(first)) == 10
    assert first != second
    pool = pool_of(page)
    assert set(first) <= set(pool) and set(second) <= set(pool)
    page.locator(".st-quiz__again").click()  # and a new set without reloading
    assert asked(page) not in (first, second)


def test_the_quiz_can_be_done_with_the_keyboard_alone(reader: Reader) -> None:
    page = reader.open("start-here/")
    page.locator(".st-quiz__again").focus()  # where Tab from the heading above arrives
    page.keyboard.press("Enter")  # a new set; focus moves to its first choice
    for n in range(10):
        for _ in range(6):  # past the feedback link of the question before
            if page.evaluate("document.activeElement.matches('.st-quiz__choice:enabled')"):
                break
            page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.closest('.st-quiz__q').dataset.key") \
            == asked(page)[n]
        page.keyboard.press("Tab")  # the second choice
        page.keyboard.press("Space")
        assert page.evaluate("document.activeElement.classList.contains('st-quiz__feedback')")
    assert page.locator(".st-quiz__score").inner_text().endswith("· done!")
    assert page.locator(".st-quiz__summary").is_visible()
    assert page.locator(".st-quiz__list .st-quiz__feedback:visible").count() == 10


@pytest.mark.parametrize("reader", [("phone", "light")], indirect=True,
                         ids=lambda p: "-".join(p))
def test_on_a_phone_question_text_stays_inside_its_box(reader: Reader) -> None:
    page = reader.open("start-here/")
    for n in range(10):
        choice(page, n, right=n % 2 == 0)[0].click()
    outside = page.evaluate("""() => [...document.querySelectorAll('.st-quiz__list .st-quiz__q')]
        .flatMap(q => {
            const box = q.getBoundingClientRect();
            return [...q.querySelectorAll('.st-quiz__prompt, .st-quiz__choice, '
                                          + '.st-quiz__feedback')]
                .filter(e => { const r = e.getBoundingClientRect();
                    return r.left < box.left + 4 || r.right > box.right - 4
                        || r.top < box.top + 4 || r.bottom > box.bottom - 4; })
                .map(e => e.className);
        })""")
    assert outside == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_without_javascript_the_page_shows_a_fixed_set(browser: Any, starter_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.route(lambda url: not url.startswith(starter_url), lambda route: route.abort())
    page.goto(starter_url + "start-here/")
    questions = page.locator(".st-quiz__static > .st-quiz__q")
    assert questions.count() == 10 and questions.first.is_visible()
    assert not questions.first.locator("details p").is_visible()
    questions.first.locator("summary").click()
    assert questions.first.locator("details p").inner_text().startswith("Answer: ")
    assert page.locator(".st-diagram__svg--wide .st-diagram__name").first.is_visible()
    context.close()


HOSTILE = "</script><script>alert(1)</script> {{ 6*7 }}"


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The quiz test glossary with script in a definition and a stage name."""
    root = tmp_path_factory.mktemp("hostile-quiz")
    files = {**GLOSSARY,
             "terms/coach.yml": TERM.format(name="Coach", category="people",
                                            definition=json.dumps(HOSTILE)),
             "stages/propose.yml": GLOSSARY["stages/propose.yml"].replace(
                 "name: Propose", "name: '</script><script>window.__pwned=1</script>'")}
    for name, text in files.items():
        path = root / "glossary" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    project = root / "project"
    project.mkdir()
    config = make_project(project, glossary=root / "glossary",
                          shoptalk_yml="rules: {bad-value: warning, plain-text: warning}\n",
                          pages={
                              "index.md": "# Home\n",
                              "start-here.md": "# Start here\n\n{{ quiz(40) }}\n"},
                          nav=[{"Home": "index.md"}, {"Pipeline": "pipeline/index.md"},
                               {"Start here": "start-here.md"}])
    build_site(config, project / "site")
    with serve(project / "site") as url:
        yield url


def test_a_hostile_glossary_quiz_runs_no_script(browser: Any, hostile_url: str) -> None:
    page = browser.new_page()
    page.add_init_script(SOURCE_FACTS)
    tab = Reader(page, hostile_url)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for path in ("start-here/", "pipeline/"):
        tab.open(path)
        assert page.locator("article script:not([type='application/ld+json'])").count() == 0
    page.goto(hostile_url + "start-here/")
    page.wait_for_load_state("networkidle")
    shown = "‹/script›‹script›alert(1)‹/script› {{ 67 }}"  # plain text: the * mark dropped,
    # the braces never run as a template (that would say 42)
    pool = pool_of(page)
    assert pool["name/coach"]["prompt"] == f"Which term means: “{shown}”"
    for n in range(len(asked(page))):
        choice(page, n, right=n % 2 == 1)[0].click()
    assert page.locator(".st-quiz__list").inner_text().count("‹script›") >= 1
    assert page.evaluate("window.__pwned") is None and dialogs == []
    assert tab.errors == [] and tab.external == []
    page.close()
