"""The snippet API: what a snippet (or the course's helper module) calls to put figures and tables
on the page. Importing it costs nothing and needs no MkDocs; outside a run it saves to a folder
and prints, so ``python snippets/x/y.py`` still runs by itself.

    from studysite import capture
    capture.save_figure(fig, "loss", alt={"en": "Loss per epoch", "fr": "Perte par époque"})
    capture.alt(fig, en="Loss per epoch")   # for a figure left open: captured after its cell
    capture.table(df)                        # a DataFrame as an HTML table in the output

A figure a snippet leaves open is captured anyway (the option ``capture_open_figures``) when the
snippet ends, and shown after the cell that made it, named ``figure-1``, ``figure-2``, ...: at
the end, not after its cell, because a later cell may still add to it (or save it by name).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
SVG_SALT = "studysite"  # matplotlib's SVG ids from a fixed salt: byte-identical files run after run


@dataclass
class Capture:
    """What the runner collects for the cell that is running."""

    fig_dir: Path
    dark: bool = False
    phone: bool = False  # each figure also laid out for a phone (``phone.reflow``)
    blocks: list = field(default_factory=list)  # the cell's output: text and table blocks
    figures: list = field(default_factory=list)  # the cell's figures
    names: set = field(default_factory=set)  # every figure name of the snippet so far (shared by its cells)
    labels: dict = field(default_factory=dict)  # language -> figure_text.Table: the figure re-labelled for it


_current: Capture | None = None


def active() -> bool:
    """True inside a run of the engine (the page shows what is captured)."""
    return _current is not None


def _alt_of(fig, alt) -> dict[str, str]:
    if isinstance(alt, str):
        return {"": alt}
    return {lang: text for lang, text in dict(alt or getattr(fig, "_studysite_alt", {}) or {}).items()}


def alt(fig, text: str | None = None, **by_language: str):
    """Attach alt text to a figure that will be captured open: ``alt(fig, en="...", ko="...")``."""
    fig._studysite_alt = {"": text} if text is not None else by_language
    return fig


def save_figure(fig, name: str, *, alt: dict[str, str] | str | None = None, fallback_dir: Path | str = "figures",
                labels: dict[str, dict[str, str]] | None = None) -> Path:
    """Save ``fig`` as SVG (and its dark variant when the site asks for one), record it for the page,
    and close it. Outside a run it goes to ``fallback_dir`` and says where. ``alt`` is one text or
    one per language (``{"en": ..., "ko": ...}``); without it, the one given by ``capture.alt``.
    ``labels`` adds this figure's own translations to the site's label tables (``figure_labels``):
    ``{"fr": {"Heights": "Tailles"}}``."""
    if labels is not None:
        fig._studysite_labels = labels
    if not _NAME.match(name):
        raise ValueError(f"figure name {name!r}: use lowercase letters, digits, '-' and '_'")
    texts = _alt_of(fig, alt)
    if not texts or not all(str(t).strip() for t in texts.values()):
        raise ValueError(f"figure {name!r} needs alt text")
    return _save(fig, name, texts, fallback_dir=fallback_dir)


def _save(fig, name: str, texts: dict, number: int | None = None, fallback_dir: Path | str = "figures") -> Path:
    import matplotlib.pyplot as plt

    capture = _current
    fig_dir = capture.fig_dir if capture else Path(fallback_dir)
    fig_dir.mkdir(parents=True, exist_ok=True)
    if capture is not None and name in capture.names:
        plt.close(fig)
        raise ValueError(f"figure {name!r} saved twice by one snippet")
    path, dark = fig_dir / f"{name}.svg", fig_dir / f"{name}.dark.svg"
    fig.savefig(path, format="svg", metadata={"Date": None}, bbox_inches="tight")
    record = {"name": name, "file": path.name, "alt": texts}
    if number is not None:
        record["number"] = number  # no alt text given: the page says "Figure <number>" in its language
    tables = _tables_for(fig, capture)
    if tables:
        record["languages"] = _language_variants(fig, fig_dir, name, tables, record, "")
    for_phone = capture is not None and capture.phone
    if for_phone:
        _phone_variants(fig, fig_dir, name, tables, record, "")
    if capture is None or capture.dark:
        from .dark import darken

        darken(fig)
        fig.savefig(dark, format="svg", metadata={"Date": None}, bbox_inches="tight")
        record["dark"] = dark.name
        if tables:
            _language_variants(fig, fig_dir, name, tables, record, ".dark")
        if for_phone:
            _phone_variants(fig, fig_dir, name, tables, record, ".dark")
    plt.close(fig)
    if capture is not None:
        capture.names.add(name)
        capture.figures.append(record)
    else:
        print(f"[figure saved: {path}" + (f" and {dark.name}]" if "dark" in record else "]"))
    return path


def _tables_for(fig, capture: Capture | None) -> dict:
    """The site's label tables (none outside a run), with the figure's own ``labels=`` over them."""
    if capture is None or not capture.labels:
        return {}
    own = getattr(fig, "_studysite_labels", None) or {}
    return {lang: table.merged(own.get(lang)) for lang, table in capture.labels.items()}


# Where each variant of a figure is recorded, by the suffix of its file name (``name.<lang><suffix>.svg``).
_VARIANT_KEYS = {"": "file", ".dark": "dark", ".phone": "phone", ".phone.dark": "phone_dark"}


def _phone_variants(fig, fig_dir: Path, name: str, tables: dict, record: dict, suffix: str) -> None:
    """The figure laid out for a phone (``name.phone<suffix>.svg``, and each language's), then put back."""
    from .phone import reflow

    put_back = reflow(fig)
    try:
        file = fig_dir / f"{name}.phone{suffix}.svg"
        fig.savefig(file, format="svg", metadata={"Date": None}, bbox_inches="tight")
        record[_VARIANT_KEYS[".phone" + suffix]] = file.name
        if tables:
            _language_variants(fig, fig_dir, name, tables, record, ".phone" + suffix)
    finally:
        put_back()


def _language_variants(fig, fig_dir: Path, name: str, tables: dict, record: dict, suffix: str) -> dict:
    """Save the figure once per language that has words of its own (``name.<lang><suffix>.svg``), from
    the same drawing; record what each text became and which have no translation."""
    from .figure_text import relabel

    variants = record.get("languages", {})
    for lang, table in tables.items():
        put_back, texts = relabel(fig, table)
        try:
            changed = any(shown != drawn for drawn, shown, _ in texts)
            if not suffix:
                variants[lang] = {"texts": [[drawn, shown] for drawn, shown, _ in texts],
                                  "untranslated": [drawn for drawn, _, known in texts if not known]}
                if "" in record["alt"] and lang not in record["alt"]:  # alt text from the title: translated too
                    record["alt"] = {**record["alt"], lang: table.translate(record["alt"][""])[0]}
            if changed:
                file = fig_dir / f"{name}.{lang}{suffix}.svg"
                fig.savefig(file, format="svg", metadata={"Date": None}, bbox_inches="tight")
                variants[lang][_VARIANT_KEYS[suffix]] = file.name
        finally:
            put_back()
    return variants


def open_figures() -> list[int]:
    """The numbers of the figures open now (none if matplotlib was never imported)."""
    pyplot = sys.modules.get("matplotlib.pyplot")
    return list(pyplot.get_fignums()) if pyplot is not None else []


def capture_figure(number: int) -> None:
    """Save an open figure as if its cell had called ``save_figure``: ``figure-N``, alt text from
    ``alt()``, else its title, else none (the page then says "Figure N" in its language)."""
    plt = sys.modules["matplotlib.pyplot"]
    fig = plt.figure(number)
    count = 1
    while f"figure-{count}" in _current.names:
        count += 1
    texts = _alt_of(fig, None) or ({"": _title_of(fig)} if _title_of(fig) else {})
    _save(fig, f"figure-{count}", texts, None if texts else count)


def _title_of(fig) -> str:
    titles = [fig._suptitle.get_text()] if getattr(fig, "_suptitle", None) else []
    titles += [ax.get_title() for ax in fig.axes if ax.get_title()]
    return "; ".join(t for t in titles if t.strip())


def table(df, max_rows: int = 20) -> None:
    """A pandas DataFrame (or Series) as the reader sees ``df.head()`` in a notebook: an HTML table
    (cells escaped) on the page; printed as text outside a run."""
    import pandas as pd

    if isinstance(df, pd.Series):
        df = df.to_frame()
    if _current is None:
        print(df.to_string(max_rows=max_rows))
        return
    sys.stdout.flush()
    _current.blocks.append(
        {"type": "table", "html": df.to_html(max_rows=max_rows, escape=True, border=0, classes="dataframe")})


def alt_text(figure: dict, lang: str, figure_text: str = "Figure {number}") -> str:
    """A recorded figure's alt text in ``lang``: its own, the language-neutral one, or 'Figure N'."""
    texts = figure.get("alt") or {}
    found = texts.get(lang) or texts.get("") or next(iter(texts.values()), "")
    return found or figure_text.format(number=figure.get("number", ""))


def in_language(figure: dict, lang: str) -> dict:
    """A recorded figure as a page in ``lang`` shows it: its files re-labelled for that language, when
    it has them (``figure_labels``), else as drawn."""
    variant = (figure.get("languages") or {}).get(lang) or {}
    if "file" not in variant:
        return figure
    return {**figure, **{key: variant[key] for key in _VARIANT_KEYS.values() if key in variant}}


def files_of(figure: dict) -> list[str]:
    """Every file a recorded figure has: as drawn, dark, for a phone, and each language's."""
    names = [figure.get(key) for key in _VARIANT_KEYS.values()]
    for variant in (figure.get("languages") or {}).values():
        names += [variant.get(key) for key in _VARIANT_KEYS.values()]
    return [name for name in names if name]
