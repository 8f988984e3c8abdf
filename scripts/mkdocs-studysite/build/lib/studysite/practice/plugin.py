"""The MkDocs plugin ``studysite-practice``: quizzes and exercises in the pages of a build."""

from __future__ import annotations

import html
import logging
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from .. import cache, runner
from ..project import Project
from ..strings import page_language
from .exercises import EXERCISE, ExerciseError, build, executed_path, exercise_markdown, folder_of
from .quizzes import QuizError, expand_quizzes

log = logging.getLogger("mkdocs.plugins.studysite-practice")


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
            try:
                return exercise_markdown(self.project, match["name"], lang, html.escape(href, quote=True))
            except ExerciseError as error:
                raise PluginError(str(error)) from None

        return EXERCISE.sub(exercise, markdown)
