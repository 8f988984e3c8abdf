"""Kept test results (tests/kept.py): a passed test is not run again until one of its inputs changes."""

from __future__ import annotations

import kept

PROBE = """
import pytest
from pathlib import Path

import kept


def ran(name):
    with open("runs.log", "a") as log:
        log.write(name + " ")


@pytest.fixture
def site():
    return Path("site")


@pytest.mark.kept("data/*.txt")
def test_reads_its_data():
    ran("data")
    assert Path("data/a.txt").read_text() != "bad"


@pytest.mark.kept(served="site", tools=lambda: Path("tool.txt").read_text())
def test_is_sent_files(site):
    ran("served")
    for name in Path("wanted.txt").read_text().split():
        kept.served(str(site / name))


def test_not_marked():
    ran("plain")
"""


def test_a_kept_test_runs_again_once_an_input_changes(pytester, monkeypatch):
    monkeypatch.setattr(kept, "RERUN", False)  # as without RERUN_KEPT=1, whatever this session was given
    pytester.makeconftest('pytest_plugins = ("kept",)\n')
    pytester.makepyfile(test_probe=PROBE)
    files = {"data/a.txt": "1", "tool.txt": "v1", "wanted.txt": "page.html style.css",
             "site/page.html": "<p>", "site/style.css": "p {}", "site/unused.css": "q {}"}
    for name, text in files.items():
        (pytester.path / name).parent.mkdir(exist_ok=True)
        (pytester.path / name).write_text(text)
    log = pytester.path / "runs.log"

    def session(changes: dict[str, str] | None = None) -> tuple[dict, list[str]]:
        """Change these files, run the probe's tests: (outcomes, the tests whose bodies ran)."""
        for name, text in (changes or {}).items():
            (pytester.path / name).write_text(text)
        log.write_text("")
        outcomes = pytester.runpytest_inprocess("-p", "no:cacheprovider").parseoutcomes()
        return outcomes, sorted(log.read_text().split())

    assert session() == ({"passed": 3}, ["data", "plain", "served"])
    assert session() == ({"passed": 1, "kept": 2}, ["plain"]), "nothing changed, and a marked test ran again"
    assert session({"data/a.txt": "2"}) == ({"passed": 2, "kept": 1}, ["data", "plain"])
    assert session({"site/unused.css": "q { color: red }"}) == ({"passed": 1, "kept": 2}, ["plain"]), \
        "a file the test was never sent changed, and it ran again"
    assert session({"site/style.css": "p { color: red }"})[1] == ["plain", "served"], "a file it was sent changed"
    assert session({"tool.txt": "v2"})[1] == ["plain", "served"], "its tool changed"
    assert session({"data/a.txt": "bad"}) == ({"failed": 1, "passed": 1, "kept": 1}, ["data", "plain"])
    assert session() == ({"failed": 1, "passed": 1, "kept": 1}, ["data", "plain"]), "a failed test was kept"
    assert session({"data/a.txt": "2"}) == ({"passed": 1, "kept": 2}, ["plain"]), \
        "the inputs it passed with are back, and it ran again"
    monkeypatch.setattr(kept, "RERUN", True)
    assert session() == ({"passed": 3}, ["data", "plain", "served"]), "RERUN_KEPT=1 kept a test"
    monkeypatch.setattr(kept, "RERUN", False)
    assert session({"wanted.txt": "", "tool.txt": "v3"})[1] == ["plain", "served"]
    assert session()[1] == ["plain", "served"], "a browser test that was sent nothing was kept (by nothing)"


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
