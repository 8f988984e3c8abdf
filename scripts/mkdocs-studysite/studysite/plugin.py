"""The MkDocs plugin ``studysite``: wires the runner, the labs and the embeds into a build.

Before a build it brings every snippet and lab up to date (only what changed runs); while
pages are rendered it expands their ``!snippet`` lines, claims and values. In ``mkdocs serve``
a failure is shown on the page and in the log instead of failing the build (a failed build
would leave the browser's request hanging until the next good one), and a fresh clone's site is
served before its examples have run (``first_runs``).
"""

from __future__ import annotations

import html
import logging
import os
import threading
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from . import cache, capture, claims, downloads, embed, inline, labs, pages, runner, stopping, strings
from .config import StudySiteConfig, settings_of
from .executors import ClusterError
from .first_runs import FirstRuns, write_lab_placeholders
from .outcome import Outcome
from .pool import WorkerPool
from .project import Project, ProjectError
from .settings import SettingsError
from .worker import WorkerConfig

log = logging.getLogger("mkdocs.plugins.studysite")
# In `mkdocs serve` a failure is shown on its page and told in the terminal. Told on MkDocs' own logger,
# strict mode would count it and abort the rebuild, and the browser's request would hang until the
# author fixed it; so serve tells it on a logger of its own, formatted as MkDocs' lines are.
serve_log = logging.getLogger("studysite.serve")
STYLESHEET = "assets/studysite/studysite.css"  # the engine's own CSS, shipped in the package
SCRIPT = "assets/studysite/studysite.js"  # and its script: a check mark's details open in place


