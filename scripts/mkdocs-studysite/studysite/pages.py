"""A page's ``!snippet`` lines, ``{claim}`` and ``{value}`` markers expanded from stored results.

The one place that turns a page's Markdown into what a reader sees of its examples, used by the
MkDocs plugin (figures and downloads as files of the site) and by the Python-Markdown extension
(``studysite.markdown``, for Zensical: figures inlined). It never runs anything and never imports
MkDocs: what it needs of the build comes in as functions (where a figure or a download is, what
to do with a problem, whether an example is still running).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from . import cache, claims, embed, runner, strings
from .project import Project
from .sections import SnippetError, cells_of


class ClaimConflict(Exception):
    pass


@dataclass
class Found:
    """What a build found of the runs: each snippet's last good result and every claim's proof."""

    results: dict[str, dict] = field(default_factory=dict)  # snippet -> result
    claims: dict[str, tuple[str, dict]] = field(default_factory=dict)  # claim id -> (snippet, its assert)
    failures: dict = field(default_factory=dict)  # snippet -> Outcome of this build's failed run
    waiting: set[str] = field(default_factory=set)  # a fresh clone's first serve: snippets not run yet
    unproved: dict[str, str] = field(default_factory=dict)  # and claim id -> the snippet not run yet


def find_results(project: Project, rels: list[str] | None = None) -> Found:
    """Every stored result (``cache.discover``'s snippets), and the claims they prove (each id once)."""
    found = Found()
    folder = project.settings.snippets_dir
    for rel in cache.discover(project) if rels is None else rels:
        result = runner.load_result(project.outputs, rel)
        if result is None:
            continue
        found.results[rel] = result
        for claim, proof in result.get("claims", {}).items():
            if claim in found.claims:
                first, first_proof = found.claims[claim]
                raise ClaimConflict(f"{folder}/{rel}:{proof['line']}: claim '{claim}' is already named in "
                                    f"{folder}/{first}:{first_proof['line']}")
            found.claims[claim] = (rel, proof)
    return found


def _raise(message: str, lang: str, indent: str = "", last_good: str = "") -> str:
    raise embed.RenderError(message)


@dataclass
class PageExpander:
    project: Project
    found: Found
    figure_url: Callable[[str, dict], str | None]  # (snippet, figure) -> its URL from the page, or None
    download_url: Callable[[str, str, str], str | None] = lambda rel, lang, kind: None  # (snippet, lang, kind)
    problem: Callable[..., str] = _raise  # (message, lang, indent=, last_good=) -> what the page shows, or raise
    pending: Callable[[str], bool] = lambda rel: False  # a snippet still running (a fresh clone's first serve)
    cited: set[str] = field(default_factory=set)
    marks: int = 0  # check marks on this page so far: each one's details get an id of their own
    where_page: str = ""  # the page being expanded, for messages
    warn: Callable[[str], None] = lambda message: None  # reported, the page still shows (a figure's untranslated words)
    # Output boxes of indented embeds (in a fold, a tab, a list), kept out of Markdown: token -> HTML (``raw``).
    raw: dict[str, str] = field(default_factory=dict)

    def stash(self, box: str) -> str:
        """A token that stands for ``box`` until the page is HTML (``embed.put_back_raw``).

        Markdown reads raw HTML as a block only at the start of a line: indented (in a fold, a tab, a list
        item) it is text, and its inline rules reach into the output: ``*`` becomes emphasis, an
        abbreviation gets wrapped. The token is letters and digits only, which no rule touches."""
        token = embed.raw_token(len(self.raw))
        self.raw[token] = box
        return token

    def ui(self, lang: str) -> dict:
        return strings.ui(lang, self.project.locale_dir)

    @property
    def folder(self) -> str:
        return self.project.settings.snippets_dir

    def expand(self, markdown: str, where_page: str, lang: str) -> str:
        self.where_page = where_page
        try:
            embeds = embed.find_embeds(markdown, where_page)
            markdown = self.markers(markdown, embeds, lang)
            embeds = embed.find_embeds(markdown, where_page)
        except (embed.EmbedError, claims.MarkerError) as error:
            line_start = sum(len(line) + 1 for line in markdown.split("\n")[: error.line - 1])
            line_end = markdown.find("\n", line_start)
            line_end = len(markdown) if line_end < 0 else line_end
            message = str(error) if isinstance(error, embed.EmbedError) else f"{where_page}:{error.line}: {error}"
            note = self.problem(message, lang)
            return self.expand(markdown[:line_start] + note + markdown[line_end:], where_page, lang)
        pieces, last, boxes, offered = [], 0, {}, set()
        for one in embeds:
            shown, shown_boxes = self.render(one, lang, where_page)
            for box in shown_boxes:
                first = boxes.setdefault(box, one)
                if first is not one and first.signature != one.signature:
                    shown = self.problem(f"{where_page}:{one.line} shows the same output as line {first.line}: "
                                         "embed each section once, each with its own output", lang, indent=one.indent)
            if one.indent:
                for box in dict.fromkeys(shown_boxes):
                    shown = shown.replace(box, self.stash(box))
            if "code" in one.show and not one.figure and one.path not in offered:
                offered.add(one.path)  # the downloads once per example, under the first look at its code
                links = self.downloads(one.path, lang)
                shown += f"\n\n{one.indent}{links}" if links else ""
            pieces += [markdown[last:one.start], shown]
            last = one.end
        pieces.append(markdown[last:])
        return "".join(pieces)

    def downloads(self, rel: str, lang: str) -> str:
        py, notebook = (self.download_url(rel, lang, kind) for kind in ("py", "ipynb"))
        if py is None:
            return ""
        return embed.downloads_html(self.ui(lang), py, notebook)

    def example_title(self, rel: str, lang: str) -> str:
        """An example as readers know it: its title in the course's table (``example_titles``), else its path."""
        return self.project.example_titles().get(rel, {}).get(lang) or f"{self.folder}/{rel}"

    def heading(self, rel: str, lang: str) -> str:
        return embed.heading_of(rel, self.project.example_titles().get(rel, {}).get(lang), self.ui(lang), self.folder)

    def headings(self, lang: str) -> dict[str, str]:
        """``{code block header: snippet path}`` of every example, in ``lang`` (``embed.mark_headings``)."""
        found: dict[str, str] = {}
        for rel in cache.discover(self.project):
            found.setdefault(self.heading(rel, lang), f"{self.folder}/{rel}")
        return found

    def claim_marks(self, cited: list, lang: str, numbered: bool = True) -> str:
        self.marks += numbered
        return claims.claims_html(cited, self.ui(lang).__getitem__, self.folder, number=self.marks,
                                  example_title=lambda rel: self.example_title(rel, lang),
                                  said=lambda proof: claims.said_in(proof.get("said", []), lang,
                                                                    self.project.languages))

    def markers(self, markdown: str, embeds: list[embed.Embed], lang: str) -> str:
        """``{claim id}`` becomes a check mark that shows its assert; ``{value name:spec}`` the number."""
        found, ui = self.found, self.ui(lang)
        embedded = [one.path for one in embeds]
        pieces, last, group, group_html = [], 0, [], None
        for match, line in claims.find_markers(markdown):
            if match["ref"] and (word := strings.loose_word(lang, markdown[match.end():match.end() + 12])):
                spec = f":{match['spec']}" if match["spec"] else ""
                raise claims.MarkerError(line, f"'{{value {match['ref']}}}{word}': the form of '{word}' depends on "
                                               f"how the value is read; write it in the marker: "
                                               f"{{value {match['ref']}{spec}|{word}}}")
            if match["claims"]:
                marks, cited = [], []
                for claim in (c.strip() for c in match["claims"].split(",")):
                    if claim not in found.claims and claim in found.unproved:
                        marks.append(embed.pending_mark(ui))
                        continue
                    if claim not in found.claims:
                        raise claims.MarkerError(line, f"{{claim {claim}}} names no claim: no snippet has "
                                                       f"`assert ...  # claim: {claim}`")
                    rel, proof = found.claims[claim]
                    if rel in found.failures:
                        raise claims.MarkerError(line, f"claim '{claim}' is proved by {self.folder}/{rel}, which "
                                                       f"failed: {found.failures[rel].describe()}")
                    self.cited.add(claim)
                    href = self.download_url(rel, lang, "html")
                    href = f"{href}#L-{proof['line']}" if href else self.download_url(rel, lang, "py") or ""
                    cited.append((claim, proof, rel, href))
                if cited and group and not markdown[last:match.start()].strip() and pieces[-1] == group_html:
                    group += cited  # markers side by side after one sentence: one mark with a count
                    pieces[-1] = group_html = self.claim_marks(group, lang, numbered=False)
                    last = match.end()
                    continue
                group = cited
                group_html = self.claim_marks(cited, lang) if cited else ""
                replacement = "".join(marks) + group_html
            else:
                try:
                    value, rel = claims.resolve_value(match["ref"], found.results, embedded)
                    replacement = claims.format_value(value, match["spec"])
                    if match["word"]:
                        replacement += strings.attach(lang, replacement, match["word"])
                except (LookupError, ValueError, TypeError) as error:
                    if found.waiting:  # its snippet may be one not run yet
                        pieces += [markdown[last:match.start()], embed.pending_mark(ui, "…") + (match["word"] or "")]
                        last = match.end()
                        continue
                    raise claims.MarkerError(line, f"{{value {match['ref']}}}: {error}") from None
                if rel in found.failures:
                    # A build stops here (``problem`` raises); `mkdocs serve` logs it and keeps the sentence
                    # whole: the last good value, marked as such.
                    said = f"{{value {match['ref']}}} comes from {self.folder}/{rel}, which failed: " \
                           f"{found.failures[rel].describe()}"
                    try:
                        self.problem(f"{self.where_page}:{line}: {said}", lang)
                    except Exception:  # noqa: BLE001 - a build: the marker's own error, with its line
                        raise claims.MarkerError(line, said) from None
                    replacement += embed.failed_value_mark(ui, found.failures[rel].describe())
            pieces += [markdown[last:match.start()], replacement]
            last = match.end()
        pieces.append(markdown[last:])
        return "".join(pieces)

    def render(self, one: embed.Embed, lang: str, where_page: str) -> tuple[str, list[str]]:
        found, folder = self.found, self.folder
        where = f"{where_page}:{one.line} embeds {folder}/{one.path}"
        path = self.project.snippets / one.path
        if not path.is_file():
            return self.problem(f"{where}, which does not exist", lang, indent=one.indent), []
        source = path.read_text(encoding="utf-8")
        if one.section and not embed.has_section(source, one.section):
            return self.problem(f"{where}:{one.section}, but the snippet has no section '{one.section}'", lang,
                                indent=one.indent), []
        result = found.results.get(one.path)  # as the build found it: a run published since has no figure files yet
        if result is None and self.pending(one.path):
            total = len(found.results) + len(found.waiting)
            return one.indent + embed.pending_note(self.ui(lang), len(found.results), total), []
        if result is None:
            return self.problem(f"{where}, which has no output yet: run `studysite run`", lang, indent=one.indent), []
        try:
            cells = cells_of(source)
        except SnippetError as error:
            return self.problem(f"{where}: {folder}/{one.path}:{error.line}: {error}", lang, indent=one.indent), []
        try:
            shown, boxes = embed.render(one, result, cells, lang, lambda figure: self.figure_url(one.path, figure),
                                        where, languages=self.project.languages, ui=self.ui(lang), folder=folder,
                                        heading=self.heading(one.path, lang))
        except embed.RenderError as error:
            return self.problem(str(error), lang, indent=one.indent), []
        failed = found.failures.get(one.path)
        if failed is not None:
            return self.problem(f"{where}, which failed: {failed.describe()}", lang, indent=one.indent,
                                last_good=shown), boxes
        self.untranslated(one, result, lang, where)
        return shown, boxes

    def untranslated(self, one: embed.Embed, result: dict, lang: str, where: str) -> None:
        """Words of a figure this page shows that have no label in its language (``figure_labels``)."""
        for cell in result["cells"]:
            if one.section and cell["section"] != one.section or "figures" not in one.show:
                continue
            for figure in cell["figures"]:
                words = ((figure.get("languages") or {}).get(lang) or {}).get("untranslated")
                if words and (not one.figure or figure["name"] == one.figure):
                    self.warn(f"{where}: figure '{figure['name']}' shows words with no {lang} label (figure_labels): "
                              + ", ".join(repr(word) for word in words))
