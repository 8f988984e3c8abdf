"""Shared fixtures: the snippets and labs run once per test session, through the site's runner."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import kept  # noqa: F401  first: it records what the session reads from here on (tests/kept.py)
import pytest

from studysite import cache, kernels, labs, practice, runner
from studysite.project import Project

PROJECT = Project.find(Path(__file__).parent)
# The notebook server imports the site's kernel_preload and starts with its kernel_env: configured
# before any notebook runs (the server, once started, keeps what it imported).
kernels.configure_for(PROJECT)
pytest_plugins = ("kept", "pytester")  # kept: passed tests kept while their inputs are the same


@pytest.fixture(scope="session")
def project() -> Project:
    return PROJECT


@pytest.fixture(scope="session")
def snippet_outcomes(request):
    """Run (or take from the cache) the snippets this session tests, all at once and in parallel.

    The build test then finds every snippet cached, so each snippet runs at most once per
    test session. Only the selected ones run when a `-k` expression narrows the session to tests
    of one snippet each; a test that asks for the outcomes without naming its snippet reads them
    all, and gets them all (run here, not left to whichever module ran before: issue 25).
    """
    def names_one(item) -> bool:
        return hasattr(item, "callspec") and isinstance(item.callspec.params.get("snippet"), str)

    if any("snippet_outcomes" in item.fixturenames and not names_one(item) for item in request.session.items):
        wanted = cache.discover(PROJECT)
    else:
        wanted = sorted({item.callspec.params["snippet"] for item in request.session.items if names_one(item)})
    outcomes = runner.run(PROJECT, wanted, progress=True)
    print("\n" + runner.summary_table(outcomes))
    return {o.rel: o for o in outcomes}


@pytest.fixture(scope="session")
def notebook_outcomes(request) -> dict[str, dict]:
    """Execute (or take from the cache) every lab once and every exercise (solution and starter, each
    language), each notebook in a fresh kernel: labs and exercises side by side, as kernels wait on
    the CPU at different moments. Only the kinds this session's tests need (a `-k` may leave one out)."""
    needed = {name for item in request.session.items for name in item.fixturenames}
    return run_notebooks("lab_outcomes" in needed, "practice_outcomes" in needed)


def run_notebooks(with_labs: bool, with_exercises: bool) -> dict[str, dict]:
    with ThreadPoolExecutor(max_workers=2) as pool:
        lab_runs = pool.submit(labs.build, PROJECT, jobs=1) if with_labs else None
        exercise_runs = pool.submit(practice.build, PROJECT) if with_exercises else None
        return {"labs": {o.rel: o for o in lab_runs.result()} if lab_runs else {},
                "practice": {o.rel: o for o in exercise_runs.result()} if exercise_runs else {}}


@pytest.fixture(scope="session")
def lab_outcomes(notebook_outcomes):
    return notebook_outcomes["labs"]


@pytest.fixture(scope="session")
def practice_outcomes(notebook_outcomes):
    return notebook_outcomes["practice"]


def build_command(config: Path, site: Path, plugin_options: dict | None = None, **overrides) -> list[str]:
    """``mkdocs build --strict``, with config values and plugin options (``{plugin: {option: value}}``) replaced in
    memory (never by editing the file)."""
    code = ("import sys, json; from mkdocs.config import load_config; from mkdocs.commands.build import build; "
            "overrides, options = json.loads(sys.argv[3]), json.loads(sys.argv[4]); "
            "config = load_config(sys.argv[1], site_dir=sys.argv[2], strict=True, **overrides)\n"
            "for name, values in options.items(): config.plugins[name].config.update(values)\n"
            "build(config)")
    import json

    return [sys.executable, "-c", code, str(config), str(site), json.dumps(overrides), json.dumps(plugin_options or {})]


@pytest.fixture(scope="session")
def build_site():
    def build(site: Path, env: dict | None = None, plugin_options: dict | None = None,
              **overrides) -> subprocess.CompletedProcess:
        return subprocess.run(build_command(PROJECT.root / "mkdocs.yml", site, plugin_options, **overrides),
                              cwd=PROJECT.root,
                              capture_output=True, text=True, timeout=900,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})})
    return build


@pytest.fixture(scope="session")
def site(tmp_path_factory, snippet_outcomes, lab_outcomes, practice_outcomes, build_site) -> Path:
    # Snippets, labs and exercises first: each runs once, and the build finds them cached. The build
    # needs every snippet: those a `-k` left out of snippet_outcomes run here.
    runner.run(PROJECT, [rel for rel in cache.discover(PROJECT) if rel not in snippet_outcomes])
    # A module that asks for the site by name at run time (request.getfixturevalue) is not seen asking for the labs
    # and exercises when the session is collected: alone, nothing ran them yet (issue 25).
    run_notebooks(not lab_outcomes, not practice_outcomes)
    out = tmp_path_factory.mktemp("site")
    build = build_site(out)
    assert build.returncode == 0, f"mkdocs build --strict failed:\n{build.stderr[-6000:]}"
    ran = re.findall(r"^\s*ran\s", build.stderr, re.M)
    assert not ran, f"the build re-ran {len(ran)} snippets or labs the tests had run:\n{build.stderr[-3000:]}"
    return out
