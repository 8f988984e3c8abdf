"""The engine's options: one typed dataclass, read from ``mkdocs.yml`` without importing MkDocs.

The MkDocs plugin's config class (``config.py``) is made from these fields, so an option is
declared once. The core (runner, embeds, notebooks) only ever sees a ``Settings``.
"""

from __future__ import annotations

import dataclasses
import os
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path

PLUGIN_NAME = "studysite"


@dataclass(frozen=True)
class Settings:
    # Run what changed before each build (false: build from the outputs already there).
    run: bool = True
    # The folder of the examples, relative to mkdocs.yml.
    snippets_dir: str = "snippets"
    # Which files under snippets_dir are examples (globs, relative to it). Files starting with "_"
    # or "." are never examples; a .py file matched by no glob and not a helper is an error.
    snippets_glob: list = field(default_factory=lambda: ["**/*.py"])
    # Modules in snippets_dir that examples import, not examples themselves (names without ".py").
    # They are copied into downloads and notebooks where an example imports them.
    helpers: list = field(default_factory=list)
    # The one folder for everything the engine computes (results, figures); `studysite clean` empties it.
    cache_dir: str = ".cache/studysite"
    # Worker processes for examples (default: one per core) and seconds per example.
    workers: int | None = None
    timeout: float = 120.0
    # A Dask scheduler's address (tcp://host:8786): the examples run on its workers, each in the
    # engine's own worker process, and their results are published here (none: local workers only).
    cluster: str | None = None
    # Modules each worker imports once, before its first example (a heavy library: once per worker).
    preload: list = field(default_factory=list)
    # A module with optional functions init_worker(), before_snippet(), after_snippet() -> list[str]:
    # the course's own set-up (quiet logs, seeds of its libraries, state to put back). Part of every key.
    setup: str | None = None
    # The seed of `random` and NumPy before each example.
    seed: int = 0
    # Languages of the site, the first the default. Empty: mkdocs-static-i18n's, else ["en"].
    languages: list = field(default_factory=list)
    # A folder of <lang>.json files overriding the engine's UI strings (relative to mkdocs.yml).
    locale_dir: str | None = None
    # Figures a snippet leaves open are captured after each cell (as sphinx-gallery's scrapers do).
    capture_open_figures: bool = True
    # Each figure also drawn for Material's dark palette (slate).
    dark_figures: bool = False
    # Each figure also laid out for a phone's narrow screen: panels stacked, text as large as the page's.
    phone_figures: bool = False
    # Each figure also drawn in other languages, from the same run: language -> a YAML file (relative to
    # mkdocs.yml) of `labels:` (text as drawn: its translation), `keep:` and `font:` (studysite.figure_text).
    figure_labels: dict = field(default_factory=dict)
    # Downloads of each example as .py and .ipynb; a Python file whose code opens every download
    # (with `# <lang>:` comments), and one whose functions replace helpers' in downloads.
    downloads: bool = True
    download_preamble: str | None = None
    download_helpers: str | None = None
    # Jupyter-style notebooks (labs): their folder (none: no labs), the modules their kernels import
    # once, and the environment every kernel starts with.
    labs_dir: str | None = None
    kernel_preload: list = field(default_factory=list)
    kernel_env: dict = field(default_factory=dict)
    # Practice pages (quizzes, exercises): the exercises' folder (none: no practice), and the helper
    # module whose ``check`` the exercises use (none: the engine's own). A course's check module is
    # copied into each notebook like any helper; its optional ``translate(text, source, target)``
    # puts what it prints besides the messages into another language.
    practice_dir: str | None = None
    practice_check: str | None = None
    # A YAML file (relative to mkdocs.yml) naming each example in each language, `path.py: {lang: title}`:
    # code blocks are headed "Example: <title>" and check marks name it (none: the snippet's path).
    example_titles: str | None = None

    @classmethod
    def option_types(cls) -> dict[str, tuple[type, ...]]:
        """Each option's accepted types (the Optional ones accept None)."""
        hints = typing.get_type_hints(cls)
        found = {}
        for one in dataclasses.fields(cls):
            hint = hints[one.name]
            args = typing.get_args(hint)
            if typing.get_origin(hint) in (typing.Union, types.UnionType):
                found[one.name] = tuple(a for a in args)
            elif hint is float:
                found[one.name] = (int, float)
            else:
                found[one.name] = (hint,)
        return found

    @classmethod
    def from_options(cls, options: dict | None, where: str = "mkdocs.yml") -> Settings:
        """Check the types of the plugin's options (a clear one-line error for a wrong one)."""
        options = dict(options or {})
        types_of = cls.option_types()
        unknown = sorted(set(options) - set(types_of))
        if unknown:
            raise SettingsError(f"{where}: unknown studysite option '{unknown[0]}' (known: {', '.join(types_of)})")
        for name, value in options.items():
            accepted = types_of[name]
            if not isinstance(value, accepted) or (isinstance(value, bool) and bool not in accepted):
                names = " or ".join("null" if t is type(None) else t.__name__ for t in accepted)
                raise SettingsError(f"{where}: studysite option '{name}' must be {names}, not {value!r}")
        return cls(**options)


class SettingsError(Exception):
    pass


def _env_tag(loader, node):
    """mkdocs.yml's ``!ENV [NAME, default]``: the first variable that is set, else the default."""
    import yaml

    names = [loader.construct_scalar(node)] if isinstance(node, yaml.ScalarNode) else loader.construct_sequence(node)
    *variables, default = names if len(names) > 1 else (*names, None)
    for name in variables:
        if name in os.environ:
            return yaml.safe_load(os.environ[name])
    return default


def read_mkdocs_yml(path: Path) -> dict:
    """mkdocs.yml as data; tags other than ``!ENV`` (Python objects) read as None."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", _env_tag)
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Loader) or {}


def plugin_options(config: dict, name: str = PLUGIN_NAME) -> dict | None:
    """The options under ``plugins:`` of one plugin ({} when it is named without options)."""
    for entry in config.get("plugins") or []:
        if entry == name:
            return {}
        if isinstance(entry, dict) and name in entry:
            return entry[name] or {}
    return None


def i18n_languages(config: dict) -> list[str]:
    """mkdocs-static-i18n's languages, the default first; [] without the plugin."""
    options = plugin_options(config, "i18n") or {}
    languages = [one for one in options.get("languages") or [] if isinstance(one, dict) and one.get("locale")]
    languages.sort(key=lambda one: not one.get("default"))
    return [one["locale"] for one in languages]
