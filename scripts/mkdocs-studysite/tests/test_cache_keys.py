"""What a result's key depends on: what the snippet reads, never the engine's own source."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from studysite import cache
from studysite.project import Project
from studysite.settings import Settings

ENGINE = Path(__file__).resolve().parents[1]
EXAMPLE = ENGINE / "examples" / "stats-course"
KEYS = ("import json, sys; from studysite import cache; from studysite.project import Project; "
        "p = Project.from_mkdocs_yml(sys.argv[1]); "
        "print(json.dumps({rel: cache.cache_key(p, rel) for rel in cache.discover(p)}))")


def _keys(course: Path, engine_parent: Path | None = None) -> dict:
    env = dict(os.environ)
    if engine_parent is not None:  # this copy of the engine first on the path
        env["PYTHONPATH"] = os.pathsep.join([str(engine_parent), env.get("PYTHONPATH", "")]).strip(os.pathsep)
    ran = subprocess.run([sys.executable, "-c", KEYS, str(course / "mkdocs.yml")], capture_output=True, text=True,
                         env=env, cwd=course)
    assert ran.returncode == 0, ran.stderr[-3000:]
    return json.loads(ran.stdout)


@pytest.fixture
def course(tmp_path) -> Path:
    target = tmp_path / "course"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("site", ".cache"))
    return target


def test_a_refactor_of_the_engine_changes_no_key(course, tmp_path):
    """Every engine module touched (a comment added): the same keys, so a build re-runs nothing."""
    copy = tmp_path / "engine"
    shutil.copytree(ENGINE / "studysite", copy / "studysite", ignore=shutil.ignore_patterns("__pycache__"))
    touched = 0
    for module in (copy / "studysite").rglob("*.py"):
        module.write_text(module.read_text(encoding="utf-8") + "\n# a refactor that changes no behaviour\n",
                          encoding="utf-8")
        touched += 1
    assert touched > 15
    probe = subprocess.run([sys.executable, "-c", "import studysite; print(studysite.__file__)"],
                           env={**os.environ, "PYTHONPATH": str(copy)}, capture_output=True, text=True)
    assert probe.stdout.strip().startswith(str(copy)), "the copy of the engine was not the one imported"
    assert _keys(course, copy) == _keys(course)


def test_keys_follow_what_a_snippet_reads(course):
    before = _keys(course)
    helper = course / "snippets" / "stats_helpers.py"
    helper.write_text(helper.read_text(encoding="utf-8") + "\nTALL = 190\n", encoding="utf-8")
    after = _keys(course)
    assert after.keys() == before.keys() and all(after[rel] != before[rel] for rel in before)
    snippet = course / "snippets" / "spread.py"
    snippet.write_text(snippet.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    assert _keys(course)["spread.py"] != after["spread.py"]
    assert _keys(course)["sampling/mean_of_samples.py"] == after["sampling/mean_of_samples.py"]


def test_the_format_version_and_the_setup_module_are_in_every_key(course, monkeypatch):
    project = Project.from_mkdocs_yml(course / "mkdocs.yml")
    key = cache.cache_key(project, "spread.py")
    monkeypatch.setattr(cache, "FORMAT_VERSION", cache.FORMAT_VERSION + 1)
    assert cache.cache_key(project, "spread.py") != key
    monkeypatch.undo()
    setup = course / "course_setup.py"
    setup.write_text("def before_snippet():\n    pass\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(course))
    with_setup = Project.at(course, Settings(helpers=["stats_helpers"], setup="course_setup"))
    first = cache.cache_key(with_setup, "spread.py")
    setup.write_text("def before_snippet():\n    import random\n", encoding="utf-8")
    assert cache.cache_key(with_setup, "spread.py") != first


def test_a_stray_file_is_refused_never_ignored(course):
    (course / "snippets" / "notes.py").write_text("print('hi')\n", encoding="utf-8")
    project = Project.at(course, Settings(snippets_glob=["sampling/*.py"], helpers=["stats_helpers"]))
    with pytest.raises(cache.DiscoveryError, match=r"snippets/notes.py is not a snippet"):
        cache.discover(project)
    everything = Project.at(course, Settings(helpers=["stats_helpers"]))
    assert {"notes.py", "spread.py", "sampling/mean_of_samples.py"} <= set(cache.discover(everything))


def test_options_are_typed_with_one_line_errors():
    from studysite.settings import SettingsError

    with pytest.raises(SettingsError, match="studysite option 'workers' must be int or null"):
        Settings.from_options({"workers": "two"})
    with pytest.raises(SettingsError, match="unknown studysite option 'preloads'"):
        Settings.from_options({"preloads": []})


def test_a_course_with_other_folders_runs_and_names_them(course):
    """snippets_dir and cache_dir are the course's: the runs find the snippets there, publish into the
    cache folder, and every message names the configured folder."""
    from studysite import runner

    (course / "snippets").rename(course / "code")
    project = Project.at(course, Settings(snippets_dir="code", cache_dir="build-cache", helpers=["stats_helpers"]))
    outcomes = runner.run(project, progress=False)
    assert [o.status for o in outcomes] == ["ran", "ran"], [o.describe() for o in outcomes]
    assert {o.source for o in outcomes} == {"code/spread.py", "code/sampling/mean_of_samples.py"}
    assert (course / "build-cache" / "snippets" / "spread.py" / "result.json").is_file()
    assert [o.status for o in runner.run(project, progress=False)] == ["cached", "cached"]
