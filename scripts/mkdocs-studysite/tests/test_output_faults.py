"""What a snippet prints, however it prints it, reaches the page as text a reader can read: progress
bars at their last state without escape codes, control and direction characters shown as escapes,
`sys.stdout.buffer` usable, huge output captured in linear time and cut on the page with a note, and
output that is not text failing its own snippet by name while the others publish."""

from __future__ import annotations

import json
import textwrap
import time

import pytest

from studysite import embed, runner, strings
from studysite.project import Project

SNIPPETS = {
    "progress.py": r"""
        import sys
        for step in range(1, 4):
            # as Keras redraws a line: back over it, to its start, the bar again in colour
            sys.stdout.write("\b" * 12 + f"\r\x1b[1m{step}/3\x1b[0m \x1b[32m" + "━" * step + "\x1b[0m")
        print(" done")
        print("bell\x07 and \u202eright-to-left")
        sys.stdout.buffer.write("바이트 bytes\n".encode())
        sys.stdout.flush()
    """,
    "many_writes.py": """
        for i in range(400_000):
            print("line", i)
    """,
    "not_text.py": r"""
        print(b"caf\xe9".decode("utf-8", "surrogateescape"))
    """,
    "fine.py": """
        print("fine")
    """,
}


@pytest.fixture(scope="module")
def ran(tmp_path_factory):
    course = tmp_path_factory.mktemp("faults")
    (course / "docs").mkdir()
    (course / "snippets").mkdir()
    (course / "mkdocs.yml").write_text("site_name: Faults\nplugins:\n  - studysite\n", encoding="utf-8")
    for name, code in SNIPPETS.items():
        (course / "snippets" / name).write_text(textwrap.dedent(code).lstrip(), encoding="utf-8")
    project = Project.from_mkdocs_yml(course / "mkdocs.yml")
    start = time.perf_counter()
    outcomes = {o.rel: o for o in runner.run(project, jobs=2, progress=False)}
    print(f"four snippets, one printing 400,000 lines: {time.perf_counter() - start:.1f} s")
    return project, outcomes


def _text(project: Project, rel: str) -> str:
    result = json.loads((project.outputs / rel / "result.json").read_text(encoding="utf-8"))
    return "".join(block["text"] for cell in result["cells"] for block in cell["blocks"] if block["type"] == "text")


def test_a_progress_bar_shows_its_last_state_without_codes(ran):
    project, outcomes = ran
    assert outcomes["progress.py"].ok, outcomes["progress.py"].describe()
    text = _text(project, "progress.py")
    assert text.splitlines()[0] == "3/3 ━━━ done"
    assert "\x1b" not in text and "\r" not in text and "\b" not in text


def test_control_and_direction_characters_are_shown_as_escapes(ran):
    project, _ = ran
    text = _text(project, "progress.py")
    assert "bell\\x07 and \\u202eright-to-left" in text
    assert "\u202e" not in text and "\x07" not in text


def test_stdout_buffer_writes_bytes_as_text(ran):
    project, _ = ran
    assert "바이트 bytes" in _text(project, "progress.py")


def test_huge_output_is_kept_whole_in_time_and_cut_on_the_page_with_a_note(ran):
    project, outcomes = ran
    outcome = outcomes["many_writes.py"]
    assert outcome.ok, outcome.describe()
    assert any("the page shows the first" in w for w in outcome.warnings), outcome.warnings
    result = json.loads((project.outputs / "many_writes.py" / "result.json").read_text(encoding="utf-8"))
    block = result["cells"][0]["blocks"][0]
    assert block["cut_from"] == sum(len(f"line {i}\n") for i in range(400_000))
    assert len(block["text"]) <= 50_000 and block["text"].startswith("line 0\nline 1\n")
    shown = embed.output_html(result["cells"][0]["blocks"], strings.ui("en"), "many_writes.py")
    assert "Run the download to see all of it" in shown and len(shown) < 80_000  # escaped, of 4.7 MB printed


def test_output_that_is_not_text_fails_its_snippet_by_name_and_the_others_publish(ran):
    project, outcomes = ran
    failed = outcomes["not_text.py"]
    assert not failed.ok and failed.line == 1
    assert "not valid Unicode" in failed.error and "errors='replace'" in failed.error
    assert outcomes["fine.py"].ok and _text(project, "fine.py") == "fine\n"
