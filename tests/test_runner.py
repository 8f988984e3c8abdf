"""The runner's promises: cache, errors, timeouts, isolation, escaping, atomic and deterministic outputs.

These tests use small snippets in a temporary project, and workers that skip importing
TensorFlow where they can, so they take seconds; the determinism test runs a real one.
"""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from studysite import cache, embed, runner, worker
from studysite.pool import WorkerPool
from studysite.project import Project
from studysite.settings import Settings

PROJECT = Project.find(Path(__file__).parent)
# A test here passed is kept while all it read is the same, in this process and in the workers (tests/kept.py).
pytestmark = pytest.mark.kept

FIGURE = """
import matplotlib.pyplot as plt
from dlnotes import save_figure
fig, ax = plt.subplots()
ax.plot([0, 1, 2], [2, 1, 3])
save_figure(fig, "line", alt_ko="꺾은선", alt_en="a line")
"""


def settings(**changes) -> Settings:
    """The site's own options (mkdocs.yml: its worker set-up, its figures), with ``helper`` a helper module
    like ``dlnotes``, and workers that skip importing TensorFlow unless a test asks for it."""
    site = PROJECT.settings
    return dataclasses.replace(site, **{"preload": [], "helpers": [*site.helpers, "helper"], "figure_labels": {},
                                        **changes})


def with_settings(project: Project, **changes) -> Project:
    return Project.at(project.root, dataclasses.replace(project.settings, **changes))


def project_code(project: Project) -> str:
    """One line of Python that makes the same project, ``p``, in another process."""
    return ("from studysite.project import Project; from studysite.settings import Settings; "
            f"p = Project.at({str(project.root)!r}, {project.settings!r})")


@pytest.fixture
def project(tmp_path):
    """A snippets folder with a local helper module, and an empty output folder."""
    project = Project.at(tmp_path, settings())
    (project.snippets / "demo").mkdir(parents=True)
    (project.snippets / "dlnotes.py").write_text((PROJECT.snippets / "dlnotes.py").read_text())
    (project.snippets / "helper.py").write_text("FACTOR = 2\n")
    write(project, "demo/uses_helper.py", "from helper import FACTOR\nprint('factor', FACTOR)\nassert FACTOR == 2\n")
    write(project, "demo/plain.py", "print('hello')\n" + FIGURE)
    return project


def write(project: Project, rel: str, source: str) -> None:
    (project.snippets / rel).write_text(textwrap.dedent(source), encoding="utf-8")


def run(project, **kwargs):
    kwargs = {"progress": False, "jobs": 2, **kwargs}
    return {o.rel: o for o in runner.run(project, **kwargs)}


def statuses(outcomes):
    return {rel: o.status for rel, o in outcomes.items()}


def text_of(outcome) -> str:
    return "".join(b["text"] for cell in outcome.result["cells"] for b in cell["blocks"] if b["type"] == "text")


def test_cache_hit_and_miss(project):
    assert statuses(run(project)) == {"demo/plain.py": "ran", "demo/uses_helper.py": "ran"}
    assert statuses(run(project)) == {"demo/plain.py": "cached", "demo/uses_helper.py": "cached"}

    write(project, "demo/plain.py", "print('hello again')\n" + FIGURE)  # edit one snippet
    assert statuses(run(project)) == {"demo/plain.py": "ran", "demo/uses_helper.py": "cached"}

    (project.snippets / "helper.py").write_text("FACTOR = 2  # edited\n")  # edit the helper it imports
    assert statuses(run(project)) == {"demo/plain.py": "cached", "demo/uses_helper.py": "ran"}

    assert statuses(run(project, force=True)) == {"demo/plain.py": "ran", "demo/uses_helper.py": "ran"}


def test_data_files_a_snippet_reads_are_part_of_its_key(project):
    (project.snippets / "demo" / "numbers.csv").write_text("1\n2\n")
    write(project, "demo/reads.py", "print(open('numbers.csv').read().split())\n")
    assert run(project)["demo/reads.py"].status == "ran"
    (project.snippets / "demo" / "numbers.csv").write_text("1\n2\n3\n")
    assert run(project)["demo/reads.py"].status == "ran"
    assert run(project)["demo/reads.py"].status == "cached"


