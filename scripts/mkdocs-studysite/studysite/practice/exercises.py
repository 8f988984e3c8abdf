"""Exercises: jupytext scripts run once as notebooks (starter and solution), each check's message
in the notebook's language, cached by content; and what a page shows of one (``!exercise name``)."""

from __future__ import annotations

import ast
import copy
import hashlib
import os
import re
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .. import (
    cache,  # noqa: F401
    kernels,
    labs,
    one_language,
    runner,
    stopping,
)
from ..outcome import Outcome
from ..project import Project

ROLES = ("starter", "solution")


class ExerciseError(Exception):
    pass


# --- Exercises -------------------------------------------------------------------------------------

CHECK_HELPER = '''\
class CheckFailed(AssertionError):
    pass


def check(*items):
    """{doc}"""
    failed = []
    for condition, message in items:
        try:
            ok = bool(condition())
        except Exception:  # {comment}
            ok = False
        print(("✓ " if ok else "✗ ") + message)
        if not ok:
            failed.append(message)
    if failed:
        raise CheckFailed(" / ".join(failed))
    print("{passed}")
'''


def discover(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("*.py")) if folder.is_dir() else []


def _roles_of(cell) -> set[str]:
    return set(cell.metadata.get("tags", [])) & set(ROLES)


def variant(nb, role: str):
    """The notebook with only the cells of ``role`` (``starter`` or ``solution``) and the shared ones.

    The cells keep their tag, so that the page can find the solution cells of the executed notebook.
    """
    out = copy.deepcopy(nb)
    out.cells = [cell for cell in out.cells if not _roles_of(cell) or role in _roles_of(cell)]
    return out


def check_roles(nb) -> list[str]:
    """Each ``solution`` cell follows its ``starter`` cell; a starter has a ``# TODO``."""
    problems, previous = [], None
    for cell in nb.cells:
        roles = _roles_of(cell)
        line = cell.metadata.get("source_line")
        if len(roles) > 1:
            problems.append(f"line {line}: a cell is tagged both starter and solution")
        if "starter" in roles and "TODO" not in cell.source:
            problems.append(f"line {line}: a starter cell has no # TODO")
        if "solution" in roles and (previous is None or "starter" not in _roles_of(previous)):
            problems.append(f"line {line}: a solution cell must follow its starter cell")
        previous = cell
    if not any("solution" in _roles_of(cell) for cell in nb.cells):
        problems.append("no cell is tagged solution")
    return problems


def check_helper(project: Project, lang: str) -> str:
    # A notebook's checks carry its own language's message only (``one_language``): ``(condition, message)``.
    return CHECK_HELPER.format(doc=project.text(lang, "check_doc"), passed=project.text(lang, "check_passed"),
                               comment=project.text(lang, "check_not_filled"))


def folder_of(project: Project) -> Path:
    return project.root / (project.settings.practice_dir or "practice")


def notebook(project: Project, name: str, lang: str, role: str):
    """The notebook a reader of ``lang`` gets (``starter``) or the page shows (``solution``)."""
    nb = labs.read(folder_of(project) / name)
    problems = labs.check_twins(nb, project.languages) + check_roles(nb)
    if problems:
        raise labs.LabError(f"{project.settings.practice_dir}/{name}: {problems[0]}")
    out = labs.for_language(variant(nb, role), lang, project)
    for cell in out.cells:
        if cell.cell_type == "code":
            # A reader of one language reads each check's message in theirs only.
            cell.source = one_language.keep(cell.source, lang, project.languages, checks=True)
        if cell.cell_type == "code" and not project.settings.practice_check:
            cell.source = CHECK_IMPORT.sub(lambda _: check_helper(project, lang).strip(), cell.source)
        cell.metadata.pop("source_line", None)
    out.metadata["studysite"] = {"source": f"{project.settings.practice_dir}/{name}", "role": role, "lang": lang}
    return out


# The exercises import ``check`` from a helper module (for a student's own kernel); the notebooks get
# the function itself, in the notebook's language.
CHECK_IMPORT = re.compile(r"^from \w+ import check$", re.M)
# Words in a script other than Latin (Hangul, kana, CJK, Cyrillic, ...): the run's language, left over.
OTHER_SCRIPT = re.compile("[\u0370-\u1fff\u2e80-\ud7ff\uf900-\ufaff\uff00-\uffef]")


def check_messages(source: str, languages: tuple[str, ...]) -> list[dict[str, str]]:
    """The messages of each check in a cell's code, by language: the strings after each check's
    lambda, one per language in the site's order, ``check((lambda: ..., "français", "English"), ...)``."""
    return [dict(zip(languages, (e.value for e in node.elts[1:]))) for node in ast.walk(ast.parse(source))
            if one_language.is_check(node, languages)]


def message_table(project: Project, nb, source: str, target: str) -> dict[str, str]:
    """Each check message of ``source`` in the notebook, and the same message in ``target``."""
    table = {project.text(source, "check_passed"): project.text(target, "check_passed")}
    for cell in nb.cells:
        found = check_messages(cell.source, project.languages) if cell.cell_type == "code" and "check(" in cell.source \
            else []
        for messages in found:
            if table.setdefault(messages[source], messages[target]) != messages[target]:
                raise labs.LabError(f"the check message {messages[source]!r} has two translations")
    return table


