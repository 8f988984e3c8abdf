"""Execute each lab once, as a student would run it, and write its notebook in every language.

A lab's one source is a jupytext percent-format script, ``labs/<name>.py``. Its code cells
are shared by every language (their comments use the ``# <lang>:`` markers of
``bilingual``); its prose cells are tagged with their language:

    # %% [markdown] tags=["fr"]
    # ## 1. Préparation
    # %% [markdown] tags=["en"]
    # ## 1. Setup

The code runs once, top to bottom, in a fresh Jupyter kernel (``kernels``); the outputs go into
``docs/<lang>/<labs folder>/<name>.ipynb`` for each language (git-ignored), which
mkdocs-jupyter renders and readers download. Helpers imported from the course's helper modules
are copied into the notebook (``inline``), so the download runs with the course's packages alone. Each
notebook keeps the key of its source in its metadata, so an unchanged lab is not executed
again; a failed lab leaves the last good notebooks in place.
"""

from __future__ import annotations

import copy
import hashlib
import os
import re
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from . import bilingual, cache, inline, kernels, one_language, runner, stopping
from .outcome import Outcome
from .project import Project


class LabError(Exception):
    def __init__(self, message: str, cell: int | None = None, line: int | None = None):
        super().__init__(message)
        self.cell, self.line = cell, line


# A line of code that holds the notebook's language (in a helper copied in, for instance):
# ``LANG = os.environ.get("LANG_OF_MY_COURSE", "ko")  # studysite: language`` becomes ``LANG = "en"``
# in the English notebook.
LANGUAGE_LINE = re.compile(r'^(?P<name>[ \t]*[A-Za-z_]\w*)[ \t]*=[^\n#]*#[ \t]*studysite:[ \t]*language[ \t]*$', re.M)


def discover(labs: Path | None) -> list[str]:
    return sorted(p.name for p in labs.glob("*.py")) if labs is not None and labs.is_dir() else []


def target_of(project: Project, name: str, lang: str) -> Path:
    """Where a lab's executed notebook goes: ``docs/<lang>/<labs folder>/<name>.ipynb``."""
    folder = project.docs / lang if project.multilingual else project.docs
    return folder / Path(project.settings.labs_dir or "labs").name / (Path(name).stem + ".ipynb")


def key_of(project: Project, name: str) -> str:
    kernels.configure_for(project)
    environment = cache.environment_fingerprint(project, tuple(project.settings.kernel_preload),
                                                (*kernels.key_parts(), f"languages {project.languages}"))
    digest = hashlib.sha256(environment.encode())
    digest.update((project.labs / name).read_bytes() + b"\0")
    for helper in project.helper_paths():  # helpers copied into the notebook
        digest.update(helper.read_bytes())
    return digest.hexdigest()


def current_key(path: Path) -> str | None:
    import nbformat

    try:
        return nbformat.read(path, as_version=4).metadata.get("studysite", {}).get("key")
    except (OSError, ValueError):
        return None


def _languages_of(cell, languages: tuple[str, ...]) -> set[str]:
    return set(cell.metadata.get("tags", [])) & set(languages)


def read(path: Path):
    """The lab's one notebook, every cell with the line of the file it starts at."""
    import jupytext

    source = path.read_text(encoding="utf-8")
    nb = jupytext.reads(source, fmt="py:percent")
    starts = [n for n, line in enumerate(source.splitlines(), start=1) if line.startswith("# %%")]
    for index, cell in enumerate(nb.cells):
        cell.id = f"cell-{index}"  # not a random one: the same notebook from build to build
        cell.metadata["source_line"] = starts[index] if len(starts) == len(nb.cells) else None
    return nb


def check_twins(nb, languages: tuple[str, ...]) -> list[str]:
    """Every prose cell has its twin: between two code cells, as many cells in each language."""
    problems, groups, code_cells = [], {}, 0
    for cell in nb.cells:
        if cell.cell_type == "code":
            if _languages_of(cell, languages):
                problems.append(f"line {cell.metadata['source_line']}: a code cell is shared by both languages; "
                                "mark its comments with # ko: / # en: instead of tagging the cell")
            code_cells += 1
            continue
        for lang in _languages_of(cell, languages):
            groups.setdefault(code_cells, {}).setdefault(lang, []).append(cell.metadata["source_line"])
    for position, by_lang in groups.items():
        counts = {lang: len(by_lang.get(lang, [])) for lang in languages}
        if len(set(counts.values())) > 1:
            lines = sorted(line for lines in by_lang.values() for line in lines if line)
            problems.append(f"lines {lines[0]}-{lines[-1]}: prose cells after code cell {position} are "
                            f"{', '.join(f'{n} in {lang}' for lang, n in counts.items())}: each needs its twin")
    return problems


