"""The built site in a real browser (Debian's Chromium driven by Playwright), every page, both languages.

Skipped, with the reason shown, where no Chromium is installed:
    apt-get install chromium fonts-noto-cjk     (or set CHROMIUM=/path/to/chrome)

One Chromium serves the whole session, driven on one event loop. Each page is visited once:
that one visit gathers what every per-page test checks (network, console, images and both
palettes' figures, math, copy buttons, axe, the width on a phone, the language switch), several
pages at a time (BROWSER_PAGES_AT_ONCE, default 2); each test then asserts on its own page's
findings, naming the page. A clean visit is kept (in .cache/browser-visits) until a file it
loaded changes: see `kept_visit`. The single interactions (a dark system, copy, zoom, print) are
kept tests by the same rule (tests/kept.py): the files the server sent them are their inputs.
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import hashlib
import http.server
import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import kept
import pytest

from studysite import embed, labs, worker
from studysite.project import Project

PROJECT = Project.find(Path(__file__).parent)
LANGS = PROJECT.languages  # ("ko", "en"): the default language is built at the site's root
pages, html_of = PROJECT.pages, PROJECT.built_page

pytestmark = pytest.mark.browser

import axe_playwright_python  # noqa: E402
from axe_playwright_python.async_playwright import Axe  # noqa: E402
from playwright.async_api import async_playwright  # noqa: E402
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
# Two pages at a time: on 2 cores, the 54 lecture and FAQ pages took 320 s so, 357 s four at a time.
AT_ONCE = int(os.environ.get("BROWSER_PAGES_AT_ONCE", "2"))
PHONE = {"width": 360, "height": 740}
SETTLE_TIMEOUT = 15  # seconds for every request a page made to finish
PAGE_TIMEOUT = 300  # seconds for everything on one page (a lab's axe run alone takes 11 s on an idle machine)
# One page of each kind for the dark palette's contrast: code and links in code, a notebook, tables.
DARK_CONTRAST_PAGES = {Path("lectures/models-and-training.md"), Path("faq/what-does-fit-do.md"),
                       Path("labs/01-regression-sales.md"), Path("cheat-sheet.md"), Path("common-mistakes.md")}
STEP_TIMEOUT = 20_000  # ms for one wait inside a page (a navigation, a selector)




def tidy(code: str) -> str:
    return "\n".join(line.rstrip() for line in code.strip("\n").splitlines()).strip()


@functools.cache
def snippet_views(title: str, lang: str) -> set[str]:
    """What a page may show of a snippet, in its language: one cell's code (a section, or a cell of the
    whole file) as the build renders it."""
    source = (PROJECT.snippets / title.removeprefix("snippets/")).read_text(encoding="utf-8")
    return {tidy(embed.shown_code(cell.code, lang, LANGS, first=index == 0))
            for index, cell in enumerate(worker.cells_of(source))}


def every_page():
    return [(lang, page) for lang in LANGS for page in pages(lang) + LAB_PAGES]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send_head(self):
        kept.served(self.translate_path(self.path))  # a kept test's inputs (tests/kept.py)
        return super().send_head()


@pytest.fixture(scope="module")
def server(site):
    handler = functools.partial(QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


class Browser:
    """One Chromium for the session, on an event loop of its own: `run(coroutine)` drives it."""

    def __init__(self):
        self.loop = asyncio.new_event_loop()
        self.playwright = self.run(async_playwright().start())
        self.chromium = self.run(self.playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS))

    def run(self, coroutine):
        return self.loop.run_until_complete(coroutine)

    def close(self):
        self.run(self.chromium.close())
        self.run(self.playwright.stop())
        self.loop.close()


@pytest.fixture(scope="session")
def browser():
    browser = Browser()
    yield browser
    browser.close()


def url_of(server: str, site: Path, lang: str, page: Path) -> str:
    folder = html_of(site, lang, page).parent.relative_to(site).as_posix()
    return server if folder == "." else f"{server}{folder}/"


class Visit:
    """One page load with everything the page did on the network and the console.

    `settle()` waits until every request the page started has finished: what
    wait_until="networkidle" waited for, without its 500 ms of quiet after the last one.
    """

    @classmethod
    async def open(cls, browser: Browser, url: str, server: str, **context) -> Visit:
        self = cls()
        self.context = await browser.chromium.new_context(**context)
        self.context.set_default_timeout(STEP_TIMEOUT)
        self.page = await self.context.new_page()
        self.errors, self.failed, self.foreign, self.pending, self.loaded = [], [], [], set(), set()
        host = urlsplit(server).netloc

        def started(request):
            self.pending.add(request)
            where = urlsplit(request.url)
            if where.netloc == host:
                self.loaded.add(where.path)
            elif where.netloc != "" and not request.url.startswith("data:"):
                self.foreign.append(request.url)

        def failed(request):
            self.pending.discard(request)
            if request.failure != "net::ERR_ABORTED" or request.resource_type == "document":
                self.failed.append(f"{request.url} ({request.failure})")

        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", started)
        self.page.on("requestfinished", lambda r: self.pending.discard(r))
        self.page.on("requestfailed", failed)
        self.page.on("response", lambda r: r.status >= 400 and self.failed.append(f"{r.url} ({r.status})"))
        try:
            await self.page.goto(url, wait_until="load")
        except BaseException:
            await self.close()
            raise
        return self

    async def settle(self):
        loop = asyncio.get_running_loop()
        deadline = loop.time() + SETTLE_TIMEOUT
        while self.pending and loop.time() < deadline:
            await asyncio.sleep(0.02)
        self.failed += [f"{r.url} (still loading after {SETTLE_TIMEOUT} s)" for r in self.pending]
        self.pending.clear()

    async def close(self):
        await self.context.close()


# What the content's images show: each one shown is scrolled into view (figures load lazily)
# and waited for, then judged; a hidden one (the other palette's figure) is only named.
IMAGES = """async () => {
    // A reader opens the folded "going deeper" blocks: their figures must load too (and a lazy image in a
    // closed block never loads, so its decode() would never settle).
    document.querySelectorAll(".md-content details:not([open])").forEach(d => { d.open = true; });
    const out = [];
    for (const e of document.querySelectorAll(".md-content img")) {
        const figure = e.closest("figure.snippet-figure");
        const figureIndex = figure ? [...document.querySelectorAll("figure.snippet-figure")].indexOf(figure) : -1;
        const shown = e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden";
        if (shown) {
            e.scrollIntoView({block: "center"});
            if (!(e.complete && e.naturalWidth)) {
                await new Promise(done => {
                    e.addEventListener("load", done, {once: true});
                    e.addEventListener("error", done, {once: true});
                    setTimeout(done, 10000);
                });
            }
            await Promise.race([e.decode().catch(() => {}), new Promise(done => setTimeout(done, 10000))]);
        }
        out.push({src: (e.getAttribute("src") || "").slice(0, 200), url: (e.currentSrc || e.src).slice(0, 200),
                  width: shown ? e.naturalWidth : null, alt: e.getAttribute("alt"), shown, figure: figureIndex,
                  notebook: !!e.closest(".jp-RenderedImage"), filter: getComputedStyle(e).filter});
    }
    window.scrollTo(0, 0);
    return out;
}"""


def palette_problems(images: list[dict], scheme: str) -> list[str]:
    """On the light palette every figure shows its #only-light variant alone, on the dark one its
    #only-dark variant, with the same alt text; both must load."""
    wanted, other = ("#only-light", "#only-dark") if scheme == "default" else ("#only-dark", "#only-light")
    problems, figures = [], {}
    for image in images:
        if image["figure"] >= 0:
            figures.setdefault(image["figure"], []).append(image)
    for index, shown_in_figure in sorted(figures.items()):
        variants = [i for i in shown_in_figure if i["src"].endswith(("#only-light", "#only-dark"))]
        if not variants:
            continue
        shown = [i for i in shown_in_figure if i["shown"]]
        if [i["src"].endswith(wanted) for i in shown] != [True]:
            problems.append(f"figure {index + 1} shows {[i['src'] for i in shown]}, not its {wanted} variant alone")
        if len({i["alt"] for i in variants}) != 1 or not any(i["src"].endswith(other) for i in variants):
            problems.append(f"figure {index + 1}: variants {[(i['src'], i['alt']) for i in variants]}")
    # A lab's figures (PNG outputs of its notebook, drawn once): inverted on the dark palette only.
    for number, image in enumerate((i for i in images if i.get("notebook") and i["shown"]), start=1):
        inverted = "invert" in (image.get("filter") or "")
        if inverted != (scheme == "slate"):
            problems.append(f"notebook figure {number}: filter {image.get('filter')!r} on the {scheme} palette")
    return problems


