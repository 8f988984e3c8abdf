"""The practice section: quizzes whose right answers come from real runs, and exercises that check themselves.

Its own MkDocs plugin, ``studysite-practice`` (listed after ``studysite`` and before ``mkdocs_quiz``
in mkdocs.yml), so that the site's main plugin stays as it is.

**Quizzes** are written with mkdocs-quiz's ``<quiz>`` blocks. Every block must mark exactly one
right choice (``- [x]``); a block with none or with two fails the build, naming the page, the
line and the question. A *predict-the-output* block embeds a snippet section's code
(``!snippet file.py:section only=code``) and its right choice is ``- [x] {output}`` (the section's
output, one line) or ``- [x] {output line=N}`` (its N-th line): the text is the recorded output
of the last good run, so it cannot go stale, and a wrong choice that equals it fails the build.
A right choice typed by hand in a block that embeds a snippet fails too.

**Exercises** are jupytext scripts ``practice/<name>.py``, one source for both languages like a
lab (prose cells tagged ``ko`` / ``en``, comments ``# ko: … # en: …``). A cell tagged ``starter``
is what the student gets (``# TODO`` and placeholders); the cell tagged ``solution`` right after it
replaces it in the solution. Untagged code cells (setup and checks) are shared. A check calls
``check(condition, "한국어 메시지", "English message")``; the notebook of each language prints its
own message. The build executes the solution and the starter once each, in a fresh kernel
(``kernels``), in the first language; the other language's notebooks get the same outputs with each
check message in their language (``translated``: what a check prints is its message, and nothing
else in an exercise may print words of a language). They are cached by content
(``_generated/practice/``); the starter as downloaded is written to
``docs/<lang>/practice/<name>.ipynb``. A page shows an exercise with the line ``!exercise <name>``:
the downloads and the solution, folded.
"""

from __future__ import annotations

import ast
import copy
import hashlib
import html
import logging
import os
import re
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from . import cache, kernels, labs, runner
from .outcome import Outcome
from .project import Project
from .strings import page_language

log = logging.getLogger("mkdocs.plugins.studysite-practice")

ROLES = ("starter", "solution")

# --- Quizzes ---------------------------------------------------------------------------------------

QUIZ = re.compile(r"^[ \t]*<quiz>[ \t]*\n(?P<body>.*?)^[ \t]*</quiz>[ \t]*$", re.M | re.S)
CHOICE = re.compile(r"^(?P<indent>[ \t]*)[-*] \[(?P<mark>[xX ]?)\] (?P<text>.*)$")
OUTPUT = re.compile(r"^\{output(?: (?P<path>[\w./-]+\.py):(?P<section>\w+))?(?: line=(?P<line>\d+))?\}$")
SNIPPET = re.compile(r"^[ \t]*!snippet[ \t]+(?P<path>[\w./-]+\.py)(?::(?P<section>\w+))?")


class QuizError(Exception):
    pass


class StillRunning(Exception):
    """The snippet a choice quotes has not run yet (a fresh clone's first ``mkdocs serve``)."""


@dataclass
class Question:
    page: str
    line: int  # of the <quiz> tag
    title: str  # its first line, to name it
    snippet: str | None
    section: str | None
    choices: list[tuple[int, bool, str]] = field(default_factory=list)  # (line, right, text)

    @property
    def where(self) -> str:
        return f"{self.page}:{self.line}: question '{self.title}'"


def parse_quizzes(markdown: str, page: str = "<page>") -> list[Question]:
    found = []
    for match in QUIZ.finditer(markdown):
        first = markdown.count("\n", 0, match.start()) + 1
        lines = match["body"].split("\n")
        title = next((line.strip() for line in lines if line.strip()), "")[:60]
        question = Question(page, first, title, None, None)
        for offset, line in enumerate(lines, start=first + 1):
            embed = SNIPPET.match(line)
            if embed and question.snippet is None:
                question.snippet, question.section = embed["path"], embed["section"]
            choice = CHOICE.match(line)
            if choice:
                question.choices.append((offset, choice["mark"].lower() == "x", choice["text"].strip()))
        found.append(question)
    return found


def section_output(result: dict, section: str | None) -> str:
    texts = [block["text"] for cell in result.get("cells", []) if cell.get("section") == section
             for block in cell.get("blocks", []) if block["type"] == "text"]
    return "".join(texts)


