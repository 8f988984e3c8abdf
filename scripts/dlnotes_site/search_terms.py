"""Search finds what students type: the course's words for each concept, and math as text.

MkDocs hook (mkdocs.yml `hooks:`), after the search index is split per language (search_per_language).
- `search_terms.yml` names, per concept, the section that teaches it first and the words students type
  for it (other spellings and spacings, the English term on a Korean page). They go into that section's
  entry as a field of its own, `keywords`, which Material's search weighs above titles and tags (its `fields`
  option: KEYWORD_BOOST) and never shows; the pages keep one term per concept.
- Math in titles and excerpts (`\\(|y_i - \\hat{y}_i|\\)`, a notebook's `$…$`) becomes the text a reader
  reads (`|yᵢ − ŷᵢ|`), and a notebook heading's permalink sign (¶) leaves its title.
A `section` that no longer exists fails the build, naming it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import unicodeit
import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from dlnotes_site.strings import LANGUAGES

TERMS = Path(__file__).with_name("search_terms.yml")
KEYWORD_BOOST = 1e7  # Material weighs a title 1e3 and a tag 1e6: a student's word beats an FAQ's tag


def load_terms(path: Path = TERMS) -> list[dict]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or "#" not in str(entry.get("section", "")) or \
                not all(isinstance(entry.get(lang, []), list) for lang in LANGUAGES):
            raise PluginError(f"{path.name}: entry {number}: write `section: page.md#anchor` and a list per language")
    return entries


def location(section: str) -> str:
    """`lectures/x.md#anchor` as the search index writes it: `lectures/x/#anchor`."""
    page, _, anchor = section.partition("#")
    page = page.removesuffix(".md")
    page = "" if page == "index" else page.removesuffix("/index") + "/"
    return f"{page}#{anchor}"


_FRAC = re.compile(r"\\[dt]?frac\s*(\{(?:[^{}]|\{[^{}]*\})*\})\s*(\{(?:[^{}]|\{[^{}]*\})*\})")
# Inline $…$ may be followed by a Korean particle ($x$의): only a Latin letter or a digit beside it rules it out.
_MATH = re.compile(r"\\\((.+?)\\\)|\\\[(.+?)\\\]|\$\$(.+?)\$\$"
                   r"|(?<![\\$0-9A-Za-z])\$(?!\s)([^$\n]+?)(?<!\s)\$(?![0-9A-Za-z$])", re.S)
# Commands unicodeit leaves (or misreads: it turns "\l" of "\lvert" into "ł"), as a reader writes them.
_COMMANDS = {"lvert": "|", "rvert": "|", "vert": "|", "mid": "|", "lVert": "‖", "rVert": "‖", "max": "max",
             "min": "min", "log": "log", "exp": "exp", "qquad": "  ", "quad": " ", "dots": "…", "ldots": "…",
             "cdots": "⋯", "quad ": " "}


def _group(braced: str) -> str:
    inner = braced[1:-1].strip()
    return inner if re.fullmatch(r"[\w.\\]+", inner) else f"({inner})"


def math_text(tex: str) -> str:
    """TeX as readable text: fractions as a/b, then unicodeit's symbols, sub- and superscripts."""
    for _ in range(5):
        tex, count = _FRAC.subn(lambda m: f"{_group(m[1])}/{_group(m[2])}", tex)
        if not count:
            break
    tex = re.sub(r"\\(?:left|right|big|Big|bigg|Bigg)(?![a-zA-Z])", "", tex)
    tex = re.sub(r"\\(?:begin|end)\s*\{[a-z*]+\}", " ", tex)
    tex = re.sub(r"\\([a-zA-Z]+)(?![a-zA-Z])", lambda m: _COMMANDS.get(m[1], m[0]), tex)
    tex = re.sub(r"\\(?:text|mathrm|mathbf|operatorname|textrm|mathit)\s*\{([^{}]*)\}", r"\1", tex)
    text = unicodeit.replace(tex)
    text = re.sub(r"\\[,;:! ]", " ", text)
    text = re.sub(r"\\([a-zA-Z]+)", r"\1", text)  # a command nothing above knows: its name, without the backslash
    text = re.sub(r"(?<!\\)[{}]", "", text)
    return re.sub(r"\s+", " ", text).strip()


def readable(text: str) -> str:
    return _MATH.sub(lambda m: math_text(next(g for g in m.groups() if g is not None)), text)


def rewrite(index: Path, lang: str, entries: list[dict]) -> None:
    data = json.loads(index.read_text(encoding="utf-8"))
    data["config"].setdefault("fields", {})["keywords"] = {"boost": KEYWORD_BOOST}
    docs = {doc["location"]: doc for doc in reversed(data["docs"])}  # the first entry of a location
    for doc in data["docs"]:
        doc["title"] = readable(doc["title"]).replace("¶", "").strip()
        doc["text"] = readable(doc["text"])
    pages = {where.partition("#")[0] for where in docs}
    for entry in entries:
        words = entry.get(lang) or []
        if location(entry["section"]).partition("#")[0] not in pages:
            continue  # a build of part of the site (a test's): the page is not in it
        doc = docs.get(location(entry["section"]))
        if doc is None:
            raise PluginError(f"{TERMS.name}: no section {entry['section']} in the {lang} search index "
                              f"(a heading or its {{#anchor}} changed?)")
        doc["keywords"] = " ".join([doc.get("keywords", ""), *words]).strip()
    index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


@event_priority(-300)  # after search_per_language (-200) has split the index per language
def on_post_build(config, **kwargs):
    site = Path(config.site_dir)
    root = site / "search" / "search_index.json"
    i18n = config.plugins.get("i18n")
    others = [lang for lang in LANGUAGES[1:] if (site / lang / "search" / "search_index.json").is_file()]
    if i18n is None or getattr(i18n, "building", False) or not root.is_file() or not others:
        return  # not the end of the outer build: mkdocs-static-i18n builds each other language inside it
    entries = load_terms()
    rewrite(root, LANGUAGES[0], entries)
    for lang in others:
        rewrite(site / lang / "search" / "search_index.json", lang, entries)
