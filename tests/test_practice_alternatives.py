"""The exercises' checks judge what the student's code does, not how it was written.

``practice/alternatives/<exercise>/*.py`` holds other ways a student may answer an exercise: correct ones, which
must pass every check, and plausible mistakes, which must fail with the message that names them. Each file
replaces solution cells of ``practice/<exercise>.py`` by their number (``# %% solution 2`` is the second cell
tagged ``solution``) and says what it expects in its header comments:

    # expect: pass                                  every check of the exercise passes
    # expect: ✗ The loss should be the mean ...     (one line per check) exactly these checks of one check cell
                                                    fail, in English as the exercise writes them; every check
                                                    cell before it passes, and the run stops after it
    # expect: ↳ AttributeError: 'dict' object       that check cell also prints a detail line containing this
    # expect: raises NameError                      the run ends with the student's own error, not CheckFailed

Each case runs the exercise's shared cells and solution cells, with the file's cells in place, as a plain Python
script in a fresh process (``snippets/`` on ``PYTHONPATH``, so ``dlnotes_check.check`` prints in Korean, the
language the build runs exercises in; the messages are looked up in both languages from the exercise). The
plain solution of every exercise with alternatives runs too, as ``<exercise>/solution``.
"""

from __future__ import annotations

import ast
import json
import os
import queue
import re
import select
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRACTICE = ROOT / "practice"
ALTERNATIVES = PRACTICE / "alternatives"
sys.path.insert(0, str(ROOT / "snippets"))

import dlnotes_check  # noqa: E402
import kept  # noqa: E402  tests/kept.py

CELL = re.compile(r"^# %%(?P<header>.*)$", re.M)
MARK = "@@ check cell {}"  # printed before each check cell, to tell which cell printed a line
PASSED = dlnotes_check.TEXTS["ko"]["passed"]


def cells(source: str) -> list[tuple[str, str]]:
    """The (header, code) of each ``# %%`` cell of a percent-format script; the text before the first is dropped."""
    found = list(CELL.finditer(source))
    return [(match["header"].strip(), source[match.end(): following.start() if following else None].strip("\n"))
            for match, following in zip(found, [*found[1:], None])]


def check_messages(code: str) -> list[tuple[str, str]]:
    """The (Korean, English) message of each check in a cell: ``check((lambda: ..., "한국어", "English"), ...)``."""
    return [(node.elts[1].value, node.elts[2].value) for node in ast.walk(ast.parse(code))
            if isinstance(node, ast.Tuple) and len(node.elts) == 3 and isinstance(node.elts[0], ast.Lambda)
            and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts[1:])]


def is_check_cell(code: str) -> bool:
    return re.search(r"^check\(", code, re.M) is not None


def expectations(source: str) -> dict:
    found = {"pass": False, "failed": [], "details": [], "raises": None}
    for line in re.findall(r"^# expect: (.*)$", source, re.M):
        if line.strip() == "pass":
            found["pass"] = True
        elif line.startswith("✗ "):
            found["failed"].append(line[2:].strip())
        elif line.startswith("↳ "):
            found["details"].append(line[2:].strip())
        elif line.startswith("raises "):
            found["raises"] = line.split()[1]
        else:
            raise ValueError(f"unknown expectation {line!r}")
    if found["pass"] == bool(found["failed"]):
        raise ValueError("say either '# expect: pass' or the failing checks ('# expect: ✗ <message>')")
    return found


def assemble(exercise: Path, replacements: dict[int, str], last_check_cell: int | None = None):
    """The exercise as one script: shared and solution cells (``replacements`` by solution number), a mark before
    each check cell, up to check cell ``last_check_cell`` (1-based; all when None). Returns the script and the
    messages of each check cell included."""
    parts, checks, solution = [], [], 0
    for header, code in cells(exercise.read_text(encoding="utf-8")):
        if "[markdown]" in header or "starter" in header:
            continue
        if "solution" in header:
            solution += 1
            code = replacements.pop(solution, code)
        elif is_check_cell(code):
            checks.append(check_messages(code))
            parts.append(f"print({MARK.format(len(checks))!r})")
        parts.append(code)
        if last_check_cell is not None and len(checks) == last_check_cell:
            break
    if replacements:
        raise ValueError(f"{exercise.name} has no solution cell {sorted(replacements)}")
    return "\n\n".join(parts) + "\n", checks


