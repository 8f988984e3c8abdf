"""The practice pages in Chromium: answer a question of each kind with the keyboard, see the feedback, reload.

Uses the Chromium, the page visits and the server of test_browser (skipped, like it, without Chromium).
"""

from __future__ import annotations

import asyncio
import functools
import http.server
import os
import threading
from pathlib import Path

import pytest
from axe_playwright_python.async_playwright import Axe
from test_browser import Browser, QuietHandler, Visit, browser_tools, url_of

# Kept while the files they were sent are the same (tests/kept.py).
pytestmark = [pytest.mark.browser, pytest.mark.kept(served="practice_site", tools=browser_tools)]

PAGE = Path("practice/binary-classification.md")


@pytest.fixture(scope="module")
def browser():
    """A Chromium of this module's own, driven as test_browser drives its own (pytest gives one module's
    fixtures to no other)."""
    browser = Browser()
    yield browser
    browser.close()


@pytest.fixture(scope="module")
def practice_site(request) -> Path:
    """The site the tests build, or STUDYSITE_BUILT_SITE=<folder>: one built already (nothing runs again)."""
    built = os.environ.get("STUDYSITE_BUILT_SITE")
    return Path(built) if built else request.getfixturevalue("site")


@pytest.fixture(scope="module")
def practice_server(practice_site):
    handler = functools.partial(QuietHandler, directory=str(practice_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


async def answer_with_keyboard(page, quiz, choice: int) -> None:
    await quiz.locator('input[name="answer"]').nth(choice).focus()
    await page.keyboard.press("Space")  # auto_submit: choosing is answering


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_concept_check_and_a_predict_question_give_feedback_and_survive_a_reload(
        browser, practice_server, practice_site, lang):
    url = url_of(practice_server, practice_site, lang, PAGE)

    async def answer() -> list[str]:
        problems = []
        visit = await Visit.open(browser, url, practice_server)
        p = visit.page
        try:
            quizzes = p.locator(".quiz")
            concept = quizzes.nth(0)
            right = await concept.locator('input[name="answer"]').evaluate_all(
                "els => els.findIndex(e => e.dataset.correct === 'true')")
            await answer_with_keyboard(p, concept, right)
            if not await concept.locator("section.content").is_visible():
                problems.append("no explanation after a right answer")

            predict = None
            for i in range(await quizzes.count()):  # the first that shows code
                if await quizzes.nth(i).locator(".highlight").count():
                    predict = quizzes.nth(i)
                    break
            wrong = await predict.locator('input[name="answer"]').evaluate_all(
                "els => els.findIndex(e => e.dataset.correct !== 'true')")
            await answer_with_keyboard(p, predict, wrong)
            feedback = predict.locator(".quiz-feedback")
            if not (await feedback.is_visible() and (await feedback.inner_text()).strip()):
                problems.append("no feedback after a wrong answer")
            shown_right = await predict.locator('input[data-correct="true"] + label').inner_text()
            if "{output" in shown_right or not shown_right.strip():
                problems.append(f"the right choice is {shown_right!r}")
            await visit.settle()
            if visit.errors or visit.failed or visit.foreign:
                problems.append(f"console errors {visit.errors}, failed {visit.failed}, other hosts {visit.foreign}")

            await p.reload(wait_until="load")
            await p.locator(".quiz").first.wait_for()
            if not await p.locator(".quiz").nth(0).locator('input[name="answer"]').nth(right).is_checked():
                problems.append("the answer did not survive a reload")
            return problems
        finally:
            await visit.close()

    problems = browser.run(answer())
    assert not problems, f"{url}: " + "; ".join(problems)


def test_practice_pages_are_accessible_in_dark_mode(browser, practice_server, practice_site):
    async def check() -> list[str]:
        axe, problems = Axe(), []
        for lang in ("ko", "en"):
            for page in (PAGE, Path("practice/mock-exam.md")):
                url = url_of(practice_server, practice_site, lang, page)
                visit = await Visit.open(browser, url, practice_server, color_scheme="dark")
                try:
                    scheme = await visit.page.evaluate("document.body.getAttribute('data-md-color-scheme')")
                    if scheme != "slate":
                        problems.append(f"docs/{lang}/{page}: not in dark mode ({scheme})")
                        continue
                    if page == PAGE:
                        await answer_with_keyboard(visit.page, visit.page.locator(".quiz").first, 0)
                    await visit.settle()
                    context = {"include": [[".md-content"]]}  # the quiz widgets and their code
                    for violation in (await axe.run(visit.page, context=context)).response["violations"]:
                        if violation["impact"] in ("serious", "critical"):
                            problems.append(f"docs/{lang}/{page} (dark): {violation['id']} "
                                            f"at {[n['target'] for n in violation['nodes'][:3]]}")
                finally:
                    await visit.close()
        return problems

    problems = browser.run(check())
    assert not problems, "\n".join(problems)


# --- Output that looks like HTML, in a quiz choice --------------------------------------------------------

INJECTION = 'a`<img src=x onerror="window.__pwned_quiz=1">`b'
PROBE_SNIPPET = f'''# --8<-- [start:show]
text = {INJECTION!r}
print(text)
# --8<-- [end:show]
'''
PROBE_PAGE = """# {title}

<quiz>
{ask}

!snippet probe/show.py:show only=code

- [x] {{output}}
- [ ] {{mistake `print(text)` -> `print(text.upper())`}}

{why}
</quiz>
"""
PROBE_CONFIG = """site_name: Probe
docs_dir: docs
strict: true
theme: {name: material, font: false}
plugins:
  - studysite: {languages: [ko, en], downloads: false, practice_dir: practice}
  - studysite-practice
  - mkdocs_quiz:
      embed_source: false
      confetti: false
      language_patterns: [{pattern: "ko/**", language: ko}, {pattern: "en/**", language: en}]
markdown_extensions: [admonition, attr_list, md_in_html, pymdownx.highlight, pymdownx.superfences,
                      {pymdownx.arithmatex: {generic: true}}]
"""


@pytest.fixture(scope="module")
def probe_site(tmp_path_factory) -> Path:
    """A two-page site (one per language) whose quiz quotes a section that prints an <img onerror> between
    backticks, with a mistake whose run prints it too: built by the engine as the course is."""
    import subprocess
    import sys

    root = tmp_path_factory.mktemp("probe")
    (root / "snippets" / "probe").mkdir(parents=True)
    (root / "snippets" / "probe" / "show.py").write_text(PROBE_SNIPPET, encoding="utf-8")
    (root / "practice").mkdir()
    for lang, title, ask, why in (("ko", "출력", "무엇이 출력될까요?", "출력은 글자 그대로입니다."),
                                  ("en", "Output", "What does it print?", "The output is text.")):
        (root / "docs" / lang).mkdir(parents=True)
        (root / "docs" / lang / "p.md").write_text(PROBE_PAGE.format(title=title, ask=ask, why=why),
                                                   encoding="utf-8")
    (root / "docs" / "index.md").write_text("# Probe\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(PROBE_CONFIG, encoding="utf-8")
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root, capture_output=True,
                           text=True, timeout=300, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert build.returncode == 0, build.stderr[-3000:]
    return root / "site"


@pytest.mark.kept(served="probe_site", tools=browser_tools)
def test_output_that_looks_like_html_is_shown_as_text_in_a_quiz(browser, probe_site):
    handler = functools.partial(QuietHandler, directory=str(probe_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    server = f"http://127.0.0.1:{httpd.server_address[1]}/"

    async def look(lang: str) -> list[str]:
        visit = await Visit.open(browser, f"{server}{lang}/p/", server)
        p = visit.page
        try:
            quiz = p.locator(".quiz").first
            await quiz.wait_for()
            await answer_with_keyboard(p, quiz, 0)
            await answer_with_keyboard(p, quiz, 1)
            await visit.settle()
            problems = []
            if await p.evaluate("window.__pwned_quiz !== undefined"):
                problems.append(f"{lang}: the output's onerror handler ran")
            if await p.locator(".quiz img").count():
                problems.append(f"{lang}: the output became an <img> element")
            labels = await quiz.locator("label").all_inner_texts()
            if INJECTION not in labels or INJECTION.upper() not in labels:
                problems.append(f"{lang}: the choices are not the printed lines as text: {labels}")
            return problems
        finally:
            await visit.close()

    try:
        problems = [p for lang in ("ko", "en") for p in browser.run(look(lang))]
    finally:
        httpd.shutdown()
    assert not problems, "\n".join(problems)


# --- A student's progress, on a phone ------------------------------------------------------------------

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
SCORE = {"ko": "맞힌 문제 1 / {total} (답한 문제 2)", "en": "1 / {total} right (2 answered)"}
NOT_STARTED = {"ko": "아직 푼 문제가 없습니다", "en": "Not started yet"}


async def tap_choice(quiz, right: bool) -> None:
    inputs = quiz.locator('input[name="answer"]')
    index = await inputs.evaluate_all(
        f"els => els.findIndex(e => (e.dataset.correct === 'true') === {str(right).lower()})")
    await quiz.locator("fieldset > div").nth(index).locator("label").tap()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_on_a_phone_a_student_answers_retries_reviews_and_sees_the_scores(
        browser, practice_server, practice_site, lang):
    url = url_of(practice_server, practice_site, lang, PAGE)
    index_url = url_of(practice_server, practice_site, lang, Path("practice/index.md"))
    review_url = url_of(practice_server, practice_site, lang, Path("practice/review.md"))

    async def study() -> list[str]:
        problems = []
        visit = await Visit.open(browser, url, practice_server, **PHONE)
        p = visit.page
        p.on("dialog", lambda dialog: asyncio.ensure_future(dialog.accept()))
        try:
            quizzes = p.locator(".quiz")
            total = await quizzes.count()
            first, second = quizzes.nth(0), quizzes.nth(1)
            small = await p.evaluate("""() => [...document.querySelectorAll(
                '.quiz fieldset > div > label, .quiz .quiz-button:not(.hidden)')]
                .map(e => e.getBoundingClientRect()).filter(r => r.width > 0 && r.height < 44).length""")
            if small:
                problems.append(f"{small} answer rows or buttons are under 44 px tall on a phone")
            await tap_choice(first, right=False)
            retry = first.locator(".quiz-reset-button")
            if not await retry.is_visible():
                problems.append("no button to try a question again after a wrong answer")
            else:
                await retry.tap()
                await tap_choice(first, right=True)
                if "correct" not in (await first.locator(".quiz-feedback").inner_text()).lower() and \
                        not await first.locator(".quiz-feedback .correct").count():
                    problems.append("the second try, right, is not marked right")
            await tap_choice(second, right=False)
            wrong_question = (await second.locator(".quiz-question").inner_text()).strip()
            wrong_id = await second.get_attribute("id")
            await visit.settle()

            await p.goto(review_url, wait_until="load")
            listed = p.locator("#practice-review li")
            await listed.first.wait_for()
            texts = await listed.all_inner_texts()
            if len(texts) != 1 or " ".join(wrong_question.split())[:30] not in " ".join(texts[0].split()):
                problems.append(f"review lists {texts}, not only {wrong_question!r}")
            href = await listed.first.locator("a").get_attribute("href")
            if not href.endswith("#" + wrong_id):
                problems.append(f"the review links to {href}")

            await p.goto(index_url, wait_until="load")
            row = p.locator("tr", has=p.locator(f'a[href$="{PAGE.stem}/"], a[href$="{PAGE.stem}.html"]'))
            score = row.locator(".practice-score-text")
            await p.wait_for_function("t => [...document.querySelectorAll('.practice-score-text')]"
                                      ".some(e => !e.textContent.includes('?') && /\\d/.test(e.textContent))", arg=None)
            shown = (await score.inner_text()).strip()
            if shown != SCORE[lang].format(total=total):
                problems.append(f"the index shows {shown!r}, not {SCORE[lang].format(total=total)!r}")
            reset = row.locator(".practice-reset")
            box = await reset.bounding_box()
            if not box or box["height"] < 44:
                problems.append(f"the reset button is {box} on a phone")
            await reset.tap()
            if (await score.inner_text()).strip() != NOT_STARTED[lang]:
                problems.append(f"after a reset the index shows {await score.inner_text()!r}")
            await p.goto(review_url, wait_until="load")
            await p.locator("#practice-review .practice-review-empty").wait_for()
            return problems
        finally:
            await visit.close()

    problems = browser.run(study())
    assert not problems, f"{url}: " + "; ".join(problems)
