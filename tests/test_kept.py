"""Kept test results (tests/kept.py): a passed test is not run again until one of its inputs changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import kept

HERE = Path(__file__).parent

# Each test of the probe reads one kind of input, none of them named anywhere: kept.py must find them.
PROBE = """
import os
import subprocess
import sys
from pathlib import Path

import pytest

import kept


def ran(name):
    with open("runs.log", "a") as log:
        log.write(name + " ")


def child(code, **env):
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, **env).stdout


@pytest.fixture
def site():
    return Path("site")


@pytest.mark.kept
def test_reads_a_data_file():
    ran("data")
    assert Path("data/a.txt").read_text() != "bad"


@pytest.mark.kept
def test_a_child_imports_a_module():
    ran("child")
    assert child("import helper; print(helper.VALUE)").strip() != "bad"


@pytest.mark.kept
def test_a_child_uses_an_installed_package():
    ran("package")
    out = child("import importlib.metadata, probepkg; print(importlib.metadata.version('probepkg'), probepkg.VALUE)")
    assert out.split() != ["1.0", "bad"]


@pytest.mark.kept
def test_reads_an_environment_variable():
    ran("env")
    assert os.environ.get("PROBE_SETTING") != "bad"


@pytest.mark.kept
def test_starts_a_python_that_does_not_record():
    ran("unrecorded")
    child("print(1)", env={"PATH": os.environ["PATH"]})


@pytest.mark.kept(served="site", tools=lambda: Path("tool.txt").read_text())
def test_is_sent_files(site):
    ran("served")
    for name in Path("wanted.txt").read_text().split():
        kept.served(str(site / name))


def test_not_marked():
    ran("plain")
"""

EVERY = ["child", "data", "env", "package", "plain", "served", "unrecorded"]


class Probe:
    """A project whose kept tests read files, modules, a package, a variable; each session a new process."""

    def __init__(self, pytester, monkeypatch):
        self.pytester, self.path = pytester, pytester.path
        pytester.makeconftest('import kept\npytest_plugins = ("kept",)\n')
        pytester.makepyfile(test_probe=PROBE)
        files = {"data/a.txt": "1", "helper.py": "VALUE = 1\n", "tool.txt": "v1", "wanted.txt": "page.html style.css",
                 "site/page.html": "<p>", "site/style.css": "p {}", "site/unused.css": "q {}",
                 # an installed distribution, editable: its metadata says 1.0 whatever its code says
                 "packages/probepkg-1.0.dist-info/METADATA": "Metadata-Version: 2.1\nName: probepkg\nVersion: 1.0\n",
                 "packages/probepkg/__init__.py": "VALUE = 1\n"}
        for name, text in files.items():
            self.write(name, text)
        shutil.copy(HERE / "kept.py", self.path)  # its own copy: the files beside this one change under it
        shutil.copytree(kept.RECORDER.parent, self.path / kept.RECORDER.parent.name)
        monkeypatch.delenv("RERUN_KEPT", raising=False)
        monkeypatch.delenv("PYTEST_ADDOPTS", raising=False)
        monkeypatch.setenv("PROBE_SETTING", "1")
        monkeypatch.setenv("KEPT_WHY", "1")  # a failure here shows why a test ran again
        monkeypatch.setenv("PYTHONPATH", str(self.path / "packages"))
        self.monkeypatch = monkeypatch

    def write(self, name: str, text: str) -> None:
        (self.path / name).parent.mkdir(parents=True, exist_ok=True)
        (self.path / name).write_text(text)

    def session(self, changes: dict[str, str] | None = None, **env: str) -> tuple[dict, list[str]]:
        """Change these files and variables, run the probe's tests: (outcomes, the tests whose bodies ran)."""
        for name, text in (changes or {}).items():
            self.write(name, text)
        for name, value in env.items():
            self.monkeypatch.setenv(name, value)
        (self.path / "runs.log").write_text("")
        result = self.pytester.runpytest_subprocess("-p", "no:cacheprovider", "-q", "-s")
        return result.parseoutcomes(), sorted((self.path / "runs.log").read_text().split())


