"""Every piece of text the engine puts on a page or in a download, per language, from locale files.

The engine ships ``locales/en.json`` and ``locales/ko.json``; a course overrides any string, or
adds a language, with ``<locale_dir>/<lang>.json``. A key missing in a language falls back to
English, so a new language works before it is complete.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

SHIPPED = Path(__file__).with_name("locales")
FALLBACK = "en"


@functools.cache
def _file(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except json.JSONDecodeError as error:
        raise ValueError(f"{path}:{error.lineno}: not valid JSON: {error.msg}") from None


def ui(lang: str, locale_dir: Path | str | None = None) -> dict[str, str]:
    """The engine's strings in ``lang``: shipped English, shipped ``lang``, then the course's."""
    found = {**_file(SHIPPED / f"{FALLBACK}.json"), **_file(SHIPPED / f"{lang}.json")}
    if locale_dir is not None:
        found.update(_file(Path(locale_dir) / f"{FALLBACK}.json") if lang != FALLBACK else {})
        found.update(_file(Path(locale_dir) / f"{lang}.json"))
    return found


def text(lang: str, key: str, locale_dir: Path | str | None = None) -> str:
    return ui(lang, locale_dir)[key]


def page_language(src_uri: str, languages: tuple[str, ...]) -> str:
    """The language of a page from its place in ``docs/<lang>/`` (mkdocs-static-i18n's folder
    layout); a page outside every language folder is in the default (first) language."""
    first = src_uri.split("/", 1)[0]
    return first if first in languages else languages[0]