def replacements_of(source: str) -> dict[int, str]:
    found = {}
    for header, code in cells(source):
        match = re.fullmatch(r"solution (\d+)", header)
        if not match:
            raise ValueError(f"a cell header must be '# %% solution N', not {header!r}")
        found[int(match[1])] = code
    return found


RUN_ENV = {"DLNOTES_LANG": "ko", "TF_CPP_MIN_LOG_LEVEL": "3", "TF_ENABLE_ONEDNN_OPTS": "0", "PYTHONHASHSEED": "0",
           "PYTHONIOENCODING": "utf-8"}


def environment() -> dict[str, str]:
    path = os.pathsep.join([str(ROOT / "snippets"), *filter(None, [os.environ.get("PYTHONPATH")])])
    return {**os.environ, **RUN_ENV, "PYTHONPATH": path}


def run(script: str, folder: Path) -> subprocess.CompletedProcess:
    """``script`` run by ``python`` in ``folder``."""
    (folder / "exercise.py").write_text(script, encoding="utf-8")
    return subprocess.run([sys.executable, "exercise.py"], cwd=folder, env=environment(), capture_output=True,
                          text=True, encoding="utf-8", timeout=TIMEOUT)


# Importing TensorFlow takes about 5 s, as long as many runs need after it. So each run is a process forked from
# one server that imported the libraries and ran nothing else (as the build's notebook kernels are: a process
# that ran a TensorFlow op must not fork): a fresh process all the same, with nothing left from another run.
# ALTERNATIVES_FRESH_PYTHON=1 starts each run with `python` instead.
TIMEOUT = 600
PRELOAD = ["numpy", "pandas", "keras", "sklearn.datasets", "sklearn.metrics", "sklearn.model_selection",
           "sklearn.preprocessing", "dlnotes", "dlnotes_check"]
SERVER = r"""
import json, os, runpy, sys, traceback
for name in json.loads(sys.argv[1]):
    __import__(name)
for line in sys.stdin:
    request = json.loads(line)
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            os.chdir(request["cwd"])
            for fd, name, flags in ((0, os.devnull, os.O_RDONLY), (1, "stdout.txt", os.O_WRONLY | os.O_CREAT),
                                    (2, "stderr.txt", os.O_WRONLY | os.O_CREAT)):
                os.dup2(os.open(name, flags, 0o644), fd)
            sys.argv = [request["script"]]
            runpy.run_path(request["script"], run_name="__main__")
            code = 0
        except SystemExit as exit:
            code = exit.code if isinstance(exit.code, int) else 1
        except BaseException:
            traceback.print_exc()
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    print(json.dumps(os.waitstatus_to_exitcode(status)), flush=True)
"""