def for_language(nb, lang: str, project: Project):
    """The notebook a reader of ``lang`` downloads: their prose, their comments, helpers copied in."""
    languages = project.languages
    out = copy.deepcopy(nb)
    out.cells = [cell for cell in out.cells
                 if not _languages_of(cell, languages) or lang in _languages_of(cell, languages)]
    for cell in out.cells:
        tags = [t for t in cell.metadata.pop("tags", []) if t not in languages]
        if tags:
            cell.metadata["tags"] = tags
        if cell.cell_type == "code":
            code = inline.inline_all(bilingual.localize(cell.source, lang, languages), project.helper_paths())
            code = LANGUAGE_LINE.sub(lambda m: f'{m["name"]} = "{lang}"', code)
            cell.source = one_language.keep(code, lang, languages).strip("\n")
    out.metadata.pop("jupytext", None)  # the download is a plain notebook
    out.metadata["language_info"] = {"name": "python"}
    # Jupyter opens it with the usual Python kernel instead of asking which one.
    out.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    return out


def _failure(nb, error: kernels.CellError) -> LabError:
    """The failing cell, named by its index and its line in the lab's source."""
    index = error.cell if error.cell >= 0 else None
    line = nb.cells[index].metadata.get("source_line") if index is not None else None
    return LabError(error.message, index, line)


def execute(project: Project, name: str) -> Outcome:
    """Run a lab once and write the notebook of every language."""
    import nbformat

    start = time.perf_counter()
    key = key_of(project, name)
    try:
        nb = read(project.labs / name)
        problems = check_twins(nb, project.languages)
        if problems:
            raise LabError(problems[0], line=None)
        notebooks = {lang: for_language(nb, lang, project) for lang in project.languages}
        ran = notebooks[project.default_language]
        with tempfile.TemporaryDirectory(prefix="lab-") as cwd:
            try:
                kernels.run(ran, cwd=cwd)
            except kernels.CellError as error:
                raise _failure(ran, error) from None
        executed = [cell for cell in ran.cells if cell.cell_type == "code"]
        for notebook in notebooks.values():
            code_cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
            for mine, done in zip(code_cells, executed):
                mine.outputs, mine.execution_count = copy.deepcopy(done.outputs), done.execution_count
            for cell in notebook.cells:
                cell.metadata.pop("source_line", None)
                if cell.cell_type == "code":
                    cell.metadata.pop("execution", None)
            notebook.metadata["studysite"] = {"key": key, "source": f"{project.settings.labs_dir}/{name}"}
            nbformat.validate(notebook)
    except LabError as error:
        return Outcome("lab", name, "failed", round(time.perf_counter() - start, 1), error.line, error.cell, str(error))
    except stopping.Cancelled:
        raise  # Ctrl-C or a shutdown: nothing failed
    except Exception as error:  # the kernel could not start, or died
        return Outcome("lab", name, "failed", round(time.perf_counter() - start, 1),
                       error=f"{type(error).__name__}: {error}")
    with runner.lock(project.outputs, f"lab:{name}"):
        for lang, notebook in notebooks.items():
            target = target_of(project, name, lang)
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
            nbformat.write(notebook, tmp)
            os.replace(tmp, target)
    return Outcome("lab", name, "ran", round(time.perf_counter() - start, 1))


def build(project: Project, selected: list[str] | None = None, *, force: bool = False, jobs: int | None = None,
          progress: bool = True) -> list[Outcome]:
    """Bring the executed notebooks up to date, one kernel per lab, ``jobs`` at a time."""
    names = discover(project.labs) if selected is None else list(selected)
    outcomes, todo = {}, []
    for name in names:
        key = key_of(project, name)
        if not force and all(current_key(target_of(project, name, lang)) == key for lang in project.languages):
            outcomes[name] = Outcome("lab", name, "cached")
        else:
            todo.append(name)
    bar = runner.Progress(len(todo), progress, label="labs")
    workers = max(1, min(jobs or os.cpu_count() or 1, len(todo) or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:  # each kernel is its own process
        def one(name: str) -> Outcome:
            stopping.check()  # stopped while an earlier lab ran: the next one does not start
            bar.started(name)
            return execute(project, name)

        for outcome in pool.map(one, todo):
            outcomes[outcome.rel] = outcome
            outcome.folder = project.settings.labs_dir or "labs"
            bar.done(outcome)
    bar.close()
    for outcome in outcomes.values():
        outcome.folder = project.settings.labs_dir or "labs"
    return [outcomes[name] for name in names]