def test_a_kept_test_runs_again_once_anything_it_read_changes(pytester, monkeypatch):
    probe = Probe(pytester, monkeypatch)
    session = probe.session
    assert session() == ({"passed": 7}, EVERY)
    assert session({"site/unused.css": "q { color: red }"}) == ({"passed": 2, "kept": 5}, ["plain", "unrecorded"]), \
        "nothing it read changed, and a kept test ran again (or a test that started a Python that records nothing " \
        "was kept)"
    # A data file it read, a module imported only in a child process, an installed package's code at the same
    # version: each test whose input it is runs again, and only it.
    assert session({"data/a.txt": "2", "helper.py": "VALUE = 2\n", "packages/probepkg/__init__.py": "VALUE = 2\n"}
                   )[1] == ["child", "data", "package", "plain", "unrecorded"]
    assert session(PROBE_SETTING="2")[1] == EVERY, "an environment variable changed: any test may read it"
    assert session({"site/style.css": "p { color: red }"})[1] == ["plain", "served", "unrecorded"], "a file it was sent"
    assert session({"data/a.txt": "bad"}) == ({"failed": 1, "passed": 2, "kept": 4}, ["data", "plain", "unrecorded"])
    assert session()[1] == ["data", "plain", "unrecorded"], "a failed test was kept"
    assert session({"data/a.txt": "2"})[1] == ["plain", "unrecorded"], "the inputs it passed with are back"
    monkeypatch.setenv("RERUN_KEPT", "1")
    assert session() == ({"passed": 7}, EVERY), "RERUN_KEPT=1 kept a test"


KERNEL_PROBE = """
import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from studysite import kernels


@pytest.mark.kept
def test_a_kernel_imports_the_course_helper(tmp_path):
    source = "import sys\\nsys.path.insert(0, %r)\\nimport helper\\nprint(helper.VALUE)"
    nb = new_notebook(cells=[new_code_cell(source)])
    kernels.run(nb, cwd=str(tmp_path))
    assert nb.cells[0].outputs[0]["text"] == "1\\n"
"""


def test_a_module_that_breaks_only_inside_a_kernel_is_not_kept(pytester, monkeypatch):
    """Issue 25's demonstration: the course helper gains a line that is harmless in plain Python and in
    a worker, but raises inside a Jupyter kernel (whose stdout has no ``reconfigure``)."""
    probe = Probe(pytester, monkeypatch)
    pytester.makepyfile(test_probe=KERNEL_PROBE % str(probe.path))
    assert probe.session()[0] == {"passed": 1}
    assert probe.session()[0] == {"kept": 1}
    probe.write("helper.py", "import sys\nsys.stdout.reconfigure(line_buffering=True)\nVALUE = 1\n")
    assert probe.session()[0] == {"failed": 1}, "a module imported only inside a kernel changed, and it was kept"


def test_the_search_index_is_an_input_by_whether_it_loads_not_by_its_words(tmp_path):
    index = tmp_path / "search" / "search_index.json"
    index.parent.mkdir()

    def digest_of(text):
        index.write_text(text, encoding="utf-8")
        return kept.digest(index)

    words = digest_of('{"config": {"lang": ["ko"]}, "docs": [{"location": "", "text": "손실 함수"}]}')
    assert digest_of('{"config": {"lang": ["ko"]}, "docs": [{"location": "", "text": "loss function"}]}') == words
    assert digest_of('{"config": {"lang": ["en"]}, "docs": []}') != words, "its settings are an input"
    assert digest_of('{"config": {"lang": ["ko"]}, "docs": [') != words, "an index that does not load is an input"
    other = tmp_path / "page.json"
    other.write_text('{"config": {}, "docs": []}', encoding="utf-8")
    before = kept.digest(other)
    other.write_text('{"config": {}, "docs": [1]}', encoding="utf-8")
    assert kept.digest(other) != before, "any other file is an input by its bytes"
