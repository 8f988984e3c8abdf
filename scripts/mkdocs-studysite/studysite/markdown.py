"""``studysite.markdown``: the engine as a Python-Markdown extension, for Zensical (which reads
mkdocs.yml and loads Python-Markdown extensions, but runs no MkDocs plugin) or any Markdown user.

It renders ``!snippet`` lines, ``{claim}`` and ``{value}`` markers from the results a
``studysite run`` stored; it never runs an example. Figures are inlined as data URIs (an extension
cannot add files to a site); downloads are not offered. In mkdocs.yml::

    markdown_extensions:
      - studysite.markdown:
          config_file: mkdocs.yml   # the project (its studysite options), relative to the folder built in

Then ``studysite run && zensical build``. Under MkDocs the plugin does all this itself (with figure
files and downloads); listing both is harmless, the plugin expands the page first.

Zensical keeps each rendered page in its cache and renders it again only when the page or the
configuration changes, so a Zensical configuration also names the stored results under ``watch``
(the example course's ``zensical.yml`` shows how). A result older than its example (the example,
what it imports or the environment changed since ``studysite run``) stops the build with one line
naming it, as a missing one does: a page never shows an output its code did not print.
"""

from __future__ import annotations

import base64
import logging
import threading
from pathlib import Path

from markdown import Extension
from markdown.preprocessors import Preprocessor

from . import pages, runner, strings
from .project import Project

log = logging.getLogger("studysite.markdown")

# Zensical makes a new Markdown instance (so a new extension) for every page: the project and its
# results are read once per process, again only when a result file changes (``zensical serve``).
_LOADED: dict[Path, tuple[tuple, Project, pages.Found]] = {}
_LOCK = threading.Lock()


class StaleResults(Exception):
    """Results missing or older than their examples: ``studysite run`` first."""


def _stamps(project: Project) -> tuple:
    return tuple(sorted((str(path), path.stat().st_mtime_ns) for path in project.outputs.rglob("result.json")))


def load(config_file: Path) -> tuple[Project, pages.Found]:
    """The project and its current results; raises ``StaleResults`` if an example changed since its run."""
    config_file = config_file.resolve()
    with _LOCK:
        kept = _LOADED.get(config_file)
        if kept is not None:
            project = kept[1]
            if _stamps(project) == kept[0]:
                return kept[1], kept[2]
        project = Project.from_mkdocs_yml(config_file)
        stamps = _stamps(project)
        _, todo = runner.plan(project)
        if todo:
            names = ", ".join(f"{project.settings.snippets_dir}/{rel}" for rel, _ in todo[:3])
            more = f" and {len(todo) - 3} more" if len(todo) > 3 else ""
            raise StaleResults(f"{len(todo)} example(s) changed since their last run or never ran ({names}{more}): "
                               "run `studysite run` before this build")
        found = pages.find_results(project)
        _LOADED[config_file] = (stamps, project, found)
        return project, found


def _page_path(md) -> str:
    """The page being rendered, for messages: Zensical's rendering context names it; else ``<page>``."""
    for processor in md.preprocessors:
        page = getattr(processor, "page", None)
        if isinstance(getattr(page, "path", None), str):
            return page.path
    return "<page>"


class _Expand(Preprocessor):
    def __init__(self, md, extension: StudySiteExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if "!snippet" not in text and "{claim" not in text and "{value" not in text:
            return lines
        return self.extension.expand(text, _page_path(self.md)).split("\n")


class StudySiteExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "config_file": ["mkdocs.yml", "the project's mkdocs.yml (its studysite options)"],
            "lang": ["", "the pages' language (default: the page's language folder, else the first)"],
        }
        super().__init__(**kwargs)
        self._project: Project | None = None
        self._found: pages.Found | None = None

    def project(self) -> Project:
        if self._project is None:
            self._project, self._found = load(Path(self.getConfig("config_file")))
        return self._project

    def figure_url(self, rel: str, figure: dict) -> str | None:
        result = self._found.results[rel]
        path = self.project().outputs / rel / result["run_dir"] / figure["file"]
        if not path.is_file():
            return None
        return "data:image/svg+xml;base64," + base64.b64encode(path.read_bytes()).decode("ascii")

    def expand(self, markdown: str, where_page: str = "<page>") -> str:
        project = self.project()
        expander = pages.PageExpander(project, self._found, self.figure_url)
        # A page's language as the plugin reads it (a folder per language, i18n's layout); the option wins.
        lang = self.getConfig("lang") or (strings.page_language(where_page, project.languages)
                                          if where_page != "<page>" else project.default_language)
        expanded = expander.expand(markdown, where_page, lang)
        # Output boxes of indented embeds stay out of Markdown's inline rules: Python-Markdown's own stash
        # puts them back as they are (PageExpander.stash).
        stash = getattr(self, "md", None)
        for token, box in expander.raw.items():
            expanded = expanded.replace(token, stash.htmlStash.store(box) if stash else box)
        return expanded

    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown's name
        self.md = md
        md.registerExtension(self)
        # Before the raw-HTML stash (20): the outputs and figures are raw HTML blocks.
        md.preprocessors.register(_Expand(md, self), "studysite", 27)


def makeExtension(**kwargs):  # noqa: N802 - Python-Markdown's entry point
    return StudySiteExtension(**kwargs)
