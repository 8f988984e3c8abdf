"""Where a project's parts are: one object passed around instead of module constants."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .strings import LANGUAGES


@dataclass(frozen=True)
class Project:
    root: Path
    snippets: Path
    outputs: Path  # the snippets' results and figures (git-ignored)
    labs: Path
    docs: Path

    @classmethod
    def at(cls, root: Path | str, *, snippets: str = "snippets", outputs: str = "_generated/snippets",
           labs: str = "labs", docs: str = "docs") -> Project:
        root = Path(root).resolve()
        return cls(root, root / snippets, root / outputs, root / labs, root / docs)

    @classmethod
    def find(cls, start: Path | None = None) -> Project:
        """The project whose mkdocs.yml is in ``start`` (default: the current folder) or above it."""
        start = Path(start or Path.cwd()).resolve()
        for folder in (start, *start.parents):
            if (folder / "mkdocs.yml").is_file():
                return cls.at(folder)
        raise SystemExit(f"no mkdocs.yml in {start} or above it: run this inside the project")

    def pages(self, lang: str) -> list[Path]:
        """The Markdown pages of one language, relative to its folder."""
        return sorted(p.relative_to(self.docs / lang) for p in (self.docs / lang).rglob("*.md"))

    @staticmethod
    def built_page(site: Path, lang: str, page: Path) -> Path:
        """Where the build writes ``docs/<lang>/<page>`` (the default language at the root)."""
        parts = Path(page).with_suffix("").parts
        parts = parts[:-1] if parts[-1] == "index" else parts
        return site.joinpath(*(() if lang == LANGUAGES[0] else (lang,)), *parts, "index.html")