def recorded_choice(question: Question, spec: str, results: dict,
                    pending: Callable[[str], bool] = lambda rel: False) -> str:
    """The text the run printed for ``{output}`` / ``{output line=N}`` in ``question``."""
    match = OUTPUT.match(spec)
    snippet, section = (match["path"], match["section"]) if match["path"] else (question.snippet, question.section)
    if snippet is None:
        raise QuizError(f"{question.where}: {spec} needs the question to embed a snippet section "
                        "or to name one: {output file.py:section line=N}")
    result = results.get(snippet)
    if result is None and pending(snippet):
        raise StillRunning(snippet)
    if result is None:
        raise QuizError(f"{question.where}: snippets/{snippet} has no output yet: run `studysite run`")
    if not any(cell.get("section") == section for cell in result.get("cells", [])):
        raise QuizError(f"{question.where}: snippets/{snippet} has no section '{section}'")
    lines = section_output(result, section).rstrip("\n").split("\n")
    if match["line"] is None:
        if len(lines) != 1:
            raise QuizError(f"{question.where}: section '{section}' prints {len(lines)} lines; "
                            "choose one with {output line=N}")
        return lines[0].strip()
    number = int(match["line"])
    if not 1 <= number <= len(lines):
        raise QuizError(f"{question.where}: {spec}, but section '{section}' prints {len(lines)} lines")
    return lines[number - 1].strip()


def _plain(text: str) -> str:
    return text.strip().strip("`").strip()


def expand_quizzes(markdown: str, results: dict, page: str, pending: Callable[[str], bool] = lambda rel: False,
                   lang: str = "en", still_running: str = "(example still running)") -> str:
    """Check every ``<quiz>`` of a page and write the recorded output into each ``{output}`` choice
    (while ``pending`` says its snippet is still running, a note that it is)."""
    questions = parse_quizzes(markdown, page)
    lines = markdown.split("\n")
    for question in questions:
        right = [choice for choice in question.choices if choice[1]]
        if not question.choices:
            raise QuizError(f"{question.where} has no choices (- [ ] ...)")
        if not right:
            raise QuizError(f"{question.where} has no right answer: mark one choice - [x]")
        if len(right) > 1:
            raise QuizError(f"{question.where} has {len(right)} right answers (lines "
                            f"{', '.join(str(c[0]) for c in right)}): mark exactly one")
        line, _, text = right[0]
        if question.snippet is None and not OUTPUT.match(text):
            continue  # a concept check
        if not OUTPUT.match(text):
            raise QuizError(f"{question.where}: its right choice is typed by hand ({text!r}); write "
                            "{output} or {output line=N} so that it is what the code printed")
        try:
            printed = recorded_choice(question, text, results, pending)
        except StillRunning:
            lines[line - 1] = lines[line - 1].replace(text, still_running, 1)
            continue
        for other_line, is_right, other in question.choices:
            if not is_right and _plain(other) == printed:
                raise QuizError(f"{question.where}: the wrong choice on line {other_line} is what the code "
                                f"printed ({printed!r}): two right answers")
        original = lines[line - 1]
        lines[line - 1] = original.replace(text, f"`{printed}`", 1)
    return "\n".join(lines)


# --- Exercises -------------------------------------------------------------------------------------

