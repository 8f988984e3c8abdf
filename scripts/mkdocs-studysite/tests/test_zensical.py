"""The example course built by Zensical (which runs no MkDocs plugin) with the engine's Markdown
extension, as its README says: `studysite run`, then `zensical build -f zensical.yml`. The pages show
the outputs, values, claim marks and figures (inlined) from the stored results; an example edited
since its run stops the build instead of showing an output its code no longer prints."""

from __future__ import annotations

import base64
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("zensical")

ENGINE = Path(__file__).resolve().parents[1]
EXAMPLE = ENGINE / "examples" / "stats-course"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def _zensical(course: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "zensical", "build", "-f", "zensical.yml"], cwd=course, env=ENV,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    course = tmp_path_factory.mktemp("zensical") / "stats-course"
    shutil.copytree(EXAMPLE, course, ignore=shutil.ignore_patterns("site", ".cache"))
    ran = subprocess.run([sys.executable, "-m", "studysite.cli", "run"], cwd=course, env=ENV,
                         capture_output=True, text=True, timeout=300)
    assert ran.returncode == 0, ran.stderr[-3000:]
    build = _zensical(course)
    assert build.returncode == 0, (build.stdout + build.stderr)[-3000:]
    return course


def _page(course: Path, name: str) -> str:
    return (course / "site" / name).read_text(encoding="utf-8")


def test_no_marker_is_left_as_text(built):
    for name in ("index.html", "spread/index.html"):
        page = _page(built, name)
        for raw in ("!snippet", "{value", "{claim"):
            assert raw not in page, f"{name} shows '{raw}' as text: the extension did not run"


def test_pages_show_outputs_values_claims_and_inlined_figures(built):
    index, spread = _page(built, "index.html"), _page(built, "spread/index.html")
    # values from the run, formatted as the page asked, and the output they were printed in
    small, large = re.search(r"misses by (\d+\.\d\d) cm on average;\s*with 1000, by (\d\.\d\d) cm", index).groups()
    assert f"misses 170 cm by {small} cm" in index and f"misses 170 cm by {large} cm" in index
    assert re.search(r"Here it is (\d+)%", spread)
    assert re.search(r'class="snippet-output".*share within one sd: \d+%', spread, re.S)
    # claim marks naming their asserts
    assert 'data-claim="larger-samples-closer"' in index
    assert 'data-claim="about-two-thirds-within-one-sd"' in spread
    # the figure the snippet left open, inlined (an extension adds no file to the site), with its alt text
    figure = re.search(r'<img src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)" alt="Heights, with one standard '
                       r'deviation', spread)
    assert figure, "the figure is not inlined"
    assert base64.b64decode(figure[1]).lstrip().startswith(b"<?xml")


def test_an_example_edited_since_its_run_stops_the_build(built):
    snippet = built / "snippets" / "spread.py"
    original = snippet.read_text(encoding="utf-8")
    try:
        snippet.write_text(original + "\n# edited, not run\n", encoding="utf-8")
        os.utime(snippet, (snippet.stat().st_atime, snippet.stat().st_mtime + 2))  # Zensical compares seconds
        build = _zensical(built)
    finally:
        snippet.write_text(original, encoding="utf-8")
    assert build.returncode != 0
    assert "snippets/spread.py" in build.stderr and "run `studysite run` before this build" in build.stderr