def course_translate(project: Project, source: str, target: str) -> Callable[[str], str]:
    """The course's check module's ``translate`` between two languages, or no change."""
    name = project.settings.practice_check
    if not name:
        return lambda text: text
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"_studysite_check_{name}", project.snippets / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    function = getattr(module, "translate", None)
    return (lambda text: function(text, source, target)) if function else (lambda text: text)


def translated(outputs: list, table: dict[str, str], course: Callable[[str], str] = lambda text: text) -> list:
    """A cell's outputs in the other language: every check message replaced by its twin (``table``,
    empty for the language of the run), and what the course's check prints besides (``course``). A
    traceback's last line (the error and its message) is translated; the lines above it are the run's."""
    outputs = copy.deepcopy(outputs)
    if not table:
        return outputs
    words = re.compile("|".join(re.escape(m) for m in sorted(table, key=len, reverse=True)))

    def swap(text: str) -> str:
        return course(words.sub(lambda match: table[match[0]], text))

    for out in outputs:
        if out.get("output_type") == "stream":
            out["text"] = swap(out["text"])
        elif out.get("output_type") == "error":
            out["evalue"] = swap(out["evalue"])
            if out.get("traceback"):
                out["traceback"][-1] = swap(out["traceback"][-1])
        shown = out.get("text", "") + out.get("evalue", "") + out.get("data", {}).get("text/plain", "")
        left = [line for line in shown.splitlines() if OTHER_SCRIPT.search(line)]  # the run's language, left over
        if left:
            raise labs.LabError(f"it prints words that are no check message ({left[0][:80]!r}): print "
                                "numbers and code, and words only through check()")
    return outputs


def key_of(project: Project, name: str) -> str:
    kernels.configure_for(project)
    messages = [(lang, project.text(lang, key)) for lang in project.languages
                for key in ("check_passed", "check_doc", "check_not_filled")]
    digest = hashlib.sha256(cache.environment_fingerprint(
        project, tuple(project.settings.kernel_preload),
        (*kernels.key_parts(), f"languages {project.languages}", f"messages {messages}",
         f"check {project.settings.practice_check}")).encode())
    digest.update((folder_of(project) / name).read_bytes() + b"\0")
    for helper in project.helper_paths():
        digest.update(helper.read_bytes())
    return digest.hexdigest()


def executed_path(project: Project, name: str, lang: str, role: str) -> Path:
    return project.cache / "practice" / Path(name).stem / f"{lang}-{role}.ipynb"


def download_path(project: Project, name: str, lang: str) -> Path:
    folder = project.docs / lang if project.multilingual else project.docs
    return folder / Path(project.settings.practice_dir or "practice").name / (Path(name).stem + ".ipynb")


def _run(nb, *, allow_errors: bool) -> float:
    with tempfile.TemporaryDirectory(prefix="practice-") as cwd:
        return kernels.run(nb, cwd=cwd, allow_errors=allow_errors)


def _write(nb, target: Path) -> None:
    import nbformat

    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    nbformat.write(nb, tmp)
    os.replace(tmp, target)


def current_key(path: Path) -> str | None:
    return labs.current_key(path)


def _start(project: Project, name: str, pool: ThreadPoolExecutor) -> Callable[[], Outcome]:
    """Start the exercise's solution and starter in ``pool``, each once in a fresh kernel. The function
    returned waits for both and writes the notebooks of every language and the downloads."""
    key = key_of(project, name)
    try:
        books = {(lang, role): notebook(project, name, lang, role) for lang in project.languages for role in ROLES}
    except labs.LabError as error:
        failed = Outcome("practice", name, "failed", error=str(error))
        return lambda: failed

    def run(role: str) -> tuple[float, labs.LabError | None]:
        nb = books[project.default_language, role]
        try:
            return _run(nb, allow_errors=role == "starter"), None
        except kernels.CellError as error:
            return 0.0, labs._failure(nb, error)

    started = {role: pool.submit(run, role) for role in reversed(ROLES)}  # the solution, the longer, first
    return lambda: _finish(project, name, key, books, {role: started[role].result() for role in ROLES})


