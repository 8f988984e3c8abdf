"""What a reader sees of each example: its own output per section, downloads that run on their
own, comments in the page's language, and sentences bound to the asserts that prove them.

One parametrized test per concern covers every example (pydantic's tests/test_docs.py is the model).
"""

from __future__ import annotations

import ast
import hashlib
import html
import io
import json
import os
import re
import tokenize
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest

from studysite import bilingual, cache, claims, downloads, kernels, runner
from studysite.project import Project

PROJECT = Project.find(Path(__file__).parent)
LANGUAGES = PROJECT.languages  # ("ko", "en"), the default first
SNIPPETS = cache.discover(PROJECT)
# The code that runs a notebook (the engine leaves its own code out of its keys; these runs keep it in theirs).
KERNEL_CODE = tuple(Path(kernels.__file__).with_name(name) for name in ("kernels.py", "kernel_server.py"))
HANGUL = re.compile("[\uac00-\ud7a3]")
PROSE = re.compile(r"[A-Za-z]{2,}[,.]? [A-Za-z]{2,}")  # two words in a row: a formula (`# Σ|e| / Σ|y|`) is not prose
DIRECTIVE = re.compile(r"^#\s*(noqa|type:|pragma|fmt:|%%)[^#]*$")
FAQ_PAGES = sorted(p.name for p in (PROJECT.docs / "ko" / "faq").glob("*.md") if p.name != "index.md")
SHORT_ANSWER = re.compile(r'^!!! abstract "[^"]*"\n\n((?:    .*\n|\n)+)', re.M)


# --- Downloads: each runs outside the repository and prints what the page shows ------------------

def _run_download(rel: str, workdir: Path) -> dict:
    """Execute the Korean notebook of ``rel`` in a fresh kernel, outside the repository, where neither the
    course's modules (``dlnotes``, ``dlnotes_site``, ...) nor ``studysite`` can be imported; cached by the
    notebook's bytes and the environment."""
    book = downloads.notebook(PROJECT, rel, "ko")
    environment = cache.environment_fingerprint(
        PROJECT, tuple(PROJECT.settings.kernel_preload),
        (*kernels.key_parts(), *(path.read_text(encoding="utf-8") for path in KERNEL_CODE)))
    key = hashlib.sha256((book + environment).encode()).hexdigest()[:20]
    cached = PROJECT.root / ".cache" / "downloads" / f"{key}.json"
    if cached.is_file():
        return json.loads(cached.read_text(encoding="utf-8"))
    here = workdir / rel.replace("/", "__")
    here.mkdir(parents=True)
    nb = nbformat.reads(book, as_version=4)
    try:
        kernels.run(nb, cwd=str(here), blocked=("dlnotes", "dlnotes_check", "dlnotes_site", "studysite"))
        outcome = {"ok": True, "error": "", "outputs": [
            [{"type": o.output_type, "name": o.get("name"), "text": o.get("text", ""),
              "html": "text/html" in o.get("data", {})} for o in cell.outputs]
            for cell in nb.cells if cell.cell_type == "code"]}
    except kernels.CellError as error:
        return {"ok": False, "error": f"cell {error.cell}: {error}", "outputs": []}
    cached.parent.mkdir(parents=True, exist_ok=True)
    cached.write_text(json.dumps(outcome), encoding="utf-8")
    return outcome


@pytest.fixture(scope="session")
def download_runs(request, tmp_path_factory, snippet_outcomes):
    wanted = sorted({item.callspec.params["snippet"] for item in request.session.items
                     if item.originalname == "test_download_runs_alone_and_prints_what_the_page_shows"})
    workdir = tmp_path_factory.mktemp("downloads")
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        return dict(zip(wanted, pool.map(lambda rel: _run_download(rel, workdir), wanted)))


def _expected_stdout(result: dict) -> tuple[re.Pattern, int]:
    """The text the page shows, in order; a table (HTML on the page, displayed in the notebook) in between."""
    pattern, tables = [], 0
    for cell in result["cells"]:
        for block in cell["blocks"]:
            if block["type"] == "text":
                pattern.append(re.escape(block["text"]))
            else:
                tables += 1
    return re.compile("".join(pattern), re.S), tables


@pytest.mark.parametrize("snippet", SNIPPETS)
def test_download_runs_alone_and_prints_what_the_page_shows(snippet, download_runs, snippet_outcomes):
    assert snippet_outcomes[snippet].ok, snippet_outcomes[snippet].describe()
    run = download_runs[snippet]
    assert run["ok"], f"the download of snippets/{snippet} does not run on its own:\n{run['error']}"
    printed = "".join(o["text"] for cell in run["outputs"] for o in cell if o["type"] == "stream"
                      and o["name"] == "stdout")
    pattern, tables = _expected_stdout(runner.load_result(PROJECT.outputs, snippet))
    assert pattern.fullmatch(printed), (f"the download of snippets/{snippet} prints something else than the "
                                        f"page shows:\n--- printed ---\n{printed}")
    shown = sum(o["html"] for cell in run["outputs"] for o in cell if o["type"] in ("display_data", "execute_result"))
    assert shown >= tables, f"snippets/{snippet}: the page shows {tables} tables, the notebook {shown}"


def _code_tokens(code: str) -> list[str]:
    return [t.string for t in tokenize.generate_tokens(io.StringIO(code).readline)
            if t.type not in (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT)]


