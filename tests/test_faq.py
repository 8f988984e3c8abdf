"""Checks on every FAQ entry, and on the scaffold that creates new ones."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from pymdownx.slugs import slugify

from dlnotes_site import faq
from dlnotes_site.strings import LANGUAGES as LANGS
from dlnotes_site.strings import TAGS_KO
from studysite import embed
from studysite.project import Project

PROJECT = Project.find(Path(__file__).parent)
ROOT, DOCS = PROJECT.root, PROJECT.docs
LECTURES = faq.lectures_in(faq.read_config(ROOT / "mkdocs.yml")["nav"])

SHORT_ANSWER = {"ko": "짧은 답변", "en": "Short answer"}
MAX_SHORT_ANSWER = {"ko": 300, "en": 450}  # characters; Korean packs more into each
MAX_SENTENCES = 6  # one idea per sentence
ENTRIES = sorted({(lang, e["slug"]) for lang in LANGS for e in faq.entries(DOCS / lang)})
LINK = re.compile(r"\]\(([^)\s]+?)\)")
SLUGIFY = slugify(case="lower")  # as configured for the toc extension in mkdocs.yml


def front_matter(text: str) -> dict:
    assert text.startswith("---\n"), "no front matter"
    return yaml.safe_load(text.split("---\n", 2)[1]) or {}


def short_answer(text: str, lang: str) -> str:
    match = re.search(rf'^!!! abstract "{SHORT_ANSWER[lang]}"\n\n((?:    .*\n?|\n)+)', text, re.M)
    # The reader's sentences: a {claim id} check mark is not a sentence of its own.
    return " ".join(re.sub(r"\{claim [^}]*\}", "", match[1]).split()) if match else ""


@pytest.mark.parametrize(("lang", "slug"), ENTRIES, ids=lambda v: str(v))
def test_entry_has_the_required_parts(lang, slug):
    where = f"docs/{lang}/faq/{slug}.md"
    text = (DOCS / lang / "faq" / f"{slug}.md").read_text(encoding="utf-8")
    meta = front_matter(text)
    assert isinstance(meta.get("tags"), list) and 1 <= len(meta["tags"]) <= 4, f"{where}: 1 to 4 tags"
    assert meta.get("lecture") in LECTURES, f"{where}: lecture must be one of {LECTURES}"
    title = re.search(r"^# (.+)$", text, re.M)
    assert title and title[1].rstrip().endswith(("?", "？")), f"{where}: the title is the question, ending with '?'"
    body = text.split(title[0], 1)[1].lstrip("\n")
    assert body.startswith(f'!!! abstract "{SHORT_ANSWER[lang]}"'), f"{where}: the short answer must come first"
    answer = short_answer(text, lang)
    sentences = [s for s in re.split(r"(?<=[.!?。])\s+", answer) if s]
    # Short: a few characters, in short sentences (Korean written first, one idea per sentence).
    assert answer and len(answer) <= MAX_SHORT_ANSWER[lang] and len(sentences) <= MAX_SENTENCES, (
        f"{where}: the short answer is one to {MAX_SENTENCES} sentences, at most {MAX_SHORT_ANSWER[lang]} characters "
        f"(it has {len(sentences)} sentences, {len(answer)} characters)")
    embeds = embed.find_embeds(text, where)
    assert embeds, f"{where}: embeds no snippet that proves the answer"
    proofs = [e.path for e in embeds
              if re.search(r"^\s*assert\b", (PROJECT.snippets / e.path).read_text(encoding="utf-8"), re.M)]
    assert proofs, f"{where}: none of its snippets ({[e.path for e in embeds]}) asserts anything"
    assert "TODO" not in text, f"{where}: still has a TODO from the scaffold"


@pytest.mark.parametrize("slug", sorted({slug for _, slug in ENTRIES}))
def test_both_languages_agree_on_tags_and_lecture(slug):
    """The same lecture; the same tags, each page in its language (dlnotes_site.strings.TAGS_KO pairs them)."""
    ko, en = (front_matter((DOCS / lang / "faq" / f"{slug}.md").read_text(encoding="utf-8")) for lang in LANGS)
    assert ko.get("lecture") == en.get("lecture"), f"faq/{slug}.md: the twins name different lectures"
    unnamed = [tag for tag in en.get("tags") or [] if tag not in TAGS_KO]
    assert not unnamed, (f"docs/en/faq/{slug}.md: tags {unnamed} have no Korean name in TAGS_KO "
                         "(scripts/dlnotes_site/strings.py)")
    assert ko.get("tags") == [TAGS_KO[tag] for tag in en["tags"]], (
        f"docs/ko/faq/{slug}.md: tags {ko.get('tags')} are not the Korean names of the English page's {en['tags']}")


def test_the_index_lists_the_questions_in_the_order_of_learning(tmp_path):
    """Grouped by lecture in the nav's order, and within a lecture in the nav's order, not by file name."""
    for lang, tags in (("ko", ["손실"]), ("en", ["loss"])):
        for slug in ("a-late-question", "z-early-question"):
            page = tmp_path / lang / "faq" / f"{slug}.md"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(f"---\ntags: {tags}\nlecture: models-and-training\n---\n\n# {slug}?\n", encoding="utf-8")
    index = faq.index_markdown(tmp_path / "ko", ["models-and-training"], ["z-early-question", "a-late-question"])
    assert index.index("z-early-question") < index.index("a-late-question")
    assert "`손실`" in index and "`loss`" not in index
    order = faq.entries_in(faq.read_config(ROOT / "mkdocs.yml")["nav"])
    assert sorted(order) == sorted({slug for _, slug in ENTRIES}), "every entry is in the nav once"


@pytest.mark.parametrize("slug", sorted({slug for _, slug in ENTRIES}))
def test_entry_is_in_the_navigation(slug):
    assert f"- faq/{slug}.md" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), f"faq/{slug}.md is not in the nav"


def anchors(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    ids = set(re.findall(r"\{#([\w-]+)\}", text))
    for heading in re.findall(r"^#{1,6} (.+?)\s*(?:\{#[\w-]+\})?\s*$", text, re.M):
        ids.add(SLUGIFY(heading, "-"))
    return ids


@pytest.mark.parametrize(("lang", "slug"), ENTRIES, ids=lambda v: str(v))
def test_links_resolve(lang, slug):
    page = DOCS / lang / "faq" / f"{slug}.md"
    for link in LINK.findall(page.read_text(encoding="utf-8")):
        if re.match(r"[a-z]+:", link):
            continue
        target, _, anchor = link.partition("#")
        path = (page.parent / target).resolve() if target else page
        assert path.is_file(), f"docs/{lang}/faq/{slug}.md links to {link}, which does not exist"
        if anchor:
            assert anchor in anchors(path), f"docs/{lang}/faq/{slug}.md links to {link}: no such anchor"


# --- The scaffold --------------------------------------------------------------------------------


@pytest.fixture
def project(tmp_path):
    for part in ("docs", "mkdocs.yml"):
        source = ROOT / part
        shutil.copytree(source, tmp_path / part) if source.is_dir() else shutil.copy(source, tmp_path / part)
    (tmp_path / "snippets" / "faq").mkdir(parents=True)
    return Project.from_mkdocs_yml(tmp_path / "mkdocs.yml")


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_scaffold_creates_a_complete_entry_that_fails_until_written(project):
    files = faq.scaffold("Why does my loss become NaN?", "손실이 NaN이 되는 이유는 뭔가요?",
                         "models-and-training", ["loss", "learning rate"], project=project)
    slug = "loss-become-nan"
    assert {f.relative_to(project.root).as_posix() for f in files} == {
        f"docs/ko/faq/{slug}.md", f"docs/en/faq/{slug}.md", "snippets/faq/loss_become_nan.py"}
    assert f"- faq/{slug}.md" in (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    ko, en = (embed.find_embeds((project.docs / lang / f"faq/{slug}.md").read_text()) for lang in LANGS)
    assert [e.path for e in ko] == [e.path for e in en] == ["faq/loss_become_nan.py"]
    meta = front_matter((project.docs / "en" / f"faq/{slug}.md").read_text())
    assert meta == {"tags": ["loss", "learning rate"], "lecture": "models-and-training"}, "valid YAML"
    meta = front_matter((project.docs / "ko" / f"faq/{slug}.md").read_text())
    assert meta == {"tags": ["손실", "학습률"], "lecture": "models-and-training"}, "Korean tags on the Korean page"
    snippet = (project.snippets / "faq/loss_become_nan.py").read_text()
    with pytest.raises(AssertionError):  # the placeholder fails until the real check is written
        exec(compile(snippet, "loss_become_nan.py", "exec"), {"__name__": "__main__"})
    assert [e["slug"] for e in faq.entries(project.docs / "ko") if e["slug"] == slug]


def test_scaffold_quotes_cannot_break_the_snippet(project):
    quotes = '"' * 3
    faq.scaffold(f"Why does {quotes} break things?", f"따옴표 {quotes} 질문?", "models-and-training", ["loss"],
                 slug="quotes", project=project)
    compile((project.snippets / "faq/quotes.py").read_text(), "quotes.py", "exec")  # no SyntaxError


@pytest.mark.parametrize(("args", "message"), [
    (("", "질문?", "models-and-training", ["loss"], None), "empty"),
    (("Why?", "", "models-and-training", ["loss"], None), "Korean question is missing"),
    (("Why is my MAPE absurdly large?", "새 질문?", "regression-errors", ["MAPE"], "other-slug"), "exists already"),
    (("A new question?", "새 질문?", "regression-errors", ["MAPE"], "why-mape-is-huge"), "exists already"),
    (("A new question?", "새 질문?", "regression-errors", ["MAPE"], "../../escape"), "slug"),
    (("A new question?", "새 질문?", "regression-errors", ["MAPE"], "Bad Slug"), "slug"),
    (("A new question?", "새 질문?", "regression-errors", ["MAPE"], "nan-loss\n"), "slug"),
    (("A new question?", "새 질문?", "regression-errors", ["MAPE"], "a" * 300), "at most 60"),
    (("Why \n# Injected heading?", "새 질문?", "regression-errors", ["MAPE"], "x"), "line break"),
    (("A new question?", "새\n질문?", "regression-errors", ["MAPE"], "x"), "line break"),
    (("A new question?", "새 질문?", "regression-errors", ["a: b,[x"], "x"), "tag"),
    (("A new question?", "새 질문?", "regression-errors", ["no such tag"], "x"), "no Korean name"),
    (("Why is my  MAPE absurdly large?", "새 질문?", "regression-errors", ["MAPE"], "x"), "exists already"),
    (("Why is my MAPE\u200b absurdly large?", "새 질문?", "regression-errors", ["MAPE"], "x"), "exists already"),
    (("Why is my MAPE absurdly large？", "새 질문?", "regression-errors", ["MAPE"], "x"), "exists already"),
    (("A new question?", "새 질문?", "regression-errors", ["a", "b", "c", "d", "e"], "x"), "one to four"),
    (("A new question?", "새 질문?", "no-such-lecture", ["MAPE"], None), "unknown lecture"),
    (("No question mark", "새 질문?", "regression-errors", ["MAPE"], None), "question mark"),
    (("What is keras?", "케라스란?", "regression-errors", ["MAPE"], None), "shadows an importable module"),
    (("A new question?", "새 질문?", "regression-errors", ["MAPE"], "json"), "shadows an importable module"),
    (("A new question?", "새 질문?", "regression-errors", ["MAPE"], "dlnotes"), "shadows an importable module"),
    (("A new question?", "새 질문?", "regression-errors", ["MAPE"], "class"), "shadows an importable module"),
    (("Why is my MAPE\u00ad absurdly large?", "새 질문?", "regression-errors", ["MAPE"], "x"), "exists already"),
    (("Why is my MAPE\u200e absurdly large?", "새 질문?", "regression-errors", ["MAPE"], "x"), "exists already"),
    (("Is {claim adam-first-step-is-lr} true?", "새 질문?", "regression-errors", ["MAPE"], "x"), "marker"),
])
def test_scaffold_refuses_bad_input_and_changes_nothing(project, args, message):
    before = snapshot(project.root)
    with pytest.raises(faq.ScaffoldError, match=message):
        faq.scaffold(*args, project=project)
    assert snapshot(project.root) == before


def test_scaffold_leaves_nothing_half_created(project):
    (project.snippets / "faq/brand_new_question.py").write_text("# someone else's file\n")
    before = snapshot(project.root)
    with pytest.raises(faq.ScaffoldError, match="exists already"):
        faq.scaffold("Brand new question?", "새 질문?", "regression-errors", ["MAPE"], project=project)
    assert snapshot(project.root) == before


def test_scaffold_command_prints_one_line_and_creates_nothing(project, monkeypatch, capsys):
    from dlnotes_site import cli

    monkeypatch.chdir(project.root)
    before = snapshot(project.root)
    assert cli.main(["new-faq", "A new question?", "--ko", "새 질문?", "--lecture", "regression-errors",
                     "--tags", "MAPE", "--slug", "x" * 300]) == 2
    error = capsys.readouterr().err.strip()
    assert error.startswith("dlnotes new-faq: slug") and "\n" not in error and "Traceback" not in error
    assert snapshot(project.root) == before
