"""Notebooks run in processes forked from one server (studysite.kernels): the outputs a Jupyter
kernel gives, a fresh process for each notebook, and failures named by their cell."""

from __future__ import annotations

import os
import subprocess
import sys

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from studysite import kernels

# A test here passed is kept while all it read is the same, in this process and in the kernels (tests/kept.py).
pytestmark = pytest.mark.kept

# A little of everything a notebook shows: streams, a wide DataFrame as the cell's result (pandas
# decides at import time how many columns a kernel shows), a display() call, an inline figure, a
# Keras fit, and a string's hash (fixed by PYTHONHASHSEED=0 in every kernel).
SHOWCASE = [
    'import os\nos.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"\nimport numpy as np\nimport pandas as pd\nprint("a")\n'
    'import sys\nprint("b", file=sys.stderr)\nprint("c")',
    'pd.DataFrame(np.arange(60).reshape(2, 30))',
    'display(pd.Series([1, 2], name="s"))\nprint(hash("kernel"))',
    'import matplotlib.pyplot as plt\nplt.plot([0, 1], [1, 0])\nplt.title("x")',
    'import keras\nkeras.utils.set_random_seed(0)\nm = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])\n'
    'm.compile(optimizer="sgd", loss="mse")\n'
    'print(np.round(m.fit(np.ones((8, 2)), np.ones(8), epochs=2, verbose=0).history["loss"], 4))',
]


def notebook(*sources: str):
    nb = new_notebook()
    nb.cells = [new_markdown_cell("# a title")] + [new_code_cell(source) for source in sources]
    return nb


def shown(nb) -> list:
    """Each code cell's outputs as a reader sees them (a kernel splits a stream by when it flushed)."""
    cells = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        outputs = []
        for out in kernels._coalesced([nbformat.from_dict(o) for o in cell.outputs]):
            data = out.get("data", {})
            outputs.append((out.output_type, out.get("name"), out.get("text"), sorted(data),
                            data.get("text/plain"), data.get("text/html")))
        cells.append((cell.execution_count, outputs))
    return cells


def test_a_notebook_shows_what_a_jupyter_kernel_shows(tmp_path):
    ours, theirs = notebook(*SHOWCASE), notebook(*SHOWCASE)
    kernels.run(ours, cwd=str(tmp_path))
    from nbclient import NotebookClient

    NotebookClient(theirs, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
                   ).execute(env={**os.environ, **kernels.kernel_env()}, stderr=subprocess.DEVNULL)
    assert shown(ours) == shown(theirs)
    html = shown(ours)[1][1][0][5]
    assert html and html.count("<th>") < 30, "the wide DataFrame is not cut to 20 columns as in a kernel"
    assert "image/png" in shown(ours)[3][1][-1][3], "no inline figure"


def test_the_hash_seed_is_the_one_every_kernel_gets(tmp_path):
    nb = notebook('print(hash("kernel"))')
    kernels.run(nb, cwd=str(tmp_path))
    expected = subprocess.run([sys.executable, "-c", 'print(hash("kernel"))'], capture_output=True, text=True,
                              env={**os.environ, "PYTHONHASHSEED": "0"}).stdout
    assert nb.cells[1].outputs[0].text == expected


def test_each_notebook_gets_a_fresh_process(tmp_path):
    first = notebook('import numpy, os\nnumpy.left_behind = 1\nos.environ["LEFT_BEHIND"] = "1"\nx = 1')
    second = notebook('import numpy, os\nprint(hasattr(numpy, "left_behind"), "LEFT_BEHIND" in os.environ, '
                      '"x" in globals())')
    kernels.run(first, cwd=str(tmp_path))
    kernels.run(second, cwd=str(tmp_path))
    assert second.cells[1].outputs[0].text == "False False False\n"
    assert "LEFT_BEHIND" not in os.environ


def test_a_failing_cell_is_named_with_its_error_and_the_cells_before_it_keep_their_outputs(tmp_path):
    nb = notebook('print("ran")', "1 / 0", 'print("never")')
    with pytest.raises(kernels.CellError) as error:
        kernels.run(nb, cwd=str(tmp_path))
    assert (error.value.cell, error.value.message, error.value.timed_out) == (2, "ZeroDivisionError: division by zero",
                                                                              False)
    assert nb.cells[1].outputs[0].text == "ran\n" and nb.cells[3].outputs == []


def test_errors_can_be_allowed(tmp_path):
    nb = notebook("1 / 0", 'print("after")')
    kernels.run(nb, cwd=str(tmp_path), allow_errors=True)
    assert nb.cells[1].outputs[0].output_type == "error" and nb.cells[2].outputs[0].text == "after\n"


def test_a_cell_that_runs_too_long_is_stopped_and_named(tmp_path):
    nb = notebook("x = 1", "import time\ntime.sleep(30)")
    with pytest.raises(kernels.CellError) as error:
        kernels.run(nb, cwd=str(tmp_path), timeout=1)
    assert (error.value.cell, error.value.timed_out) == (2, True)
    assert error.value.message == "a cell ran longer than 1 s and was stopped"


def test_blocked_modules_cannot_be_imported(tmp_path):
    nb = notebook("import dlnotes")
    with pytest.raises(kernels.CellError, match="ModuleNotFoundError: No module named 'dlnotes'"):
        kernels.run(nb, cwd=str(tmp_path), blocked=("dlnotes",))
    kernels.run(notebook("import dlnotes"), cwd=str(tmp_path))  # importable where not blocked
