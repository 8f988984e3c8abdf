"""The options of the ``studysite`` plugin under ``plugins:`` in mkdocs.yml, made from ``Settings``
(one declaration: the core reads the same options without MkDocs; see the engine's README)."""

from __future__ import annotations

import dataclasses

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from .settings import Settings


def _option(field: dataclasses.Field, accepted: tuple[type, ...]) -> c.BaseConfigOption:
    kinds = tuple(t for t in accepted if t is not type(None))
    kind = kinds if len(kinds) > 1 else kinds[0]
    if type(None) in accepted:
        return c.Optional(c.Type(kind))
    default = field.default_factory() if field.default_factory is not dataclasses.MISSING else field.default
    return c.Type(kind, default=default)


StudySiteConfig = type("StudySiteConfig", (Config,), {
    field.name: _option(field, accepted)
    for field, accepted in zip(dataclasses.fields(Settings), Settings.option_types().values())})


def settings_of(config) -> Settings:
    """The checked options as the core's ``Settings``."""
    return Settings.from_options({f.name: config[f.name] for f in dataclasses.fields(Settings)}, "mkdocs.yml")
