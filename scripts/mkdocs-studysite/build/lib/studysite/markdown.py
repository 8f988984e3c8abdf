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
"""

from __future__ import annotations

import base64
import logging
from pathlib import Path

from markdown import Extension
from markdown.preprocessors import Preprocessor

from . import pages
from .project import Project

log = logging.getLogger("studysite.markdown")


class _Expand(Preprocessor):
    def __init__(self, md, extension: StudySiteExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if "!snippet" not in text and "{claim" not in text and "{value" not in text:
            return lines
        return self.extension.expand(text).split("\n")


class StudySiteExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "config_file": ["mkdocs.yml", "the project's mkdocs.yml (its studysite options)"],
            "lang": ["", "the pages' language (default: the project's default language)"],
        }
        super().__init__(**kwargs)
        self._project: Project | None = None
        self._found: pages.Found | None = None

    def project(self) -> Project:
        if self._project is None:
            self._project = Project.from_mkdocs_yml(Path(self.getConfig("config_file")))
            self._found = pages.find_results(self._project)
        return self._project

    def figure_url(self, rel: str, figure: dict) -> str | None:
        result = self._found.results[rel]
        path = self.project().outputs / rel / result["run_dir"] / figure["file"]
        if not path.is_file():
            return None
        return "data:image/svg+xml;base64," + base64.b64encode(path.read_bytes()).decode("ascii")

    def expand(self, markdown: str) -> str:
        project = self.project()
        expander = pages.PageExpander(project, self._found, self.figure_url)
        return expander.expand(markdown, "<page>", self.getConfig("lang") or project.default_language)

    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown's name
        md.registerExtension(self)
        # Before the raw-HTML stash (20): the outputs and figures are raw HTML blocks.
        md.preprocessors.register(_Expand(md, self), "studysite", 27)


def makeExtension(**kwargs):  # noqa: N802 - Python-Markdown's entry point
    return StudySiteExtension(**kwargs)
