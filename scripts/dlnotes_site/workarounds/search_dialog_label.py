"""Material's search dialog has no accessible name (axe: "aria-dialog-name").

Give it one, in the page's language, so a screen reader announces what the dialog is.
"""

from __future__ import annotations

import html

from dlnotes_site.strings import page_language, text


def on_post_page(output, page, config, **kwargs):
    label = html.escape(text(page_language(page), "search"), quote=True)
    return output.replace('role="dialog">', f'role="dialog" aria-label="{label}">', 1)
