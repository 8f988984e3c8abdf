"""Where a project's parts are and how it is configured: one object passed around, no globals."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import strings
from .settings import Settings, SettingsError, i18n_languages, plugin_options, read_mkdocs_yml


class ProjectError(Exception):
    pass


@functools.cache
def glob_pattern(glob: str) -> re.Pattern:
    """A path glob as a regex: ``*`` within one folder, ``**/`` any number of folders (none too)."""
    out, i = "", 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out, i = out + "(?:[^/]+/)*", i + 3
        elif glob.startswith("**", i):
            out, i = out + ".*", i + 2
        elif glob[i] == "*":
            out, i = out + "[^/]*", i + 1
        elif glob[i] == "?":
            out, i = out + "[^/]", i + 1
        else:
            out, i = out + re.escape(glob[i]), i + 1
    return re.compile(out + r"\Z")


@dataclass(frozen=True)
class Project:
    root: Path
    snippets: Path
    outputs: Path  # the snippets' results and figures (in the cache folder)
    labs: Path | None
    docs: Path
    settings: Settings = field(default_factory=Settings)
    languages: tuple[str, ...] = ("en",)  # the first is the default, built at the site's root
    site_names: tuple[tuple[str, str], ...] = ()  # (language, the site's name in it)

    @classmethod
    def at(cls, root: Path | str, settings: Settings | None = None, *, docs: str = "docs",
           languages: tuple[str, ...] | list[str] = (), site_names: dict[str, str] | None = None) -> Project:
        root = Path(root).resolve()
        settings = settings or Settings()
        languages = tuple(settings.languages or languages or ("en",))
        return cls(root, root / settings.snippets_dir, root / settings.cache_dir / "snippets",
                   root / settings.labs_dir if settings.labs_dir else None, root / docs, settings, languages,
                   tuple((site_names or {}).items()))

    @classmethod
    def from_mkdocs_yml(cls, path: Path | str) -> Project:
        """The project an ``mkdocs.yml`` describes: the studysite plugin's options, its languages."""
        path = Path(path).resolve()
        config = read_mkdocs_yml(path)
        try:
            settings = Settings.from_options(plugin_options(config), str(path.name))
        except SettingsError as error:
            raise ProjectError(str(error)) from None
        names = {}
        i18n = plugin_options(config, "i18n") or {}
        for one in i18n.get("languages") or []:
            if isinstance(one, dict) and one.get("locale"):
                names[one["locale"]] = one.get("site_name") or config.get("site_name", "")
        languages = i18n_languages(config)
        for lang in languages or settings.languages or ["en"]:
            names.setdefault(lang, config.get("site_name", ""))
        return cls.at(path.parent, settings, docs=config.get("docs_dir", "docs"), languages=languages,
                      site_names=names)

    @classmethod
    def find(cls, start: Path | None = None) -> Project:
        """The project whose mkdocs.yml is in ``start`` (default: the current folder) or above it."""
        start = Path(start or Path.cwd()).resolve()
        for folder in (start, *start.parents):
            if (folder / "mkdocs.yml").is_file():
                return cls.from_mkdocs_yml(folder / "mkdocs.yml")
        raise SystemExit(f"no mkdocs.yml in {start} or above it: run this inside the project")

    # --- Configuration as the parts use it ----------------------------------------------------------

    @property
    def cache(self) -> Path:
        return self.root / self.settings.cache_dir

    @property
    def default_language(self) -> str:
        return self.languages[0]

    @property
    def multilingual(self) -> bool:
        """Pages in ``docs/<lang>/`` folders (mkdocs-static-i18n), one twin per language."""
        return len(self.languages) > 1

    @property
    def locale_dir(self) -> Path | None:
        return self.root / self.settings.locale_dir if self.settings.locale_dir else None

    def text(self, lang: str, key: str, **values) -> str:
        found = strings.text(lang, key, self.locale_dir)
        return found.format(**values) if values else found

    def site_name(self, lang: str) -> str:
        return dict(self.site_names).get(lang, "")

    def figure_label_files(self) -> list[tuple[str, Path]]:
        """(language, its figure label table) from ``figure_labels``, each language one of the site's."""
        found = []
        for lang, path in sorted(self.settings.figure_labels.items()):
            if lang not in self.languages:
                raise ProjectError(f"figure_labels: {lang!r} is not one of the site's languages "
                                   f"({', '.join(self.languages)})")
            if not isinstance(path, str) or not (self.root / path).is_file():
                raise ProjectError(f"figure_labels: {lang}: {path!r} is not a file (relative to mkdocs.yml)")
            found.append((lang, self.root / path))
        return found

    def example_titles(self) -> dict[str, dict[str, str]]:
        """``{snippet: {lang: title}}`` from the ``example_titles`` file ({} without one): what a code
        block is headed with and a check mark names, instead of the snippet's path."""
        if not self.settings.example_titles:
            return {}
        path = self.root / self.settings.example_titles
        return _titles(path, path.stat().st_mtime_ns)

    def helper_paths(self) -> list[Path]:
        """The helper modules in the snippets folder that exist (their bytes key what inlines them)."""
        return [self.snippets / f"{name}.py" for name in self.settings.helpers
                if (self.snippets / f"{name}.py").is_file()]

    def is_snippet(self, rel: str) -> bool:
        parts = rel.split("/")
        if any(part.startswith(("_", ".")) or part.endswith(".egg-info") for part in parts):
            return False
        if len(parts) == 1 and rel.removesuffix(".py") in self.settings.helpers:
            return False
        return any(glob_pattern(glob).match(rel) for glob in self.settings.snippets_glob)

    def pages(self, lang: str) -> list[Path]:
        """The Markdown pages of one language, relative to its folder."""
        folder = self.docs / lang if self.multilingual else self.docs
        return sorted(p.relative_to(folder) for p in folder.rglob("*.md"))

    def built_page(self, site: Path, lang: str, page: Path) -> Path:
        """Where the build writes a page of ``lang`` (the default language at the root)."""
        parts = Path(page).with_suffix("").parts
        parts = parts[:-1] if parts[-1] == "index" else parts
        return site.joinpath(*(() if lang == self.default_language else (lang,)), *parts, "index.html")


@functools.lru_cache(maxsize=4)
def _titles(path: Path, mtime: int) -> dict[str, dict[str, str]]:
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict) or not all(isinstance(v, dict) and all(isinstance(t, str) for t in v.values())
                                             for v in data.values()):
        raise SettingsError(f"{path}: write one `snippet path: {{language: title, ...}}` per example")
    return {str(rel): {str(lang): title for lang, title in titles.items()} for rel, titles in data.items()}
