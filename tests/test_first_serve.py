"""A fresh clone's first ``mkdocs serve``: the site is served before its examples have run (first_runs)."""

from __future__ import annotations

import html
import os
import socket
import subprocess
import sys
import textwrap
import time
import urllib.request
from pathlib import Path

import pytest

from studysite import runner
from studysite.project import Project

ROOT = Project.find(Path(__file__).parent).root
SLOW = 20  # seconds the slow snippet sleeps: the page must be served long before it is done

PAGE = """\
# Demo

!snippet demo/quick.py

The quick example prints {value quick.answer}.{claim quick-answer}

!snippet demo/slow.py

The slow one finishes.{claim slow-done}
"""


# The site's layout: examples in section folders, dlnotes.py a helper module beside them.
CONFIG = """\
site_name: demo
strict: true
plugins:
  - studysite:
      snippets_glob: ["*/**/*.py"]
      helpers: [dlnotes]
      setup: dlnotes_site.worker_setup
markdown_extensions:
  - pymdownx.highlight
  - pymdownx.superfences
"""


def fresh_clone(root: Path) -> Project:
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    project = Project.from_mkdocs_yml(root / "mkdocs.yml")
    (project.snippets / "demo").mkdir(parents=True)
    (project.snippets / "dlnotes.py").write_text((ROOT / "snippets" / "dlnotes.py").read_text(encoding="utf-8"))
    (project.snippets / "demo" / "quick.py").write_text(
        "answer = 42\nprint('quick answer', answer)\nassert answer == 42  # claim: quick-answer\n")
    (project.snippets / "demo" / "slow.py").write_text(textwrap.dedent(f"""\
        import time
        time.sleep({SLOW})
        print('slow one done')
        assert True  # claim: slow-done
        """))
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text(PAGE, encoding="utf-8")
    return project


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.kept
def test_a_fresh_clone_is_served_at_once_and_fills_in_as_its_examples_finish(tmp_path):
    project = fresh_clone(tmp_path)
    url = f"http://127.0.0.1:{free_port()}/"
    log = (tmp_path / "serve.log").open("w", encoding="utf-8")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", url[7:-1]], cwd=tmp_path,
                              stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    start, first, last = time.monotonic(), None, ""
    try:
        while time.monotonic() - start < 240 and server.poll() is None:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    last = response.read().decode()
            except OSError:
                time.sleep(0.5)
                continue
            if first is None:
                first = last, runner.load_result(project.outputs, "demo/slow.py"), time.monotonic() - start
            if "slow one done" in last:
                break
            time.sleep(1)
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    output = (tmp_path / "serve.log").read_text(encoding="utf-8")
    assert first is not None, f"mkdocs serve never served the page:\n{output[-3000:]}"
    page, slow_result, seconds = first
    assert slow_result is None, f"the first page was served only after the slow example had run ({seconds:.0f} s)"
    assert page.count('class="admonition info still-running"') == 2, "both examples should show they still run"
    assert html.escape(project.text(project.default_language, "still_running", done=0, total=2)) in page
    assert "quick answer" not in page
    assert page.count("claim-pending") == 3, "the value and both claims wait for their examples"
    assert "slow one done" in last and "quick answer 42" in last, f"the page never filled in:\n{output[-3000:]}"
    assert "still-running" not in last and "claim-pending" not in last
    assert "The quick example prints 42." in last and 'prints <span class="claim-pending"' in page
    assert last.count('class="claim"') == 2
    assert "the first runs took" in output
    assert "ERROR" not in output and "Aborted" not in output, output[-3000:]
