"""MkDocs hooks: run the snippets before each build and embed them in pages.

A line ``!snippet training/linear_fit.py:fit`` in a page becomes the snippet's code (the
section ``fit``, included by pymdownx.snippets), its captured output (HTML-escaped), its
tables and its figures (with the alt text of the page's language). ``only=code,output``
chooses what to show; ``figure=name`` shows one figure.

Set ``SNIPPETS_RUN=0`` to build with the outputs already in ``_generated/`` (the benchmark's
plain build); a snippet with no output yet then fails the build.
"""

from __future__ import annotations

import html
import json
import os
import posixpath
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_labs  # noqa: E402
import run_snippets as runner  # noqa: E402

EMBED = re.compile(
    r"^(?P<indent>[ \t]*)!snippet[ \t]+(?P<path>[^\s:]+)(?::(?P<section>[^\s]+))?"
    r"(?P<options>(?:[ \t]+[a-z]+=[^\s]+)*)[ \t]*$",
    re.M,
)
SHOWABLE = {"code", "output", "figures"}
LABELS = {"ko": {"output": "실행 결과", "code": "코드"}, "en": {"output": "Output", "code": "Code"}}
FIGURE_URL = "assets/snippets"  # where figures land in the built site


def find_embeds(markdown: str) -> list[dict]:
    """Every ``!snippet`` line of a page: path, section, options and line number."""
    embeds = []
    for match in EMBED.finditer(markdown):
        options = dict(opt.split("=", 1) for opt in match["options"].split())
        embeds.append(
            {
                "path": match["path"],
                "section": match["section"],
                "options": options,
                "line": markdown.count("\n", 0, match.start()) + 1,
                "match": match,
            }
        )
    return embeds


def has_section(rel: str, section: str) -> bool:
    text = (runner.SNIPPETS / rel).read_text(encoding="utf-8")
    return re.search(rf"--8<--\s*\[\s*start\s*:\s*{re.escape(section)}\s*\]", text) is not None


def _pages_embedding(docs_dir: Path) -> dict[str, list[str]]:
    """snippet -> the pages that embed it, for error messages."""
    pages: dict[str, list[str]] = {}
    for page in sorted(docs_dir.rglob("*.md")):
        for embed in find_embeds(page.read_text(encoding="utf-8")):
            pages.setdefault(embed["path"], []).append(f"{page.relative_to(docs_dir.parent)}:{embed['line']}")
    return pages


# --- Before the build: run what changed ----------------------------------------------------

_figure_files: dict[str, dict[str, File]] = {}


def on_pre_build(config, **kwargs):
    if os.environ.get("SNIPPETS_RUN", "1") == "0":
        return
    outcomes = runner.run(progress=True)
    if any(o.status != "cached" for o in outcomes):
        print(runner.summary_table([o for o in outcomes if o.status != "cached"]), file=sys.stderr)
    failed = [o for o in outcomes if not o.ok]
    lines = []
    if failed:
        pages = _pages_embedding(Path(config.docs_dir))
        lines.append("snippets failed; the last good outputs are kept in _generated/:")
        for outcome in failed:
            where = ", ".join(pages.get(outcome.rel, ["no page embeds it"]))
            lines.append(f"  {outcome.describe()}\n    embedded in {where}")
            if outcome.traceback:
                lines.append("    " + outcome.traceback.strip().replace("\n", "\n    "))
    # Labs are executed before MkDocs collects the files, so their notebooks are pages.
    failed_labs = [o for o in build_labs.build() if not o.ok]
    if failed_labs:
        lines.append("labs failed; the last good notebooks are kept:")
        lines += [f"  {o.describe()}\n    page docs/{o.rel.split('/')[0]}/labs/{Path(o.rel).stem}.ipynb"
                  for o in failed_labs]
    if lines:
        raise PluginError("\n".join(lines))