CHECK_HELPER = '''\
class CheckFailed(AssertionError):
    pass


def check(*items):
    """{doc}"""
    failed = []
    for condition, {languages} in items:
        try:
            ok = bool(condition())
        except Exception:  # {comment}
            ok = False
        print(("✓ " if ok else "✗ ") + {message})
        if not ok:
            failed.append({message})
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
    # One message per language, named by its language: ``for condition, ko, en in items``.
    names = [re.sub(r"\W", "_", one) for one in project.languages]
    return CHECK_HELPER.format(doc=project.text(lang, "check_doc"), languages=", ".join(names),
                               message=names[project.languages.index(lang)], passed=project.text(lang, "check_passed"),
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
    lambda, one per language in the site's order, ``check((lambda: ..., "한국어", "English"), ...)``."""
    return [dict(zip(languages, (e.value for e in node.elts[1:]))) for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Tuple) and len(node.elts) == 1 + len(languages)
            and isinstance(node.elts[0], ast.Lambda)
            and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts[1:])]


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


def translated(outputs: list, table: dict[str, str]) -> list:
    """A cell's outputs in the other language: every check message replaced by its twin (``table``,
    empty for the language of the run). A traceback's last line (the error and its message) is
    translated; the source lines above it are the run's."""
    outputs = copy.deepcopy(outputs)
    if not table:
        return outputs
    words = re.compile("|".join(re.escape(m) for m in sorted(table, key=len, reverse=True)))

    def swap(text: str) -> str:
        return words.sub(lambda match: table[match[0]], text)

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
        (*kernels.key_parts(), f"languages {project.languages}", f"messages {messages}")).encode())
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
    for role, (role_seconds, _) in runs.items():
        ran = books[project.default_language, role]  # exercises run in the default language
        for lang in project.languages:
            book = books[lang, role]
            table = {} if lang == project.default_language else message_table(project, ran,
                                                                              project.default_language, lang)
            mine, done = ([c for c in nb.cells if c.cell_type == "code"] for nb in (book, ran))
            for index, (cell, executed) in enumerate(zip(mine, done)):
                try:
                    cell.outputs, cell.execution_count = translated(executed.outputs, table), \
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
            bar.done(outcomes[name])
    except BaseException:
        pool.shutdown(cancel_futures=True)  # Ctrl-C: what has not started does not start
        raise
    finally:
        pool.shutdown()
        bar.close()
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
        raise PluginError(f"{project.settings.practice_dir}/{name}.py has not been executed yet: build with "
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


class PracticeConfig(Config):
    run = c.Type(bool, default=True)  # STUDYSITE_RUN=false: use the executed notebooks already there


class PracticePlugin(BasePlugin[PracticeConfig]):
    def __init__(self):
        self.project: Project | None = None
        self.results: dict[str, dict] = {}

    def on_config(self, config):
        site = config.plugins.get("studysite")
        if site is None or getattr(site, "project", None) is None:
            raise PluginError("studysite-practice needs the studysite plugin, listed before it")
        self.project = site.project
        if not self.project.settings.practice_dir:
            raise PluginError("studysite-practice: set the studysite option practice_dir (the exercises' folder)")
        return config

    def on_serve(self, server, *, config, builder):
        folder = folder_of(self.project)
        if folder.is_dir():
            server.watch(str(folder))
        return server

    def _first_runs(self, config):
        """The studysite plugin's runs of a fresh clone's first serve, while they go on (``first_runs``)."""
        site = config.plugins.get("studysite")
        first = getattr(site, "first_runs", None)
        return first if first is not None and first.running else None

    def on_pre_build(self, *, config):
        if not self.config.run:
            return
        first = self._first_runs(config)
        if first is not None:
            if not first.started:
                first.add("the exercises", lambda: build(self.project), stage=1)  # after the snippets and labs
            return
        failed = [o for o in build(self.project) if not o.ok]
        if failed:
            raise PluginError("practice notebooks failed:\n" + "\n".join(f"  {o.describe()}" for o in failed))

    def on_files(self, files, *, config):
        self.results = {rel: result for rel in cache.discover(self.project)
                        if (result := runner.load_result(self.project.outputs, rel)) is not None}
        return files

    @event_priority(50)  # before studysite expands the `!snippet` lines a question embeds
    def on_page_markdown(self, markdown, *, page, config, files):
        where = f"docs/{page.file.src_uri}"
        lang = page_language(page.file.src_uri, self.project.languages)
        first = self._first_runs(config)
        pending = (lambda rel: rel not in self.results) if first is not None else (lambda rel: False)
        try:
            markdown = expand_quizzes(markdown, self.results, where, pending, lang,
                                      self.project.text(lang, "quiz_still_running"))
        except QuizError as error:
            raise PluginError(str(error)) from None

        def exercise(match):
            href = f"{match['name']}.ipynb"
            folder = f"{lang}/{Path(self.project.settings.practice_dir).name}/"
            if not page.file.src_uri.startswith(folder):
                raise PluginError(f"{where}: !exercise belongs on a page in docs/{folder}")
            if page.url.endswith("/") and not page.file.src_uri.endswith("index.md"):
                href = f"../{href}"  # use_directory_urls: the page is one folder deeper than its file
            ready = (executed_path(self.project, f"{match['name']}.py", lang, "solution").is_file()
                     and files.get_file_from_path(f"{folder}{match['name']}.ipynb") is not None)
            if first is not None and not ready:  # its notebooks are written after this build found its files
                note = html.escape(self.project.text(lang, "exercise_still_running"))
                return f'<div class="admonition info still-running"><p>{note}</p></div>'
            return exercise_markdown(self.project, match["name"], lang, html.escape(href, quote=True))

        return EXERCISE.sub(exercise, markdown)