def _finish(project: Project, name: str, key: str, books: dict, runs: dict) -> Outcome:
    seconds = round(max(run_seconds for run_seconds, _ in runs.values()), 1)
    for role, (_, failure) in runs.items():
        if failure:
            return Outcome("practice", name, "failed", seconds, cell=failure.cell, error=f"{role}: {failure}")
    source = labs.read(folder_of(project) / name)  # every language's message of each check
    for role, (role_seconds, _) in runs.items():
        ran = books[project.default_language, role]  # exercises run in the default language
        for lang in project.languages:
            book = books[lang, role]
            table = {} if lang == project.default_language else message_table(project, source,
                                                                              project.default_language, lang)
            course = course_translate(project, project.default_language, lang)
            mine, done = ([c for c in nb.cells if c.cell_type == "code"] for nb in (book, ran))
            for index, (cell, executed) in enumerate(zip(mine, done)):
                try:
                    cell.outputs, cell.execution_count = translated(executed.outputs, table, course), \
                        executed.execution_count
                except labs.LabError as error:
                    return Outcome("practice", name, "failed", seconds, cell=book.cells.index(cell),
                                   error=f"{role}, code cell {index + 1}: {error}")
            book.metadata["studysite"].update(key=key, seconds=round(role_seconds, 1))
    with runner.lock(project.outputs, f"practice:{name}"):
        for (lang, role), nb in books.items():
            _write(nb, executed_path(project, name, lang, role))
        for lang in project.languages:
            starter = notebook(project, name, lang, "starter")
            starter.metadata["studysite"]["key"] = key
            _write(starter, download_path(project, name, lang))
    return Outcome("practice", name, "ran", seconds)


def execute(project: Project, name: str, *, jobs: int = 1) -> Outcome:
    """Run one exercise's solution and starter (side by side with ``jobs`` > 1) and write its notebooks."""
    with ThreadPoolExecutor(max_workers=max(1, min(jobs, len(ROLES)))) as pool:  # each kernel is its own process
        return _start(project, name, pool)()


def is_current(project: Project, name: str) -> bool:
    key = key_of(project, name)
    paths = [executed_path(project, name, lang, role) for lang in project.languages for role in ROLES]
    paths += [download_path(project, name, lang) for lang in project.languages]
    return all(current_key(path) == key for path in paths)


def build(project: Project, *, force: bool = False, jobs: int | None = None, progress: bool = True) -> list[Outcome]:
    """Bring every exercise's executed notebooks up to date; ``jobs`` kernels at a time (all cores)."""
    names = discover(folder_of(project)) if project.settings.practice_dir else []
    todo = [name for name in names if force or not is_current(project, name)]
    bar = runner.Progress(len(todo), progress, label="exercises")
    outcomes = {name: Outcome("practice", name, "cached") for name in names if name not in todo}
    # Every exercise's kernels share one pool: a starter is often short, and the next exercise's
    # solution then runs beside this one's instead of leaving a core idle.
    pool = ThreadPoolExecutor(max_workers=jobs or os.cpu_count() or 1)  # each kernel is its own process
    try:
        finishing = [(name, _start(project, name, pool)) for name in todo]
        for name, finish in finishing:
            bar.started(name)
            outcomes[name] = finish()
            outcomes[name].folder = project.settings.practice_dir or "practice"
            bar.done(outcomes[name])
    except BaseException as error:
        if isinstance(error, KeyboardInterrupt):
            stopping.stop()  # the kernels running now stop too (kernels.run looks at the switch)
        pool.shutdown(cancel_futures=True)  # Ctrl-C: what has not started does not start
        raise
    finally:
        pool.shutdown()
        bar.close()
    for outcome in outcomes.values():
        outcome.folder = project.settings.practice_dir or "practice"
    return [outcomes[name] for name in names]


# --- On the page -----------------------------------------------------------------------------------

EXERCISE = re.compile(r"^!exercise[ \t]+(?P<name>[\w-]+)[ \t]*$", re.M)


def _outputs_text(cell) -> str:
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream":
            parts.append(out.get("text", ""))
        elif out.get("output_type") in ("execute_result", "display_data"):
            parts.append(out.get("data", {}).get("text/plain", ""))
    return "".join(parts).rstrip()


def exercise_markdown(project: Project, name: str, lang: str, download_href: str) -> str:
    import nbformat

    path = executed_path(project, f"{name}.py", lang, "solution")
    if not path.is_file():
        raise ExerciseError(f"{project.settings.practice_dir}/{name}.py has not been executed yet: build with "
                          "the option run: true")
    nb = nbformat.read(path, as_version=4)
    solution_cells = [cell for cell in nb.cells if cell.cell_type == "code" and "solution" in
                      cell.metadata.get("tags", [])]
    parts = [f'<p class="practice-download"><a class="md-button md-button--primary" href="{download_href}" '
             f'download>{project.text(lang, "download_starter")}</a></p>', "",
             f'??? success "{project.text(lang, "solution")}"', ""]
    for cell in solution_cells:
        parts += ["    ```python", *("    " + line if line else "" for line in cell.source.split("\n")), "    ```",
                  ""]
        shown = _outputs_text(cell)
        if shown:
            parts += ["    ```text", *("    " + line if line else "" for line in shown.split("\n")), "    ```", ""]
    return "\n".join(parts)


__all__ = [
    "CHECK_HELPER",
    "CHECK_IMPORT",
    "EXERCISE",
    "ExerciseError",
    "OTHER_SCRIPT",
    "ROLES",
    "build",
    "check_helper",
    "check_messages",
    "check_roles",
    "current_key",
    "discover",
    "download_path",
    "execute",
    "executed_path",
    "exercise_markdown",
    "folder_of",
    "is_current",
    "key_of",
    "message_table",
    "notebook",
    "translated",
    "variant",
]
