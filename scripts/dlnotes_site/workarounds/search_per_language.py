"""One search index per language, so a reader gets results in the page's language.

mkdocs-static-i18n stacks every language into one index at the site's root (upstream:
ultrabug/mkdocs-static-i18n, search of a multi-language site). Split it after the build, and
point each non-default language's pages at their own index: Material's search worker looks
for it under the page's "base", which must be that language's root.
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

from mkdocs.plugins import event_priority

from dlnotes_site.strings import LANGUAGES, page_language


def on_post_page(output, page, config, **kwargs):
    lang = page_language(page)
    if lang == LANGUAGES[0]:
        return output
    return re.sub(r'("base":\s*")([^"]*)"', lambda m: f'{m[1]}{posixpath.join(m[2], lang)}/"', output, count=1)


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built the other languages
def on_post_build(config, **kwargs):
    site = Path(config.site_dir)
    index = site / "search" / "search_index.json"
    others = [lang for lang in LANGUAGES[1:] if (site / lang).is_dir()]
    if config.plugins.get("i18n") is None or not index.is_file() or not others:
        return  # not the outer build of a multi-language site (the other languages' builds end first)
    data = json.loads(index.read_text(encoding="utf-8"))
    docs = data["docs"]
    for lang in others:
        mine = [dict(doc, location=doc["location"][len(lang) + 1:]) for doc in docs
                if doc["location"].startswith(f"{lang}/")]
        (site / lang / "search").mkdir(exist_ok=True)
        (site / lang / "search" / "search_index.json").write_text(
            json.dumps(dict(data, docs=mine), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    data["docs"] = [doc for doc in docs if not any(doc["location"].startswith(f"{lang}/") for lang in others)]
    index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
