"""Every piece of text the engine puts on a page or in a download, per language, from locale files.

The engine ships ``locales/en.json`` and ``locales/ko.json``; a course overrides any string, or
adds a language, with ``<locale_dir>/<lang>.json``. A key missing in a language falls back to
English, so a new language works before it is complete.
"""

from __future__ import annotations

import functools
import importlib
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


@functools.cache
def grammar(lang: str):
    """The shipped rules of ``lang`` for words whose form depends on the word before them (a
    module ``locales/<lang>.py`` with ``attach(shown, word)`` and ``loose(text_after)``), or None."""
    name = f"{__package__}.locales.{lang}"
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as error:
        if error.name != name:
            raise
        return None


def attach(lang: str, shown: str, word: str) -> str:
    """The form of ``word`` (a particle, in languages that have them) that follows the value ``shown``."""
    rules = grammar(lang)
    if rules is None:
        raise ValueError(f"'|{word}' after a value: the engine has no rules for words after a value in '{lang}'")
    return rules.attach(shown, word)


def loose_word(lang: str, after: str) -> str | None:
    """A word right after a value whose form depends on the value, written outside the marker."""
    rules = grammar(lang)
    return rules.loose(after) if rules is not None else None
