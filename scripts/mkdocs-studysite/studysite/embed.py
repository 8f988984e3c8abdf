"""``!snippet`` lines in pages: parse them strictly, and render code, output and figures.

    !snippet training/linear_fit.py            the whole file: code, output, figures
    !snippet training/linear_fit.py:fit        the section ``fit``
    !snippet training/linear_fit.py:fit only=code,output    choose what to show
    !snippet training/linear_fit.py figure=fit   one figure alone (wherever the file draws it)

Every line that starts with ``!snippet`` must parse; one that does not is an error naming the
page and line, never literal text on a page.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from . import bilingual, capture, claims, sections, typos

# Anything that starts like an embed: ``!snippet`` or a near miss (``!snipet``, ``!Snippets``), also after
# a list or quote marker or an indent of other spaces (a no-break space). Each must parse, or it is an error.
STARTS_LIKE_AN_EMBED = re.compile(r"^[^\S\n]*(?:[-*+>][^\S\n]*)?!(?P<word>[A-Za-z]+)", re.M)
EMBED = re.compile(r"^(?P<indent>[ \t]*)!snippet[ \t]+(?P<target>\S+)(?P<options>(?:[ \t]+\S+)*)[ \t]*$")
PATH = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_./-]*\.py$")
SECTION = re.compile(r"^[A-Za-z0-9_-]+$")
OPTION = re.compile(r"^(?P<name>[a-z]+)=(?P<value>[A-Za-z0-9_,-]+)$")
SHOWABLE = ("code", "output", "figures")
FIGURE_URL = "assets/snippets"  # where figures land in the built site


class RenderError(Exception):
    """An embed that parses but cannot be shown (a figure the run did not draw)."""


class EmbedError(Exception):
    """A ``!snippet`` line that cannot be used, with the page and line it is on."""

    def __init__(self, page: str, line: int, message: str):
        super().__init__(f"{page}:{line}: {message}")
        self.page, self.line, self.message = page, line, message


@dataclass
class Embed:
    path: str
    section: str | None
    show: tuple[str, ...]
    figure: str | None
    line: int
    start: int = 0  # character offsets of the line in the page
    end: int = 0
    indent: str = ""
    options: dict = field(default_factory=dict)  # as written: the language twins must agree on them

    @property
    def signature(self) -> tuple:
        return self.path, self.section, tuple(sorted(self.options.items()))


def _parse(line: str, page: str, number: int) -> Embed:
    def fail(message: str) -> EmbedError:
        return EmbedError(page, number, f"cannot use `{line.strip()}`: {message}")

    match = EMBED.match(line)
    if not match or not line.lstrip().startswith("!snippet"):
        raise fail("write `!snippet <path>.py[:section] [only=code,output,figures] [figure=name]`")
    path, _, section = match["target"].partition(":")
    if path.startswith("/") or "\\" in path or ".." in PurePosixPath(path).parts:
        raise fail("the path must be relative to snippets/, without '..'")
    if not PATH.match(path):
        raise fail(f"{path!r} is not a snippet path like `training/linear_fit.py`")
    if ":" in match["target"] and not SECTION.match(section):
        raise fail(f"section name {section!r}: letters, digits, '-' and '_'")
    options = {}
    for word in match["options"].split():
        option = OPTION.match(word)
        if not option:
            raise fail(f"option {word!r}: options are `only=...` and `figure=...`, lowercase, without spaces")
        if option["name"] in options:
            raise fail(f"option {option['name']!r} given twice")
        options[option["name"]] = option["value"]
    unknown = set(options) - {"only", "figure"}
    if unknown:
        raise fail(f"unknown option {sorted(unknown)[0]!r} (known: only, figure)")
    if "figure" in options and (section or "only" in options):
        raise fail("`figure=` shows one figure alone: write it without a section and without `only=`")
    show = tuple(options.get("only", ",".join(SHOWABLE)).split(","))
    bad = [part for part in show if part not in SHOWABLE]
    if bad or len(set(show)) != len(show):
        raise fail(f"only={options['only']}: choose from {', '.join(SHOWABLE)}, each once")
    return Embed(path, section or None, show, options.get("figure"), number, indent=match["indent"],
                 options=options)


def find_embeds(markdown: str, page: str = "<page>") -> list[Embed]:
    """Every ``!snippet`` line of a page; raises EmbedError at the first one that does not parse."""
    embeds = []
    for match in STARTS_LIKE_AN_EMBED.finditer(markdown):
        if not typos.near(match["word"], "snippet"):
            continue
        start = match.start()
        end = markdown.find("\n", start)
        end = len(markdown) if end < 0 else end
        number = markdown.count("\n", 0, start) + 1
        embed = _parse(markdown[start:end], page, number)
        embed.start, embed.end = start, end
        embeds.append(embed)
    return embeds


has_section = sections.has_section  # one grammar: sections.py


def _one_line(text: str) -> str:
    # Raw HTML must stay one block: a blank line in the output would end it early.
    return text.replace("\r", "").replace("\n", "&#10;")


def output_html(blocks: list[dict], ui: dict, rel: str) -> str:
    """The output box: text blocks HTML-escaped, tables as the (escaped) HTML pandas made."""
    body = []
    for block in blocks:
        if block["type"] == "text" and block["text"].strip():
            body.append(f"<pre><code>{_one_line(html.escape(block['text'].rstrip()))}</code></pre>")
            if block.get("cut_from"):  # terminal.cut: too long for a page
                note = ui["output_cut"].format(shown=f"{len(block['text']):,}", total=f"{block['cut_from']:,}")
                body.append(f'<p class="snippet-output__cut">{html.escape(note)}</p>')
        elif block["type"] == "table":
            body.append(f'<div class="snippet-table">{_one_line(block["html"])}</div>')
    if not body:
        return ""
    label = html.escape(ui["output"])
    return (f'<div class="snippet-output" data-snippet="{html.escape(rel, quote=True)}">'
            f'<p class="snippet-output__label">{label}</p>{"".join(body)}</div>')


RAW_TOKEN = re.compile(r"(?:<p>)?(studysiteraw\d+x)(?:</p>)?")


def raw_token(number: int) -> str:
    return f"studysiteraw{number}x"


def put_back_raw(page_html: str, raw: dict[str, str]) -> str:
    """The page's HTML with each token of ``PageExpander.stash`` replaced by its HTML (a paragraph holding only
    the token becomes the box itself: a box is a block)."""
    if not raw:
        return page_html
    return RAW_TOKEN.sub(lambda match: raw.get(match[1], match[0]), page_html)


def failure_note(ui: dict, message: str, *, never_ran: bool) -> str:
    """In ``mkdocs serve`` only: the error on the page itself (a failed build would hang the request)."""
    headline = ui["snippet_never_ran" if never_ran else "snippet_failed"]
    return (f'<div class="admonition failure"><p class="admonition-title">{html.escape(headline)}</p>'
            f"<pre><code>{_inert(_one_line(html.escape(message)))}</code></pre></div>")


def _inert(text: str) -> str:
    """A message quoting a page's marker (``{value x}``) must not be read as a marker again."""
    return text.replace("{", "&#123;").replace("}", "&#125;")