def test_page_prose_is_not_part_of_any_key():
    rels = cache.discover(PROJECT)[:5]
    keys = {rel: cache.cache_key(PROJECT, rel) for rel in rels}
    page = PROJECT.docs / "ko" / "index.md"
    text = page.read_text(encoding="utf-8")
    try:
        page.write_text(text + "\n한 줄 더.\n", encoding="utf-8")
        cache.installed_distributions.cache_clear()
        assert keys == {rel: cache.cache_key(PROJECT, rel) for rel in rels}
    finally:
        page.write_text(text, encoding="utf-8")


def test_a_file_in_the_snippets_folder_that_is_neither_a_snippet_nor_a_helper_is_refused(project):
    (project.snippets / "stray.py").write_text("print('which am I?')\n")
    with pytest.raises(cache.DiscoveryError, match=r"snippets/stray\.py is not a snippet"):
        run(project)
    (project.snippets / "stray.py").rename(project.snippets / "_stray.py")  # "_": neither, on purpose
    assert sorted(run(project)) == ["demo/plain.py", "demo/uses_helper.py"]


def test_each_section_records_its_own_output(project):
    write(project, "demo/cells.py", """\
        name = "setup"
        # --8<-- [start:one]
        print("first")
        # --8<-- [end:one]
        x = 2
        # --8<-- [start:two]
        print("second", x)
        # --8<-- [end:two]
        """)
    outcome = run(project)["demo/cells.py"]
    cells = [(c["section"], c["lines"], "".join(b["text"] for b in c["blocks"])) for c in outcome.result["cells"]]
    assert cells == [(None, [1, 1], ""), ("one", [3, 3], "first\n"), (None, [5, 5], ""),
                     ("two", [7, 7], "second 2\n")]


def test_output_outside_every_section_is_refused_with_its_lines(project):
    write(project, "demo/outside.py", """\
        # --8<-- [start:one]
        print("first")
        # --8<-- [end:one]
        print("nobody shows this")
        """)
    outcome = run(project)["demo/outside.py"]
    assert outcome.status == "failed" and outcome.line == 4 and "outside every section" in outcome.error, (
        outcome.describe())


def test_a_run_records_its_claims_and_values(project):
    write(project, "demo/claims.py", """\
        import numpy as np
        # --8<-- [start:one]
        mae = float(np.mean([1.0, 2.0]))
        errors = np.array([0.5, 1.5])
        print(mae)
        # --8<-- [end:one]
        assert mae == 1.5  # claim: demo-mae
        assert (errors > 0).all(), (
            "every error is positive")  # claim: demo-positive, demo-two
        """)
    outcome = run(project)["demo/claims.py"]
    assert outcome.ok, outcome.describe()
    positive = 'assert (errors > 0).all(), (\n    "every error is positive")'
    assert outcome.result["claims"] == {
        "demo-mae": {"line": 7, "code": "assert mae == 1.5", "said": []},  # a section marker is not words
        "demo-positive": {"line": 8, "code": positive, "said": []},
        "demo-two": {"line": 8, "code": positive, "said": []}}
    assert outcome.result["values"] == {"mae": 1.5, "errors": [0.5, 1.5]}


@pytest.mark.parametrize(("source", "line", "message"), [
    ("x = 1  # claim: lonely\nassert x\n", 1, "belongs on the line of an `assert`"),
    ("assert 1  # claim: twice\nassert 2  # claim: twice\n", 2, "named twice"),
    ("assert 1  # claim: Not_An_Id\n", 1, "lowercase letters"),
])
def test_bad_claim_comments_are_refused_with_their_line(project, source, line, message):
    write(project, "demo/bad_claim.py", source)
    outcome = run(project)["demo/bad_claim.py"]
    assert outcome.status == "failed" and outcome.line == line and message in outcome.error, outcome.describe()


@pytest.mark.parametrize(("source", "line", "message"), [
    ("# --8<-- [start:a]\n# --8<-- [start:b]\n# --8<-- [end:b]\n# --8<-- [end:a]\n", 2, "must not overlap"),
    ("# --8<-- [start:a]\nprint(1)\n", 1, "never closed"),
    ("print(1)\n# --8<-- [end:a]\n", 2, "does not close"),
    ("if True:\n# --8<-- [start:a]\n    print(1)\n# --8<-- [end:a]\n", 2, "splits a statement"),
    ("# --8<-- [start:a]\n# --8<-- [end:a]\n# --8<-- [start:a]\n# --8<-- [end:a]\n", 3, "defined twice"),
])
def test_bad_sections_are_refused_with_their_line(project, source, line, message):
    write(project, "demo/bad.py", source)
    outcome = run(project)["demo/bad.py"]
    assert outcome.status == "failed" and outcome.line == line and message in outcome.error, outcome.describe()


