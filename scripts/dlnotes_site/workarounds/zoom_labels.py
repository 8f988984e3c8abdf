"""GLightbox 3 (bundled by mkdocs-glightbox 0.5.3) opens a figure larger in a ``role="dialog"``
with no accessible name (axe: "aria-dialog-name") and buttons named "Close", "Previous", "Next"
in English on every page; it has no option for either.

This hook gives every page the names in its own language, from ``strings.py``, as a
``data-zoom-labels`` attribute on ``<body>``; ``docs/assets/javascripts/zoom.js`` puts them on
the dialog and its buttons when a figure opens, and moves the focus back when it closes.
"""

from __future__ import annotations

import html
import json

from dlnotes_site.strings import page_language, text

KEYS = {"dialog": "zoom_dialog", "close": "zoom_close", "prev": "zoom_previous", "next": "zoom_next"}


def on_post_page(output, page, config, **kwargs):
    lang = page_language(page)
    labels = html.escape(json.dumps({name: text(lang, key) for name, key in KEYS.items()}, ensure_ascii=False),
                         quote=True)
    return output.replace("<body ", f'<body data-zoom-labels="{labels}" ', 1)