def pending_note(ui: dict, done: int, total: int) -> str:
    """In a fresh clone's first ``mkdocs serve`` only (``first_runs``): an example not run yet."""
    text = ui["still_running"].format(done=done, total=total)
    return f'<div class="admonition info still-running"><p>{html.escape(text)}</p></div>'


def failed_value_mark(ui: dict, message: str) -> str:
    """In ``mkdocs serve`` only: a ``{value}`` shown from its snippet's last good run, which failed since."""
    tip = _inert(html.escape(f"{ui['value_from_failed_run']} {message}", quote=True))
    return f'<span class="claim-failed" role="img" title="{tip}" aria-label="{tip}">⚠</span>'


def pending_mark(ui: dict, shown: str = "⏳") -> str:
    """The same, for a ``{claim}`` or ``{value}`` in prose whose snippet has not run yet."""
    tip = html.escape(ui["claim_still_running"], quote=True)
    return f'<span class="claim-pending" role="img" title="{tip}" aria-label="{tip}">{shown}</span>'


def _fence(code: str, title: str) -> list[str]:
    ticks = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", code)), default=0))
    return [f'{ticks}python title="{title}"', *code.split("\n"), ticks, ""]


def shown_code(cell_code: str, lang: str, languages: tuple[str, ...], *, first: bool) -> str:
    """A cell's code as the reader sees it: comments in their language, claim comments (shown as
    check marks in the prose) and the file's docstring (the contributor's summary) left out."""
    code = claims.strip_claim_comments(cell_code)
    if first:
        code = _DOCSTRING.sub("", code, count=1)
    return bilingual.localize(code, lang, languages).strip("\n")


