"""Every example as a file the reader runs: ``.py`` and ``.ipynb``, in the reader's language.

A download is the whole snippet, cell by cell (its sections become notebook cells), with the
comments of one language, the course's helpers it uses copied in (``inline``) so that only the
course's packages are needed, figures shown instead of saved (the ``download_helpers`` file), and
the same start the runner gives it (seeds; the course's ``download_preamble`` hook), so it prints
what the page shows. sphinx-gallery's download buttons are the model.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import json
import re

from . import bilingual, claims, inline
from .sections import cells_of

_DOCSTRING = re.compile(r'^\s*(?:"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\')[ \t]*\n?')


def url(rel: str, lang: str, kind: str) -> str:
    """Where a download lands in the site: ``downloads/<lang>/<section>/<name>.<kind>``."""
    return f"downloads/{lang}/{rel.removesuffix('.py')}.{kind}"


@functools.cache
def _setup_module(name: str | None):
    return importlib.import_module(name) if name else None


def default_preamble(source: str, seed: int, seed_comment: str) -> str:
    """The runner's seeds, as a reader runs them: ``random``, and NumPy's if the example uses it."""
    uses_numpy = re.search(r"^\s*(?:import numpy|from numpy)\b", source, re.M)
    code = "import random\n\n" + ("import numpy as np\n\n" if uses_numpy else "")
    code += f"random.seed({seed})  # {seed_comment}\n"
    return code + (f"np.random.seed({seed})\n" if uses_numpy else "")


def cells(project, rel: str, lang: str) -> list[str]:
    """The code cells of the download: the set-up the runner does, then the snippet's cells."""
    try:
        return _cells(project, rel, lang)
    except inline.InlineError as error:
        raise inline.InlineError(f"{project.settings.snippets_dir}/{rel}: its download cannot be made: "
                                 f"{error}") from None


def _cells(project, rel: str, lang: str) -> list[str]:
    settings = project.settings
    source = (project.snippets / rel).read_text(encoding="utf-8")
    path = f"{settings.snippets_dir}/{rel}"
    setup = project.text(lang, "download_comment", site=project.site_name(lang), path=path) + "\n\n"
    hook = getattr(_setup_module(settings.setup), "download_preamble", None)
    setup += hook(source) if hook else default_preamble(source, settings.seed, project.text(lang, "download_seed"))
    out = [setup]
    helpers = project.helper_paths()
    used: list[tuple] = []
    for index, cell in enumerate(cells_of(source)):
        code = claims.strip_claim_comments(cell.code)
        if index == 0:
            code = _DOCSTRING.sub("", code, count=1)
        for module in helpers:
            code = re.sub(rf"^import {re.escape(module.stem)}\b.*$", "", code, flags=re.M)
            found, code = inline.take_imports(code, module.stem)
            used += [(module, name) for name in found]
        code = re.sub(r"\n{3,}", "\n\n", code).strip("\n")
        if code.strip():
            out.append(code)
    if used:
        # The helpers it uses (with the imports they need) before the example itself, which may call
        # them from its first line on.
        overrides = project.root / settings.download_helpers if settings.download_helpers else None
        pieces = []
        for module in dict.fromkeys(m for m, _ in used):
            names = ", ".join(dict.fromkeys(n for m, n in used if m == module))
            note = "# " + project.text(lang, "helpers_copied", path=f"{settings.snippets_dir}/{module.name}") + "\n"
            modules = (overrides, module) if overrides else (module,)
            pieces.append(note + inline.inline_helpers(f"from {module.stem} import {names}", *modules).strip("\n"))
        out[1:1] = pieces
    return [bilingual.localize(code, lang, project.languages).strip("\n") for code in out]


def notebooks_available() -> bool:
    """``.ipynb`` downloads need nbformat (the ``notebooks`` extra)."""
    return importlib.util.find_spec("nbformat") is not None


def python_file(project, rel: str, lang: str) -> str:
    return "\n\n\n# %%\n".join(["# %%\n" + cell if i == 0 else cell
                                 for i, cell in enumerate(cells(project, rel, lang))]) + "\n"


def notebook(project, rel: str, lang: str) -> str:
    import nbformat

    code = cells(project, rel, lang)
    heading = project.text(lang, "download_heading", site=project.site_name(lang),
                           path=f"{project.settings.snippets_dir}/{rel}")
    book = nbformat.v4.new_notebook()
    book.metadata = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                     "language_info": {"name": "python"}}
    book.cells = [nbformat.v4.new_markdown_cell(heading)] + [nbformat.v4.new_code_cell(c) for c in code]
    for number, cell in enumerate(book.cells):
        cell.id = f"cell-{number}"  # stable ids: the same file from build to build
    return json.dumps(nbformat.from_dict(book), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


SOURCE_VIEW_CSS = """body{margin:0;font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;
background:#fff;color:#1f2328}
header{padding:.6em 1em;font-family:system-ui,sans-serif;border-bottom:1px solid #d0d7de}
pre{margin:0;padding:.5em 0;white-space:pre-wrap;overflow-wrap:anywhere}
.src{counter-reset:line}.src>span{display:block;padding-left:5.5em;text-indent:-4.5em;counter-increment:line}
.src>span::before{content:counter(line);display:inline-block;width:3.5em;margin-right:1em;text-align:right;
color:#6e7781;text-indent:0;user-select:none}
.src>span:target{background:#fff8c5;outline:1px solid #d4a72c}
.c1,.c,.cm{color:#6e7781}.k,.kn,.ow{color:#cf222e}.s,.s1,.s2,.sd{color:#0a3069}.mi,.mf{color:#0550ae}.nf,.nb{color:#8250df}
@media (prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}header{border-color:#30363d}
.src>span:target{background:#3d2e00}.c1,.c,.cm{color:#8b949e}.k,.kn,.ow{color:#ff7b72}.s,.s1,.s2,.sd{color:#a5d6ff}
.mi,.mf{color:#79c0ff}.nf,.nb{color:#d2a8ff}}"""


def source_view(project, rel: str, lang: str) -> str:
    """The snippet's file as a page (UTF-8, declared): every line numbered and addressable (``#L-12``),
    so a check mark links to the line of its assert and the reader's browser shows the text as written,
    not as a raw ``.py`` that a plain server sends without a charset."""
    import html

    source = (project.snippets / rel).read_text(encoding="utf-8")
    try:
        from pygments import highlight
        from pygments.formatters import HtmlFormatter
        from pygments.lexers import PythonLexer

        code = highlight(source, PythonLexer(), HtmlFormatter(linespans="L", nowrap=False))
        code = code[code.index("<pre>") + 5:code.rindex("</pre>")].removeprefix("<span></span>")
    except ImportError:  # pragma: no cover - Pygments comes with Material for MkDocs
        code = "".join(f'<span id="L-{n}">{html.escape(line)}</span>'
                       for n, line in enumerate(source.splitlines(keepends=True), start=1))
    path = html.escape(f"{project.settings.snippets_dir}/{rel}")
    return (f'<!doctype html>\n<html lang="{html.escape(lang)}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">'
            f"<title>{path}</title><style>{SOURCE_VIEW_CSS}</style></head>"
            f"<body><header><strong>{path}</strong></header><pre class=\"src\">{code}</pre>"
            "</body></html>\n")
