"""The options of the ``studysite`` plugin, as written under ``plugins:`` in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from .cache import DEFAULT_TIMEOUT


class StudySiteConfig(Config):
    # Run what changed before each build (``STUDYSITE_RUN=false mkdocs build`` uses the outputs
    # already there: the benchmark's plain build; a snippet with no output then fails the build).
    run = c.Type(bool, default=True)
    workers = c.Optional(c.Type(int))  # snippet worker processes; default: one per core
    timeout = c.Type((int, float), default=DEFAULT_TIMEOUT)  # seconds per snippet, unless it says otherwise
    snippets_dir = c.Type(str, default="snippets")
    outputs_dir = c.Type(str, default="_generated/snippets")
    labs_dir = c.Type(str, default="labs")