_DOCSTRING = re.compile(r'^\s*(?:"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\')[ \t]*\n?')


# The screens that get a figure's phone layout (``phone_figures``); print and wider screens get the desktop's.
PHONE_MEDIA = "screen and (max-width: 44.9375em)"


def figure_html(figure: dict, lang: str, src: str, figure_text: str = "Figure {number}") -> str:
    """A figure, in the variant of the reader's palette: Material shows ``#only-light`` images on
    the light palette and ``#only-dark`` ones on the dark one. The dark file sits beside ``src``.

    With a phone layout (``phone_figures``) each palette's figure is a ``<picture>`` whose source for a
    narrow screen is that layout, inside the link a lightbox opens (made here: a lightbox plugin that
    wrapped the image itself would take it out of its picture, and the browser would then ignore the
    source; ``off-glb`` tells mkdocs-glightbox to leave it)."""
    alt = html.escape(capture.alt_text(figure, lang, figure_text), quote=True)
    if src.startswith("data:") or not (figure.get("dark") or figure.get("phone")):  # inlined: the light one
        return f'<figure class="snippet-figure"><img src="{src}" alt="{alt}" loading="lazy"></figure>'

    def beside(name: str) -> str:
        return html.escape(posixpath.join(posixpath.dirname(src), name), quote=True)

    palettes = [("light", src, figure.get("phone")), ("dark", beside(figure["dark"]), figure.get("phone_dark"))] \
        if figure.get("dark") else [(None, src, figure.get("phone"))]
    if not figure.get("phone"):
        return ('<figure class="snippet-figure">' + "".join(
            f'<img src="{wide}#only-{palette}" alt="{alt}" loading="lazy">' for palette, wide, _ in palettes)
            + "</figure>")
    shown = []
    for palette, wide, phone in palettes:
        target = f"{wide}#only-{palette}" if palette else wide
        source = f'<source media="{PHONE_MEDIA}" srcset="{beside(phone)}">' if phone else ""
        gallery = f' data-gallery="{palette}"' if palette else ""
        shown.append(f'<a class="glightbox" data-type="image" data-width="auto" data-height="auto" '
                     f'data-desc-position="bottom"{gallery} href="{target}"><picture>{source}'
                     f'<img class="off-glb" src="{target}" alt="{alt}" loading="lazy"></picture></a>')
    return f'<figure class="snippet-figure">{"".join(shown)}</figure>'