@event_priority(-200)  # after mkdocs-static-i18n (-100) has laid out this language's files
def on_files(files, config, **kwargs):
    _rewrap_notebooks(files, config)
    _figure_files.clear()
    for rel in runner.discover():
        result = runner.load_result(rel)
        for figure in (result or {}).get("figures", []):
            source = runner.OUT / rel / result["run_dir"] / figure["file"]
            if not source.is_file():
                continue
            uri = f"{FIGURE_URL}/{rel}/{result['run_dir']}/{figure['file']}"
            file = File.generated(config, uri, abs_src_path=str(source))
            files.append(file)
            _figure_files.setdefault(rel, {})[figure["name"]] = file
    return files


def _rewrap_notebooks(files, config):
    """Keep mkdocs-jupyter pages rendering under mkdocs-static-i18n (its issue 198).

    i18n rebuilds the file list after mkdocs-jupyter has marked notebooks as pages, so
    they would be copied as raw .ipynb; mark them again, keeping i18n's destination.
    """
    jupyter = config.plugins.get("mkdocs-jupyter")
    if jupyter is None:
        return
    from mkdocs_jupyter.plugin import NotebookFile

    for file in list(files):
        if file.src_uri.endswith(".ipynb") and not isinstance(file, NotebookFile) and jupyter.should_include(file):
            notebook = NotebookFile(file, **config)
            notebook.dest_uri, notebook.abs_dest_path, notebook.url = file.dest_uri, file.abs_dest_path, file.url
            files.remove(file)
            files.append(notebook)


_SWITCH = re.compile(r'<a href="[^"]*" hreflang="(ko|en)"')


# Material fetches "sitemap.xml" beside each <link rel="alternate" hreflang> of the head, to keep
# the reader on the same page when switching languages. mkdocs-static-i18n already points the
# switcher at each page's twin, and those per-page links would make the fetch a 404.
_HEAD_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')
_EMPTY_MATHJAX = re.compile(r'<script src=""> </script>\s*<!-- MathJax configuration -->.*?'
                            r"<!-- End of mathjax configuration -->", re.S)
DOWNLOAD = {"ko": "노트북 내려받기 (.ipynb)", "en": "Download the notebook (.ipynb)"}
SEARCH_LABEL = {"ko": "검색", "en": "Search"}


def _twin_links(output: str, page) -> str:
    """Point the language switcher at the same page in the other language.

    Every page has its twin at the same path (the tests check it), so one rule serves all:
    mkdocs-static-i18n's own links are absolute on the home pages ("/", "/en/"), which breaks
    a site served under a sub-path, and go to the other home page from a notebook, whose twin
    it does not know (notebooks were not pages yet when it paired files).
    """
    here = "/" + page.url  # page URLs count from the site's root in every language's build
    path = page.url.removeprefix("en/")
    return _SWITCH.sub(lambda m: '<a href="{}/" hreflang="{}"'.format(
        posixpath.relpath("/" + ("en/" if m[1] == "en" else "") + path, here).rstrip("/"), m[1]), output)