@pytest.mark.parametrize("snippet", SNIPPETS)
def test_downloads_are_the_same_code_in_both_languages_and_both_formats(snippet):
    books = {lang: nbformat.reads(downloads.notebook(PROJECT, snippet, lang), as_version=4)
             for lang in LANGUAGES}
    for book in books.values():
        nbformat.validate(book)
    code = {lang: [c.source for c in book.cells if c.cell_type == "code"] for lang, book in books.items()}
    assert [_code_tokens(c) for c in code["ko"]] == [_code_tokens(c) for c in code["en"]], snippet
    for lang in LANGUAGES:
        script = downloads.python_file(PROJECT, snippet, lang)
        chunks = [c.strip("\n") for c in re.split(r"^# %%\n", script, flags=re.M) if c.strip()]
        assert chunks == code[lang], f"snippets/{snippet}: the .py and the .ipynb ({lang}) differ"
        assert "dlnotes import" not in script and "import dlnotes" not in script, snippet
        assert "claim:" not in script, f"snippets/{snippet}: claim comments are for the site, not the reader"
        assert not _wrong_language(script, lang), (f"the {lang} download of snippets/{snippet} has comments in the "
                                                    f"other language: {_wrong_language(script, lang)[:5]}")


def _wrong_language(code: str, lang: str) -> list[str]:
    """Comments (on Korean pages) without Hangul, or lines (on English pages) with it."""
    if lang == "ko":
        return [c for _, c in bilingual.comments_in(code)
                if PROSE.search(c) and not HANGUL.search(c) and not DIRECTIVE.match(c)]
    # The Korean alt text of a figure is data the site needs, not prose for this reader.
    exempt = set()
    try:
        for node in ast.walk(ast.parse(code)):
            if isinstance(node, ast.keyword) and node.arg == "alt_ko":
                exempt.update(range(node.value.lineno, node.value.end_lineno + 1))
    except SyntaxError:
        pass
    return [line.strip() for number, line in enumerate(code.splitlines(), 1)
            if number not in exempt and HANGUL.search(re.sub(r'alt_ko="[^"]*"', "", line))]


# --- The built pages: per-section output, the reader's language in code --------------------------

CODE_BLOCK = re.compile(r'<div class="language-python highlight">.*?<code>(.*?)</code>', re.S)
OUTPUT_BOX = re.compile(r'<div class="snippet-output"[^>]*>.*?</div>(?=\s*(?:<|$))', re.S)


def _built_pages(site: Path, lang: str):
    for page in PROJECT.pages(lang):
        yield page.as_posix(), PROJECT.built_page(site, lang, page).read_text(encoding="utf-8")


def _code_blocks(page_html: str) -> list[str]:
    return [html.unescape(re.sub(r"<[^>]+>", "", block)) for block in CODE_BLOCK.findall(page_html)]


def test_code_on_korean_pages_has_korean_comments(site):
    wrong = [f"ko/{page}: {comment}" for page, text in _built_pages(site, "ko") for code in _code_blocks(text)
             for comment in _wrong_language(code, "ko")]
    assert not wrong, f"{len(wrong)} comments in code on Korean pages are not in Korean:\n" + "\n".join(wrong[:40])


def test_no_hangul_in_code_or_output_on_english_pages(site):
    wrong = []
    for page, text in _built_pages(site, "en"):
        # The Korean alt text of a figure is data the site needs, not prose for this reader.
        wrong += [f"en/{page}: {line}" for code in _code_blocks(text) for line in _wrong_language(code, "en")]
        for box in OUTPUT_BOX.findall(text):
            shown = re.sub("<[^>]+>", " ", box)  # what the reader reads (an abbreviation's title is the glossary's)
            if HANGUL.search(shown):
                wrong.append(f"en/{page}: output {shown[:80]}")
    assert not wrong, f"{len(wrong)} lines of code or output on English pages are in Korean:\n" + "\n".join(wrong[:40])


def test_no_page_shows_the_same_output_twice(site):
    repeated = []
    for lang in LANGUAGES:
        for page, text in _built_pages(site, lang):
            boxes = OUTPUT_BOX.findall(text)
            repeated += [f"{lang}/{page}" for box in set(boxes) if boxes.count(box) > 1]
    assert not repeated, f"pages that show one output block twice: {repeated}"


# --- Claims: sentences bound to asserts -----------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", FAQ_PAGES)
def test_every_sentence_of_a_short_answer_cites_a_claim(page, lang):
    text = (PROJECT.docs / lang / "faq" / page).read_text(encoding="utf-8")
    match = SHORT_ANSWER.search(text)
    assert match, f"docs/{lang}/faq/{page} has no short answer (!!! abstract)"
    bare = [s for s in claims.sentences(match[1]) if "{claim " not in s]
    assert not bare, f"docs/{lang}/faq/{page}: short-answer sentences without a {{claim ...}}: {bare}"


def _cited(text: str) -> list[str]:
    return sorted({c.strip() for m, _ in claims.find_markers(text) if m["claims"] for c in m["claims"].split(",")})


@pytest.mark.parametrize("page", sorted({p.as_posix() for lang in LANGUAGES for p in PROJECT.pages(lang)}))
def test_both_languages_cite_the_same_claims(page):
    cited = {lang: _cited((PROJECT.docs / lang / page).read_text(encoding="utf-8")) for lang in LANGUAGES}
    assert cited["ko"] == cited["en"], f"{page}: the twins cite different claims: {cited}"


def test_helpers_are_copied_in_for_any_form_of_import():
    from studysite import inline

    code = "x = 1\nfrom dlnotes import (\n    make_sales_data,  # a comment\n    show,\n)\ndf = make_sales_data()\n"
    copied = inline.inline_helpers(code, PROJECT.snippets / "dlnotes.py")
    compile(copied, "cell", "exec")
    assert "def make_sales_data(" in copied and "def show(" in copied and "from dlnotes" not in copied
    assert copied.index("x = 1") < copied.index("def make_sales_data(") < copied.index("df = make_sales_data()")
