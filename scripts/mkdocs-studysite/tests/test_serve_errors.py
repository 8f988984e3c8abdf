"""A snippet that breaks while `mkdocs serve` runs (strict mode on, a value of it quoted in the prose):
the page must come back at once with the error and the last good output, the terminal must say it
once, and the failure note (which quotes the marker) must never be read as a marker again."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
import time
import urllib.request

GOOD = "loss = 0.25\nprint('loss', loss)\n"
PAGE = textwrap.dedent("""\
    # Fit

    The loss is {value fit.loss}.

    !snippet fit.py
""")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_snippet_broken_during_serve_shows_its_error_and_the_last_good_page_at_once(tmp_path):
    course = tmp_path / "course"
    (course / "docs").mkdir(parents=True)
    (course / "snippets").mkdir()
    (course / "docs" / "index.md").write_text(PAGE, encoding="utf-8")
    (course / "snippets" / "fit.py").write_text(GOOD, encoding="utf-8")
    (course / "mkdocs.yml").write_text("site_name: Fit\nstrict: true\nplugins:\n  - studysite:\n"
                                       "      downloads: false\n", encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    first = subprocess.run([sys.executable, "-m", "studysite.cli", "run"], cwd=course, env=env,
                           capture_output=True, text=True, timeout=120)
    assert first.returncode == 0, first.stderr
    (course / "snippets" / "fit.py").write_text(GOOD + "raise RuntimeError('broken after the fit')\n",
                                                encoding="utf-8")
    port = _free_port()
    serve = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict", "--no-livereload", "-a",
                              f"127.0.0.1:{port}"], cwd=course, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    page, start = None, time.monotonic()
    try:
        while time.monotonic() - start < 90 and serve.poll() is None:
            try:
                page = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).read().decode()
                break
            except OSError:
                time.sleep(0.3)
        seconds = time.monotonic() - start
    finally:
        serve.terminate()
        try:
            _, log = serve.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            serve.kill()
            _, log = serve.communicate()
    print(f"the page with a broken snippet was served {seconds:.1f} s after `mkdocs serve` started")
    assert page is not None, f"no page served (strict mode aborted the build?)\n{log[-3000:]}"
    assert "broken after the fit" in page, page[-3000:]
    assert "loss 0.25" in page  # the last good output stays under the error
    assert "recursion" not in log and log.count("ERROR") <= 3, log[-3000:]
    assert "Aborted" not in log, log[-3000:]


def test_a_star_import_of_a_helper_fails_the_build_naming_the_snippet(tmp_path):
    """`from helper import *` runs, but its download cannot copy the helper in: the build says so, naming
    the snippet and the line, instead of leaving the example without downloads."""
    course = tmp_path / "course"
    (course / "docs").mkdir(parents=True)
    (course / "snippets").mkdir()
    (course / "docs" / "index.md").write_text("# Star\n\n!snippet star.py\n", encoding="utf-8")
    (course / "snippets" / "helper.py").write_text("def twice(x):\n    return 2 * x\n", encoding="utf-8")
    (course / "snippets" / "star.py").write_text("from helper import *\n\nprint(twice(2))\n", encoding="utf-8")
    (course / "mkdocs.yml").write_text("site_name: Star\nplugins:\n  - studysite:\n      helpers: [helper]\n",
                                       encoding="utf-8")
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=course, capture_output=True, text=True,
                           env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=300)
    assert build.returncode != 0
    assert "snippets/star.py: its download cannot be made: line 1: `from helper import *`" in build.stderr, \
        build.stderr[-2000:]
    assert "Traceback" not in build.stderr