def test_a_snippet_that_raises_names_file_and_line_and_keeps_the_old_outputs(project):
    run(project)
    before = (project.outputs / "demo/plain.py/result.json").read_bytes()
    write(project, "demo/plain.py", "print('partial')\nx = 1\nassert x == 2, 'the claim broke'\n")
    outcome = run(project)["demo/plain.py"]
    assert outcome.status == "failed" and outcome.line == 3
    assert "snippets/demo/plain.py, line 3" in outcome.describe() and "the claim broke" in outcome.error
    assert (project.outputs / "demo/plain.py/result.json").read_bytes() == before, "the last good output was lost"
    result = json.loads(before)
    assert (project.outputs / "demo/plain.py" / result["run_dir"] / "line.svg").is_file()
    assert run(project)["demo/plain.py"].status == "failed", "a failed run must never be cached"


def test_a_syntax_error_names_the_line(project):
    write(project, "demo/broken.py", "print('ok')\n\ndef f(:\n    pass\n")
    outcome = run(project)["demo/broken.py"]
    assert outcome.status == "failed" and outcome.line == 3 and "SyntaxError" in outcome.error


def test_a_hanging_snippet_is_stopped_at_its_timeout_and_says_where(project):
    write(project, "demo/hangs.py", "# snippet: timeout=2\nimport time\nwhile True:\n    time.sleep(0.1)\n")
    outcomes = run(project)
    assert outcomes["demo/hangs.py"].status == "timeout"
    error = outcomes["demo/hangs.py"].error
    assert "timed out after 2 s" in error and "it was at line 4" in error, error
    assert outcomes["demo/plain.py"].status == "ran", "the other snippets still ran"


def test_a_dead_worker_is_reported_with_its_signal(project):
    write(project, "demo/dies.py", "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)\n")
    outcomes = run(project, jobs=1)
    assert outcomes["demo/dies.py"].status == "failed"
    assert "killed by signal SIGKILL" in outcomes["demo/dies.py"].error, outcomes["demo/dies.py"].error
    assert outcomes["demo/plain.py"].ok and outcomes["demo/uses_helper.py"].ok, "a new worker ran the rest"


def test_writes_outside_the_run_folder_threads_and_stderr_are_reported(project):
    write(project, "demo/writes.py", "open('stray.txt', 'w').write('x')\nprint('done')\n")
    write(project, "demo/thread.py", "import threading, time\nthreading.Thread(target=time.sleep, args=(3,)).start()\n")
    write(project, "demo/noisy.py", "import sys\nprint('to the page')\nprint('to stderr', file=sys.stderr)\n")
    outcomes = run(project, jobs=1)
    assert outcomes["demo/writes.py"].status == "failed" and "wrote outside its run folder" in outcomes[
        "demo/writes.py"].error and "stray.txt" in outcomes["demo/writes.py"].error
    assert outcomes["demo/thread.py"].status == "failed" and "thread" in outcomes["demo/thread.py"].error
    assert outcomes["demo/noisy.py"].ok and outcomes["demo/noisy.py"].warnings == ["stderr: to stderr"]
    assert "to stderr" not in text_of(outcomes["demo/noisy.py"])



