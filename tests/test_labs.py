"""Every lab runs top to bottom as a notebook, and its download stands on its own."""

from __future__ import annotations

import re

import jupytext
import nbformat
import pytest

from conftest import LANGS, ROOT, build_labs

LABS = build_labs.discover()
NOISE = re.compile(r"[\b\r]|ms/step|Epoch \d+/\d+|WARNING|oneDNN custom operations")


@pytest.mark.parametrize("lab", LABS)
def test_lab_runs_top_to_bottom(lab, lab_outcomes):
    outcome = lab_outcomes[lab]
    assert outcome.ok, outcome.describe()


@pytest.mark.parametrize("lab", LABS)
def test_download_is_a_valid_self_contained_notebook(lab, lab_outcomes):
    assert lab_outcomes[lab].ok, lab_outcomes[lab].describe()
    nb = nbformat.read(build_labs.target_of(lab), as_version=4)
    nbformat.validate(nb)
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# "), f"labs/{lab}: no title"
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        where = f"labs/{lab}, cell {index}"
        assert not re.search(r"^\s*(import|from)\s+(dlnotes|run_snippets|mkdocs_hooks)\b", cell.source, re.M), (
            f"{where} imports the project's own code: the download must run with requirements.txt alone")
        assert not re.search(r"https?://|read_csv\(|open\(", cell.source), f"{where} reads a file or the network"
        for output in cell.outputs:
            text = output.get("text", "") or str(output.get("data", {}).get("text/plain", ""))
            assert output.get("output_type") != "error", f"{where} has an error output"
            assert not (output.get("name") == "stderr" and text.strip()), f"{where} wrote to stderr: {text[:200]}"
            assert not NOISE.search(text), f"{where} shows progress-bar or log noise: {text[:200]!r}"


@pytest.mark.parametrize("name", sorted({lab.split("/")[1] for lab in LABS}))
def test_both_languages_have_the_same_code(name):
    cells = {}
    for lang in LANGS:
        path = ROOT / "labs" / lang / name
        assert path.is_file(), f"labs/{lang}/{name} is missing: every lab exists in both languages"
        nb = jupytext.read(path)
        strip = lambda src: "\n".join(line.split("#")[0].rstrip() for line in src.splitlines()).strip()  # noqa: E731
        cells[lang] = [strip(c.source) for c in nb.cells if c.cell_type == "code"]
    assert cells["ko"] == cells["en"], f"labs/*/{name}: the Korean and English code cells differ"


def test_a_failing_cell_is_named_and_the_last_good_notebook_kept(tmp_path):
    labs, docs = tmp_path / "labs", tmp_path / "docs"
    (labs / "ko").mkdir(parents=True)
    lab = labs / "ko" / "probe.py"
    lab.write_text("# %% [markdown]\n# # Probe\n\n# %%\nx = 1\nprint(x)\n\n# %%\nassert x == 1\n")
    (good,) = build_labs.build(labs_dir=labs, docs_dir=docs, progress=False)
    assert good.status == "ran"
    before = build_labs.target_of("ko/probe.py", docs).read_bytes()
    lab.write_text("# %% [markdown]\n# # Probe\n\n# %%\nx = 1\nprint(x)\n\n# %%\nassert x == 2, 'claim broke'\n")
    (bad,) = build_labs.build(labs_dir=labs, docs_dir=docs, progress=False)
    assert bad.status == "failed" and bad.cell == 2 and bad.line == 9 and "claim broke" in bad.error
    assert "labs/ko/probe.py, cell 2 (line 9)" in bad.describe()
    assert build_labs.target_of("ko/probe.py", docs).read_bytes() == before, "the last good notebook was lost"
