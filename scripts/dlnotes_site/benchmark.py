"""Measure the build: what the snippet runner costs, cold, warm and after small edits; and
what each page weighs.

    dlnotes benchmark

Works on a copy of the repository in a temporary folder (your cache is left alone) and
prints one row per build: wall time, how many snippets and labs ran, and the ratio to a
plain `mkdocs build` with the runner switched off. A fresh clone's `mkdocs serve` gets two
rows: when its first page is served (its examples still running) and when the last example
is in. Targets: warm ÷ plain ≤ 1.15; one changed snippet re-runs exactly one; a prose edit
re-runs none. Then the page weight:
bytes per page, the HTML and everything the browser loads for it (measured in Chromium
when it is installed, else counted from the files the HTML references), median and largest.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

# Executed notebooks (*.ipynb) and _generated/ are outputs: the cold build starts without them.
COPY_IGNORE = shutil.ignore_patterns(".venv", ".git", "_generated", "site", ".cache", "__pycache__", ".pytest_cache",
                                     "*.ipynb")


def build(work: Path, site: Path, **env) -> tuple[float, int, int, int]:
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)],
        cwd=work, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
    )
    seconds = time.perf_counter() - start
    if proc.returncode:
        sys.exit(f"build failed:\n{proc.stderr[-4000:]}")
    ran = re.findall(r"^\s*ran\s.*$", proc.stderr, re.M)
    labs = sum("labs/" in line or "practice/" in line for line in ran)  # notebooks: labs and exercises
    return seconds, len(ran) - labs, labs, page_count(site)


SERVE_SAVES = 3  # saves in one serve session; the row gives their median (one save is a noisy sample)


def _serve(work: Path, page_url: str, log) -> tuple[subprocess.Popen, Callable[[], str]]:
    """``mkdocs serve`` in ``work``, its log to ``log``, and a fetch of one of its pages ("" until served)."""
    import socket
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=work,
                              stdout=subprocess.DEVNULL, stderr=log, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    url = f"http://127.0.0.1:{port}/{page_url}"

    def fetch() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    return server, fetch


def cold_serve(work: Path) -> tuple[float, float, int, int]:
    """A fresh clone's ``mkdocs serve`` (``first_runs``): seconds until its home page is served, its
    examples still running, and until the last of them is in; and how many snippets and notebooks ran."""
    log_file = work / "serve.log"
    with log_file.open("w", encoding="utf-8") as log:
        server, fetch = _serve(work, "", log)
        start, first = time.perf_counter(), None
        try:
            while True:
                if first is None and fetch():
                    first = time.perf_counter() - start
                text = log_file.read_text(encoding="utf-8")
                if first is not None and "the first runs took" in text:
                    break
                if server.poll() is not None or time.perf_counter() - start > 1800:
                    sys.exit(f"mkdocs serve of a fresh clone failed:\n{text[-4000:]}")
                time.sleep(0.5)
            every = time.perf_counter() - start
        finally:
            server.terminate()
            server.wait(timeout=30)
    ran = re.findall(r"^\s*ran\s.*$", text, re.M)
    notebooks = sum("labs/" in line or "practice/" in line for line in ran)
    return first, every, len(ran) - notebooks, notebooks


def serve_reload(work: Path, snippet: Path, page_url: str) -> list[float]:
    """Seconds from saving a snippet to ``mkdocs serve`` serving the page with the new output, for each
    of SERVE_SAVES saves one after another (each waits until the page shows the last one)."""
    server, fetch = _serve(work, page_url, subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 600
        while not fetch() and time.monotonic() < deadline:
            time.sleep(0.5)  # the server's first build
        source = snippet.read_text(encoding="utf-8")
        times = []
        for _ in range(SERVE_SAVES):
            time.sleep(5)  # let its file watcher settle (and, after the first build, a reader read)
            marker = f"benchmark-marker-{time.time_ns()}"
            start = time.perf_counter()
            snippet.write_text(source.replace('print(f"', f'print("{marker}"); print(f"', 1), encoding="utf-8")
            while marker not in fetch():
                if time.monotonic() > deadline:
                    sys.exit("mkdocs serve never showed the edited output")
                time.sleep(0.2)
            times.append(time.perf_counter() - start)
        return times
    finally:
        server.terminate()
        server.wait(timeout=30)


def warm_tests(work: Path, root: Path) -> float:
    """The whole suite in the copy, with what your tree's test caches keep (kept tests, browser visits,
    downloads run): a warm run on a contributor's machine, after the benchmark's edits."""
    if (root / ".cache").is_dir():
        shutil.copytree(root / ".cache", work / ".cache", dirs_exist_ok=True)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider"], cwd=work,
                          capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    seconds = time.perf_counter() - start
    last = proc.stdout.strip().splitlines()[-1:]
    if proc.returncode:
        print(f"(the test suite failed: {last})", file=sys.stderr)
    else:
        print(f"  (the warm test suite: {last[0].strip('= ') if last else '?'})")
    return seconds


def page_count(site: Path) -> int:
    return sum(1 for _ in site.rglob("index.html"))


def page_weights(site: Path) -> tuple[str, dict[str, int]]:
    pages = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if chromium:
        return "bytes loaded in Chromium", _weights_in_browser(site, pages, chromium)
    return "HTML plus the files it references", {page: _weight_on_disk(site, page) for page in pages}


def _weights_in_browser(site: Path, pages: list[str], chromium: str) -> dict[str, int]:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    sizes = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            for page_path in pages:
                context = browser.new_context()  # a cold cache: everything the page needs
                page = context.new_page()
                loaded = []

                def finished(request, loaded=loaded):
                    try:
                        loaded.append(request.sizes()["responseBodySize"])
                    except PlaywrightError:  # it finished as the page closed: too late to ask, and not counted
                        pass

                page.on("requestfinished", finished)
                page.goto(base + ("" if page_path == "." else page_path + "/"), wait_until="networkidle")
                page.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # lazy figures too
                page.wait_for_load_state("networkidle")
                sizes[page_path] = sum(loaded)
                context.close()
            browser.close()
    finally:
        httpd.shutdown()
    return sizes


def _weight_on_disk(site: Path, page: str) -> int:
    html = site / page / "index.html"
    text = html.read_text(encoding="utf-8")
    total = html.stat().st_size
    for ref in set(re.findall(r'(?:src|href)="([^"#?]+\.(?:css|js|svg|png|woff2))"', text)):
        path = (html.parent / ref).resolve()
        if path.is_file():
            total += path.stat().st_size
    return total


def main(root: Path, *, tests: bool = False) -> None:
    with tempfile.TemporaryDirectory(prefix="dlnotes-bench-") as tmp:
        work = Path(tmp) / "repo"
        shutil.copytree(root, work, ignore=COPY_IGNORE)
        site = Path(tmp) / "site"
        fresh = Path(tmp) / "fresh-clone"
        shutil.copytree(root, fresh, ignore=COPY_IGNORE)
        first_page, every, ran, notebooks = cold_serve(fresh)
        shutil.rmtree(fresh)
        rows = []
        rows.append(("cold (empty cache)", *build(work, site)))
        pages = rows[0][4]
        rows.append(("cold serve: first page served", first_page, 0, 0, pages))
        rows.append(("cold serve: every example in", every, ran, notebooks, pages))
        rows.append(("warm (all cached)", *build(work, site)))
        rows.append(("plain (runner off)", *build(work, site, STUDYSITE_RUN="false")))

        snippet = work / "snippets" / "training" / "linear_fit.py"
        # A comment in both languages, as every comment in a snippet must be (else the tests fail on it).
        edit = "\n# ko: 벤치마크가 고친 줄 # en: edited by the benchmark\n"
        snippet.write_text(snippet.read_text(encoding="utf-8") + edit, encoding="utf-8")
        rows.append(("one snippet changed", *build(work, site)))

        page = work / "docs" / "ko" / "index.md"
        page.write_text(page.read_text(encoding="utf-8") + "\n문장 하나를 고쳤습니다.\n", encoding="utf-8")
        rows.append(("prose edited", *build(work, site)))

        weights = page_weights(site)
        edited = work / "snippets" / "faq" / "mae_in_thousands.py"
        saves = serve_reload(work, edited, "faq/mae-in-thousands/")
        rows.append((f"serve: snippet saved, page reloaded ({len(saves)}×)", statistics.median(saves), 1, 0,
                     rows[-1][4]))
        if tests:
            rows.append(("warm test suite (pytest)", warm_tests(work, root), 0, 0, rows[-1][4]))

    plain = rows[4][1]
    print(f"{'build':<38}{'seconds':>9}{'snippets run':>14}{'notebooks':>10}{'pages':>7}{'÷ plain':>9}")
    for name, seconds, ran, labs, pages in rows:
        print(f"{name:<38}{seconds:9.1f}{ran:14d}{labs:10d}{pages:7d}{seconds / plain:9.2f}")
    print(f"  (the serve row is the median of saves taking {', '.join(f'{t:.1f}' for t in saves)} s)")
    warm = rows[3][1] / plain
    print(f"\nwarm ÷ plain = {warm:.2f} (target ≤ 1.15); one changed snippet ran {rows[5][2]} (target 1); "
          f"prose edit ran {rows[6][2]} (target 0)")
    method, sizes = weights
    ordered = sorted(sizes.items(), key=lambda item: item[1])
    median = statistics.median(sizes.values())
    print(f"\npage weight ({method}), {len(sizes)} pages: median {median / 1024:.0f} KiB, "
          f"largest {ordered[-1][1] / 1024:.0f} KiB ({ordered[-1][0]})")
    for page, size in ordered[-5:][::-1]:
        print(f"  {size / 1024:8.0f} KiB  {page}")