class StudySitePlugin(BasePlugin[StudySiteConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.serving = False
        self.pool: WorkerPool | None = None  # mkdocs serve's, for the session
        self.project: Project | None = None
        self.failures: dict[str, Outcome] = {}  # snippets that failed in this build (serve shows them)
        self.figure_files: dict[tuple[str, str], File] = {}  # (snippet, figure file name) -> its file in the site
        self.download_files: dict[tuple[str, str, str], File] = {}  # (snippet, language, "py"/"ipynb") -> file
        self.results: dict[str, dict] = {}  # snippet -> its last good result (cells, claims, values)
        self.claims: dict[str, tuple[str, dict]] = {}  # claim id -> (snippet, its assert and line)
        self.cited: set[str] = set()
        self.first_runs: FirstRuns | None = None  # a fresh clone's first serve: the runs behind it
        self.said_no_notebooks = False
        self.built = False  # a build of this session is done (only the first can start the first runs)
        self.waiting: set[str] = set()  # while they go on: the snippets not run yet
        self.unproved: dict[str, str] = {}  # and claim id -> the snippet not run yet that proves it
        self.raw: dict[str, dict[str, str]] = {}  # page -> its stashed output boxes (PageExpander.stash)

    def on_startup(self, *, command, dirty):
        self.serving = command == "serve"
        if self.serving and not serve_log.handlers:
            handler = logging.StreamHandler()
            handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
            serve_log.addHandler(handler)
            serve_log.propagate = False
        stopping.reset()  # a new session in this process: an earlier one's stop is over

    def on_shutdown(self):
        if self.first_runs is not None and self.first_runs.running:
            self.first_runs.stop()  # their runs end now, leave nothing staged, and blame no snippet
        if self.pool is not None:
            self.pool.close()

    def on_config(self, config):
        try:
            described = Project.from_mkdocs_yml(config.config_file_path)
            self.project = Project.at(described.root, settings_of(self.config), docs=config.docs_dir,
                                      languages=described.languages, site_names=dict(described.site_names))
            self.project.figure_label_files()  # a wrong figure_labels option: one line, before anything runs
        except (ProjectError, SettingsError) as error:
            raise PluginError(str(error)) from None
        if STYLESHEET not in config.extra_css:
            config.extra_css.insert(0, STYLESHEET)  # first: the course's own CSS can override it
        if SCRIPT not in [str(script) for script in config.extra_javascript]:
            config.extra_javascript.append(SCRIPT)
        return config

    def ui(self, lang: str) -> dict:
        return strings.ui(lang, self.project.locale_dir)

    def page_language(self, page) -> str:
        return strings.page_language(page.file.src_uri, self.project.languages)

    def discover(self) -> list[str]:
        try:
            return cache.discover(self.project)
        except cache.DiscoveryError as error:
            raise PluginError(str(error)) from None

    def on_serve(self, server, *, config, builder):
        if self.first_runs is not None:
            self.first_runs.stamp.parent.mkdir(parents=True, exist_ok=True)
            server.watch(str(self.first_runs.stamp.parent))  # the first runs touch it: rebuild with what is done
        for folder in (self.project.snippets, self.project.labs):
            if folder is not None and folder.is_dir():
                server.watch(str(folder))
        return server

    # --- Before the build: run what changed ---------------------------------------------------------

    def on_pre_build(self, *, config):
        if not self.config.run:
            return
        if self.first_runs is not None and self.first_runs.running:
            return  # a fresh clone's first runs are still going: this build shows what they have done
        # Only the session's first build: a snippet added later runs as any saved one, and the folder the
        # first runs touch to rebuild is watched only if they exist when the server starts (on_serve).
        if self.serving and not self.built and self._never_ran():
            self.first_runs = FirstRuns(self.project.outputs / ".first-runs" / "rebuild")
            self.first_runs.add("the snippets", self._run_snippets)
            if labs.discover(self.project.labs):
                self.first_runs.add("the labs", lambda: labs.build(self.project, jobs=1))
                write_lab_placeholders(self.project)  # the lab pages meanwhile: their code, no outputs
            return
        # Labs (kernels, one at a time) run beside the snippets (worker processes): both wait on CPU
        # at different moments, so side by side finishes sooner than one after the other.
        lab_outcomes: list[Outcome] = []

        def build_labs() -> None:
            try:
                lab_outcomes.extend(labs.build(self.project, jobs=1))
            except stopping.Cancelled:
                pass  # Ctrl-C reached the main thread, which says so

        lab_thread = threading.Thread(target=build_labs, name="studysite-labs")
        lab_thread.start()
        try:
            outcomes = self._run_snippets()
        except (KeyboardInterrupt, stopping.Cancelled):
            stopping.stop()  # the lab running beside us stops too, within a moment, instead of the next one starting
            raise
        finally:
            lab_thread.join()
        ran = [o for o in outcomes + lab_outcomes if o.status != "cached"]
        if ran:
            log.info("studysite:\n%s", runner.summary_table(ran))
        self.failures = {o.rel: o for o in outcomes if not o.ok}
        failed = [o for o in outcomes + lab_outcomes if not o.ok]
        if not failed:
            return
        pages = self._pages_embedding()
        lines = ["these failed; the last good outputs are kept:"]
        for outcome in failed:
            if outcome.kind == "snippet":
                where = ", ".join(pages.get(outcome.rel, ["no page embeds it"]))
            else:
                where = ", ".join(labs.target_of(self.project, outcome.rel, lang).relative_to(self.project.root)
                                  .as_posix() for lang in self.project.languages)
            lines.append(f"  {outcome.describe()}\n    shown in {where}")
            if outcome.traceback:
                lines.append("    " + outcome.traceback.strip().replace("\n", "\n    "))
        if self.serving:
            serve_log.error("\n".join(lines))
        else:
            raise PluginError("\n".join(lines))

    def _start_pool(self) -> None:
        if self.pool is None:
            # One pool for the session, a worker on standby: a saved snippet runs without waiting for
            # a worker to import its preloaded modules.
            self.pool = WorkerPool(self.config.workers or os.cpu_count() or 1, WorkerConfig.of(self.project),
                                   standby=1)

    def _run_snippets(self) -> list[Outcome]:
        if self.serving:
            self._start_pool()
        self.discover()  # a stray file in the snippets folder: one clear error, before anything runs
        try:
            outcomes = runner.run(self.project, jobs=self.config.workers, default_timeout=self.config.timeout,
                                  pool=self.pool)
        except (ClusterError, runner.OutputsError) as error:  # no scheduler there, outputs not writable: one line
            raise PluginError(str(error)) from None
        if self.pool is not None:
            self.pool.keep_standby()  # started now, ready by the next save
        return outcomes

    def _never_ran(self) -> bool:
        """A fresh clone: some snippet has no output at all (not merely an old one)."""
        return any(runner.load_result(self.project.outputs, rel) is None
                   for rel in self.discover())

    def pending(self, rel: str) -> bool:
        """True while a fresh clone's first runs go on and ``rel`` has not finished yet."""
        return self.first_runs is not None and self.first_runs.running and rel not in self.results

    def _pages_embedding(self) -> dict[str, list[str]]:
        """snippet -> the pages (and lines) that embed it, for error messages."""
        found: dict[str, list[str]] = {}
        for page in sorted(self.project.docs.rglob("*.md")):
            where = page.relative_to(self.project.root).as_posix()
            try:
                page_embeds = embed.find_embeds(page.read_text(encoding="utf-8"), where)
            except embed.EmbedError:
                continue  # reported when the page is rendered
            for one in page_embeds:
                found.setdefault(one.path, []).append(f"{where}:{one.line}")
        return found

    # --- Files: the figures of the current results --------------------------------------------------

    @event_priority(-200)  # after mkdocs-static-i18n (-100) has laid out this language's files
    def on_files(self, files, *, config):
        self.figure_files.clear()
        self.download_files.clear()
        outputs, snippets = self.project.outputs, self.project.snippets
        files.append(File.generated(config, STYLESHEET, abs_src_path=str(Path(__file__).with_name("assets") /
                                                                        "studysite.css")))
        files.append(File.generated(config, SCRIPT, abs_src_path=str(Path(__file__).with_name("assets") /
                                                                    "studysite.js")))
        try:
            found = pages.find_results(self.project, self.discover())
        except pages.ClaimConflict as error:
            raise PluginError(str(error)) from None
        self.results, self.claims = found.results, found.claims
        for rel, result in self.results.items():
            for figure in runner.figures_of(result):
                # as drawn, its dark variant, each language's (embed.figure_html: the dark one sits beside)
                for name in capture.files_of(figure):
                    source = outputs / rel / result["run_dir"] / name
                    if source.is_file():
                        uri = f"{embed.FIGURE_URL}/{rel}/{result['run_dir']}/{name}"
                        file = File.generated(config, uri, abs_src_path=str(source))
                        files.append(file)
                        self.figure_files[rel, name] = file
        self.waiting = {rel for rel in self.discover() if self.pending(rel)}
        self.unproved = {}
        for rel in sorted(self.waiting):
            try:
                source = (snippets / rel).read_text(encoding="utf-8")
                self.unproved.update(dict.fromkeys(claims.claims_of(source), rel))
            except (OSError, SyntaxError, claims.ClaimError):
                pass  # its run will report it
        notebooks = downloads.notebooks_available()
        if self.config.downloads and not notebooks and not self.said_no_notebooks:
            self.said_no_notebooks = True  # INFO, not a warning: strict mode would fail the build for it
            log.info("studysite: downloads are .py only; .ipynb needs nbformat: pip install "
                     "'mkdocs-studysite[notebooks]'")
        for rel in self.discover() if self.config.downloads else []:
            for lang in self.project.languages:
                try:
                    made = {"py": downloads.python_file(self.project, rel, lang),
                            "html": downloads.source_view(self.project, rel, lang)}
                    if notebooks:
                        made["ipynb"] = downloads.notebook(self.project, rel, lang)
                except inline.InlineError as error:  # its run may be fine: this is the only place it shows
                    if not self.serving:
                        raise PluginError(str(error)) from None
                    serve_log.error(str(error))
                    break
                except Exception as error:  # noqa: BLE001 - a snippet that cannot be split: it failed its run
                    log.debug("no download for %s: %s", rel, error)
                    continue
                for kind, content in made.items():
                    file = File.generated(config, downloads.url(rel, lang, kind), content=content)
                    files.append(file)
                    self.download_files[rel, lang, kind] = file
        return files

    def on_post_build(self, *, config):
        self.built = True
        if self.first_runs is not None:
            self.first_runs.start()  # once the first site is there to be served (no-op after that)
        uncited = sorted(set(self.claims) - self.cited)
        if uncited:
            log.info("studysite: claims no page cites yet: %s", ", ".join(uncited))

    # --- Pages: embeds and the FAQ index -----------------------------------------------------------

    def _problem(self, message: str, lang: str, *, indent: str = "", last_good: str = "") -> str:
        if not self.serving:
            raise PluginError(message)
        serve_log.error(message)
        note = embed.failure_note(self.ui(lang), message, never_ran=not last_good)
        return indent + note + ("\n\n" + last_good if last_good else "")

    def on_page_markdown(self, markdown, *, page, config, files):
        def figure_url(rel: str, figure: dict) -> str | None:
            file = self.figure_files.get((rel, figure["file"]))
            return get_relative_url(file.url, page.url) if file else None

        def download_url(rel: str, lang: str, kind: str) -> str | None:
            file = self.download_files.get((rel, lang, kind))
            return get_relative_url(file.url, page.url) if file else None

        found = pages.Found(self.results, self.claims, self.failures, self.waiting, self.unproved)
        expander = pages.PageExpander(self.project, found, figure_url, download_url, self._problem, self.pending,
                                      self.cited, warn=log.warning)
        markdown = expander.expand(markdown, f"docs/{page.file.src_uri}", self.page_language(page))
        self.raw[page.file.src_uri] = expander.raw  # put back once the page is HTML (on_page_content)
        return markdown

    def on_page_content(self, html_text, *, page, config, files):
        found = pages.Found(self.results, self.claims)
        expander = pages.PageExpander(self.project, found, lambda rel, figure: None)
        html_text = embed.put_back_raw(html_text, self.raw.pop(page.file.src_uri, {}))
        return embed.mark_headings(html_text, expander.headings(self.page_language(page)))

    def on_post_page(self, output, *, page, config):
        if page.file.src_uri.endswith(".ipynb"):
            # The executed notebook is copied beside its page (mkdocs-jupyter's include_source).
            name = html.escape(Path(page.file.src_uri).name, quote=True)
            label = self.ui(self.page_language(page))["download_notebook"]
            button = (f'<p class="lab-download"><a class="md-button md-button--primary" href="{name}" download>'
                      f"{label}</a></p>")
            output = output.replace('<div class="jupyter-wrapper">', button + '<div class="jupyter-wrapper">', 1)
        return output
