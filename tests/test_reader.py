"""What a student meets on a phone (390×844) and on a desktop, in both palettes (issue 24).

- Code and output blocks wrap on a phone (each wrapped line indented under its start), and no copy
  button covers code; a table of prose shows every cell whole and breaks no name in the middle; a
  quiz's "#" link covers no question.
- Search: the words students type find the section that teaches the concept first (QUERIES, a
  table of query -> first result), and results show math as text, never raw TeX.
- A check mark opens in place on a tap and from the keyboard, in the page's language, with the
  assert beneath and a link to its line in a page the browser reads as UTF-8; Escape closes it; axe
  finds nothing serious with it open.
- The footer speaks the page's language, code blocks are headed by what the example is, notebooks
  carry a kernelspec, outputs show data rather than Python's reprs of NumPy scalars.

The browser tests reuse tests/test_browser.py's Chromium, server and search box.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading
from pathlib import Path
from urllib.parse import unquote

import pytest
import test_browser
import yaml
from test_browser import PROJECT, Visit, url_of

from studysite import cache, runner

pytestmark = pytest.mark.browser

SCREENS = {"phone": {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True},
           "desktop": {"viewport": {"width": 1280, "height": 900}}}
PALETTES = {"light": "light", "dark": "dark"}  # the reader's system: Material follows it
HANGUL = re.compile("[\uac00-\ud7a3]")


def every_reader(test):
    """The test once per reader: each language, on a phone and on a desktop, in each palette. A visit is kept
    while every file the browser was sent, and the browser, are the same (tests/kept.py)."""
    for mark in (pytest.mark.parametrize("lang", PROJECT.languages), pytest.mark.parametrize("screen", SCREENS),
                 pytest.mark.parametrize("palette", PALETTES),
                 pytest.mark.kept(served="site", tools=test_browser.browser_tools)):
        test = mark(test)
    return test


# The pages with each kind of block: snippet code and output, a table of prose, a notebook, quizzes.
LAYOUT_PAGES = [Path("lectures/binary-classification.md"), Path("cheat-sheet.md"), Path("glossary.md"),
                Path("labs/01-regression-sales.md"), Path("practice/models-and-training.md")]

LAYOUT = r"""(phone) => {
    const problems = [];
    const shown = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden";
    const overlaps = (a, b) => a.right > b.left + 1 && a.left < b.right - 1
        && a.bottom > b.top + 1 && a.top < b.bottom - 1;
    const textRects = root => {  // the rectangles of the text itself (not of its white space)
        const out = [], walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node; (node = walker.nextNode());) {
            const text = node.textContent, start = text.search(/\S/);
            if (start < 0) continue;
            const range = document.createRange();
            range.setStart(node, start);
            range.setEnd(node, text.length - (text.length - text.trimEnd().length));
            out.push(...[...range.getClientRects()].filter(r => r.width > 0));
        }
        return out;
    };
    const name = e => ((e.closest(".highlight") || e).querySelector(".filename") || {}).textContent
        || e.textContent.trim().slice(0, 40);
    // Code and output blocks: on a phone, nothing runs off the block's right edge.
    for (const pre of document.querySelectorAll(".md-content pre")) {
        if (!shown(pre) || pre.closest(".md-typeset__table")) continue;
        const box = pre.querySelector(":scope > code") || pre;
        if (phone && box.scrollWidth > box.clientWidth + 1)
            problems.push(`block '${name(pre)}' is cut off: ${box.scrollWidth} px of text in ${box.clientWidth} px`);
        const button = (pre.closest(".highlight, .jp-InputArea-editor") || pre)
            .querySelector(".md-clipboard, clipboard-copy");
        if (button && shown(button)) {
            const b = button.getBoundingClientRect();
            if (textRects(box).some(r => overlaps(r, b)))
                problems.push(`the copy button covers code of '${name(pre)}'`);
        }
    }
    // Tables of prose: every cell whole on the screen, no name broken in the middle.
    for (const table of document.querySelectorAll(".md-content table")) {
        if (!shown(table) || table.closest(".snippet-table, .jupyter-wrapper")) continue;
        for (const cell of table.querySelectorAll("td, th")) {
            if (!shown(cell)) continue;
            const r = cell.getBoundingClientRect();
            const what = `table cell '${cell.textContent.trim().slice(0, 40)}'`;
            if (r.right > document.documentElement.clientWidth + 1 || r.left < -1)
                problems.push(`${what} lies outside the screen (${Math.round(r.left)}..${Math.round(r.right)} px)`);
            else if (cell.scrollWidth > cell.clientWidth + 3)  // inline code's own padding may stick out 2 px
                problems.push(`${what} is clipped`);
            // A name (binary_crossentropy, restore_best_weights) on one line: a break may come between names.
            const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
            for (let node; (node = walker.nextNode());) {
                for (const name of node.textContent.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) {
                    const range = document.createRange();
                    range.setStart(node, name.index);
                    range.setEnd(node, name.index + name[0].length);
                    const tops = new Set([...range.getClientRects()].filter(r => r.width > 0)
                        .map(r => Math.round(r.top)));
                    if (tops.size > 1) problems.push(`'${name[0]}' breaks in the middle over ${tops.size} lines`);
                }
            }
        }
    }
    // A quiz's "#" link, where it appears (on hover, on focus): on no question's text.
    for (const link of document.querySelectorAll(".quiz-header-link")) {
        const question = link.closest(".quiz").querySelector(".quiz-question");
        const b = link.getBoundingClientRect();
        if (question && textRects(question).some(r => overlaps(r, b)))
            problems.push(`the '#' of ${link.getAttribute("href")} covers its question`);
    }
    // Wrapped code keeps its indentation: a continuation starts right of its line's own start (the text
    // of a deeply indented line may start on the second row: then there is nothing to compare with).
    for (const line of document.querySelectorAll(".studysite-line")) {
        const rects = textRects(line);
        if (!phone || rects.length < 2) continue;
        const first = rects[0], later = rects.find(r => r.top > first.top + 2);
        const onFirstRow = first.top < line.getBoundingClientRect().top + first.height / 2;
        if (later && onFirstRow && later.left <= first.left + 1)
            problems.push(`a wrapped line of '${name(line.closest("pre"))}' loses its indentation`);
    }
    return problems;
}"""


async def look(browser, server, site, lang: str, screen: str, palette: str) -> dict[str, list[str]]:
    found = {}
    for page in LAYOUT_PAGES:
        url = url_of(server, site, lang, page)
        visit = await Visit.open(browser, url, server, color_scheme=PALETTES[palette], **SCREENS[screen])
        try:
            await visit.settle()
            scheme = await visit.page.evaluate("document.body.dataset.mdColorScheme")
            wanted = "slate" if palette == "dark" else "default"
            found[str(page)] = ([] if scheme == wanted else [f"the {scheme} palette, not {wanted}"]) + \
                await visit.page.evaluate(LAYOUT, screen == "phone") + visit.errors
            if page.name == "binary-classification.md":
                footer = await visit.page.inner_text(".md-copyright")
                korean = bool(HANGUL.search(footer))
                if korean != (lang == "ko") or (lang == "ko" and "Made with" in footer):
                    found[str(page)].append(f"the footer is not in the page's language: {footer!r}")
                headers = await visit.page.eval_on_selector_all(
                    ".highlight .filename", "els => els.map(e => [e.textContent, e.dataset.snippet || ''])")
                wanted_prefix = "예제: " if lang == "ko" else "Example: "
                bad = [h for h in headers if not h[0].startswith(wanted_prefix) or not h[1].startswith("snippets/")]
                if not headers or bad:
                    found[str(page)].append(f"code headers not '{wanted_prefix}…' with the path kept: {bad or headers}")
        finally:
            await visit.close()
    return found


@every_reader
def test_blocks_tables_and_quizzes_read_whole(browser, server, site, lang, screen, palette):
    found = browser.run(look(browser, server, site, lang, screen, palette))
    problems = [f"docs/{lang}/{page}: {problem}" for page, problems in found.items() for problem in problems]
    assert not problems, "\n".join(problems)



@pytest.fixture(scope="module")
def browser():
    """A Chromium of this module's own, driven as test_browser drives its own (pytest gives one module's
    fixtures to no other)."""
    one = test_browser.Browser()
    yield one
    one.close()


@pytest.fixture(scope="module")
def server(site):
    """The built site served as test_browser serves it (what is sent is recorded for kept visits)."""
    handler = functools.partial(test_browser.QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()

# --- Search ------------------------------------------------------------------------------

# Query as a student types it -> the section that teaches it first (the first result's link ends so).
QUERIES = [
    ("ko", "임계값", "lectures/binary-classification/#threshold"),
    ("ko", "임곗값", "lectures/binary-classification/#threshold"),
    ("ko", "과대적합", "lectures/overfitting-and-regularization/#overfitting"),
    ("ko", "과적합", "lectures/overfitting-and-regularization/#overfitting"),
    ("ko", "조기 종료", "lectures/overfitting-and-regularization/#early-stopping"),
    ("ko", "조기종료", "lectures/overfitting-and-regularization/#early-stopping"),
    ("ko", "배치 사이즈", "lectures/models-and-training/#epochs"),
    ("ko", "배치사이즈", "lectures/models-and-training/#epochs"),
    ("ko", "원핫 인코딩", "lectures/multiclass-classification/#crossentropy"),
    ("ko", "원-핫", "lectures/multiclass-classification/#crossentropy"),
    ("ko", "스케일링", "common-mistakes/#scaler-on-all-data"),
    ("ko", "표준화", "common-mistakes/#scaler-on-all-data"),
    ("ko", "early stopping", "lectures/overfitting-and-regularization/#early-stopping"),
    ("ko", "learning rate", "lectures/models-and-training/#fit"),
    ("ko", "학습률", "lectures/models-and-training/#fit"),
    ("ko", "정밀도 재현율 차이", "lectures/multiclass-classification/#confusion-matrix"),
    ("en", "early stopping", "lectures/overfitting-and-regularization/#early-stopping"),
    ("en", "learning rate", "lectures/models-and-training/#fit"),
    ("en", "one-hot", "lectures/multiclass-classification/#crossentropy"),
    ("en", "batch size", "lectures/models-and-training/#epochs"),
    ("en", "precision recall difference", "lectures/multiclass-classification/#confusion-matrix"),
    ("en", "scaling", "common-mistakes/#scaler-on-all-data"),
]
# TeX a reader would see raw: its commands and delimiters (code in the index, such as "\\n" in a print or
# f"val_{metric}", is not TeX), and unicodeit's misreading of "\\lvert" as "łvert".
TEX = re.compile(r"\\(?:d?t?frac|hat|bar|sum|prod|max|min|[lr]?vert|q?quad|[lc]?dots|begin|end|text|math[a-z]+|"
                 r"times|cdot|sqrt|left|right|alpha|beta|epsilon|eta|sigma|partial|log|exp|infty)(?![a-zA-Z])"
                 r"|\\\(|\$[^$\s]|łvert")


async def first_results(browser, server, site, lang: str, queries: list[str]) -> dict[str, str]:
    """Each query typed as a student types it (as test_browser.search does: Hangul sends no key event, so
    a key is pressed after it), and the first result: its page and, where a section of it matched, the
    best section (Material shows a page's best sections under it), as `page/#anchor`."""
    visit = await Visit.open(browser, url_of(server, site, lang, Path("index.md")), server)
    found = {}
    try:
        p = visit.page
        box = p.locator("input.md-search__input")
        await box.click()
        for query in queries:
            await box.fill("")
            await box.press("End")
            await p.wait_for_function("!document.querySelector('.md-search-result__item')")
            await box.fill(query)
            await box.press("End")
            try:
                await p.wait_for_selector(".md-search-result__item", timeout=10_000)
            except Exception:  # noqa: BLE001 - no result at all
                found[query] = "(nothing)"
                continue
            links = await p.eval_on_selector(".md-search-result__item", """item => [...item.querySelectorAll(
                "a.md-search-result__link")].map(a => { const u = new URL(a.href); return u.pathname + u.hash; })""")
            page = links[0]
            section = next((link for link in links[1:] if "#" in link), "")
            found[query] = section if section.startswith(page) else page
    finally:
        await visit.close()
    return {query: unquote(link) for query, link in found.items()}


@pytest.fixture(scope="module")
def first_result(browser, server, site) -> dict[tuple[str, str], str]:
    found = {}
    for lang in PROJECT.languages:
        queries = [q for la, q, _ in QUERIES if la == lang]
        for query, link in browser.run(first_results(browser, server, site, lang, queries)).items():
            found[lang, query] = link
    return found


@pytest.mark.parametrize(("lang", "query", "expected"), QUERIES, ids=lambda v: str(v))
def test_a_students_words_find_the_section_that_teaches_them(first_result, lang, query, expected):
    link = first_result[lang, query]
    assert link == ("/en/" if lang == "en" else "/") + expected, \
        f"{lang} search {query!r}: the first result is {link}, not {expected}"


def test_search_results_show_math_as_text(site):
    for lang in PROJECT.languages:
        index = site / ("" if lang == PROJECT.languages[0] else lang) / "search" / "search_index.json"
        docs = json.loads(index.read_text(encoding="utf-8"))["docs"]
        raw = [(doc["location"], TEX.search(doc["title"] + " " + doc["text"])[0]) for doc in docs
               if TEX.search(doc["title"] + " " + doc["text"])]
        assert not raw, f"{lang}: raw TeX in the search index: {raw[:5]}"
        intro = PROJECT.text(lang, "claim_intro").split("{")[0]
        marks = [doc["location"] for doc in docs if intro in doc["text"] or "✓" in doc["text"]]
        assert not marks, f"{lang}: the index holds check marks or their details: {marks[:5]}"
        pilcrows = [doc["location"] for doc in docs if "¶" in doc["title"]]
        assert not pilcrows, f"{lang}: a title with its permalink sign: {pilcrows[:5]}"
        # The labs' "try it yourself" sections (once all titled alike) say what each one does.
        tries = [doc["title"] for doc in docs if doc["location"].startswith("labs/")
                 and doc["title"].startswith(("직접 해 보기", "Try it yourself"))]
        assert len(tries) == 3 and len(set(tries)) == 3 and all(":" in t for t in tries), \
            f"{lang}: the labs' try-it sections: {tries}"


# --- Figures --------------------------------------------------------------------------------

# Pages with figures of one panel and of several side by side (learning rates, regularization).
FIGURE_PAGES = [Path("lectures/learning-curves.md"), Path("lectures/overfitting-and-regularization.md")]

FIGURES = r"""async () => {
    const shown = e => e.getClientRects().length > 0 && getComputedStyle(e).display !== "none";
    const body = parseFloat(getComputedStyle(document.querySelector(".md-content .md-typeset p")).fontSize);
    const out = [];
    for (const img of document.querySelectorAll(".snippet-figure img")) {
        if (!shown(img)) continue;
        img.loading = "eager";  // a lazy image far down the page: load it now
        try { await img.decode(); } catch (e) { out.push({src: img.src, error: String(e)}); continue; }
        const svg = await (await fetch(img.currentSrc)).text();
        const width = parseFloat((svg.match(/<svg[^>]*width="([\d.]+)pt"/) || [])[1]);
        // matplotlib draws each text as glyph paths scaled by its size / 100, after a comment with the text
        const sizes = [...svg.matchAll(/scale\(([\d.]+) -[\d.]+\)/g)].map(m => 100 * parseFloat(m[1]));
        const texts = [...svg.matchAll(/<!-- (.*?) -->/g)].map(m => m[1]);
        out.push({src: img.currentSrc, shownWidth: img.getBoundingClientRect().width, width, body, texts,
                  smallest: sizes.length ? Math.min(...sizes) : null});
    }
    return out;
}"""


def english_labels() -> set[str]:
    """The figure texts the Korean label table translates: on a Korean page none of them may show."""
    table = yaml.safe_load((PROJECT.root / "snippets" / "figure_labels.ko.yml").read_text(encoding="utf-8"))
    return {text for text, korean in table["labels"].items() if text != korean and "{" not in text}


async def look_at_figures(browser, server, site, lang: str, screen: str, palette: str) -> list[str]:
    problems, english = [], english_labels()
    for page in FIGURE_PAGES:
        visit = await Visit.open(browser, url_of(server, site, lang, page), server,
                                 color_scheme=PALETTES[palette], **SCREENS[screen])
        try:
            figures = await visit.page.evaluate(FIGURES)
            if len(figures) < 2:
                problems.append(f"docs/{lang}/{page}: {len(figures)} figures shown")
            for figure in figures:
                where = f"docs/{lang}/{page} ({screen}, {palette}): {figure['src'].rsplit('/', 1)[-1]}"
                if "error" in figure:
                    problems.append(f"{where}: does not load ({figure['error']})")
                    continue
                wanted = "dark" in figure["src"].rsplit("/", 1)[-1]
                if wanted != (palette == "dark"):
                    problems.append(f"{where}: not the {palette} palette's figure")
                words = [t for t in figure["texts"] if re.search(r"[A-Za-z\uac00-\ud7a3]{2}", t)]
                if lang == "ko" and (left := sorted(set(words) & english)):
                    problems.append(f"{where}: English words on a Korean page: {left[:3]}")
                if lang != "ko" and (korean := [t for t in words if HANGUL.search(t)]):
                    problems.append(f"{where}: Korean words on an English page: {korean[:3]}")
                if screen == "phone" and figure["smallest"]:
                    px = figure["smallest"] * figure["shownWidth"] / figure["width"]
                    if px < figure["body"] - 0.05:
                        problems.append(f"{where}: its smallest text is {px:.1f} px on a phone, the page's "
                                        f"{figure['body']:.1f} px")
            problems += visit.errors
        finally:
            await visit.close()
    return problems


@every_reader
def test_figures_speak_the_pages_language_and_read_on_a_phone(browser, server, site, lang, screen, palette):
    """Each figure shown is its palette's, its words are the page's language, and on a phone its smallest text is
    as large as the page's own (the phone layout: panels stacked, text enlarged)."""
    problems = browser.run(look_at_figures(browser, server, site, lang, screen, palette))
    assert not problems, "\n".join(problems)


# --- Check marks ---------------------------------------------------------------------------

CLAIM_PAGE = Path("lectures/models-and-training.md")


async def open_a_claim(browser, server, site, lang: str, screen: str, palette: str) -> list[str]:
    from axe_playwright_python.async_playwright import Axe

    problems = []
    visit = await Visit.open(browser, url_of(server, site, lang, CLAIM_PAGE), server,
                             color_scheme=PALETTES[palette], **SCREENS[screen])
    try:
        p = visit.page
        grouped = p.locator("button.claim:has(.claim-count)").first
        button = grouped if await grouped.count() else p.locator("button.claim").first
        await button.scroll_into_view_if_needed()
        if screen == "phone":
            await button.tap()
        else:  # the keyboard: the mark is in the tab order, Enter opens it
            await button.focus()
            if await p.evaluate("document.activeElement.tabIndex") < 0:
                problems.append("the check mark is not in the tab order")
            await p.keyboard.press("Enter")
        details = p.locator("#" + await button.get_attribute("aria-controls"))
        if not await details.is_visible() or await button.get_attribute("aria-expanded") != "true":
            return problems + ["the check mark's details did not open"]
        mark, box = await button.bounding_box(), await details.bounding_box()
        if not (mark["y"] <= box["y"] <= mark["y"] + mark["height"] + 60):
            problems.append(f"the details open away from the mark: mark at y={mark['y']:.0f}, "
                            f"details at y={box['y']:.0f}")
        if box["x"] < 0 or box["x"] + box["width"] > SCREENS[screen]["viewport"]["width"] + 1:
            problems.append("the details run off the screen")
        intro = await details.locator(".claim-intro").inner_text()
        if bool(HANGUL.search(intro)) != (lang == "ko"):
            problems.append(f"the details are not in the page's language: {intro!r}")
        said = await details.locator(".claim-said").all_inner_texts()
        if not said or any(bool(HANGUL.search(words)) != (lang == "ko") for words in said):
            problems.append(f"the details do not say what was checked in the page's words: {said}")
        count = await button.locator(".claim-count").all_inner_texts()
        checks = await details.locator(".claim-check").count()
        if count and int(count[0]) != checks:
            problems.append(f"the mark counts {count[0]} claims, the details show {checks}")
        asserts = await details.locator("code.claim-assert").all_inner_texts()
        if not asserts or not all(a.startswith("assert") for a in asserts):
            problems.append(f"the asserts are not beneath: {asserts}")
        results = await Axe().run(p)
        problems += [f"axe with the details open: {v['id']} ({v['impact']}) at {[n['target'] for n in v['nodes'][:3]]}"
                     for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
        href = await details.locator(".claim-where a").first.get_attribute("href")
        if not href or not re.search(r"\.html#L-\d+$", href):
            return problems + [f"the link to the line is {href!r}"]
        if screen == "desktop":
            await p.keyboard.press("Escape")
        if screen == "desktop" and (await details.is_visible() or
                                    not await p.evaluate("document.activeElement.classList.contains('claim')")):
            problems.append("Escape does not close the details and give the focus back to the mark")
        response = await p.goto(await p.evaluate("href => new URL(href, location.href).href", href))
        line = await p.evaluate("""() => { const t = document.querySelector(':target');
            return [document.characterSet, t ? t.textContent : null]; }""")
        if response is None or line[0] != "UTF-8" or not line[1] or "assert" not in line[1]:
            problems.append(f"the line's page ({href}) reads {line}")
        problems += visit.errors
    finally:
        await visit.close()
    return problems


@every_reader
def test_a_check_mark_opens_in_place_by_tap_and_by_keyboard(browser, server, site, lang, screen, palette):
    problems = browser.run(open_a_claim(browser, server, site, lang, screen, palette))
    assert not problems, f"docs/{lang}/{CLAIM_PAGE} ({screen}, {palette}):\n" + "\n".join(problems)


# --- Small things --------------------------------------------------------------------------


def test_every_example_has_a_title_in_each_language():
    titles = PROJECT.example_titles()
    examples = cache.discover(PROJECT)
    missing = [(rel, lang) for rel in examples for lang in PROJECT.languages if not titles.get(rel, {}).get(lang)]
    assert not missing, f"snippets/titles.yml: no title for {missing[:5]}"
    unknown = sorted(set(titles) - set(examples))
    assert not unknown, f"snippets/titles.yml names no example: {unknown}"
    for lang in PROJECT.languages:
        names = [titles[rel][lang] for rel in examples]
        assert len(names) == len(set(names)), f"{lang}: two examples share a title"


def test_notebooks_carry_a_kernelspec(site):
    bare = [str(path.relative_to(site)) for path in site.rglob("*.ipynb")
            if json.loads(path.read_text(encoding="utf-8")).get("metadata", {}).get("kernelspec", {}).get("name")
            != "python3"]
    assert not bare, f"notebooks Jupyter would ask a kernel for: {bare}"


NUMPY_REPR = re.compile(r"\bnp\.(?:str_|int\d+|float\d+|bool_?|True_|False_)\(")


def test_outputs_show_data_not_numpy_reprs(snippet_outcomes):
    found = []
    for rel in cache.discover(PROJECT):
        result = runner.load_result(PROJECT.outputs, rel) or {"cells": []}
        for cell in result["cells"]:
            for block in cell["blocks"]:
                if block["type"] == "text" and (match := NUMPY_REPR.search(block["text"])):
                    found.append(f"snippets/{rel} ({cell['section'] or 'a cell'}): {match.group(0)}…")
    assert not found, "an output shows NumPy's repr where a student expects the data:\n" + "\n".join(found)


def test_the_search_terms_name_sections_of_both_languages():
    entries = yaml.safe_load((PROJECT.root / "scripts/dlnotes_site/search_terms.yml").read_text(encoding="utf-8"))
    for entry in entries:
        page, _, anchor = entry["section"].partition("#")
        for lang in PROJECT.languages:
            text = (PROJECT.docs / lang / page).read_text(encoding="utf-8")
            assert f"{{#{anchor}}}" in text, f"docs/{lang}/{page} has no section {{#{anchor}}}"
            assert entry.get(lang), f"{entry['section']}: no words in {lang}"
