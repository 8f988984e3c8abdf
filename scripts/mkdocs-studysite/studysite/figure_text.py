"""A figure's words in each of the site's languages: the same figure, from the same run, re-labelled.

A snippet draws its figure once, in the language its code is written in. For each language that
has a label table (the ``figure_labels`` option: language -> a YAML file), the engine replaces the
figure's texts (titles, axis labels, legend entries, annotations, words on ticks) by the table's,
saves that variant beside the figure (``name.<lang>.svg``, and ``name.<lang>.dark.svg``), and puts
the texts back. Nothing runs twice: only the drawing is done again. A page in that language shows
its variant. A table file:

    font: Some Sans                 # optional: the font its translated texts are drawn in (the figure's
                                    # own font for glyphs it lacks)
    keep: [val_loss, relu]          # texts shown as drawn (code names), reviewed, not forgotten
    labels:
      epoch: époque
      "accuracy {a}": "exactitude {a}"   # {name} stands for any text, put back where it is named
                                         # (translated itself when the table has it)

A text that has words (two letters in a row, outside ``$math$``) and is neither in ``labels`` nor
in ``keep`` stays as drawn and is recorded as untranslated: the build warns about it on every page
of that language that shows the figure. Numbers and single letters (``x``, ``h1``) need nothing. A
text of several lines not in the table as a whole is translated line by line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

WORD = re.compile(r"[^\W\d_]{2,}")
MATH = re.compile(r"\$[^$]*\$")
PLACEHOLDER = re.compile(r"\\\{([A-Za-z_][A-Za-z0-9_]*)\\\}")  # ``{name}`` after re.escape


class LabelError(Exception):
    pass


@dataclass
class Table:
    """One language's labels: exact texts, patterns with ``{name}`` parts, texts kept as drawn."""

    labels: dict[str, str] = field(default_factory=dict)
    keep: frozenset = frozenset()
    font: str | None = None
    patterns: list = field(default_factory=list)  # (regex, replacement with {name}, length of its fixed text)

    @classmethod
    def of(cls, data: dict, where: str) -> Table:
        if not isinstance(data, dict) or set(data) - {"labels", "keep", "font"}:
            raise LabelError(f"{where}: a figure label table has `labels:` (text: translation), and optionally "
                             "`keep:` (a list of texts) and `font:` (a font name)")
        labels, keep, font = data.get("labels") or {}, data.get("keep") or [], data.get("font")
        if not isinstance(labels, dict) or not all(isinstance(k, str) and isinstance(v, str) and v.strip()
                                                   for k, v in labels.items()):
            raise LabelError(f"{where}: `labels:` maps each text as drawn to its translation (both text)")
        if not isinstance(keep, list) or not all(isinstance(k, str) for k in keep):
            raise LabelError(f"{where}: `keep:` is a list of texts shown as drawn")
        if font is not None and not isinstance(font, str):
            raise LabelError(f"{where}: `font:` is one font name")
        table = cls(dict(labels), frozenset(keep), font)
        for source, target in labels.items():
            names = re.findall(r"\{([A-Za-z_][A-Za-z0-9_]*)\}", source)
            if names:
                missing = set(re.findall(r"\{([A-Za-z_][A-Za-z0-9_]*)\}", target)) - set(names)
                if missing:
                    raise LabelError(f"{where}: {target!r} names {{{sorted(missing)[0]}}}, which {source!r} has not")
                regex = PLACEHOLDER.sub(lambda m: f"(?P<{m[1]}>.+?)", re.escape(source))
                table.patterns.append((re.compile(regex + r"\Z", re.S), target, len(re.sub(r"\{\w+\}", "", source))))
        table.patterns.sort(key=lambda pattern: -pattern[2])  # the most specific first: the most fixed text
        return table

    def merged(self, extra: dict[str, str] | None) -> Table:
        """With a figure's own labels (``save_figure(..., labels=...)``) over the table's."""
        if not extra:
            return self
        return Table.of({"labels": {**self.labels, **extra}, "keep": sorted(self.keep), "font": self.font},
                        "save_figure(labels=...)")

    def translate(self, text: str) -> tuple[str, bool]:
        """The text in this language, and whether it is accounted for (translated, kept, or no words)."""
        if text in self.labels:
            return self.labels[text], True
        for regex, target, _ in self.patterns:
            match = regex.match(text)
            if match:  # each part in its translation where the table has one ("{what}": "mean" -> "moyenne")
                return target.format(**{k: self.labels.get(v, v) for k, v in match.groupdict().items()}), True
        if "\n" in text:  # a text of several lines, line by line
            lines = [self.translate(line) for line in text.split("\n")]
            return "\n".join(line for line, _ in lines), all(known for _, known in lines)
        return text, text in self.keep or not has_words(text)


