"""Every lab runs top to bottom once as a notebook; each language's download stands on its own."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import nbformat
import pytest

from studysite import bilingual, first_runs, labs
from studysite.project import Project

PROJECT = Project.find(Path(__file__).parent)
LANGUAGES = PROJECT.languages  # ("ko", "en"), the default first
LABS = labs.discover(PROJECT.labs)
NOISE = re.compile(r"[\b\r]|ms/step|Epoch \d+/\d+|WARNING|oneDNN custom operations")
HANGUL = re.compile("[\uac00-\ud7a3]")


@pytest.mark.parametrize("lab", LABS)
def test_lab_runs_top_to_bottom(lab, lab_outcomes):
    outcome = lab_outcomes[lab]
    assert outcome.ok, outcome.describe()


@pytest.mark.parametrize("lab", LABS)
def test_every_prose_cell_has_its_twin(lab):
    assert labs.check_twins(labs.read(PROJECT.labs / lab), LANGUAGES) == [], f"labs/{lab}"


@pytest.mark.parametrize("lab", LABS)
def test_a_lab_is_the_same_notebook_from_build_to_build(lab):
    """Nothing in a lab's notebook comes from chance (nbformat gives a new cell a random id)."""
    made = [nbformat.writes(labs.for_language(labs.read(PROJECT.labs / lab), LANGUAGES[-1], PROJECT))
            for _ in range(2)]
    assert made[0] == made[1], f"labs/{lab}: two reads give two different notebooks"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("lab", LABS)
def test_download_is_a_valid_self_contained_notebook(lab, lang, lab_outcomes):
    assert lab_outcomes[lab].ok, lab_outcomes[lab].describe()
    nb = nbformat.read(labs.target_of(PROJECT, lab, lang), as_version=4)
    nbformat.validate(nb)
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# "), f"labs/{lab}: no title"
    prose = "\n".join(cell.source for cell in nb.cells if cell.cell_type == "markdown")
    assert bool(HANGUL.search(prose)) == (lang == "ko"), f"labs/{lab}: the {lang} notebook has the other's prose"
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        where = f"labs/{lab} ({lang}), cell {index}"
        assert not re.search(r"^\s*(import|from)\s+(dlnotes\w*|studysite)\b", cell.source, re.M), (
            f"{where} imports the project's own code: the download must run with requirements.txt alone")
        assert not re.search(r"https?://|read_csv\(|open\(", cell.source), f"{where} reads a file or the network"
        for line, comment in bilingual.comments_in(cell.source):
            assert bilingual.split_comment(comment, LANGUAGES) is None, (
                f"{where}, line {line}: a marker is left: {comment}")
            if lang != "ko":
                assert not HANGUL.search(comment), f"{where}, line {line}: a Korean comment on the {lang} page"
        for output in cell.outputs:
            text = output.get("text", "") or str(output.get("data", {}).get("text/plain", ""))
            assert output.get("output_type") != "error", f"{where} has an error output"
            assert not (output.get("name") == "stderr" and text.strip()), f"{where} wrote to stderr: {text[:200]}"
            assert not NOISE.search(text), f"{where} shows progress-bar or log noise: {text[:200]!r}"


@pytest.mark.parametrize("lab", LABS)
def test_both_languages_show_the_same_run(lab, lab_outcomes):
    """Executed once: the code cells' outputs are the same in every language's notebook."""
    assert lab_outcomes[lab].ok, lab_outcomes[lab].describe()
    outputs = {lang: [cell.outputs for cell in nbformat.read(labs.target_of(PROJECT, lab, lang), as_version=4).cells
                      if cell.cell_type == "code"] for lang in LANGUAGES}
    assert all(o == outputs[LANGUAGES[0]] for o in outputs.values())


