"""The FAQ: its entries (from each page's front matter), its generated index, and the scaffold
that creates a new entry (both language pages, a snippet that fails until it proves
something, and a line in the nav).
"""

from __future__ import annotations

import importlib.util
import keyword
import re
import sys
import unicodedata
from pathlib import Path

import yaml

from studysite.project import Project

from . import strings

INDEX_MARKER = "<!-- faq-index -->"
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_SLUG = 60
MAX_QUESTION = 200
TAG = re.compile(r"[A-Za-z0-9가-힣][A-Za-z0-9가-힣 +._-]{0,29}")
STOP_WORDS = {"a", "an", "the", "my", "i", "is", "are", "do", "does", "what", "how", "why", "to", "of", "and", "or"}
# Marks that change no letter a reader sees: zero-width spaces and joiners, the soft hyphen, direction marks.
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u061c"))


class _NavLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without MkDocs: its python/ and !ENV tags become None."""


_NavLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_NavLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_config(config_file: Path) -> dict:
    return yaml.load(config_file.read_text(encoding="utf-8"), Loader=_NavLoader) or {}


def _nav_files(nav) -> list[str]:
    found = []
    for item in nav or []:
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                found += _nav_files(value) if isinstance(value, list) else [value] if isinstance(value, str) else []
    return found


def lectures_in(nav) -> list[str]:
    """The lectures in the order of the nav (``lectures/<name>.md`` -> ``name``): the order of learning."""
    return [Path(f).stem for f in _nav_files(nav) if re.fullmatch(r"lectures/[\w-]+\.md", f)]


def entries_in(nav) -> list[str]:
    """The FAQ entries in the order of the nav (``faq/<slug>.md`` -> ``slug``): within a lecture, the
    order a student meets the questions."""
    return [Path(f).stem for f in _nav_files(nav) if re.fullmatch(r"faq/[\w-]+\.md", f) and f != "faq/index.md"]


def title_of(path: Path) -> str:
    match = re.search(r"^# (.+)$", path.read_text(encoding="utf-8"), re.M)
    return match[1].strip() if match else path.stem


def front_matter(text: str) -> dict:
    if not text.startswith("---\n"):
        return {}
    return yaml.safe_load(text.split("---\n", 2)[1]) or {}


def entries(lang_dir: Path) -> list[dict]:
    """The FAQ entries of one language folder: slug, question, tags, lecture."""
    found = []
    for path in sorted((lang_dir / "faq").glob("*.md")):
        if path.name == "index.md":
            continue
        meta = front_matter(path.read_text(encoding="utf-8"))
        found.append({"slug": path.stem, "question": title_of(path), "tags": meta.get("tags") or [],
                      "lecture": meta.get("lecture"), "path": path})
    return found


def index_markdown(lang_dir: Path, lectures: list[str], order: list[str] = ()) -> str:
    """The FAQ index of one language: entries grouped by lecture, lectures and entries in the nav's
    order (the order of learning); tags as the page writes them, in its language."""
    place = {slug: number for number, slug in enumerate(order)}
    found = sorted(entries(lang_dir), key=lambda e: (place.get(e["slug"], len(place)), e["slug"]))
    lines = []
    for lecture in lectures + sorted({e["lecture"] for e in found} - set(lectures), key=str):
        group = [e for e in found if e["lecture"] == lecture]
        if not group:
            continue
        page = lang_dir / "lectures" / f"{lecture}.md"
        title = title_of(page) if page.is_file() else str(lecture)
        lines += [f"## [{title}](../lectures/{lecture}.md)" if page.is_file() else f"## {title}", ""]
        for entry in group:
            tags = " ".join(f"`{tag}`" for tag in entry["tags"])
            lines.append(f"- [{entry['question']}]({entry['slug']}.md) {tags}".rstrip())
        lines.append("")
    return "\n".join(lines)


# --- The scaffold ------------------------------------------------------------------------------------

PAGE = {
    "ko": """---
{front_matter}---

