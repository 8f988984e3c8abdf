"""The built site in a real browser (Debian's Chromium driven by Playwright), every page, both languages.

Skipped, with the reason shown, where no Chromium is installed:
    apt-get install chromium fonts-noto-cjk     (or set CHROMIUM=/path/to/chrome)
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from studysite import labs
from studysite.project import Project
from studysite.strings import LANGUAGES as LANGS

PROJECT = Project.find(Path(__file__).parent)
pages, html_of = PROJECT.pages, PROJECT.built_page

pytestmark = pytest.mark.browser

from playwright.sync_api import sync_playwright  # noqa: E402


def find_chromium() -> str | None:
    """Debian's Chromium, or one named by CHROMIUM=..., or Playwright's own (GitHub Actions)."""
    found = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    with sync_playwright() as playwright:
        bundled = playwright.chromium.executable_path
    return bundled if bundled and Path(bundled).exists() else None


CHROMIUM = find_chromium()
if not CHROMIUM and os.environ.get("CI"):
    pytest.fail("CI must run the browser tests: apt-get install chromium fonts-noto-cjk", pytrace=False)
if not CHROMIUM:
    pytest.skip("browser tests need Chromium: apt-get install chromium fonts-noto-cjk (or set CHROMIUM=...)",
                allow_module_level=True)

FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
LAB_PAGES = [Path("labs") / (Path(lab).stem + ".md") for lab in labs.discover(PROJECT.labs)]


MARKER = re.compile(r"^\s*# --8<-- \[(start|end):[\w-]+\]\s*$")


def tidy(code: str) -> str:
    return "\n".join(line.rstrip() for line in code.strip("\n").splitlines()).strip()


@functools.cache
def snippet_views(title: str) -> set[str]:
    """What a page may show of a snippet: the whole file without markers, or one section."""
    lines = (PROJECT.snippets / title.removeprefix("snippets/")).read_text(encoding="utf-8").splitlines()
    views = {tidy("\n".join(line for line in lines if not MARKER.match(line)))}
    for name in re.findall(r"\[start:([\w-]+)\]", "\n".join(lines)):
        start = next(i for i, line in enumerate(lines) if f"[start:{name}]" in line)
        end = next(i for i, line in enumerate(lines) if f"[end:{name}]" in line)
        views.add(tidy("\n".join(line for line in lines[start + 1:end] if not MARKER.match(line))))
    return views


def every_page():
    return [(lang, page) for lang in LANGS for page in pages(lang) + LAB_PAGES]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(site):
    handler = functools.partial(QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


def url_of(server: str, site: Path, lang: str, page: Path) -> str:
    folder = html_of(site, lang, page).parent.relative_to(site).as_posix()
    return server if folder == "." else f"{server}{folder}/"


class Visit:
    """One page load with everything the page did on the network and the console."""

    def __init__(self, browser, url: str, server: str, **context):
        self.context = browser.new_context(**context)
        self.page = self.context.new_page()
        self.errors, self.failed, self.foreign = [], [], []
        host = urlsplit(server).netloc
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("requestfailed", lambda r: self.failed.append(f"{r.url} ({r.failure})"))
        self.page.on("response", lambda r: r.status >= 400 and self.failed.append(f"{r.url} ({r.status})"))
        self.page.on("request", lambda r: urlsplit(r.url).netloc not in (host, "")
                     and not r.url.startswith("data:") and self.foreign.append(r.url))
        self.page.goto(url, wait_until="networkidle")

    def close(self):
        self.context.close()


@pytest.mark.parametrize(("lang", "page"), every_page(), ids=lambda v: str(v))
def test_page_in_the_browser(browser, server, site, lang, page):
    url = url_of(server, site, lang, page)
    visit = Visit(browser, url, server)
    p = visit.page
    where = f"docs/{lang}/{page} ({url})"
    try:
        assert not visit.failed, f"{where}: failed requests {visit.failed}"
        assert not visit.errors, f"{where}: console errors {visit.errors}"
        assert not visit.foreign, f"{where}: requests to other hosts {visit.foreign}"

        images = p.eval_on_selector_all(".md-content img", """els => Promise.all(els.map(async e => {
            e.loading = "eager";  // figures load lazily: fetch and decode them all now
            try { await e.decode(); } catch (error) {}
            return [e.currentSrc || e.src, e.naturalWidth, e.getAttribute("alt")];
        }))""")
        for src, width, alt in images:
            assert width > 0, f"{where}: image {src} does not decode"
            assert alt and alt.strip(), f"{where}: image {src} has no alt text"

        text = p.eval_on_selector(
            ".md-content", "el => { const c = el.cloneNode(true); c.querySelectorAll("
            "'pre, code, script, style, .snippet-output, .katex, .jp-OutputArea').forEach(n => n.remove());"
            " return c.innerText; }")
        raw = re.findall(r"\\\(|\\\[|\$\$|(?<![\w$])\$[^$\s][^$]*\$", text)
        assert not raw, f"{where}: math left as raw TeX: {raw[:3]}"
        assert p.locator(".arithmatex .katex").count() == p.locator(".arithmatex").count(), f"{where}: untypeset math"

        blocks = p.eval_on_selector_all(".md-content .highlight", """els => els.map(e => {
            const button = e.querySelector("button[data-md-type=copy], button.md-clipboard");
            const target = button && document.querySelector(button.dataset.clipboardTarget);
            return [(e.querySelector(".filename") || {}).textContent || "", target ? target.textContent : null];
        })""")
        for title, copied in blocks:
            if title.startswith("snippets/"):
                assert copied is not None, f"{where}: the code of {title} has no copy button"
                assert tidy(copied) in snippet_views(title), f"{where}: copying {title} does not give its code"

        other = "en" if lang == "ko" else "ko"
        with p.expect_navigation(wait_until="networkidle"):
            p.locator(f'a[hreflang="{other}"]').first.evaluate("a => a.click()")  # it sits in a hover menu
        assert p.url == url_of(server, site, other, page), f"{where}: the language switch went to {p.url}"
    finally:
        visit.close()


@pytest.mark.parametrize(("lang", "page"), every_page(), ids=lambda v: str(v))
def test_nothing_scrolls_sideways_on_a_phone(browser, server, site, lang, page):
    visit = Visit(browser, url_of(server, site, lang, page), server, viewport={"width": 360, "height": 740})
    try:
        width = visit.page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"docs/{lang}/{page}: the page is {width}px wide on a 360px screen"
    finally:
        visit.close()


def test_copy_button_copies_exactly_the_snippet(browser, server, site):
    """The first code block of the first lecture is the `fit` section of snippets/training/linear_fit.py."""
    visit = Visit(browser, url_of(server, site, "en", Path("lectures/models-and-training.md")), server)
    try:
        visit.context.grant_permissions(["clipboard-read", "clipboard-write"])
        block = visit.page.locator(".md-content .highlight").first
        block.hover()
        block.locator("button[data-md-type=copy], button.md-clipboard").first.click()
        copied = visit.page.evaluate("navigator.clipboard.readText()")
        source = (PROJECT.snippets / "training/linear_fit.py").read_text(encoding="utf-8")
        section = source.split("# --8<-- [start:fit]\n", 1)[1].split("# --8<-- [end:fit]", 1)[0]
        assert copied.strip() == section.strip()
    finally:
        visit.close()


# Queries a student would type, and the page each must find among the first results.
SEARCHES = [
    ("ko", "배치 크기", "lectures/models-and-training"),
    ("ko", "은닉층", "lectures/hidden-layers-and-activations"),
    ("ko", "은닉층은", "lectures/hidden-layers-and-activations"),
    ("ko", "과적합", "binary-classification"),
    ("ko", "소프트맥스", "multiclass-classification"),
    ("ko", "기울기 소실", "lectures/hidden-layers-and-activations"),
    ("ko", "MAPE", "faq/why-mape-is-huge"),
    ("ko", "혼동 행렬", "confusion"),
    ("ko", "활성화 함수", "hidden-layers-and-activations"),
    ("ko", "학습률", "learning"),
    ("ko", "학습 곡선", "learning-curves"),
    ("ko", "이진 분류", "binary-classification"),
    ("ko", "다중 분류", "multiclass-classification"),
    ("ko", "편향", "bias"),
    ("ko", "임곗값", "threshold"),
    ("ko", "교차 엔트로피", "crossentropy"),
    ("ko", "불균형", "rare-classes"),
    ("ko", "역전파", "models-and-training"),
    ("ko", "에포크", "models-and-training"),
    ("en", "hidden layer", "lectures/hidden-layers-and-activations"),
    ("en", "sigmoid", "sigmoid"),
    ("en", "overfitting", "binary-classification"),
    ("en", "softmax", "multiclass-classification"),
    ("en", "vanishing gradient", "lectures/hidden-layers-and-activations"),
    ("en", "batch size", "lectures/models-and-training"),
    ("en", "learning rate", "learning"),
    ("en", "learning curve", "learning-curves"),
    ("en", "bias", "bias"),
    ("en", "threshold", "threshold"),
    ("en", "cross-entropy", "crossentropy"),
    ("en", "confusion matrix", "confusion"),
    ("en", "MAE", "mae-in-thousands"),
    ("en", "epoch", "models-and-training"),
    ("en", "class imbalance", "rare-classes"),
    ("en", "back-propagation", "models-and-training"),
]


@pytest.mark.parametrize(("lang", "query", "expected"), SEARCHES, ids=lambda v: str(v))
def test_search_finds_the_page(browser, server, site, lang, query, expected):
    visit = Visit(browser, url_of(server, site, lang, Path("index.md")), server)
    try:
        p = visit.page
        box = p.locator("input.md-search__input")
        box.click()
        box.fill(query)
        box.press("End")  # filling fires no key event with Hangul; Material's search waits for one
        p.wait_for_selector(".md-search-result__item", timeout=10_000)
        links = p.eval_on_selector_all(".md-search-result__item > a", "els => els.slice(0, 8).map(e => e.href)")
        assert any(expected in link for link in links), f"{lang} search {query!r} found {links}"
        if lang == "en":
            assert all("/en/" in link for link in links), f"English search showed Korean pages: {links}"
    finally:
        visit.close()


def test_accessibility_has_no_serious_violations(browser, server, site):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    problems = []
    for lang, page in every_page():
        visit = Visit(browser, url_of(server, site, lang, page), server)
        try:
            results = axe.run(visit.page)
            for violation in results.response["violations"]:
                if violation["impact"] in ("serious", "critical"):
                    targets = [node["target"] for node in violation["nodes"][:3]]
                    problems.append(f"docs/{lang}/{page}: {violation['id']} ({violation['impact']}) at {targets}")
        finally:
            visit.close()
    assert not problems, "\n".join(problems)