def test_the_lab_uses_the_sites_own_data_generator():
    """One definition of the sales table: lab 1 calls dlnotes.make_sales_data, copied into its notebook."""
    source = (PROJECT.labs / "01-regression-sales.py").read_text(encoding="utf-8")
    assert "from dlnotes import make_sales_data" in source
    nb = nbformat.read(labs.target_of(PROJECT, "01-regression-sales.py", "en"), as_version=4)
    assert any("def make_sales_data(" in cell.source for cell in nb.cells if cell.cell_type == "code")


def write_lab(project: Project, text: str) -> None:
    project.labs.mkdir(parents=True, exist_ok=True)
    (project.labs / "probe.py").write_text(text, encoding="utf-8")


PROBE = """# %% [markdown] tags=["ko"]
# # 시험
# %% [markdown] tags=["en"]
# # Probe
# %%
x = 1  # ko: 하나 # en: one
print(x)
# %%
assert x == {value}, 'claim broke'
"""


def probe_project(tmp_path) -> Project:
    """A project with the site's options (its labs folder, helpers, kernels) and languages, in ``tmp_path``."""
    project = Project.at(tmp_path, dataclasses.replace(PROJECT.settings, cache_dir=".cache"), languages=LANGUAGES)
    assert project.labs == tmp_path / "labs"
    project.snippets.mkdir(parents=True)
    (project.snippets / "dlnotes.py").write_text((PROJECT.snippets / "dlnotes.py").read_text(encoding="utf-8"))
    return project


def test_a_lab_runs_once_for_both_languages_and_a_failing_cell_is_named(tmp_path):
    project = probe_project(tmp_path)
    write_lab(project, PROBE.format(value=1))
    (good,) = labs.build(project, progress=False)
    assert good.status == "ran", good.describe()
    notebooks = {lang: labs.target_of(project, "probe.py", lang) for lang in LANGUAGES}
    ko, en = (nbformat.read(notebooks[lang], as_version=4) for lang in ("ko", "en"))
    assert ko.cells[0].source == "# 시험" and en.cells[0].source == "# Probe"
    assert ko.cells[1].source == "x = 1  # 하나\nprint(x)" and en.cells[1].source == "x = 1  # one\nprint(x)"
    assert ko.cells[1].outputs[0]["text"] == "1\n" == en.cells[1].outputs[0]["text"]
    before = {lang: path.read_bytes() for lang, path in notebooks.items()}
    assert labs.build(project, progress=False)[0].status == "cached"

    write_lab(project, PROBE.format(value=2))
    (bad,) = labs.build(project, progress=False)
    assert bad.status == "failed" and bad.cell == 2 and bad.line == 8 and "claim broke" in bad.error
    assert "labs/probe.py, cell 2, line 8" in bad.describe()
    assert {lang: path.read_bytes() for lang, path in notebooks.items()} == before, "the last good notebooks were lost"


def test_a_lab_not_run_yet_is_its_code_under_a_note_until_it_runs(tmp_path):
    # A fresh clone's first mkdocs serve (first_runs) shows the lab pages before the labs have run.
    project = probe_project(tmp_path)
    write_lab(project, PROBE.format(value=1))
    assert first_runs.write_lab_placeholders(project) == len(LANGUAGES)
    for lang in LANGUAGES:
        waiting = nbformat.read(labs.target_of(project, "probe.py", lang), as_version=4)
        assert project.text(lang, "lab_still_running") in waiting.cells[1].source
        assert all(not cell.get("outputs") for cell in waiting.cells if cell.cell_type == "code")
    assert first_runs.write_lab_placeholders(project) == 0, "a notebook already there is left alone"
    for lang in LANGUAGES:  # no key: the next build runs the lab and replaces it
        assert labs.current_key(labs.target_of(project, "probe.py", lang)) != labs.key_of(project, "probe.py")


def test_a_prose_cell_without_its_twin_fails_the_lab(tmp_path):
    project = probe_project(tmp_path)
    write_lab(project, PROBE.format(value=1).replace('# %% [markdown] tags=["en"]\n# # Probe\n', ""))
    (outcome,) = labs.build(project, progress=False)
    assert outcome.status == "failed" and "each needs its twin" in outcome.error, outcome.describe()