# --- Every page, visited once --------------------------------------------------------------


@dataclass
class Findings:
    """What one visit of one page found; the per-page tests assert on it."""

    where: str
    url: str
    failed: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    foreign: list = field(default_factory=list)
    images: list = field(default_factory=list)  # on the light palette
    dark_images: list = field(default_factory=list)  # the same page after switching to the dark palette
    text: str = ""
    math: tuple = (0, 0)
    blocks: list = field(default_factory=list)
    violations: list = field(default_factory=list)
    phone_width: int = 0
    switched_to: str = ""
    loaded: list = field(default_factory=list)  # the site's files it loaded (URL paths), the twin page's too
    step: str = "loading"
    problem: str = ""  # the visit itself failed (a timeout, a script error): every test of the page fails


async def look_at(browser: Browser, axe: Axe, server: str, site: Path, lang: str, page: Path,
                  found: Findings) -> Findings:
    found.url = url = url_of(server, site, lang, page)
    found.where = f"docs/{lang}/{page} ({url})"
    try:
        visit = await Visit.open(browser, url, server)
    except Exception as error:  # noqa: BLE001 - reported by each test of the page
        found.problem = f"{type(error).__name__}: {error}"
        return found
    p = visit.page
    try:
        found.step = "looking at the images"
        found.images = await p.evaluate(IMAGES)
        found.step = "reading the text, math and code blocks"
        found.text = await p.eval_on_selector(
            ".md-content", "el => { const c = el.cloneNode(true); c.querySelectorAll("
            "'pre, code, script, style, .snippet-output, .katex, .jp-OutputArea').forEach(n => n.remove());"
            " return c.innerText; }")
        found.math = (await p.locator(".arithmatex .katex").count(), await p.locator(".arithmatex").count())
        found.blocks = await p.eval_on_selector_all(".md-content .highlight", """els => els.map(e => {
            const button = e.querySelector("button[data-md-type=copy], button.md-clipboard");
            const target = button && document.querySelector(button.dataset.clipboardTarget);
            const header = e.querySelector(".filename");  // "Example: …", with the snippet's path in data-snippet
            return [header ? header.dataset.snippet || header.textContent : "", target ? target.textContent : null];
        })""")
        found.step = "running axe"
        results = await axe.run(p)
        found.violations = [
            f"{v['id']} ({v['impact']}) at {[node['target'] for node in v['nodes'][:3]]}"
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
        found.step = "switching to the dark palette"
        await p.evaluate("""() => document.querySelector('input[name="__palette"][data-md-color-scheme="slate"]')
            .click()""")
        await p.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
        found.dark_images = await p.evaluate(IMAGES)
        # The dark palette has colours of its own (code, links in code, notebooks, tables): their contrast,
        # on one page of each kind (the contrast check costs as much as the rest of axe together).
        if page in DARK_CONTRAST_PAGES:
            found.step = "running axe's contrast check on the dark palette"
            results = await axe.run(p, options={"runOnly": ["color-contrast"]})
            found.violations += [
                f"dark palette: {v['id']} ({v['impact']}) at {[node['target'] for node in v['nodes'][:3]]}"
                for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
        # The same page on a phone: the layout follows the viewport (CSS media queries and
        # Material's matchMedia listeners), measured after two frames.
        found.step = "measuring the width on a phone"
        await p.set_viewport_size(PHONE)
        # Two frames, or half a second where no frame comes (a busy or hidden page throttles frames;
        # a CI run once waited 120 s for them); scrollWidth itself forces the layout.
        found.phone_width = await p.evaluate("""() => new Promise(done => {
            const measure = () => done(document.documentElement.scrollWidth);
            requestAnimationFrame(() => requestAnimationFrame(measure));
            setTimeout(measure, 500);
        })""")
        found.step = "waiting for its requests to finish"
        await visit.settle()
        found.step = "switching the language"
        other = "en" if lang == "ko" else "ko"
        target = await p.locator(f'a[hreflang="{other}"]').first.evaluate("a => a.href")
        # A click on the switcher link (it sits in a hover menu): the browser goes where it points.
        await p.locator(f'a[hreflang="{other}"]').first.dispatch_event("click")
        try:
            await p.wait_for_url(lambda now: now != url, wait_until="commit")
        except Exception:  # noqa: BLE001 - the URL it stayed at is the finding
            pass
        found.switched_to = p.url if p.url != url else f"{p.url} (no navigation; the link points to {target})"
        await visit.settle()
        found.failed, found.errors, found.foreign = list(visit.failed), list(visit.errors), list(visit.foreign)
        found.loaded = sorted(visit.loaded)
    except Exception as error:  # noqa: BLE001 - reported by each test of the page
        found.problem = f"{type(error).__name__} while {found.step}: {error}"
    finally:
        await visit.close()
    return found


PER_PAGE_TESTS = ("test_page_in_the_browser", "test_nothing_scrolls_sideways_on_a_phone",
                  "test_accessibility_has_no_serious_violations", "test_figures_follow_the_palette")


def wanted_params(request, names, keys) -> list[tuple]:
    """The parameters of this module's tests named `names` that this session runs (a `-k` leaves some)."""
    return sorted({tuple(item.callspec.params[k] for k in keys) for item in request.session.items
                   if getattr(item, "originalname", None) in names and item.module.__name__ == __name__})


async def gather_at_once(jobs) -> list:
    gate = asyncio.Semaphore(AT_ONCE)

    async def one(job):
        async with gate:
            return await job()

    return await asyncio.gather(*(one(job) for job in jobs))


# --- Visits kept between sessions ------------------------------------------------------------
# What a visit finds is a function of the bytes it loaded (its page, its twin, every style, script,
# font and figure, as the visit's requests name them), this module, the browser and axe: visiting
# the same bytes again costs minutes and can find nothing new. So a clean visit is kept, under a
# key of all of those, and a page is visited again once any of them changes (Bazel keeps test
# results by the same rule). A visit with a failure is never kept: it is looked at again.
# RERUN_KEPT=1 visits every page; a fresh clone (CI) has nothing kept.
KEPT = PROJECT.root / ".cache" / "browser-visits"
REVISIT = kept.RERUN
SERVER = "http://served/"  # a kept visit's URLs: the port changes from session to session


@functools.cache
def tools_digest(browser_version: str) -> bytes:
    digest = hashlib.sha256(Path(__file__).read_bytes() + browser_version.encode()
                            + importlib.metadata.version("playwright").encode() + kept.fonts().encode())
    for file in sorted(Path(axe_playwright_python.__file__).parent.rglob("*.[jp][sy]")):  # axe.min.js, *.py
        digest.update(file.name.encode() + hashlib.sha256(file.read_bytes()).digest())
    return digest.digest()


@functools.cache
def browser_tools() -> str:
    """What a kept browser test (tests/kept.py) depends on besides the files it was sent."""
    version = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, check=True).stdout
    return tools_digest(version.strip()).hex()


# A single interaction (zoom, print, copy, a dark system): kept while the files it was sent are the same.
KEPT_INTERACTION = pytest.mark.kept(served="site", tools=browser_tools)


@functools.cache
def file_digest(file: Path) -> bytes:
    return kept.digest(file)


def visit_key(site: Path, loaded: list[str], browser_version: str) -> str:
    digest = hashlib.sha256(tools_digest(browser_version))
    for path in loaded:
        file = site / unquote(path).lstrip("/")
        file = file / "index.html" if path.endswith("/") or file.is_dir() else file
        digest.update(path.encode() + b"\0" + file_digest(file))
    return digest.hexdigest()


def kept_file(lang: str, page: Path) -> Path:
    return KEPT / lang / f"{page.as_posix().replace('/', '__')}.json"


def kept_visit(site: Path, server: str, lang: str, page: Path, browser_version: str) -> Findings | None:
    """The visit kept for this page, if every file it loaded is still the same."""
    try:
        record = json.loads(kept_file(lang, page).read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return None
    if record.get("key") != visit_key(site, record["findings"]["loaded"], browser_version):
        return None
    findings = json.loads(json.dumps(record["findings"]).replace(SERVER, server))
    return Findings(**{**findings, "math": tuple(findings["math"])})


def keep_visit(site: Path, server: str, lang: str, page: Path, found: Findings, browser_version: str) -> bool:
    if found.problem or found.failed or found.errors or found.foreign or found.violations or not found.loaded:
        return False
    findings = json.loads(json.dumps(dataclasses.asdict(found)).replace(server, SERVER))
    record = {"key": visit_key(site, found.loaded, browser_version), "findings": findings}
    file = kept_file(lang, page)
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return True


@pytest.fixture(scope="module")
def findings(request, browser, server, site) -> dict[tuple[str, Path], Findings]:
    """Visit every page that this session tests, AT_ONCE at a time, but for those kept from an
    earlier visit of the same files."""
    wanted = wanted_params(request, PER_PAGE_TESTS, ("lang", "page"))
    version = browser.chromium.version
    found = {} if REVISIT else {(lang, page): one for lang, page in wanted
                                if (one := kept_visit(site, server, lang, page, version))}
    to_visit = [one for one in wanted if one not in found]
    axe = Axe()

    def job(lang, page):
        async def visit():
            found = Findings(where=f"docs/{lang}/{page}", url="")
            try:
                return await asyncio.wait_for(look_at(browser, axe, server, site, lang, page, found), PAGE_TIMEOUT)
            except asyncio.TimeoutError:
                found.problem = f"no answer after {PAGE_TIMEOUT} s while {found.step}"
                return found
        return visit

    visited = dict(zip(to_visit, browser.run(gather_at_once([job(lang, page) for lang, page in to_visit]))))
    for (lang, page), one in visited.items():
        keep_visit(site, server, lang, page, one, version)
    print(f"\nbrowser: {len(visited)} pages visited, {len(found)} kept from a visit of the same files "
          "(RERUN_KEPT=1 visits them all)")
    return {**found, **visited}


def test_a_visit_is_kept_until_a_file_it_loaded_changes(tmp_path, monkeypatch):
    monkeypatch.setitem(globals(), "KEPT", tmp_path / "kept")
    site, page = tmp_path / "site", Path("faq/what-does-fit-do.md")
    (site / "en/faq/what-does-fit-do").mkdir(parents=True)
    files = {"en/faq/what-does-fit-do/index.html": "<p>fit</p>", "faq/what-does-fit-do/index.html": "<p>ko</p>",
             "assets/style.css": "p {}", "assets/unused.css": "q {}"}
    for name, text in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text)
    old, new = "http://127.0.0.1:4000/", "http://127.0.0.1:5000/"
    found = Findings(where=f"docs/en/{page} ({old}en/faq/what-does-fit-do/)", url=f"{old}en/faq/what-does-fit-do/",
                     switched_to=f"{old}faq/what-does-fit-do/", phone_width=360,
                     loaded=["/assets/style.css", "/en/faq/what-does-fit-do/", "/faq/what-does-fit-do/"])

    def kept(version="1.0"):
        file_digest.cache_clear()
        return kept_visit(site, new, "en", page, version)

    assert keep_visit(site, old, "en", page, found, "1.0")
    again = kept()
    assert again == dataclasses.replace(found, where=found.where.replace(old, new), url=found.url.replace(old, new),
                                        switched_to=found.switched_to.replace(old, new)), "not the same findings"
    (site / "assets/unused.css").write_text("q { color: red }")
    assert kept(), "a file the page never loaded changed, and the visit was dropped"
    assert kept("2.0") is None, "another browser, and the visit was kept"
    (site / "assets/style.css").write_text("p { color: red }")
    assert kept() is None, "a file the page loaded changed, and the visit was kept"
    (site / "assets/style.css").write_text("p {}")
    assert kept(), "the same files again"
    (site / "faq/what-does-fit-do/index.html").unlink()
    assert kept() is None, "the twin page is gone, and the visit was kept"
    for failing in ({"violations": ["color-contrast (serious)"]}, {"failed": ["/x.css (404)"]},
                    {"errors": ["TypeError"]}, {"problem": "timeout"}, {"loaded": []}):
        kept_file("en", page).unlink(missing_ok=True)
        assert not keep_visit(site, old, "en", page, dataclasses.replace(found, **failing), "1.0"), failing
        assert not kept_file("en", page).exists(), f"a visit with {failing} was kept"


def findings_of(findings, lang, page) -> Findings:
    found = findings[(lang, page)]
    assert not found.problem, f"{found.where}: the visit failed: {found.problem}"
    return found


@pytest.mark.parametrize(("lang", "page"), every_page(), ids=lambda v: str(v))
def test_page_in_the_browser(findings, server, site, lang, page):
    found = findings_of(findings, lang, page)
    where = found.where
    assert not found.failed, f"{where}: failed requests {found.failed}"
    assert not found.errors, f"{where}: console errors {found.errors}"
    assert not found.foreign, f"{where}: requests to other hosts {found.foreign}"

    for image in found.images + found.dark_images:
        if image["shown"]:
            assert image["width"] and image["width"] > 0, f"{where}: image {image['url']} does not decode"
        assert image["alt"] and image["alt"].strip(), f"{where}: image {image['src']} has no alt text"

    raw = re.findall(r"\\\(|\\\[|\$\$|(?<![\w$])\$[^$\s][^$]*\$", found.text)
    assert not raw, f"{where}: math left as raw TeX: {raw[:3]}"
    typeset, marked = found.math
    assert typeset == marked, f"{where}: untypeset math ({typeset} of {marked} typeset)"

    for title, copied in found.blocks:
        if title.startswith("snippets/"):
            assert copied is not None, f"{where}: the code of {title} has no copy button"
            assert tidy(copied) in snippet_views(title, lang), f"{where}: copying {title} does not give its code"

    other = "en" if lang == "ko" else "ko"
    assert found.switched_to == url_of(server, site, other, page), \
        f"{where}: the language switch went to {found.switched_to}"


@pytest.mark.parametrize(("lang", "page"), every_page(), ids=lambda v: str(v))
def test_figures_follow_the_palette(findings, lang, page):
    """A light page shows each figure's light variant, the dark (slate) palette its dark one."""
    found = findings_of(findings, lang, page)
    problems = [f"light palette: {p}" for p in palette_problems(found.images, "default")]
    problems += [f"dark palette: {p}" for p in palette_problems(found.dark_images, "slate")]
    if page in LAB_PAGES and not any(i.get("notebook") and i["shown"] for i in found.dark_images):
        problems.append("a lab page shows no figure from its notebook (is the check still looking at them?)")
    assert not problems, "\n".join(f"{found.where}: {p}" for p in problems)


@pytest.mark.parametrize(("lang", "page"), every_page(), ids=lambda v: str(v))
def test_nothing_scrolls_sideways_on_a_phone(findings, lang, page):
    found = findings_of(findings, lang, page)
    width = found.phone_width
    assert 0 < width <= PHONE["width"], f"{found.where}: the page is {width}px wide on a {PHONE['width']}px screen"


@pytest.mark.parametrize(("lang", "page"), every_page(), ids=lambda v: str(v))
def test_accessibility_has_no_serious_violations(findings, lang, page):
    found = findings_of(findings, lang, page)
    assert not found.violations, "\n".join(f"{found.where}: {v}" for v in found.violations)


# --- Single interactions ------------------------------------------------------------------

FIGURE_PAGE = Path("lectures/models-and-training.md")


@KEPT_INTERACTION
def test_a_reader_with_a_dark_system_gets_the_dark_figures(browser, server, site):
    """No toggle touched: a system set to dark gives the slate palette and its figures."""

    async def look():
        visit = await Visit.open(browser, url_of(server, site, "ko", FIGURE_PAGE), server, color_scheme="dark")
        try:
            scheme = await visit.page.evaluate("document.body.dataset.mdColorScheme")
            return scheme, await visit.page.evaluate(IMAGES)
        finally:
            await visit.close()

    scheme, images = browser.run(look())
    assert scheme == "slate", f"a dark system got the {scheme!r} palette"
    assert any(i["shown"] and i["src"].endswith("#only-dark") for i in images), "no dark figure shown"
    assert not palette_problems(images, "slate"), palette_problems(images, "slate")
    assert all(i["width"] for i in images if i["shown"]), [i["url"] for i in images if i["shown"] and not i["width"]]


@pytest.mark.kept(served="site", tools=browser_tools)
def test_copy_button_copies_exactly_the_snippet(browser, server, site):
    """The first code block of the first lecture is the `fit` section of snippets/training/linear_fit.py."""

    async def copy():
        visit = await Visit.open(browser, url_of(server, site, "en", FIGURE_PAGE), server)
        try:
            await visit.context.grant_permissions(["clipboard-read", "clipboard-write"])
            block = visit.page.locator(".md-content .highlight").first
            await block.hover()
            await block.locator("button[data-md-type=copy], button.md-clipboard").first.click()
            return await visit.page.evaluate("navigator.clipboard.readText()")
        finally:
            await visit.close()

    copied = browser.run(copy())
    source = (PROJECT.snippets / "training/linear_fit.py").read_text(encoding="utf-8")
    section = source.split("# --8<-- [start:fit]\n", 1)[1].split("# --8<-- [end:fit]", 1)[0]
    # The English page: the code exactly, its comments in English only (the source keeps both).
    assert "# ko:" in section, "the check needs a section with a bilingual comment"
    assert tidy(copied) == tidy(embed.shown_code(section, "en", LANGS, first=False))
    assert "# ko:" not in copied and not re.search("[\uac00-\ud7a3]", copied)


# Queries a student would type, and the page each must find among the first results.
SEARCHES = [
    ("ko", "배치 크기", "lectures/models-and-training"),
    ("ko", "은닉층", "lectures/hidden-layers-and-activations"),
    ("ko", "은닉층은", "lectures/hidden-layers-and-activations"),
    ("ko", "과적합", "lectures/overfitting-and-regularization"),
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
    ("en", "overfitting", "lectures/overfitting-and-regularization"),
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



async def search(browser: Browser, server: str, site: Path, lang: str, queries: list[str]) -> dict:
    """Type each query into the search box of one home page, emptied in between (the results list
    empties too, so no query reads another's results); the first eight results' links of each.
    One page per language: loading Material's search index is most of a search's cost."""
    visit = await Visit.open(browser, url_of(server, site, lang, Path("index.md")), server)
    results = {}
    try:
        p = visit.page
        box = p.locator("input.md-search__input")
        await box.click()
        for query in queries:
            try:
                await box.fill("")
                await box.press("End")
                await p.wait_for_function("!document.querySelector('.md-search-result__item')")
                await box.fill(query)
                await box.press("End")  # filling fires no key event with Hangul; Material's search waits for one
                await p.wait_for_selector(".md-search-result__item", timeout=10_000)
                results[query] = await p.eval_on_selector_all(".md-search-result__item > a",
                                                              "els => els.slice(0, 8).map(e => e.href)")
            except Exception as error:  # noqa: BLE001 - reported by the query's test
                results[query] = f"{type(error).__name__}: {error}"
    finally:
        await visit.close()
    return results


@pytest.fixture(scope="module")
def search_results(request, browser, server, site) -> dict[tuple[str, str], list[str] | str]:
    """Every query this session tests, one page per language, both languages at once."""
    wanted = wanted_params(request, ("test_search_finds_the_page",), ("lang", "query"))
    by_lang = {lang: [q for wanted_lang, q in wanted if wanted_lang == lang] for lang in LANGS}

    def job(lang):
        async def one():
            try:
                return await search(browser, server, site, lang, by_lang[lang])
            except Exception as error:  # noqa: BLE001 - the page did not open: every query reports it
                return {query: f"{type(error).__name__}: {error}" for query in by_lang[lang]}
        return one

    found = browser.run(gather_at_once([job(lang) for lang in LANGS if by_lang[lang]]))
    return {(lang, query): links for results, lang in zip(found, [la for la in LANGS if by_lang[la]])
            for query, links in results.items()}


@pytest.mark.parametrize(("lang", "query", "expected"), SEARCHES, ids=lambda v: str(v))
def test_search_finds_the_page(search_results, lang, query, expected):
    links = search_results[(lang, query)]
    assert not isinstance(links, str), f"{lang} search {query!r} failed: {links}"
    assert any(expected in link for link in links), f"{lang} search {query!r} found {links}"
    if lang == "en":
        assert all("/en/" in link for link in links), f"English search showed Korean pages: {links}"


# --- A figure, larger -------------------------------------------------------------------

FIGURE = 'figure.snippet-figure a.glightbox:has(img[src$="#only-light"])'  # the light palette's


async def zoom(browser: Browser, url: str, server: str, how: str) -> dict:
    """Open the first figure of a page larger (a click, a tap on a phone, or Enter), then Escape."""
    phone = how == "tap"
    visit = await Visit.open(browser, url, server, **({"viewport": PHONE, "has_touch": True} if phone else {}))
    p = visit.page
    try:
        seen = await p.evaluate("""() => ({
            figures: document.querySelectorAll(".md-content figure.snippet-figure img").length,
            zoomable: document.querySelectorAll(".md-content figure.snippet-figure a.glightbox img").length,
            elsewhere: document.querySelectorAll("a.glightbox:not(.md-content a)").length,
            hidden_links_focusable: [...document.querySelectorAll(".md-content a.glightbox")]
                .filter(a => a.getClientRects().length === 0 && getComputedStyle(a).display !== "none").length,
        })""")
        link = p.locator(FIGURE).first
        await link.scroll_into_view_if_needed()
        image = link.locator("img")
        await image.evaluate("e => e.complete && e.naturalWidth ? 0 : new Promise(done => e.onload = done)")
        inline = await image.bounding_box()
        if how == "tap":
            await link.tap()
        elif how == "enter":
            await link.focus()
            await p.keyboard.press("Enter")
        else:
            await link.click()
        enlarged = p.locator(".glightbox-container .gslide.current .gslide-image img")
        await enlarged.wait_for(state="visible", timeout=10_000)
        await p.wait_for_function("""() => {  // the opening animation has ended
            const img = document.querySelector(".glightbox-container .gslide.current .gslide-image img");
            return img && img.complete && !document.querySelector(".glightbox-container .gslide.zoomIn, "
              + ".glightbox-container .gslide.gzoomIn");
        }""", timeout=10_000)
        await p.wait_for_timeout(100)
        seen["inline"], seen["enlarged"] = inline, await enlarged.bounding_box()
        seen["dialog"] = await p.eval_on_selector(".glightbox-container", "d => [d.getAttribute('role'), "
                                                  "d.getAttribute('aria-label'), d.getAttribute('aria-modal')]")
        seen["close"] = await p.eval_on_selector(".glightbox-container .gclose", "b => b.getAttribute('aria-label')")
        seen["alts"] = [await image.get_attribute("alt"), await enlarged.get_attribute("alt")]
        seen["axe"] = [f"{v['id']} ({v['impact']}) at {[n['target'] for n in v['nodes'][:3]]}"
                       for v in (await Axe().run(p)).response["violations"] if v["impact"] in ("serious", "critical")]
        await p.keyboard.press("Escape")
        await p.locator(".glightbox-container").wait_for(state="detached", timeout=10_000)
        seen["focus_back"] = await link.evaluate("a => document.activeElement === a")
        await visit.settle()
        seen["failed"], seen["errors"], seen["foreign"] = visit.failed, visit.errors, visit.foreign
        return seen
    finally:
        await visit.close()


@KEPT_INTERACTION
@pytest.mark.parametrize(("lang", "how"), [("ko", "click"), ("en", "enter"), ("ko", "tap")])
def test_a_figure_opens_larger_and_escape_closes_it(browser, server, site, lang, how):
    url = url_of(server, site, lang, FIGURE_PAGE)
    where = f"docs/{lang}/{FIGURE_PAGE} ({url}, {how})"
    seen = browser.run(zoom(browser, url, server, how))
    assert seen["figures"] > 0, f"{where}: no figure to open"
    assert seen["zoomable"] == seen["figures"], f"{where}: {seen['zoomable']} of {seen['figures']} figures open larger"
    assert seen["elsewhere"] == 0, f"{where}: {seen['elsewhere']} lightbox links outside the content (a logo?)"
    assert seen["hidden_links_focusable"] == 0, \
        f"{where}: {seen['hidden_links_focusable']} invisible zoom links (the other palette's figures) take focus"
    inline, enlarged = seen["inline"], seen["enlarged"]
    assert enlarged["width"] > inline["width"] * 1.05, f"{where}: the enlarged figure is {enlarged} (inline {inline})"
    role, label, modal = seen["dialog"]
    assert role == "dialog" and modal == "true", f"{where}: the enlarged view is no modal dialog ({role}, {modal})"
    alt, enlarged_alt = seen["alts"]
    assert label and alt in label, f"{where}: the dialog is named {label!r}, not after the figure"
    assert seen["close"] == {"ko": "닫기", "en": "Close"}[lang], f"{where}: the close button is named {seen['close']!r}"
    assert enlarged_alt == alt, f"{where}: the enlarged figure's alt text is {enlarged_alt!r}, not {alt!r}"
    assert not seen["axe"], f"{where}: with the figure open, " + "; ".join(seen["axe"])
    assert seen["focus_back"], f"{where}: after Escape the focus is not back on the figure"
    assert not seen["failed"] and not seen["errors"] and not seen["foreign"], \
        f"{where}: failed {seen['failed']}, console errors {seen['errors']}, other hosts {seen['foreign']}"


# --- Every lecture on one page, printed --------------------------------------------------

A4 = {"width": "210mm", "height": "297mm"}
PRINTABLE_WIDTH = round((210 - 2 * 12) / 25.4 * 96)  # A4 less the 12 mm side margins of extra.css, in CSS px


def lecture_titles(lang: str) -> list[str]:
    return [re.search(r"^# (.+)$", (PROJECT.docs / lang / page).read_text(encoding="utf-8"), re.M)[1].strip()
            .replace("`", "") for page in pages(lang) if page.parts[0] == "lectures"]


async def print_out(browser: Browser, url: str, server: str) -> dict:
    visit = await Visit.open(browser, url, server)
    p = visit.page
    try:
        await p.emulate_media(media="print")
        await p.set_viewport_size({"width": PRINTABLE_WIDTH, "height": 1000})
        seen = {"images": await p.evaluate(IMAGES)}
        seen.update(await p.evaluate("""() => ({
            clipped: [...document.querySelectorAll("pre, code")].filter(e => e.getClientRects().length
                    && e.scrollWidth > e.clientWidth + 1)
                .map(e => `${e.tagName} ${e.scrollWidth}>${e.clientWidth}: ${e.textContent.slice(0, 60)}`),
            // KaTeX's MathML copy of each formula is for screen readers and clipped to nothing: it is not
            // on the paper, but it still counts in the scroll width; measure without it.
            width: (document.querySelectorAll(".katex-mathml").forEach(e => { e.style.display = "none"; }),
                    document.documentElement.scrollWidth),
            widest: [...document.querySelectorAll("body *")].filter(e => e.getClientRects().length
                    && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1
                    && !e.closest(".katex-mathml"))
                .slice(0, 5).map(e => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
            code: document.querySelectorAll("pre").length,
            headings: [...document.querySelectorAll("#print-site-page h1")].map(h => h.textContent.trim()),
            lang: document.documentElement.lang,
            shown: [".md-header", ".md-sidebar--primary", ".md-footer", ".md-search"].filter(s =>
                [...document.querySelectorAll(s)].some(e => e.offsetParent !== null || e.getClientRects().length)),
        })"""))
        seen["pdf"] = await p.pdf(width=A4["width"], height=A4["height"], print_background=True)
        await visit.settle()
        seen["failed"], seen["errors"], seen["foreign"] = visit.failed, visit.errors, visit.foreign
        return seen
    finally:
        await visit.close()


@pytest.mark.kept(served="site", tools=browser_tools)
@pytest.mark.parametrize("lang", LANGS)
def test_every_lecture_prints_as_one_pdf_with_no_code_cut(browser, server, site, lang):
    url = server + ("print_page/" if lang == LANGS[0] else f"{lang}/print_page/")
    seen = browser.run(print_out(browser, url, server))
    where = f"the {lang} print page ({url})"
    assert not seen["failed"] and not seen["errors"] and not seen["foreign"], \
        f"{where}: failed {seen['failed']}, console errors {seen['errors']}, other hosts {seen['foreign']}"
    assert seen["lang"] == lang, f"{where}: the page is in {seen['lang']!r}"
    missing = [title for title in lecture_titles(lang) if not any(title in h for h in seen["headings"])]
    assert not missing, f"{where}: lectures missing: {missing} (headings: {seen['headings']})"
    assert seen["code"] > 10, f"{where}: only {seen['code']} code blocks"
    assert not seen["clipped"], f"{where}: code cut at the right edge in print: {seen['clipped'][:5]}"
    assert seen["width"] <= PRINTABLE_WIDTH, \
        f"{where}: {seen['width']}px wide on a {PRINTABLE_WIDTH}px page: {seen['widest']}"
    assert not seen["shown"], f"{where}: navigation printed: {seen['shown']}"
    figures = [i for i in seen["images"] if i["figure"] >= 0 and i["shown"]]
    dark = [i["src"] for i in figures if not i["src"].endswith("#only-light")]
    assert figures and not dark, f"{where}: on paper the light figures, not {dark}"
    unloaded = [i["url"] for i in figures if not i["width"]]
    assert not unloaded, f"{where}: figures not loaded: {unloaded}"
    pdf = seen["pdf"]
    count = len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))
    assert 10 <= count <= 150, f"{where}: the PDF of every lecture has {count} pages"