def test_a_pool_kept_for_serve_has_a_worker_on_standby_for_the_next_save(project):
    """mkdocs serve's pool: after a run one worker stays started, and the next saved snippet runs in it;
    a worker a snippet spoiled is replaced by a fresh one on standby."""
    write(project, "demo/pid.py", "import os\nprint(os.getpid())\n")
    pool = WorkerPool(2, worker.WorkerConfig.of(project), standby=1)
    try:
        assert all(o.ok for o in run(project, pool=pool).values())
        assert [w.process.is_alive() for w in pool.workers] == [True], "not one worker on standby"
        standby = pool.workers[0].process.pid
        write(project, "demo/pid.py", "import os\nprint('saved', os.getpid())\n")
        (saved,) = runner.run(project, ["demo/pid.py"], pool=pool, progress=False)
        assert saved.status == "ran" and text_of(saved) == f"saved {standby}\n", "it did not run on the standby"
        write(project, "demo/thread.py", "import threading, time\n"
                                         "threading.Thread(target=time.sleep, args=(3,)).start()\n")
        (spoiled,) = runner.run(project, ["demo/thread.py"], pool=pool, progress=False)
        assert spoiled.status == "failed" and [w.process.pid for w in pool.workers] != [standby]
        assert len(pool.workers) == 1 and pool.workers[0].process.is_alive(), "no fresh worker on standby"
    finally:
        pool.close()
    assert not pool.workers

PROBES = {
    "a01_env.py": "import os\nos.environ['LEAK'] = '1'\n",
    "a02_numpy.py": "import numpy as np\nnp.set_printoptions(precision=1)\n",
    "a03_pandas.py": "import pandas as pd\npd.set_option('display.precision', 1)\n",
    "a04_warnings.py": "import warnings\nwarnings.simplefilter('error')\n",
    "a05_logging.py": "import logging\nlogging.getLogger().setLevel(10)\nlogging.getLogger('x').setLevel(5)\n",
    "a06_syspath.py": "import sys\nsys.path.append('/leak')\n",
    "a07_patch.py": "import numpy as np\nnp.mean = lambda *a, **k: 42\n",
    "a08_umask.py": "import os\nos.umask(0o077)\n",
    "a09_floatx.py": "import keras\nkeras.config.set_floatx('float64')\n",
    "a10_eager.py": "import tensorflow as tf\ntf.config.run_functions_eagerly(True)\n",
    "a11_thread.py": ("import threading, time\ndef later():\n    time.sleep(1.5)\n    print('LEAKED FROM A THREAD')\n"
                      "threading.Thread(target=later, daemon=True).start()\n"),
    "a12_cwd.py": "import os\nos.chdir('/')\n",
    "a13_sklearn.py": "import sklearn\nsklearn.set_config(transform_output='pandas')\n",
    "a14_patched.py": "import sklearn.metrics\nsklearn.metrics.mean_absolute_error = lambda *a, **k: 0.0\n",
    "a15_helper.py": "import dlnotes\ndlnotes.PALETTE['train'] = '#ff0000'\n",
    "a16_decimal.py": "import decimal\ndecimal.getcontext().prec = 3\n",
    "a17_digits.py": "import sys\nsys.set_int_max_str_digits(640)\n",
    "a18_putenv.py": "import os\nos.putenv('PUTENV_LEAK', '1')\n",
    "a19_alarm.py": ("import signal\nsignal.signal(signal.SIGALRM, lambda *a: print('ALARM FROM AN EARLIER SNIPPET'))\n"
                     "signal.alarm(1)\n"),
    "a20_meta_path.py": ("import sys\nclass Finder:\n    def find_spec(self, *a):\n        return None\n"
                         "sys.meta_path.insert(0, Finder())\n"),
}
REPORT = """\
import logging, os, sys, time, warnings
import numpy as np, pandas as pd, keras, tensorflow as tf
time.sleep(2)  # long enough for a leaked thread to print
print("env", os.environ.get("LEAK"))
print("numpy", np.get_printoptions()["precision"], np.mean([1.0, 2.0]))
print("pandas", pd.get_option("display.precision"))
print("warnings", [f[0] for f in warnings.filters][:1] != ["error"])
print("logging", logging.getLogger().level, logging.getLogger("x").level)
print("sys.path", "/leak" in sys.path)
print("umask", oct(os.umask(0o022)))
print("floatx", keras.config.floatx(), "eager", tf.config.functions_run_eagerly())
print("cwd", os.path.basename(os.getcwd()))
import decimal, signal, subprocess, sklearn, sklearn.metrics, dlnotes
print("sklearn", sklearn.get_config()["transform_output"], sklearn.metrics.mean_absolute_error([1.0], [3.0]))
print("helper", dlnotes.PALETTE["train"])
print("decimal", decimal.getcontext().prec, "digits", sys.get_int_max_str_digits())
shell = subprocess.run(["sh", "-c", "echo ${PUTENV_LEAK:-unset}"], capture_output=True, text=True)
print("putenv", shell.stdout.strip())
print("alarm", signal.getsignal(signal.SIGALRM), "meta_path", len(sys.meta_path))
"""