def on_post_page(output, page, config, **kwargs):
    output = _twin_links(output, page)
    output = _HEAD_ALTERNATE.sub("", output)
    # Accessibility: Material's search dialog has no name.
    output = output.replace('role="dialog">', f'role="dialog" aria-label="{SEARCH_LABEL[_language(page)]}">', 1)
    if _language(page) != "ko":
        # Each language searches its own index (see on_post_build): the search worker looks
        # for it under the page's "base", which must be that language's root.
        output = re.sub(r'("base":\s*")([^"]*)"', lambda m: f'{m[1]}{posixpath.join(m[2], _language(page))}/"',
                        output, count=1)
    if page.file.src_uri.endswith(".ipynb"):
        # Notebook pages: math is typeset by the site's KaTeX, not MathJax from a CDN; and a
        # download button for the executed notebook (mkdocs-jupyter's include_source copies it).
        output = _EMPTY_MATHJAX.sub("", output)
        name = html.escape(Path(page.file.src_uri).name, quote=True)
        button = (f'<p class="lab-download"><a class="md-button md-button--primary" href="{name}" download>'
                  f"{DOWNLOAD[_language(page)]}</a></p>")
        output = output.replace('<div class="jupyter-wrapper">', button + '<div class="jupyter-wrapper">', 1)
        output = _match_notebook_heading_ids(output, page)
        # A code cell that scrolls sideways must be reachable with the keyboard.
        output = output.replace('<div class="highlight-ipynb', '<div tabindex="0" class="highlight-ipynb')
    return output


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built the other languages
def on_post_build(config, **kwargs):
    """Split the search index by language, so a reader gets results in the page's language.

    mkdocs-static-i18n stacks every language into one index at the site's root; the English
    pages look for theirs under /en/ (their "base" is rewritten in on_post_page).
    """
    site = Path(config.site_dir)
    index = site / "search" / "search_index.json"
    if config.plugins.get("i18n") is None or not index.is_file() or not (site / "en").is_dir():
        return  # not the outer build of a bilingual site (the English sub-build ends first)
    data = json.loads(index.read_text(encoding="utf-8"))
    english = [dict(doc, location=doc["location"][3:]) for doc in data["docs"] if doc["location"].startswith("en/")]
    data["docs"] = [doc for doc in data["docs"] if not doc["location"].startswith("en/")]
    index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    (site / "en" / "search").mkdir(exist_ok=True)
    (site / "en" / "search" / "search_index.json").write_text(
        json.dumps(dict(data, docs=english), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


_NB_HEADING = re.compile(r'<h([1-6]) id="([^"]*)"')


def _match_notebook_heading_ids(output: str, page) -> str:
    """Give a notebook's headings the ids its table of contents links to.

    mkdocs-jupyter builds the TOC with Python-Markdown's slugs ("_1" for a Korean heading)
    while nbconvert writes its own ids ("1.-준비"), so every TOC link would miss.
    """
    anchors = []

    def walk(items):
        for item in items:
            anchors.append(item.url.lstrip("#"))
            walk(item.children)

    walk(page.toc or [])
    start = output.find('<div class="jupyter-wrapper">')
    headings = list(_NB_HEADING.finditer(output, start)) if start >= 0 else []
    if not anchors or len(headings) != len(anchors):
        return output  # the link test reports what is left broken
    pieces, last = [], 0
    for match, anchor in zip(headings, anchors):
        old = match[2]
        pieces += [output[last:match.start()], f'<h{match[1]} id="{html.escape(anchor, quote=True)}"']
        last = match.end()
        end = output.find(f"</h{match[1]}>", last)
        pieces.append(output[last:end].replace(f'href="#{old}"', f'href="#{html.escape(anchor, quote=True)}"'))
        last = end
    pieces.append(output[last:])
    return "".join(pieces)


# --- In each page: expand !snippet lines -----------------------------------------------------


def _language(page) -> str:
    return "en" if page.file.src_uri.startswith("en/") else "ko"


def _one_line(text: str) -> str:
    # Raw HTML must stay one block: a blank line in the output would end it early.
    return text.replace("\r", "").replace("\n", "&#10;")


def render(embed: dict, page, lang: str) -> str:
    rel, section, options, indent = embed["path"], embed["section"], embed["options"], embed["match"]["indent"]
    where = f"{page.file.src_uri}:{embed['line']} embeds snippets/{rel}"
    if not (runner.SNIPPETS / rel).is_file():
        raise PluginError(f"{where}, which does not exist")
    if section and not has_section(rel, section):
        raise PluginError(f"{where}:{section}, but the snippet has no section '{section}'")
    unknown = set(options) - {"only", "figure"}
    show = set(options.get("only", "code,output,figures").split(","))
    if unknown or not show <= SHOWABLE:
        raise PluginError(f"{where} with unknown options {sorted(unknown) or sorted(show - SHOWABLE)}")
    result = runner.load_result(rel)
    if result is None:
        raise PluginError(f"{where}, which has no output yet: run `python scripts/run_snippets.py`")

    parts = []
    if "code" in show:
        target = f"{rel}:{section}" if section else rel
        parts += [f'```python title="snippets/{rel}"', f'--8<-- "{target}"', "```", ""]
    if "output" in show:
        body = []
        for block in result["blocks"]:
            if block["type"] == "text" and block["text"].strip():
                body.append(f"<pre><code>{_one_line(html.escape(block['text'].rstrip()))}</code></pre>")
            elif block["type"] == "table":
                body.append(f'<div class="snippet-table">{_one_line(block["html"])}</div>')
        if body:
            label = html.escape(LABELS[lang]["output"])
            parts += [
                f'<div class="snippet-output" data-snippet="{html.escape(rel)}">'
                f'<p class="snippet-output__label">{label}</p>{"".join(body)}</div>',
                "",
            ]
    figures = result["figures"]
    if "figure" in options:
        figures = [f for f in figures if f["name"] == options["figure"]]
        if not figures:
            raise PluginError(f"{where} figure={options['figure']}, which the snippet does not produce")
    if "figures" in show or "figure" in options:
        for figure in figures:
            file = _figure_files.get(rel, {}).get(figure["name"])
            if file is None:
                raise PluginError(f"{where}: its figure '{figure['name']}' is missing from _generated/")
            src = get_relative_url(file.url, page.url)
            alt = html.escape(figure["alt"][lang], quote=True)
            parts += [
                f'<figure class="snippet-figure"><img src="{src}" alt="{alt}" loading="lazy">'
                "</figure>",
                "",
            ]
    return "\n".join(indent + line if line else "" for line in parts)


# --- The FAQ index, generated from each entry's front matter ------------------------------

LECTURES = [
    "models-and-training",
    "hidden-layers-and-activations",
    "regression-errors",
    "binary-classification",
    "learning-curves",
    "multiclass-classification",
]
FAQ_MARKER = "<!-- faq-index -->"


def _h1(path: Path) -> str:
    match = re.search(r"^# (.+)$", path.read_text(encoding="utf-8"), re.M)
    return match[1].strip() if match else path.stem


def faq_entries(lang_dir: Path) -> list[dict]:
    """The FAQ entries of one language folder: slug, question, tags, lecture."""
    import yaml

    entries = []
    for path in sorted((lang_dir / "faq").glob("*.md")):
        if path.name == "index.md":
            continue
        text = path.read_text(encoding="utf-8")
        meta = {}
        if text.startswith("---\n"):
            meta = yaml.safe_load(text.split("---\n", 2)[1]) or {}
        entries.append({"slug": path.stem, "question": _h1(path), "tags": meta.get("tags") or [],
                        "lecture": meta.get("lecture"), "path": path})
    return entries


def faq_index(lang_dir: Path) -> str:
    entries = faq_entries(lang_dir)
    lines = []
    for lecture in LECTURES + sorted({e["lecture"] for e in entries} - set(LECTURES), key=str):
        group = [e for e in entries if e["lecture"] == lecture]
        if not group:
            continue
        page = lang_dir / "lectures" / f"{lecture}.md"
        title = _h1(page) if page.is_file() else str(lecture)
        link = f"[{title}](../lectures/{lecture}.md)" if page.is_file() else title
        lines += [f"## {link}", ""]
        for entry in group:
            tags = " ".join(f"`{tag}`" for tag in entry["tags"])
            lines.append(f"- [{entry['question']}]({entry['slug']}.md) {tags}".rstrip())
        lines.append("")
    return "\n".join(lines)


def on_page_markdown(markdown, page, config, files, **kwargs):
    lang = _language(page)
    if FAQ_MARKER in markdown:
        markdown = markdown.replace(FAQ_MARKER, faq_index(Path(config.docs_dir) / lang))
    pieces, last = [], 0
    for embed in find_embeds(markdown):
        match = embed["match"]
        pieces += [markdown[last : match.start()], render(embed, page, lang)]
        last = match.end()
    pieces.append(markdown[last:])
    return "".join(pieces)