@KEPT_INTERACTION
@pytest.mark.parametrize("lang", LANGS)
def test_the_cheat_sheet_prints_on_two_a4_pages(browser, server, site, lang):
    page = Path("cheat-sheet.md")
    assert page in pages(lang), f"docs/{lang}/{page} is missing"
    url = url_of(server, site, lang, page)
    seen = browser.run(print_out(browser, url, server))
    where = f"docs/{lang}/{page} in print ({url})"
    assert not seen["clipped"], f"{where}: code cut at the right edge: {seen['clipped'][:5]}"
    assert seen["width"] <= PRINTABLE_WIDTH, f"{where}: {seen['width']}px wide on a {PRINTABLE_WIDTH}px page"
    assert not seen["shown"], f"{where}: navigation printed: {seen['shown']}"
    count = len(re.findall(rb"/Type\s*/Page\b(?!s)", seen["pdf"]))
    assert 1 <= count <= 2, f"{where}: {count} A4 pages, not at most two"


def test_the_dark_contrast_pages_exist():
    """The dark palette's contrast is checked on these pages: a renamed page must not drop out silently."""
    missing = DARK_CONTRAST_PAGES - {page for _, page in every_page()}
    assert not missing, f"DARK_CONTRAST_PAGES names pages that do not exist: {sorted(map(str, missing))}"