def render(embed: Embed, result: dict, cells: list, lang: str, figure_src, where: str, *,
           languages: tuple[str, ...] = (), ui: dict | None = None, folder: str = "snippets",
           heading: str | None = None) -> tuple[str, list[str]]:
    """The Markdown for one embed, and the output boxes it shows (for the repeated-output check).

    A section embed shows that section's code with its own output and figures; a whole-file
    embed shows every cell in order, each followed by what it printed and drew; ``figure=name``
    shows that figure alone. ``cells`` are the file's cells now (``worker.cells_of``), ``result``
    what its last good run recorded per cell; ``figure_src(figure)`` is a figure's URL or None.
    """
    from . import strings

    languages = languages or (lang,)
    ui = ui or strings.ui(lang)

    def figures_shown(figures) -> list[str]:
        out = []
        for figure in figures:
            figure = capture.in_language(figure, lang)  # its variant with the page's words, if it has one
            src = figure_src(figure)
            if src is None:
                raise RenderError(f"{where}: its figure '{figure['name']}' is missing from the outputs")
            out += [figure_html(figure, lang, src, ui["figure"]), ""]
        return out

    if embed.figure:
        figures = [f for cell in result["cells"] for f in cell["figures"] if f["name"] == embed.figure]
        if not figures:
            raise RenderError(f"{where} figure={embed.figure}, which the snippet does not draw")
        return _indented(embed, figures_shown(figures)), []
    recorded = {(cell["section"], tuple(cell["lines"])): cell for cell in result["cells"]}
    by_section = {cell["section"]: cell for cell in result["cells"] if cell["section"]}
    # Code outside sections is matched by its lines; if the file changed since its last good run (a failed
    # run in `mkdocs serve`) and has as many such cells as then, each is matched by its place instead.
    unsectioned_now = [cell for cell in cells if not cell.section]
    unsectioned_then = [cell for cell in result["cells"] if not cell["section"]]
    if len(unsectioned_now) == len(unsectioned_then):
        recorded.update({(None, (now.first, now.last)): then for now, then in zip(unsectioned_now, unsectioned_then)})
    title = (heading or f"{folder}/{embed.path}").replace('"', "'")  # the code block's header (heading_of)
    parts, boxes = [], []
    for index, cell in enumerate(cells):
        if embed.section and cell.section != embed.section:
            continue
        ran = by_section.get(cell.section) if cell.section else recorded.get((None, (cell.first, cell.last)))
        code = shown_code(cell.code, lang, languages, first=index == 0)
        if "code" in embed.show and code.strip():
            parts += _fence(code, title)
        if ran is None:
            continue  # code outside sections that changed since the last good run: nothing recorded for it
        if "output" in embed.show and (box := output_html(ran["blocks"], ui, embed.path)):
            parts += [box, ""]
            boxes.append(box)
        if "figures" in embed.show:
            parts += figures_shown(ran["figures"])
    return _indented(embed, parts), boxes


def heading_of(rel: str, title: str | None, ui: dict, folder: str = "snippets") -> str:
    """What a code block of the example is headed with: "Example: <its title>" in the page's language,
    or its path where the course gives it no title. The path stays on the header for contributors
    (``mark_headings``)."""
    return ui["example_heading"].format(title=title) if title else f"{folder}/{rel}"


def mark_headings(page_html: str, headings: dict[str, str]) -> str:
    """Each code block header that names an example (``{heading: path}``) carries the snippet's path:
    ``data-snippet`` for tools and tests, and a tooltip for a contributor who hovers it."""
    def mark(match: re.Match) -> str:
        path = headings.get(html.unescape(match[1]))
        if path is None:
            return match[0]
        quoted = html.escape(path, quote=True)
        return f'<span class="filename" data-snippet="{quoted}" title="{quoted}">{match[1]}</span>'
    return re.sub(r'<span class="filename">([^<]*)</span>', mark, page_html)


def _indented(embed: Embed, parts: list[str]) -> str:
    return "\n".join(embed.indent + line if line else "" for line in parts)


def downloads_html(ui: dict, py_src: str, ipynb_src: str | None) -> str:
    label = html.escape(ui["download_example"])
    links = [f'<a href="{html.escape(py_src, quote=True)}" download>.py</a>']
    if ipynb_src:  # none without nbformat (the notebooks extra)
        links.append(f'<a href="{html.escape(ipynb_src, quote=True)}" download>.ipynb</a>')
    return f'<p class="snippet-downloads">{label} {" · ".join(links)}</p>'