def has_words(text: str) -> bool:
    return bool(WORD.search(MATH.sub("", text)))


def load(path: Path) -> Table:
    import yaml

    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise LabelError(f"figure_labels: cannot read {path}: {error.strerror}") from None
    except yaml.YAMLError as error:
        raise LabelError(f"{path}: not YAML: {str(error).splitlines()[0]}") from None
    return Table.of(data or {}, str(path))


def _axes(fig) -> list:
    return [axis for ax in fig.axes for axis in getattr(ax, "_axis_map", {"x": ax.xaxis, "y": ax.yaxis}).values()]


def _tick_labels(fig) -> set[int]:
    ids = set()
    for axis in _axes(fig):
        for tick in [*axis.get_major_ticks(), *axis.get_minor_ticks()]:
            ids.update((id(tick.label1), id(tick.label2)))
    return ids


def _word_formatters(fig) -> list:
    """(axis, formatter) of ticks that may show words: fixed tick labels (``set_xticks(ticks, labels)``
    makes a function formatter), functions and categories; numbers' own formatters show none."""
    from matplotlib.category import StrCategoryFormatter
    from matplotlib.ticker import FixedFormatter, FuncFormatter

    return [(axis, formatter) for axis in _axes(fig)
            for formatter in (axis.get_major_formatter(), axis.get_minor_formatter())
            if isinstance(formatter, (FixedFormatter, FuncFormatter, StrCategoryFormatter))]


def relabel(fig, table: Table):
    """Put ``fig``'s texts into ``table``'s language, in place. Returns ``(undo, texts)``: a function
    that puts every text back, and ``[(as drawn, as shown, accounted for), ...]`` for the texts with words."""
    from matplotlib import rcParams
    from matplotlib.category import StrCategoryFormatter
    from matplotlib.text import Text
    from matplotlib.ticker import FuncFormatter

    undo, texts = [], {}

    def shown(text: str) -> str:
        new, known = table.translate(text)
        if has_words(text):
            texts[text] = (text, new, known)
        return new

    ticks = _tick_labels(fig)
    for artist in fig.findobj(Text):
        text = artist.get_text()
        if id(artist) in ticks:
            if text and has_words(text):  # as the last draw showed it (its formatter is translated below)
                shown(text)
            continue
        if not text or not artist.get_visible():
            continue
        new = shown(text)
        if new != text:
            undo.append((artist.set_text, text))
            artist.set_text(new)
            if table.font:
                undo.append((artist.set_fontfamily, artist.get_fontfamily()))
                artist.set_fontfamily([table.font, *artist.get_fontfamily()])  # the language's, then its own
    for axis, formatter in _word_formatters(fig):
        if isinstance(formatter, StrCategoryFormatter):
            old = formatter._units
            formatter._units = {shown(k): v for k, v in old.items()}
            undo.append((lambda units, f=formatter: setattr(f, "_units", units), old))
        elif isinstance(formatter, FuncFormatter):
            old = formatter.func
            formatter.func = lambda x, pos=None, func=old: shown(str(func(x, pos)))
            undo.append((lambda func, f=formatter: setattr(f, "func", func), old))
        else:
            old = list(formatter.seq)
            formatter.seq = [shown(s) for s in old]
            undo.append((lambda seq, f=formatter: setattr(f, "seq", seq), old))
        if table.font:
            labels = axis.get_ticklabels(which="both")
            before = labels[0].get_fontfamily() if labels else list(rcParams["font.family"])
            axis.set_tick_params(which="both", labelfontfamily=[table.font, *before])
            undo.append((lambda family, a=axis: a.set_tick_params(which="both", labelfontfamily=family), before))

    def put_back() -> None:
        for setter, value in reversed(undo):
            setter(value)

    return put_back, sorted(texts.values())


def check_font(name: str) -> str | None:
    """A problem with a table's font (not installed), or None."""
    from matplotlib import font_manager

    try:
        font_manager.findfont(name, fallback_to_default=False)
    except ValueError:
        return f"figure font {name!r} is not installed: its language's figures would show empty boxes"
    return None
