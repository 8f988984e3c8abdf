"""The site builds with --strict, in both languages, with nothing fetched from another host."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import nbformat
import pytest

from studysite.project import Project

PROJECT = Project.find(Path(__file__).parent)
LANGS = PROJECT.languages  # ("ko", "en"): the default language is built at the site's root
ROOT, DOCS, pages, html_of = PROJECT.root, PROJECT.docs, PROJECT.pages, PROJECT.built_page

EXTERNAL = re.compile(r"""<(?:script|img|iframe|source|link)\b[^>]*?\b(?:src|href)=["']((?:https?:)?//[^"']+)""", re.I)


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_is_built_in_its_language(site, lang):
    for page in pages(lang):
        html = html_of(site, lang, page)
        assert html.is_file(), f"docs/{lang}/{page} was not built to {html.relative_to(site)}"
        assert f'<html lang="{lang}"' in html.read_text(encoding="utf-8"), f"{html} is not marked lang={lang}"


def test_language_switcher_stays_on_the_same_page(site):
    for page in pages("ko"):
        ko, en = html_of(site, "ko", page), html_of(site, "en", page)
        for source, target, lang in ((ko, en, "en"), (en, ko, "ko")):
            match = re.search(rf'<a href="([^"]*)" hreflang="{lang}"', source.read_text(encoding="utf-8"))
            assert match, f"{source.relative_to(site)} has no link to its {lang} twin"
            landed = (source.parent / match[1]).resolve()
            landed = landed / "index.html" if landed.is_dir() else landed
            assert landed == target.resolve(), f"{source.relative_to(site)}: the {lang} switch goes to {landed}"


def test_nothing_is_loaded_from_another_host(site):
    for html in sorted(site.rglob("*.html")):
        found = EXTERNAL.findall(html.read_text(encoding="utf-8"))
        assert not found, f"{html.relative_to(site)} loads {found[:3]} from another host"


def test_a_built_site_never_says_an_example_is_still_running(site):
    # Only a fresh clone's first `mkdocs serve` shows what has not run yet (studysite/first_runs.py).
    for html in sorted(site.rglob("*.html")):
        text = html.read_text(encoding="utf-8")
        assert "still-running" not in text and "claim-pending" not in text, f"{html.relative_to(site)}"


def test_the_engines_stylesheet_is_served_first_on_every_page(site):
    """The engine's CSS (outputs, figures, claims, downloads) ships in its package; the site's own comes after
    it, so that the site can override it."""
    assert (site / "assets/studysite/studysite.css").is_file(), "the engine's stylesheet is not in the site"
    for lang in LANGS:
        for page in pages(lang):
            built = html_of(site, lang, page)
            sheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', built.read_text(encoding="utf-8"))
            ours = [i for i, href in enumerate(sheets) if href.endswith("assets/studysite/studysite.css")]
            extra = [i for i, href in enumerate(sheets) if href.endswith("assets/stylesheets/extra.css")]
            assert ours and extra and ours[0] < extra[0], f"{built.relative_to(site)} links {sheets}"
            assert (built.parent / sheets[ours[0]]).resolve().is_file(), f"{built.relative_to(site)}: {sheets[ours[0]]}"


def test_math_and_fonts_are_served_by_the_site(site):
    for asset in ("katex.min.js", "katex.min.css", "contrib/auto-render.min.js", "fonts/KaTeX_Main-Regular.woff2"):
        assert (site / "assets/vendor/katex" / asset).is_file(), asset


def test_snippet_output_and_figures_are_on_the_page(site):
    html = html_of(site, "en", Path("lectures/models-and-training.md")).read_text(encoding="utf-8")
    assert 'class="snippet-output"' in html and "w = " in html
    figures = re.findall(r'<img (?:class="[^"]*" )?src="([^"#]+\.svg)#only-(light|dark)" alt="([^"]+)"', html)
    assert figures, "the lecture shows no figure"
    light = [(src, alt) for src, variant, alt in figures if variant == "light"]
    dark = [(src, alt) for src, variant, alt in figures if variant == "dark"]
    assert [(src.replace(".svg", ".dark.svg"), alt) for src, alt in light] == dark, \
        "each figure needs its dark variant, with the same alt text, right after the light one"
    # on a narrow screen, each palette's picture offers the phone layout of the same figure
    phone = re.findall(r'<source media="[^"]*max-width[^"]*" srcset="([^"]+\.svg)">', html)
    assert [src.replace(".svg", ".phone.svg") for src, _ in light] == [p for p in phone if ".dark." not in p], \
        "each light figure needs its phone layout"
    for src, _, alt in figures + [(p, "", "-") for p in phone]:
        page_dir = html_of(site, "en", Path("lectures/models-and-training.md")).parent
        assert (page_dir / src).resolve().is_file(), f"figure {src} is missing from the site"
        assert not re.search("[\uac00-\ud7a3]", alt), "an English page shows Korean alt text"


@pytest.mark.kept
def test_notebook_pages_render_in_both_languages(tmp_path, build_site):
    """mkdocs-static-i18n turns mkdocs-jupyter pages into raw text unless the hook re-wraps them."""
    # A site of a home page and the notebook, in both languages, with the site's assets and
    # config: the whole site would take 25 s to build, this one 10 s.
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs, ignore=lambda folder, names: names if Path(folder).name in LANGS else [])
    for lang in LANGS:
        (docs / lang / "index.md").write_text(f"# Home {lang}\n", encoding="utf-8")
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_markdown_cell(f"# Notebook {lang}"),
                    nbformat.v4.new_code_cell("print(6 * 7)", execution_count=1, outputs=[
                        nbformat.v4.new_output("stream", name="stdout", text="42\n")])]
        (docs / lang / "labs").mkdir(exist_ok=True)
        nbformat.write(nb, docs / lang / "labs" / "probe.ipynb")
    # Its own notebook cache: sharing the site's, this build would evict the site's pages (mkdocs-jupyter deletes
    # what a build did not use), and the site's builds would change what this test read.
    build = build_site(tmp_path / "site", {"STUDYSITE_RUN": "false"},
                       {"mkdocs-jupyter": {"cache_dir": str(tmp_path / "notebook-cache")}}, docs_dir=str(docs),
                       nav=["index.md", "labs/probe.ipynb"])
    assert build.returncode == 0, build.stderr[-4000:]
    for lang, prefix in (("ko", ""), ("en", "en/")):
        html = (tmp_path / "site" / f"{prefix}labs/probe/index.html").read_text(encoding="utf-8")
        assert "jp-Cell" in html and f"Notebook {lang}" in html, f"the {lang} notebook did not render"
        assert '"cell_type"' not in html, f"the {lang} notebook page is raw JSON"


