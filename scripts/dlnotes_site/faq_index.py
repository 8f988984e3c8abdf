"""MkDocs hook: the FAQ index page, generated from the entries' front matter in the nav's order."""

from __future__ import annotations

from pathlib import Path

from dlnotes_site import faq
from dlnotes_site.strings import page_language

_order: dict[str, list[str]] = {}


def on_config(config):
    _order["lectures"] = faq.lectures_in(config.nav)
    _order["entries"] = faq.entries_in(config.nav)
    return config


def on_page_markdown(markdown, *, page, config, files):
    if faq.INDEX_MARKER not in markdown:
        return markdown
    lang_dir = Path(config.docs_dir) / page_language(page)
    return markdown.replace(faq.INDEX_MARKER, faq.index_markdown(lang_dir, _order["lectures"], _order["entries"]))
