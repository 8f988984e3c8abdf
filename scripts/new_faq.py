"""Scaffold a new FAQ entry: both language pages, a snippet that fails until it proves something,
and an entry in the navigation.

    python scripts/new_faq.py "Why does my loss become NaN?" \\
        --ko "손실이 NaN이 되는 이유는 뭔가요?" --lecture models-and-training --tags loss,training

The FAQ index lists the new entry by itself (it is generated from each entry's front
matter). Nothing is overwritten: if any file exists already, nothing is created.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from mkdocs_hooks import LECTURES, faq_entries  # noqa: E402

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
STOP_WORDS = {"a", "an", "the", "my", "i", "is", "are", "do", "does", "what", "how", "why", "to", "of", "and", "or"}

PAGE = {
    "ko": """---
tags:
{tags}
lecture: {lecture}
---

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
tags:
{tags}
lecture: {lecture}
---

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

import dlnotes  # noqa: F401  (first: quiet, reproducible TensorFlow)

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


def plan(question: str, ko: str, lecture: str, tags: list[str], slug: str | None, root: Path) -> dict[Path, str]:
    """Check everything first, then return every file to write (path -> text)."""
    question, ko = question.strip(), (ko or "").strip()
    if not question:
        raise ScaffoldError("the English question is empty")
    if not ko:
        raise ScaffoldError("the Korean question is missing: pass --ko \"...?\" (both languages move together)")
    for text, lang in ((question, "English"), (ko, "Korean")):
        if not text.endswith(("?", "？")):
            raise ScaffoldError(f"the {lang} question must end with a question mark: {text!r}")
    if lecture not in LECTURES:
        raise ScaffoldError(f"unknown lecture {lecture!r}; choose one of: {', '.join(LECTURES)}")
    tags = [t.strip() for t in tags if t.strip()]
    if not 1 <= len(tags) <= 4:
        raise ScaffoldError("give one to four tags, e.g. --tags loss,training")
    slug = slug or slugify(question)
    if not SLUG.match(slug):
        raise ScaffoldError(f"slug {slug!r}: use lowercase letters, digits and single hyphens (no / or ..)")
    for lang, text in (("en", question), ("ko", ko)):
        for entry in faq_entries(root / "docs" / lang):
            if entry["question"].strip().lower() == text.lower():
                raise ScaffoldError(f"this question exists already: docs/{lang}/faq/{entry['slug']}.md")
    module = slug.replace("-", "_")
    files = {
        root / "docs" / "ko" / "faq" / f"{slug}.md": PAGE["ko"],
        root / "docs" / "en" / "faq" / f"{slug}.md": PAGE["en"],
        root / "snippets" / "faq" / f"{module}.py": SNIPPET,
    }
    for path in files:
        if path.exists():
            raise ScaffoldError(f"{path.relative_to(root)} exists already: choose another --slug")
        if not path.resolve().is_relative_to(root.resolve()):
            raise ScaffoldError(f"{path} is outside the project")
    tag_lines = "\n".join(f"  - {tag}" for tag in tags)
    out = {}
    for path, template in files.items():
        text = question if "/en/" in path.as_posix() or path.suffix == ".py" else ko
        out[path] = template.format(tags=tag_lines, lecture=lecture, question=text, module=module)
    return out


def add_to_nav(mkdocs_yml: Path, slug: str) -> str:
    """The config with `faq/<slug>.md` after the last FAQ entry of the nav."""
    lines = mkdocs_yml.read_text(encoding="utf-8").splitlines(keepends=True)
    last = max((i for i, line in enumerate(lines) if re.match(r"\s+- faq/[\w-]+\.md\s*$", line)), default=None)
    if last is None:
        raise ScaffoldError("mkdocs.yml has no FAQ entries in its nav to add to")
    indent = re.match(r"\s*", lines[last])[0]
    lines.insert(last + 1, f"{indent}- faq/{slug}.md\n")
    return "".join(lines)


def scaffold(question: str, ko: str, lecture: str, tags: list[str], slug: str | None = None,
             root: Path = ROOT) -> list[Path]:
    files = plan(question, ko, lecture, tags, slug, root)
    slug = next(iter(files)).stem
    config = root / "mkdocs.yml"
    new_config = add_to_nav(config, slug)
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("question", help="the question in English, as a student would ask it")
    parser.add_argument("--ko", required=False, help="the same question in Korean")
    parser.add_argument("--lecture", required=True, choices=LECTURES, help="the lecture it belongs to")
    parser.add_argument("--tags", default="", help="comma-separated tags (English terms), e.g. loss,training")
    parser.add_argument("--slug", help="the file name (default: from the question)")
    args = parser.parse_args(argv)
    try:
        files = scaffold(args.question, args.ko, args.lecture, args.tags.split(","), args.slug)
    except ScaffoldError as error:
        print(f"new_faq: {error}", file=sys.stderr)
        return 2
    slug = files[0].stem
    print("Created:")
    for path in files:
        print(f"  {path.relative_to(ROOT)}")
    print(f"  (and added faq/{slug}.md to the nav in mkdocs.yml)\n")
    print("Next steps:")
    print(f"  1. Write the proof in snippets/faq/{slug.replace('-', '_')}.py: replace `assert False` with")
    print("     the assert that proves your short answer (run it: python snippets/faq/...py).")
    print(f"  2. Write the short answer and the explanation in docs/ko/faq/{slug}.md and docs/en/faq/{slug}.md.")
    print(f"  3. Test just this entry:  pytest -k \"{slug.replace('-', '_')} or {slug}\"")
    print("  4. Preview it:            mkdocs serve   (then open http://127.0.0.1:8000)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
