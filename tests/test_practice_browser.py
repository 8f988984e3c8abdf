"""The practice pages in Chromium: answer a question of each kind with the keyboard, see the feedback, reload.

Uses the Chromium, the page visits and the server of test_browser (skipped, like it, without Chromium).
"""

from __future__ import annotations

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