# State the worker cannot put back: the probe is reported and its worker replaced before the next snippet.
RETIRING = {"a07_patch.py", "a11_thread.py", "a14_patched.py"}


def test_a_snippet_sees_a_clean_state_whatever_ran_before_it(project):
    """Probes change each kind of process state; the report after them sees none of it. The probes whose
    change is put back run in one worker with the report (none of them may retire it, or the report
    would prove nothing); the others must be reported and their worker replaced."""
    write(project, "demo/z_report.py", REPORT)
    project = with_settings(project, preload=["tensorflow", "keras"])
    (alone,) = runner.run(project, ["demo/z_report.py"], progress=False, jobs=1)
    assert alone.ok, alone.describe()
    for name, source in PROBES.items():
        write(project, f"demo/{name}", source)
    order = [f"demo/{name}" for name in PROBES if name not in RETIRING] + ["demo/z_report.py"]
    order = [f"demo/{name}" for name in sorted(RETIRING)] + order  # each retires its worker; the rest share one
    pool = WorkerPool(1, worker.WorkerConfig.of(project))
    try:
        outcomes = {o.rel: o for o in runner.run(project, order, progress=False, pool=pool, force=True)}
    finally:
        pool.close()
    for name in PROBES:
        outcome = outcomes[f"demo/{name}"]
        said = " ".join(outcome.warnings) + (outcome.error or "")
        if name in RETIRING:
            assert "replaced library attributes" in said or "thread" in said, (name, said)
        else:
            assert outcome.ok and "replaced" not in said, (name, outcome.describe(), said)
    report = outcomes["demo/z_report.py"]
    assert report.ok, report.describe()
    assert text_of(report) == text_of(alone)
    assert "LEAKED" not in text_of(report) and "ALARM" not in text_of(report)
    assert text_of(alone).splitlines()[0] == "env None" and "float32" in text_of(alone)
    assert "putenv unset" in text_of(alone) and "sklearn default 2.0" in text_of(alone)


LAZY_LIBRARY = """
def compute():
    \"\"\"Replaces itself with the real function on first use, as some libraries do.\"\"\"
    global compute
    compute = _real_compute
    return compute()


def _real_compute():
    return 7


def other():
    return 'other'
"""


def test_a_library_that_replaces_its_own_function_keeps_its_worker_and_a_same_package_swap_is_undone(
        project, tmp_path):
    """A lazy initialiser replaces a library's function on first use: not a snippet's patch, so the
    worker is kept (no false alarm) and the function put back; ``lib.f = lib.g`` from a snippet is undone
    the same way; a function the snippet wrote still retires the worker."""
    (tmp_path / "lazylib.py").write_text(LAZY_LIBRARY)
    write(project, "demo/a_import.py", f"import os, sys\nsys.path.insert(0, {str(tmp_path)!r})\nimport lazylib\n"
                                       "print(os.getpid())\n")
    write(project, "demo/b_first_use.py", "import os, lazylib\nprint(lazylib.compute(), os.getpid())\n")
    write(project, "demo/c_swap.py", "import os, lazylib\nlazylib.compute = lazylib.other\nprint(os.getpid())\n")
    write(project, "demo/d_after.py", "import os, lazylib\nprint(lazylib.compute.__name__, lazylib.compute(), "
                                      "os.getpid())\n")
    write(project, "demo/e_patch.py", "import lazylib\nlazylib.compute = lambda: 0\n")
    order = [f"demo/{name}.py" for name in ("a_import", "b_first_use", "c_swap", "d_after", "e_patch")]
    pool = WorkerPool(1, worker.WorkerConfig.of(project))
    try:
        outcomes = {o.rel: o for o in runner.run(project, order, progress=False, pool=pool, force=True)}
    finally:
        pool.close()
    said = {rel: " ".join(o.warnings) + (o.error or "") for rel, o in outcomes.items()}
    for rel in order[:4]:
        assert outcomes[rel].ok and "replaced" not in said[rel], (rel, outcomes[rel].describe(), said[rel])
    pids = {text_of(outcomes[rel]).split()[-1] for rel in order[:4]}
    assert len(pids) == 1, f"the worker was replaced: {pids}"
    assert text_of(outcomes["demo/b_first_use.py"]).split()[0] == "7"
    assert text_of(outcomes["demo/d_after.py"]).split()[:2] == ["compute", "7"], "the swap was not undone"
    assert "replaced library attributes: lazylib.compute" in said["demo/e_patch.py"], said["demo/e_patch.py"]


