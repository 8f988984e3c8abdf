"""The practice pages in Chromium: answer a question of each kind with the keyboard, see the feedback, reload.

Uses the server, browser and site of test_browser (skipped, like it, without Chromium).
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from test_browser import CHROMIUM, FLAGS, QuietHandler, url_of

pytestmark = pytest.mark.browser

PAGE = Path("practice/binary-classification.md")


@pytest.fixture(scope="module")
def browser():
    """A synchronous Chromium of this module's own (tests/test_browser.py drives its own asynchronously)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


class Visit:
    """One page load, with the console errors, failed requests and requests to other hosts it made."""

    def __init__(self, browser, url: str, server: str, **context):
        self.context = browser.new_context(**context)
        self.page = self.context.new_page()
        self.errors, self.failed, self.foreign = [], [], []
        host = urlsplit(server).netloc
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: urlsplit(r.url).netloc not in (host, "") and not r.url.startswith("data:")
                     and self.foreign.append(r.url))
        self.page.on("response", lambda r: r.status >= 400 and self.failed.append(f"{r.url} ({r.status})"))
        self.page.goto(url, wait_until="networkidle")

    def close(self):
        self.context.close()


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


def answer_with_keyboard(page, quiz, choice: int) -> None:
    radio = quiz.locator('input[name="answer"]').nth(choice)
    radio.focus()
    page.keyboard.press("Space")  # auto_submit: choosing is answering


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_concept_check_and_a_predict_question_give_feedback_and_survive_a_reload(
        browser, practice_server, practice_site, lang):  # noqa: F811
    url = url_of(practice_server, practice_site, lang, PAGE)
    visit = Visit(browser, url, practice_server)
    p = visit.page
    try:
        quizzes = p.locator(".quiz")
        concept = quizzes.nth(0)
        right = concept.locator('input[name="answer"]').evaluate_all(
            "els => els.findIndex(e => e.dataset.correct === 'true')")
        answer_with_keyboard(p, concept, right)
        assert concept.locator("section.content").is_visible(), f"{url}: no explanation after a right answer"

        predict = next(quizzes.nth(i) for i in range(quizzes.count())
                       if quizzes.nth(i).locator(".highlight").count())  # the first that shows code
        wrong = predict.locator('input[name="answer"]').evaluate_all(
            "els => els.findIndex(e => e.dataset.correct !== 'true')")
        answer_with_keyboard(p, predict, wrong)
        feedback = predict.locator(".quiz-feedback")
        assert feedback.is_visible() and feedback.inner_text().strip(), f"{url}: no feedback after a wrong answer"
        shown_right = predict.locator('input[data-correct="true"] + label').inner_text()
        assert "{output" not in shown_right and shown_right.strip(), f"{url}: the right choice is {shown_right!r}"
        assert not visit.errors and not visit.failed and not visit.foreign, (visit.errors, visit.failed, visit.foreign)

        p.reload(wait_until="networkidle")
        kept = p.locator(".quiz").nth(0).locator('input[name="answer"]').nth(right)
        assert kept.is_checked(), f"{url}: the answer did not survive a reload"
    finally:
        visit.close()


def test_practice_pages_are_accessible_in_dark_mode(browser, practice_server, practice_site):  # noqa: F811
    from axe_playwright_python.sync_playwright import Axe

    axe, problems = Axe(), []
    for lang in ("ko", "en"):
        for page in (PAGE, Path("practice/mock-exam.md")):
            url = url_of(practice_server, practice_site, lang, page)
            visit = Visit(browser, url, practice_server, color_scheme="dark")
            try:
                scheme = visit.page.evaluate("document.body.getAttribute('data-md-color-scheme')")
                assert scheme == "slate", f"docs/{lang}/{page}: not in dark mode ({scheme})"
                answer_with_keyboard(visit.page, visit.page.locator(".quiz").first, 0) if page == PAGE else None
                context = {"include": [[".md-content"]]}  # the quiz widgets and their code
                for violation in axe.run(visit.page, context=context).response["violations"]:
                    if violation["impact"] in ("serious", "critical"):
                        problems.append(f"docs/{lang}/{page} (dark): {violation['id']} "
                                        f"at {[n['target'] for n in violation['nodes'][:3]]}")
            finally:
                visit.close()
    assert not problems, "\n".join(problems)
