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
from .quizzes import QuizError, expand_quizzes, mistakes_of, twin_problems

log = logging.getLogger("mkdocs.plugins.studysite-practice")


class PracticeConfig(Config):
    run = c.Type(bool, default=True)  # STUDYSITE_RUN=false: use the executed notebooks already there


class PracticePlugin(BasePlugin[PracticeConfig]):
    def __init__(self):
        self.project: Project | None = None
        self.results: dict[str, dict] = {}
        self.failed_copies: dict[tuple[str, str], str] = {}  # (snippet, changed copy) -> why it did not run
        self.copies: dict[tuple[str, str], dict] = {}  # (snippet, changed copy) -> what it printed

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
                first.add("the quizzes' mistakes", self._run_mistakes, stage=1)
            return
        failed = [o for o in build(self.project) if not o.ok]
        if failed:
            raise PluginError("practice notebooks failed:\n" + "\n".join(f"  {o.describe()}" for o in failed))
        self._run_mistakes()
        if self.failed_copies:
            raise PluginError("quiz mistakes that do not run:\n" + "\n".join(
                f"  {where}" for where in self.failed_copies.values()))

    def _quiz_pages(self) -> list[tuple[str, str]]:
        """Every page with a quiz: (its text, docs/<path>)."""
        docs = self.project.docs
        return [(path.read_text(encoding="utf-8"), f"docs/{path.relative_to(docs).as_posix()}")
                for path in sorted(docs.rglob("*.md")) if "<quiz>" in path.read_text(encoding="utf-8")]

    def _run_mistakes(self):
        """Run the changed copy of every plausible mistake of every quiz (cached by content)."""
        try:
            snippets = self.project.snippets
            mistakes = [m for text, where in self._quiz_pages() for m in mistakes_of(text, where, snippets)]
        except QuizError as error:
            raise PluginError(str(error)) from None
        copies = list(dict.fromkeys((m.snippet, m.source) for m in mistakes))
        outcomes = runner.run_variants(self.project, copies)
        self.failed_copies = {}
        for (snippet, source), outcome in zip(copies, outcomes, strict=True):
            if outcome.ok:
                self.copies[(snippet, source)] = outcome.result
            else:
                named = ", ".join(m.where for m in mistakes if (m.snippet, m.source) == (snippet, source))
                self.failed_copies[(snippet, source)] = f"{named} fails to run: {outcome.describe()}"
        return outcomes

    def _variant(self, snippet: str, source: str) -> dict | None:
        failed = self.failed_copies.get((snippet, source))
        if failed:
            return {"error": failed}
        return self.copies.get((snippet, source)) or runner.load_variant(self.project, snippet, source)

    def on_files(self, files, *, config):
        self.results = {rel: result for rel in cache.discover(self.project)
                        if (result := runner.load_result(self.project.outputs, rel)) is not None}
        languages = self.project.languages
        if len(languages) > 1:  # twins ask the same questions: one marking another choice marks a wrong one
            pages = {where: text for text, where in self._quiz_pages()}
            problems = []
            for where in pages:
                parts = where.split("/")
                if len(parts) > 2 and parts[1] == languages[0]:
                    twins = {lang: (pages.get("/".join([parts[0], lang, *parts[2:]]), "") or "",
                                    "/".join([parts[0], lang, *parts[2:]])) for lang in languages}
                    problems += twin_problems(twins)
            if problems:
                raise PluginError("quizzes whose language twins differ:\n" + "\n".join(f"  {p}" for p in problems))
        return files

    @event_priority(50)  # before studysite expands the `!snippet` lines a question embeds
    def on_page_markdown(self, markdown, *, page, config, files):
        where = f"docs/{page.file.src_uri}"
        lang = page_language(page.file.src_uri, self.project.languages)
        first = self._first_runs(config)
        pending = (lambda rel: True) if first is not None else (lambda rel: False)  # asked of what has no run yet
        try:
            markdown = expand_quizzes(markdown, self.results, where, pending, lang,
                                      self.project.text(lang, "quiz_still_running"), snippets=self.project.snippets,
                                      variant=self._variant)
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