def test_a_child_process_left_running_is_killed_and_fails_its_snippet(project):
    write(project, "demo/child.py", "import subprocess\nsubprocess.Popen(['sleep', '45'])\nprint('started')\n")
    write(project, "demo/orphan.py", "import os\nos.system('sleep 44 &')\nprint('started')\n")
    outcomes = run(project, jobs=1)
    for rel, command in (("demo/child.py", "sleep 45"), ("demo/orphan.py", "sleep 44")):
        assert outcomes[rel].status == "failed", outcomes[rel].describe()
        assert "child process" in outcomes[rel].error and command in outcomes[rel].error, outcomes[rel].error
    left = subprocess.run(["pgrep", "-f", "sleep 4[45]"], capture_output=True, text=True).stdout.split()
    assert not left, f"still running: {left}"


def test_writes_that_no_audit_event_shows_are_reported(project):
    write(project, "demo/sqlite_db.py", "import sqlite3\nsqlite3.connect('probe.db').execute('create table t(x)')\n")
    write(project, "demo/shell_touch.py", "import os\nos.system('touch probe_from_shell.txt')\n")
    write(project, "demo/compiled.py", "import numpy as np\nnp.arange(3).tofile('probe.bin')\n")
    # Files that were there before the run, changed by compiled code and by a child process.
    (project.snippets / "demo/existing.bin").write_bytes(b"before")
    (project.snippets / "demo/notes.txt").write_text("before\n")
    write(project, "demo/compiled_over.py", "import numpy as np\nnp.arange(3).tofile('existing.bin')\n")
    write(project, "demo/shell_append.py", "import os\nos.system('echo more >> notes.txt')\n")
    outcomes = run(project, jobs=1)
    for rel, file in (("demo/sqlite_db.py", "probe.db"), ("demo/shell_touch.py", "probe_from_shell.txt"),
                      ("demo/compiled.py", "probe.bin"), ("demo/compiled_over.py", "existing.bin"),
                      ("demo/shell_append.py", "notes.txt")):
        assert outcomes[rel].status == "failed", outcomes[rel].describe()
        assert "wrote outside its run folder" in outcomes[rel].error and file in outcomes[rel].error


def test_a_keras_progress_bar_fails_its_snippet_at_the_fit_line(project):
    write(project, "demo/progress.py", "import numpy as np, keras\nm = keras.Sequential([keras.Input((2,)), "
                                       "keras.layers.Dense(1)])\nm.compile('adam', 'mse')\n"
                                       "m.fit(np.zeros((8, 2)), np.zeros(8), epochs=1)\n")
    project = with_settings(project, preload=["tensorflow", "keras"])
    (outcome,) = runner.run(project, ["demo/progress.py"], progress=False, jobs=1)
    assert outcome.status == "failed" and outcome.line == 4, outcome.describe()
    assert "verbose=0" in outcome.error


def test_output_is_html_escaped_on_the_page(project):
    write(project, "demo/html.py",
          "import pandas as pd\nfrom dlnotes import show\nprint('<script>alert(1)</script> & **bold**')\n"
          "show(pd.DataFrame({'<b>col</b>': ['<i>x</i>']}))\nprint('after\\n\\nthe table')\n")
    assert run(project)["demo/html.py"].ok
    (one,) = embed.find_embeds("!snippet demo/html.py only=output\n")
    cells = worker.cells_of((project.snippets / "demo/html.py").read_text())
    html, _ = embed.render(one, runner.load_result(project.outputs, "demo/html.py"), cells, "en", lambda f: None,
                           "x.md")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; **bold**" in html
    assert "&lt;b&gt;col&lt;/b&gt;" in html and "&lt;i&gt;x&lt;/i&gt;" in html and "<table" in html
    assert html.index("alert") < html.index("<table") < html.index("the table"), "blocks keep their order"
    assert "\n\n" not in html.strip(), "a blank line in the output would end the HTML block"


