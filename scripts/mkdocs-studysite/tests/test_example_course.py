"""The engine's example course (examples/stats-course) built as a new user builds it: a course with
no TensorFlow, no Korean and no labs, whose pages show the outputs, figures, claims, values and
downloads of its two snippets. Its build must not be able to import TensorFlow or Keras."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ENGINE = Path(__file__).resolve().parents[1]
EXAMPLE = ENGINE / "examples" / "stats-course"
HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
BLOCKED = ("tensorflow", "keras")

BLOCKER = textwrap.dedent(f"""
    import sys

    class _Refuse:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in {BLOCKED!r}:
                raise ImportError(f"blocked by the example course's test: {{name}}")
            return None

    sys.meta_path.insert(0, _Refuse())
""")


def _env(tmp: Path, **extra) -> dict:
    blocker = tmp / "blocker"
    blocker.mkdir(exist_ok=True)
    (blocker / "sitecustomize.py").write_text(BLOCKER, encoding="utf-8")
    path = os.pathsep.join([str(blocker), os.environ.get("PYTHONPATH", "")]).strip(os.pathsep)
    return {**os.environ, "PYTHONPATH": path, "NO_MKDOCS_2_WARNING": "1", **extra}


def _build(course: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=course, env=env,
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("example")
    course = tmp / "stats-course"
    shutil.copytree(EXAMPLE, course, ignore=shutil.ignore_patterns("site", ".cache"))
    env = _env(tmp)
    cold = _build(course, env)
    warm = _build(course, env)
    return course, env, cold, warm


def test_the_blocker_really_blocks_tensorflow(built):
    course, env, _, _ = built
    probe = subprocess.run([sys.executable, "-c", "import keras"], env=env, capture_output=True, text=True)
    assert probe.returncode != 0 and "blocked by the example course's test" in probe.stderr


def test_the_example_course_builds_without_tensorflow(built):
    _, _, cold, _ = built
    assert cold.returncode == 0, cold.stderr[-4000:]
    assert len(re.findall(r"^\s*ran\s", cold.stderr, re.M)) == 2, cold.stderr[-3000:]
    assert "tensorflow" not in cold.stderr.lower()


def test_a_warm_build_runs_nothing(built):
    _, _, _, warm = built
    assert warm.returncode == 0, warm.stderr[-4000:]
    assert not re.findall(r"^\s*ran\s", warm.stderr, re.M), warm.stderr[-3000:]


def test_pages_show_outputs_values_claims_figures_and_downloads(built):
    course, _, cold, _ = built
    site = course / "site"
    index = (site / "index.html").read_text(encoding="utf-8")
    spread = (site / "spread" / "index.html").read_text(encoding="utf-8")
    # values come from the run, formatted as the page asked
    assert re.search(r"misses by \d+\.\d\d cm on average;\s*with 1000, by \d\.\d\d cm", index), index[:2000]
    assert re.search(r"Here it is \d+%", spread)
    # claims: a check mark naming the assert
    assert 'data-claim="larger-samples-closer"' in index and 'data-claim="about-two-thirds-within-one-sd"' in spread
    # a section with its own output
    assert re.search(r'class="snippet-output".*share within one sd: \d+%', spread)
    # the figure the snippet left open, captured, with its title as alt text, and its file in the site
    figure = re.search(r'<img src="([^"]+/figure-1\.svg)" alt="Heights, with one standard deviation', spread)
    assert figure, "the open figure was not captured"
    assert (site / "spread" / figure[1]).resolve().is_file()
    # the engine's stylesheet is shipped and linked
    assert (site / "assets" / "studysite" / "studysite.css").is_file() and "assets/studysite/studysite.css" in spread
    # downloads, with the helper copied in (a reader has no stats_helpers module)
    download = (site / "downloads" / "en" / "spread.py").read_text(encoding="utf-8")
    assert "def heights(" in download and "from stats_helpers" not in download
    assert (site / "downloads" / "en" / "sampling" / "mean_of_samples.ipynb").is_file()


def test_the_download_runs_alone_and_prints_what_the_page_shows(built, tmp_path):
    course, _, _, _ = built
    download = course / "site" / "downloads" / "en" / "spread.py"
    ran = subprocess.run([sys.executable, str(download)], cwd=tmp_path, capture_output=True, text=True,
                         env={**os.environ, "MPLBACKEND": "Agg"}, timeout=120)
    assert ran.returncode == 0, ran.stderr
    page = (course / "site" / "spread" / "index.html").read_text(encoding="utf-8")
    for line in ran.stdout.strip().splitlines():
        assert line in page.replace("&#10;", "\n")


def test_no_korean_anywhere_a_reader_looks(built):
    course, _, _, _ = built
    site = course / "site"
    shown = [site / "index.html", site / "spread" / "index.html", *(site / "downloads").rglob("*.*")]
    for path in shown:
        found = HANGUL.search(path.read_text(encoding="utf-8"))
        assert not found, f"{path.relative_to(site)} shows Korean: {found[0]!r}"


def test_the_core_does_not_import_mkdocs():
    code = ("import sys; import studysite.runner, studysite.embed, studysite.claims, studysite.cache, "
            "studysite.downloads, studysite.capture, studysite.project, studysite.labs; "
            "assert not [m for m in sys.modules if m.split('.')[0] == 'mkdocs'], sorted(sys.modules)")
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert ran.returncode == 0, ran.stderr[-2000:]


def test_the_markdown_extension_renders_the_same_embeds_without_mkdocs(built):
    """What Zensical would call: Python-Markdown with ``studysite.markdown``, from the stored results."""
    course, env, _, _ = built
    code = ("import markdown, sys; md = markdown.Markdown(extensions=['studysite.markdown', "
            "'pymdownx.superfences', 'md_in_html']); print(md.convert(open('docs/spread.md').read())); "
            "assert 'mkdocs' not in sys.modules")
    ran = subprocess.run([sys.executable, "-c", code], cwd=course, env=env, capture_output=True, text=True)
    assert ran.returncode == 0, ran.stderr[-3000:]
    html = ran.stdout
    assert re.search(r'class="snippet-output".*share within one sd: \d+%', html)
    assert 'data-claim="about-two-thirds-within-one-sd"' in html and re.search(r"Here it is \d+%", html)
    assert '<img src="data:image/svg+xml;base64,' in html  # the figure, inlined
    assert "!snippet" not in html and "{claim" not in html and "{value" not in html
