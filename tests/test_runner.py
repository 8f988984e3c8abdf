"""The runner's promises: cache, errors, timeouts, escaping, atomic and deterministic outputs.

These tests use small snippets in a temporary folder, and workers that skip importing
TensorFlow, so they take seconds; the determinism test runs a real training snippet.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from conftest import ROOT, mkdocs_hooks, run_snippets

FIGURE = """
import matplotlib.pyplot as plt
from dlnotes import save_figure
fig, ax = plt.subplots()
ax.plot([0, 1, 2], [2, 1, 3])
save_figure(fig, "line", alt_ko="꺾은선", alt_en="a line")
"""


@pytest.fixture
def project(tmp_path):
    """A snippets folder with a local helper module, and an empty output folder."""
    snippets = tmp_path / "snippets"
    (snippets / "demo").mkdir(parents=True)
    (snippets / "dlnotes.py").write_text((run_snippets.SNIPPETS / "dlnotes.py").read_text())
    (snippets / "helper.py").write_text("FACTOR = 2\n")
    write(snippets, "demo/uses_helper.py", "from helper import FACTOR\nprint('factor', FACTOR)\nassert FACTOR == 2\n")
    write(snippets, "demo/plain.py", "print('hello')\n" + FIGURE)
    return SimpleNamespace(snippets=snippets, out=tmp_path / "out")


def write(snippets: Path, rel: str, source: str) -> None:
    (snippets / rel).write_text(textwrap.dedent(source), encoding="utf-8")


def run(project, **kwargs):
    outcomes = run_snippets.run(snippets_dir=project.snippets, out_dir=project.out, preload=(),
                                progress=False, jobs=2, **kwargs)
    return {o.rel: o for o in outcomes}


def statuses(outcomes):
    return {rel: o.status for rel, o in outcomes.items()}


def test_cache_hit_and_miss(project):
    assert statuses(run(project)) == {"demo/plain.py": "ran", "demo/uses_helper.py": "ran"}
    assert statuses(run(project)) == {"demo/plain.py": "cached", "demo/uses_helper.py": "cached"}

    write(project.snippets, "demo/plain.py", "print('hello again')\n" + FIGURE)  # edit one snippet
    assert statuses(run(project)) == {"demo/plain.py": "ran", "demo/uses_helper.py": "cached"}

    (project.snippets / "helper.py").write_text("FACTOR = 2  # edited\n")  # edit the helper it imports
    assert statuses(run(project)) == {"demo/plain.py": "cached", "demo/uses_helper.py": "ran"}

    assert statuses(run(project, force=True)) == {"demo/plain.py": "ran", "demo/uses_helper.py": "ran"}


def test_data_files_a_snippet_reads_are_part_of_its_key(project):
    (project.snippets / "demo" / "numbers.csv").write_text("1\n2\n")
    write(project.snippets, "demo/reads.py", "print(open('numbers.csv').read().split())\n")
    assert run(project)["demo/reads.py"].status == "ran"
    (project.snippets / "demo" / "numbers.csv").write_text("1\n2\n3\n")
    assert run(project)["demo/reads.py"].status == "ran"
    assert run(project)["demo/reads.py"].status == "cached"


def test_page_prose_is_not_part_of_any_key():
    keys = {rel: run_snippets.cache_key(rel) for rel in run_snippets.discover()[:5]}
    page = ROOT / "docs" / "ko" / "index.md"
    text = page.read_text(encoding="utf-8")
    try:
        page.write_text(text + "\n한 줄 더.\n", encoding="utf-8")
        assert keys == {rel: run_snippets.cache_key(rel) for rel in keys}
    finally:
        page.write_text(text, encoding="utf-8")


def test_a_snippet_that_raises_names_file_and_line_and_keeps_the_old_outputs(project):
    run(project)
    before = (project.out / "demo/plain.py/result.json").read_bytes()
    write(project.snippets, "demo/plain.py", "print('partial')\nx = 1\nassert x == 2, 'the claim broke'\n")
    outcome = run(project)["demo/plain.py"]
    assert outcome.status == "failed" and outcome.line == 3
    assert "snippets/demo/plain.py, line 3" in outcome.describe() and "the claim broke" in outcome.error
    assert (project.out / "demo/plain.py/result.json").read_bytes() == before, "the last good output was lost"
    result = json.loads(before)
    assert (project.out / "demo/plain.py" / result["run_dir"] / "line.svg").is_file()
    assert run(project)["demo/plain.py"].status == "failed", "a failed run must never be cached"


def test_a_syntax_error_names_the_line(project):
    write(project.snippets, "demo/broken.py", "print('ok')\n\ndef f(:\n    pass\n")
    outcome = run(project)["demo/broken.py"]
    assert outcome.status == "failed" and outcome.line == 3 and "SyntaxError" in outcome.error


def test_a_hanging_snippet_is_stopped_at_its_timeout(project):
    write(project.snippets, "demo/hangs.py", "# snippet: timeout=2\nimport time\nwhile True:\n    time.sleep(0.1)\n")
    outcomes = run(project)
    assert outcomes["demo/hangs.py"].status == "timeout"
    assert "timed out after 2 s" in outcomes["demo/hangs.py"].error
    assert outcomes["demo/plain.py"].status == "ran", "the other snippets still ran"


def test_output_is_html_escaped_on_the_page(project, monkeypatch):
    write(project.snippets, "demo/html.py",
          "import pandas as pd\nfrom dlnotes import show\nprint('<script>alert(1)</script> & **bold**')\n"
          "show(pd.DataFrame({'<b>col</b>': ['<i>x</i>']}))\nprint('after\\n\\nthe table')\n")
    assert run(project)["demo/html.py"].ok
    monkeypatch.setattr(run_snippets, "SNIPPETS", project.snippets)
    monkeypatch.setattr(run_snippets, "OUT", project.out)
    page = SimpleNamespace(file=SimpleNamespace(src_uri="en/x.md"), url="x/")
    embed = mkdocs_hooks.find_embeds("!snippet demo/html.py only=output\n")[0]
    html = mkdocs_hooks.render(embed, page, "en")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; **bold**" in html
    assert "&lt;b&gt;col&lt;/b&gt;" in html and "&lt;i&gt;x&lt;/i&gt;" in html and "<table" in html
    assert html.index("alert") < html.index("<table") < html.index("the table"), "blocks keep their order"
    assert "\n\n" not in html.strip(), "a blank line in the output would end the HTML block"


def test_a_missing_snippet_or_section_names_the_page(project, monkeypatch):
    monkeypatch.setattr(run_snippets, "SNIPPETS", project.snippets)
    monkeypatch.setattr(run_snippets, "OUT", project.out)
    page = SimpleNamespace(file=SimpleNamespace(src_uri="ko/lectures/x.md"), url="lectures/x/")
    for line, expected in [("!snippet demo/nope.py", "does not exist"),
                           ("!snippet demo/plain.py:nope", "has no section 'nope'"),
                           ("!snippet demo/plain.py only=everything", "unknown options")]:
        embed = mkdocs_hooks.find_embeds(f"text\n\n{line}\n")[0]
        with pytest.raises(PluginError) as error:
            mkdocs_hooks.render(embed, page, "ko")
        assert "ko/lectures/x.md:3" in str(error.value) and expected in str(error.value)


def test_two_runs_at_once_leave_consistent_outputs(project):
    """mkdocs serve and pytest may run the same snippets at the same time."""
    code = (f"import sys; sys.path.insert(0, {str(ROOT / 'scripts')!r}); import run_snippets as r; "
            f"from pathlib import Path; o = r.run(snippets_dir=Path({str(project.snippets)!r}), "
            f"out_dir=Path({str(project.out)!r}), preload=(), progress=False, force=True, jobs=1); "
            "sys.exit(0 if all(x.ok for x in o) else 1)")
    procs = [subprocess.Popen([sys.executable, "-c", code]) for _ in range(2)]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    for rel in ("demo/plain.py", "demo/uses_helper.py"):
        result = json.loads((project.out / rel / "result.json").read_text())
        for figure in result["figures"]:
            assert (project.out / rel / result["run_dir"] / figure["file"]).is_file()
    assert not list(project.out.glob(".run-*")), "staging folders were left behind"


def test_two_cold_runs_are_byte_identical(tmp_path):
    """A real training snippet with a figure, run cold twice in fresh workers."""
    rel = "training/first_learning_curve.py"
    outputs = []
    for name in ("first", "second"):
        out = tmp_path / name
        (outcome,) = run_snippets.run([rel], out_dir=out, progress=False, jobs=1)
        assert outcome.status == "ran", outcome.describe()
        result = json.loads((out / rel / "result.json").read_text())
        svgs = {p.name: p.read_bytes() for p in (out / rel / result["run_dir"]).iterdir()}
        result.pop("seconds")
        outputs.append((result, svgs))
    assert outputs[0] == outputs[1]