@pytest.mark.parametrize(("line", "expected"), [
    ("!snippet training/linear_fit.py:fit only=code, output", "option 'output'"),
    ("!snippet training/linear_fit.py:fit Only=code", "option 'Only=code'"),
    ("!snippet training/linear_fit.py fit", "option 'fit'"),
    ("!snippet /etc/passwd", "relative to snippets/"),
    ("!snippet ../../etc/passwd.py", "relative to snippets/"),
    ("!snippet training/linear_fit.py only=everything", "only=everything"),
    ("!snippet training/linear_fit.py color=red", "unknown option 'color'"),
    ("!snippet", "write `!snippet"),
    ("!Snippet training/linear_fit.py", "write `!snippet"),
    ("  !snippet training/linear_fit.py:", "section name"),
    ("!snippet training/linear_fit.py:fit figure=fit", "one figure alone"),
    ("!snippets training/linear_fit.py", "write `!snippet"),  # near misses: an error, never page text
    ("!snipet training/linear_fit.py", "write `!snippet"),
    ("!snipept training/linear_fit.py", "write `!snippet"),
    ("\u00a0\u00a0!snippet training/linear_fit.py", "write `!snippet"),
    ("- !snippet training/linear_fit.py", "write `!snippet"),
    ("> !snippet training/linear_fit.py", "write `!snippet"),
])
def test_a_line_that_starts_like_an_embed_must_parse(line, expected):
    with pytest.raises(embed.EmbedError) as error:
        embed.find_embeds(f"# Page\n\ntext\n{line}\n", "docs/ko/x.md")
    assert str(error.value).startswith("docs/ko/x.md:4: cannot use") and expected in str(error.value), error.value


def test_two_runs_at_once_leave_consistent_outputs(project):
    """mkdocs serve and pytest may run the same snippets at the same time."""
    code = (f"import sys; from studysite import runner; {project_code(project)}; "
            "o = runner.run(p, progress=False, force=True, jobs=1); "
            "sys.exit(0 if all(x.ok for x in o) else 1)")
    procs = [subprocess.Popen([sys.executable, "-c", code]) for _ in range(2)]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    for rel in ("demo/plain.py", "demo/uses_helper.py"):
        result = json.loads((project.outputs / rel / "result.json").read_text())
        for figure in runner.figures_of(result):
            assert (project.outputs / rel / result["run_dir"] / figure["file"]).is_file()
    assert not list(project.outputs.glob(".run-*")), "staging folders were left behind"


def test_a_reader_never_finds_a_missing_figure_while_results_are_republished(project):
    """Republish again and again (changing output) while reading result.json and its figures."""
    code = ("from pathlib import Path; from studysite import runner\n"
            f"{project_code(project)}\n"
            "for i in range(8):\n"
            "    Path(p.snippets, 'demo/plain.py').write_text(f'print({i})\\n' + " + repr(FIGURE) + ")\n"
            "    assert all(o.ok for o in runner.run(p, ['demo/plain.py'], progress=False, jobs=1))\n")
    run(project)
    writer = subprocess.Popen([sys.executable, "-c", code])
    missing, reads = [], 0
    while writer.poll() is None:
        result = runner.load_result(project.outputs, "demo/plain.py")
        for figure in runner.figures_of(result):
            reads += 1
            if not (project.outputs / "demo/plain.py" / result["run_dir"] / figure["file"]).is_file():
                missing.append(result["run_dir"])
    assert writer.returncode == 0 and reads > 0
    assert not missing, f"result.json pointed at missing figures: {missing[:3]}"


def test_a_build_still_finds_the_figures_it_read_after_two_republications(project):
    """A build reads result.json, then copies its figures later: the author saving the snippet twice
    meanwhile must not remove them. Old folders go once they are older than KEEP_OLD_RUNS_FOR."""
    run(project)
    read = runner.load_result(project.outputs, "demo/plain.py")
    files = [project.outputs / "demo/plain.py" / read["run_dir"] / f["file"] for f in runner.figures_of(read)]
    for i in range(2):
        write(project, "demo/plain.py", f"print({i})\n" + FIGURE)
        assert run(project)["demo/plain.py"].status == "ran"
    assert files and all(f.is_file() for f in files)
    old = time.time() - runner.KEEP_OLD_RUNS_FOR - 1
    for folder in (project.outputs / "demo/plain.py").iterdir():
        if folder.is_dir():
            os.utime(folder, (old, old))
    write(project, "demo/plain.py", "print('last')\n" + FIGURE)
    assert run(project)["demo/plain.py"].status == "ran"
    kept = [p for p in (project.outputs / "demo/plain.py").iterdir() if p.is_dir()]
    assert len(kept) == 1 + runner.KEEP_OLD_RUNS, kept