class Server:
    def __init__(self):
        self.process = subprocess.Popen([sys.executable, "-c", SERVER, json.dumps(PRELOAD)], env=environment(),
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                        start_new_session=True)

    def run(self, script: str, folder: Path) -> subprocess.CompletedProcess:
        (folder / "exercise.py").write_text(script, encoding="utf-8")
        self.process.stdin.write(json.dumps({"cwd": str(folder), "script": "exercise.py"}) + "\n")
        self.process.stdin.flush()
        ready, _, _ = select.select([self.process.stdout], [], [], TIMEOUT)
        if not ready:
            self.close()
            raise TimeoutError(f"the run took longer than {TIMEOUT} s")
        returncode = json.loads(self.process.stdout.readline())
        read = lambda name: (folder / name).read_text(encoding="utf-8", errors="replace")  # noqa: E731
        return subprocess.CompletedProcess(["exercise.py"], returncode, read("stdout.txt"), read("stderr.txt"))

    def close(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()


def plan(case: str) -> dict:
    """What a case runs and expects: the assembled script (up to the check cell that must fail), the messages of
    each check cell in it, the target cell, and the English -> Korean messages of the exercise."""
    name, variant = case.split("/")
    exercise = PRACTICE / f"{name}.py"
    if variant == "solution":
        source, expect = "", {"pass": True, "failed": [], "details": [], "raises": None}
    else:
        source = (ALTERNATIVES / name / f"{variant}.py").read_text(encoding="utf-8")
        expect = expectations(source)
    replacements = replacements_of(source) if source else {}
    _, all_checks = assemble(exercise, dict(replacements))
    english = {en: ko for messages in all_checks for ko, en in messages}
    target = None
    if not expect["pass"]:
        unknown = [m for m in expect["failed"] if m not in english]
        assert not unknown, f"{case}: no check of practice/{name}.py says {unknown[0]!r}"
        cell_of = {en: index for index, messages in enumerate(all_checks, start=1) for _, en in messages}
        targets = {cell_of[m] for m in expect["failed"]}
        assert len(targets) == 1, f"{case}: the expected messages are in several check cells {sorted(targets)}"
        target = targets.pop()
    script, checks = assemble(exercise, dict(replacements), target)
    return {"script": script, "checks": checks, "target": target, "expect": expect, "english": english}


# Two runs at a time, one per core: each case is a process of its own (forked from one of two servers), and a
# case spends most of its time in one thread of Python or of TensorFlow's small ops. ALTERNATIVES_AT_ONCE=N
# changes it.
AT_ONCE = int(os.environ.get("ALTERNATIVES_AT_ONCE", "2"))


@pytest.fixture(scope="module")
def outcomes(request, tmp_path_factory) -> dict:
    """Every selected case, run before the first test looks at one: ``{case: its plan and its run, or the error
    that stopped it}``. A case whose test is kept (it passed before with every file it read the same, in this
    process and in the runs: tests/kept.py) is left out."""
    selected = list(dict.fromkeys(item.callspec.params["case"] for item in request.session.items
                                  if getattr(item, "originalname", "") == "test_alternative"
                                  and hasattr(item, "callspec") and not kept.would_keep(item)))
    return run_cases(selected, tmp_path_factory)


def run_cases(selected: list[str], tmp_path_factory) -> dict:
    """``{case: its plan and its run, or the error that stopped it}``, two at a time (AT_ONCE)."""
    if not selected:
        return {}  # every case kept: no server to start
    planned: dict = {}
    for case in selected:
        try:
            planned[case] = plan(case)
        except (AssertionError, ValueError) as error:
            planned[case] = error
    fresh = os.environ.get("ALTERNATIVES_FRESH_PYTHON") == "1" or not hasattr(os, "fork")
    servers = [] if fresh else [Server() for _ in range(max(1, min(AT_ONCE, len(selected))))]
    free = queue.Queue()
    for one in servers or [None] * max(1, AT_ONCE):
        free.put(one)

    def execute(case: str):
        server = free.get()
        try:
            folder = tmp_path_factory.mktemp(re.sub(r"\W", "-", case))
            return (server.run if server else run)(planned[case]["script"], folder)
        finally:
            free.put(server)

    try:
        with ThreadPoolExecutor(max(1, AT_ONCE)) as pool:
            runs = {case: pool.submit(execute, case) for case, planned_case in planned.items()
                    if not isinstance(planned_case, Exception)}
            found = {}
            for case in selected:
                if isinstance(planned[case], Exception):
                    found[case] = planned[case]
                    continue
                try:
                    found[case] = {**planned[case], "result": runs[case].result()}
                except Exception as error:  # a run that timed out: that case fails, the others stand
                    found[case] = error
            return found
    finally:
        for server in servers:
            server.close()


def by_cell(stdout: str) -> dict[int, list[str]]:
    """The lines each check cell printed (from its mark to the next one)."""
    out, current = {}, None
    for line in stdout.splitlines():
        match = re.fullmatch(MARK.format(r"(\d+)"), line)
        if match:
            current = int(match[1])
            out[current] = []
        elif current is not None:
            out[current].append(line)
    return out


def cases() -> list[str]:
    found = []
    for folder in sorted(p for p in ALTERNATIVES.iterdir() if p.is_dir()) if ALTERNATIVES.is_dir() else []:
        found.append(f"{folder.name}/solution")
        found += [f"{folder.name}/{path.stem}" for path in sorted(folder.glob("*.py"))]
    return found


def test_every_exercise_with_alternatives_has_three_of_each():
    """At least three correct alternatives and three mistakes per exercise with a folder, and the required ones."""
    folders = {p.name for p in ALTERNATIVES.iterdir() if p.is_dir()}
    assert {"regression-errors", "binary-classification", "mock-exam"} <= folders, folders
    for name in sorted(folders):
        assert (PRACTICE / f"{name}.py").is_file(), f"practice/alternatives/{name}: no practice/{name}.py"
        kinds = [expectations(p.read_text(encoding="utf-8"))["pass"] for p in (ALTERNATIVES / name).glob("*.py")]
        assert kinds.count(True) >= 3, f"practice/alternatives/{name}: {kinds.count(True)} correct alternatives"
        assert kinds.count(False) >= 3, f"practice/alternatives/{name}: {kinds.count(False)} mistakes"


@pytest.mark.kept
@pytest.mark.parametrize("case", cases())
def test_alternative(case, outcomes, tmp_path_factory):
    # Left out as kept when the cases ran, and not kept now (a file it read changed meanwhile): run it alone.
    outcome = outcomes[case] if case in outcomes else run_cases([case], tmp_path_factory)[case]
    if isinstance(outcome, Exception):
        raise outcome
    checks, target, expect, english = outcome["checks"], outcome["target"], outcome["expect"], outcome["english"]
    result = outcome["result"]
    printed = by_cell(result.stdout)
    shown = f"\n--- stdout\n{result.stdout[-4000:]}\n--- stderr\n{result.stderr[-3000:]}"
    for index, messages in enumerate(checks, start=1):
        lines = printed.get(index)
        assert lines is not None, f"{case}: check cell {index} did not run{shown}"
        if index == target:
            continue
        wanted = [f"✓ {ko}" for ko, _ in messages] + [PASSED]
        assert [line for line in lines if line[:2] in ("✓ ", "✗ ") or line == PASSED] == wanted, (
            f"{case}: check cell {index} should pass every check{shown}")
    if expect["pass"]:
        assert result.returncode == 0, f"{case}: the run failed{shown}"
        return
    lines = printed[target]
    failed = {line[2:] for line in lines if line.startswith("✗ ")}
    assert failed == {english[m] for m in expect["failed"]}, (
        f"{case}: check cell {target} should fail exactly with {expect['failed']}{shown}")
    for detail in expect["details"]:
        assert any(line.lstrip().startswith("↳") and detail in line for line in lines), (
            f"{case}: no detail line with {detail!r}{shown}")
    assert result.returncode != 0, f"{case}: the run did not fail{shown}"
    last = result.stderr.strip().splitlines()[-1] if result.stderr.strip() else ""
    raised = expect["raises"] or "dlnotes_check.CheckFailed"
    assert last.startswith(f"{raised}:") or last == raised, f"{case}: the run should end with {raised}{shown}"


# --- check() itself, in this process: fast ---------------------------------------------------------------------


def run_check(capsys, *items, lang="ko"):
    dlnotes_check.LANG = lang
    try:
        dlnotes_check.check(*items)
        error = None
    except Exception as raised:  # the test looks at what check raised
        error = raised
    finally:
        dlnotes_check.LANG = "ko"
    return capsys.readouterr().out.splitlines(), error


def test_check_shows_the_error_of_a_predicate_and_the_placeholder_it_read(capsys):
    namespace = {"model": None}
    predicate = eval("lambda: model.layers[-1].units == 1", namespace)  # a predicate of a check cell
    lines, error = run_check(capsys, (predicate, "출력층은 노드 1개여야 합니다.", "The output layer needs 1 node."),
                             (lambda: True, "참", "true"))
    assert lines == ["✗ 출력층은 노드 1개여야 합니다.",
                     "  ↳ 1번째 확인을 하다가 오류가 났습니다: AttributeError: 'NoneType' object has no attribute "
                     "'layers' (아직 채우지 않은 변수: model = None)",
                     "✓ 참"], lines
    assert isinstance(error, dlnotes_check.CheckFailed) and str(error) == "출력층은 노드 1개여야 합니다."


def test_check_shows_an_error_of_a_wrong_object_in_english(capsys):
    history = {"loss": [1.0]}  # the dict, not the History object
    lines, error = run_check(capsys, (lambda: "val_loss" in history.history, "검증", "validation"), lang="en")
    assert lines == ["✗ validation",
                     "  ↳ check 1 raised an error: AttributeError: 'dict' object has no attribute 'history'"], lines
    assert str(error) == "validation"


def test_an_error_in_the_students_own_function_is_raised_as_that_error(capsys):
    def my_loss(y_true, y_pred):
        return sum(y_true) / 0

    lines, error = run_check(capsys, (lambda: my_loss([1], [2]) < 1, "손실", "loss"), (lambda: False, "거짓", "false"))
    line = my_loss.__code__.co_firstlineno + 1
    assert lines == ["✗ 손실",
                     f"  ↳ 1번째 확인을 하다가 여러분이 작성한 함수 my_loss({line}번째 줄)에서 오류가 났습니다: "
                     "ZeroDivisionError: division by zero",
                     "✗ 거짓"], lines
    assert isinstance(error, ZeroDivisionError), error


def test_all_pass(capsys):
    lines, error = run_check(capsys, (lambda: 1, "하나", "one"))
    assert (lines, error) == (["✓ 하나", PASSED], None)


def test_translate_turns_the_detail_lines_into_the_other_language():
    korean = ("✗ 손실\n"
              "  ↳ 2번째 확인을 하다가 오류가 났습니다: KeyError: 'val_mae' "
              "(아직 채우지 않은 변수: model = None)\n"
              "  ↳ 1번째 확인을 하다가 여러분이 작성한 함수 f(3번째 줄)에서 오류가 났습니다: "
              "NameError: name 'n' is not defined\n"
              "  ↳ 3번째 확인을 하다가 오류가 났습니다: TypeError: bad\n모두 통과했습니다.")
    english = dlnotes_check.translate(korean, "ko", "en")
    assert english == ("✗ 손실\n  ↳ check 2 raised an error: KeyError: 'val_mae' (not filled in yet: model = None)\n"
                       "  ↳ check 1: your function f (line 3) raised an error: NameError: name 'n' is not defined\n"
                       "  ↳ check 3 raised an error: TypeError: bad\nAll checks passed."), english
    assert dlnotes_check.translate(english, "en", "ko") == korean


if __name__ == "__main__":  # python tests/test_practice_alternatives.py mock-exam/solution: the script's output
    exercise_name, variant_name = sys.argv[1].split("/")
    path = ALTERNATIVES / exercise_name / f"{variant_name}.py"
    alternative = "" if variant_name == "solution" else path.read_text(encoding="utf-8")
    text, _ = assemble(PRACTICE / f"{exercise_name}.py", replacements_of(alternative) if alternative else {})
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        done = run(text, Path(folder))
    print(done.stdout, done.stderr[-3000:], sep="\n")