@pytest.mark.parametrize("lang", LANGS)
def test_lab_pages_render_as_notebooks_with_a_download(site, lang):
    for lab in sorted(PROJECT.labs.glob("*.py")):
        page = html_of(site, lang, Path("labs") / f"{lab.stem}.md")
        html = page.read_text(encoding="utf-8")
        where = f"labs/{lab.name} ({lang}) -> {page.relative_to(site)}"
        assert "jp-Cell" in html and '"cell_type"' not in html, f"{where} is not rendered as a notebook"
        assert page.stat().st_size < 1.5 * 1024 * 1024, f"{where} is {page.stat().st_size} bytes (limit 1.5 MB)"
        download = re.search(r'<a class="md-button[^"]*" href="([^"]+\.ipynb)" download(?:="")?>', html)
        assert download and (page.parent / download[1]).is_file(), f"{where} has no working download button"


ANCHOR_OR_LINK = re.compile(r'<a\b[^>]*?\bhref="([^"]*)"', re.I)


def test_every_internal_link_and_anchor_resolves(site):
    ids: dict[Path, set[str]] = {}

    def ids_of(path: Path) -> set[str]:
        if path not in ids:
            ids[path] = set(re.findall(r'\bid="([^"]+)"', path.read_text(encoding="utf-8")))
        return ids[path]

    broken = []
    # 404.html is served at whatever path was not found, so its links are absolute by design.
    for html in sorted(p for p in site.rglob("*.html") if p.name != "404.html"):
        for href in ANCHOR_OR_LINK.findall(html.read_text(encoding="utf-8")):
            if re.match(r"[a-z]+:|//", href) or href.startswith("#__"):
                continue  # another site (a link, never loaded), or Material's own code-line anchors
            target, _, anchor = href.partition("#")
            path = (html.parent / target).resolve() if target else html
            if path.is_dir():
                path = path / "index.html"
            if not path.is_file():
                broken.append(f"{html.relative_to(site)}: {href} (no such page)")
            elif anchor and path.suffix == ".html" and anchor not in ids_of(path):
                broken.append(f"{html.relative_to(site)}: {href} (no such anchor)")
    assert not broken, "\n".join(broken[:30])