def test_a_cached_result_whose_figure_was_deleted_runs_again(project):
    run(project)
    result = runner.load_result(project.outputs, "demo/plain.py")
    (figure,) = runner.figures_of(result)
    (project.outputs / "demo/plain.py" / result["run_dir"] / figure["file"]).unlink()
    assert run(project)["demo/plain.py"].status == "ran"
    assert run(project)["demo/plain.py"].status == "cached"


def test_a_full_disk_fails_the_snippet_in_one_line_and_keeps_the_last_good_outputs(project, monkeypatch):
    run(project)
    before = (project.outputs / "demo/plain.py" / "result.json").read_bytes()
    real = Path.write_text

    def full(self, *args, **kwargs):
        if self.name.endswith(".tmp"):
            real(self, "")  # what a full disk leaves: the file made, nothing in it
            raise OSError(28, "No space left on device")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", full)
    write(project, "demo/plain.py", "print('changed')\n" + FIGURE)
    outcome = run(project)["demo/plain.py"]
    assert outcome.status == "failed" and outcome.error.endswith("No space left on device"), outcome.error
    assert "\n" not in outcome.error
    assert (project.outputs / "demo/plain.py" / "result.json").read_bytes() == before
    assert not list(project.outputs.rglob("*.tmp"))


def test_an_outputs_folder_that_cannot_be_written_is_one_line(project):
    project.outputs.parent.mkdir(parents=True, exist_ok=True)
    project.outputs.write_text("a file where the folder should be")
    with pytest.raises(runner.OutputsError, match="cannot write to the outputs folder") as error:
        run(project)
    assert "\n" not in str(error.value)


def test_ctrl_c_stops_at_once_and_leaves_no_staging_folders(project):
    for index in range(6):
        write(project, f"demo/slow_{index}.py", "import time\ntime.sleep(30)\n")
    code = f"from studysite import runner; {project_code(project)}; runner.run(p, progress=False, jobs=2)"
    # Ctrl-C's default in the child, as at a terminal (a shell's background job starts with SIGINT ignored).
    proc = subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.DEVNULL,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 30
    while len(list(project.outputs.glob(".run-*"))) < 8 and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(1.5)  # the workers are running slow snippets now
    os.kill(proc.pid, signal.SIGINT)
    start = time.monotonic()
    proc.wait(timeout=30)
    stopped = time.monotonic() - start
    print(f"Ctrl-C to exit: {stopped:.2f} s")
    assert stopped < 5, f"took {stopped:.1f} s to stop after Ctrl-C"
    assert not list(project.outputs.glob(".run-*")), "staging folders were left behind"


def test_stale_staging_folders_are_swept_at_start(project):
    project.outputs.mkdir(parents=True)
    stale = project.outputs / ".run-999999999-abc"  # no such process
    stale.mkdir()
    (stale / "figure.svg").write_text("<svg/>")
    run(project)
    assert not stale.exists()


def test_two_cold_runs_are_byte_identical(tmp_path):
    """A real training snippet with a figure, run cold twice in fresh workers (the site's own options, its
    preloads): every output file the same."""
    rel = "training/first_learning_curve.py"
    outputs = []
    for name in ("first", "second"):
        project = Project.at(PROJECT.root, dataclasses.replace(PROJECT.settings, cache_dir=str(tmp_path / name)),
                             languages=PROJECT.languages)
        assert project.outputs == tmp_path / name / "snippets"
        (outcome,) = runner.run(project, [rel], progress=False, jobs=1)
        assert outcome.status == "ran", outcome.describe()
        folder = project.outputs / rel
        outputs.append({p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")
                        if p.is_file() and p.name != "timing.json"})
    assert outputs[0] == outputs[1]