# {question}

!!! abstract "짧은 답변"

    TODO: 한두 문장으로 먼저 답하세요. 아래 스니펫의 assert가 이 답을 증명해야 합니다.

## 왜 그런가요?

TODO: 이유를 설명하세요. 수식은 $...$ 또는 $$...$$로 씁니다.

!snippet faq/{module}.py:proof

TODO: 실행 결과가 무엇을 보여 주는지 설명하세요.

## 관련 내용

- [관련 강의](../lectures/{lecture}.md)
""",
    "en": """---
{front_matter}---

# {question}

!!! abstract "Short answer"

    TODO: answer first, in one to three sentences. The snippet's asserts must prove it.

## Why

TODO: explain why. Write formulas as $...$ or $$...$$.

!snippet faq/{module}.py:proof

TODO: say what the output shows.

## Related

- [The lecture](../lectures/{lecture}.md)
""",
}

SNIPPET = '''"""TODO: one line — the claim that the short answer of "{question}" makes."""

import dlnotes  # noqa: F401  # ko: 사이트 도우미 모듈: TensorFlow 로그를 끄고 어느 컴퓨터에서나 같은 결과 \
# en: the site's helper module: no TensorFlow log lines, the same results on every machine

import numpy as np

# --8<-- [start:proof]
values = np.array([1.0, 2.0, 3.0])  # TODO: the example the reader sees
print("mean:", values.mean())
# --8<-- [end:proof]

# TODO: replace this line with the assert that proves the short answer.
assert False, "snippets/faq/{module}.py: write the assert that proves the answer"
'''


class ScaffoldError(Exception):
    pass


def slugify(question: str) -> str:
    words = re.findall(r"[a-z0-9]+", question.lower().replace("'", ""))
    kept = [w for w in words if w not in STOP_WORDS] or words
    return "-".join(kept[:6])


def same_question(text: str) -> str:
    """What two spellings of one question share: width, case, spaces and invisible marks aside."""
    text = unicodedata.normalize("NFKC", text).translate(INVISIBLE).casefold()
    return " ".join(text.rstrip("?？ ").split())


def _check_question(text: str, lang: str) -> str:
    if not text.strip():
        raise ScaffoldError(f"the {lang} question is empty" if lang == "English" else
                            "the Korean question is missing: pass --ko \"...?\" (both languages move together)")
    if any(unicodedata.category(c) in ("Cc", "Zl", "Zp") for c in text):
        raise ScaffoldError(f"the {lang} question has a line break or a control character: write it on one line")
    text = " ".join(unicodedata.normalize("NFC", text).translate(INVISIBLE).split())
    if len(text) > MAX_QUESTION:
        raise ScaffoldError(f"the {lang} question is {len(text)} characters long (at most {MAX_QUESTION})")
    if not text.endswith(("?", "？")):
        raise ScaffoldError(f"the {lang} question must end with a question mark: {text!r}")
    if text.startswith(("#", "!", "-", ">", "=")) or any(c in text for c in "<`{}"):
        raise ScaffoldError(f"the {lang} question may not start with Markdown syntax or hold '<', '`', '{{' or "
                            f"'}}' (a claim or value marker belongs in the answer): {text!r}")
    return text


def plan(question: str, ko: str | None, lecture: str, tags: list[str], slug: str | None,
         project: Project) -> dict[Path, str]:
    """Check everything first, then return every file to write (path -> text)."""
    question = _check_question(question or "", "English")
    ko = _check_question(ko or "", "Korean")
    lectures = lectures_in(read_config(project.root / "mkdocs.yml").get("nav"))
    if lecture not in lectures:
        raise ScaffoldError(f"unknown lecture {lecture!r}; choose one of: {', '.join(lectures)}")
    tags = [t.strip() for t in tags if t.strip()]
    if not 1 <= len(tags) <= 4:
        raise ScaffoldError("give one to four tags, e.g. --tags loss,training")
    for tag in tags:
        if not TAG.fullmatch(tag):
            raise ScaffoldError(f"tag {tag!r}: letters, digits, spaces and '+._-', at most 30 characters")
        if tag not in strings.TAGS_KO:
            raise ScaffoldError(f"tag {tag!r} has no Korean name yet: add it to TAGS_KO in "
                                "scripts/dlnotes_site/strings.py")
    slug = slugify(question) if slug is None else slug
    if len(slug) > MAX_SLUG:
        raise ScaffoldError(f"slug {slug[:20]!r}... is {len(slug)} characters long (at most {MAX_SLUG}): pass --slug")
    if not SLUG.fullmatch(slug):
        raise ScaffoldError(f"slug {slug!r}: use lowercase letters, digits and single hyphens (no / or ..)")
    for lang, text in (("en", question), ("ko", ko)):
        for entry in entries(project.docs / lang):
            if same_question(entry["question"]) == same_question(text):
                raise ScaffoldError(f"this question exists already: docs/{lang}/faq/{entry['slug']}.md")
    module = slug.replace("-", "_")
    if not module.isidentifier() or keyword.iskeyword(module) or module in sys.stdlib_module_names or \
            module in project.settings.helpers or importlib.util.find_spec(module) is not None:
        raise ScaffoldError(f"slug {slug!r} would make a snippet module {module!r} that shadows an importable module "
                            "(every snippet that imports it would get the FAQ's file): pass another --slug")
    files = {
        project.docs / "ko" / "faq" / f"{slug}.md": PAGE["ko"],
        project.docs / "en" / "faq" / f"{slug}.md": PAGE["en"],
        project.snippets / "faq" / f"{module}.py": SNIPPET,
    }
    for path in files:
        if path.exists():
            raise ScaffoldError(f"{path.relative_to(project.root)} exists already: choose another --slug")
    out = {}
    for path, template in files.items():
        in_korean = "/ko/" in path.as_posix()
        text = ko if in_korean else question
        meta = yaml.safe_dump({"tags": [strings.TAGS_KO[t] for t in tags] if in_korean else tags,
                               "lecture": lecture}, allow_unicode=True, sort_keys=False)
        if path.suffix == ".py":
            text = question.replace("\\", "\\\\").replace('"', '\\"')  # quotes cannot end the docstring
        out[path] = template.format(front_matter=meta, lecture=lecture, question=text, module=module)
    return out


def add_to_nav(config_text: str, slug: str) -> str:
    """The config with ``faq/<slug>.md`` after the last FAQ entry of the nav."""
    lines = config_text.splitlines(keepends=True)
    last = max((i for i, line in enumerate(lines) if re.fullmatch(r"\s+- faq/[\w-]+\.md\s*", line)), default=None)
    if last is None:
        raise ScaffoldError("mkdocs.yml has no FAQ entries in its nav to add to")
    indent = re.match(r"\s*", lines[last])[0]
    lines.insert(last + 1, f"{indent}- faq/{slug}.md\n")
    return "".join(lines)


def scaffold(question: str, ko: str | None, lecture: str, tags: list[str], slug: str | None = None,
             project: Project | None = None) -> list[Path]:
    project = project or Project.find()
    files = plan(question, ko, lecture, tags, slug, project)
    slug = next(iter(files)).stem
    config = project.root / "mkdocs.yml"
    new_config = add_to_nav(config.read_text(encoding="utf-8"), slug)
    created: list[Path] = []
    try:
        for path, text in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "x", encoding="utf-8") as handle:  # "x": never overwrite
                handle.write(text)
            created.append(path)
        config.write_text(new_config, encoding="utf-8")
    except BaseException:
        for path in created:  # no half-created entry
            path.unlink(missing_ok=True)
        raise
    return list(files)
