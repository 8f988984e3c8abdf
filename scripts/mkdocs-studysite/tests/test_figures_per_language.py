"""A figure drawn once and shown in each language's words (the ``figure_labels`` option), shown on the
example course given a second language: the variant comes from the same run, its texts are the
table's (drawn as paths, in the table's font), it is byte-identical from run to run, the table is in
the cache key, and a text with no translation is reported, never silently left as drawn."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from studysite import cache, capture, pages, runner
from studysite.project import Project
from studysite.settings import Settings

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "stats-course"
TABLE = """\
font: DejaVu Serif
keep: [cm]
labels:
  "Heights, with one standard deviation either side of the {what}":
    "Tailles, à un écart type de chaque côté de la {what}"
  mean: moyenne
  height (cm): taille (cm)
"""


def _project(course: Path) -> Project:
    settings = Settings(helpers=["stats_helpers"], preload=["numpy", "matplotlib.pyplot"], dark_figures=True,
                        languages=["en", "fr"], figure_labels={"fr": "figure_labels.fr.yml"}, workers=1)
    return Project.at(course, settings)


def _figure(project: Project) -> tuple[dict, Path]:
    result = runner.load_result(project.outputs, "spread.py")
    [figure] = runner.figures_of(result)
    return figure, project.outputs / "spread.py" / result["run_dir"]


def _texts(svg: str) -> list[str]:
    """The texts matplotlib drew as paths: it writes each one as a comment before its glyphs."""
    return re.findall(r"<!-- (.*?) -->", svg)


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    course = tmp_path_factory.mktemp("languages") / "stats-course"
    shutil.copytree(EXAMPLE, course, ignore=shutil.ignore_patterns("site", ".cache"))
    (course / "figure_labels.fr.yml").write_text(TABLE, encoding="utf-8")
    project = _project(course)
    outcomes = runner.run(project, ["spread.py"], progress=False)
    assert outcomes[0].ok, outcomes[0].describe()
    return project, outcomes[0]


def test_each_language_gets_its_words_from_the_same_run(course):
    project, outcome = course
    figure, folder = _figure(project)
    variant = figure["languages"]["fr"]
    assert dict(map(tuple, variant["texts"])) == {
        "Heights, with one standard deviation either side of the mean":
            "Tailles, à un écart type de chaque côté de la moyenne",
        "height (cm)": "taille (cm)"}
    assert variant["untranslated"] == [] and outcome.warnings == []
    drawn, french = ((folder / name).read_text(encoding="utf-8") for name in (figure["file"], variant["file"]))
    assert "height (cm)" in _texts(drawn) and "taille (cm)" not in _texts(drawn)
    assert "taille (cm)" in _texts(french) and "height (cm)" not in _texts(french)
    # the translated words are glyph paths of the table's font; the numbers keep the figure's own
    assert "DejaVuSerif-" in french and "DejaVuSerif-" not in drawn
    # same data: the variant differs from the drawing only where the words are
    assert sorted(set(_texts(drawn)) - set(_texts(french))) == [
        "Heights, with one standard deviation either side of the mean", "height (cm)"]
    dark = (folder / variant["dark"]).read_text(encoding="utf-8")
    assert "taille (cm)" in _texts(dark) and dark != french
    # the alt text taken from the title is in the page's language too
    assert capture.alt_text(figure, "fr").startswith("Tailles") and capture.alt_text(figure, "en").startswith("Heights")


def test_a_page_shows_the_variant_of_its_language(course):
    project, _ = course
    expander = pages.PageExpander(project, pages.find_results(project, ["spread.py"]), lambda rel, f: f["file"])
    french = expander.expand("!snippet spread.py:histogram\n", "docs/spread.md", "fr")
    english = expander.expand("!snippet spread.py:histogram\n", "docs/spread.md", "en")
    assert 'src="figure-1.fr.svg#only-light"' in french and 'src="figure-1.fr.dark.svg#only-dark"' in french
    assert 'src="figure-1.svg#only-light"' in english and ".fr." not in english
    assert 'alt="Tailles' in french and 'alt="Heights' in english


def test_byte_identical_from_run_to_run_and_the_table_is_a_key_of_the_figures(course):
    project, _ = course
    figure, folder = _figure(project)
    before = {name: (folder / name).read_bytes() for name in capture.files_of(figure)}
    assert len(before) == 4
    key = cache.cache_key(project, "spread.py")
    assert runner.run(project, ["spread.py"], force=True, progress=False)[0].ok
    figure, folder = _figure(project)
    assert {name: (folder / name).read_bytes() for name in capture.files_of(figure)} == before
    table = project.root / "figure_labels.fr.yml"
    labels = cache.labels_key(project)
    assert runner.run(project, ["sampling/mean_of_samples.py"], progress=False)[0].ok  # draws no figure
    table.write_text(TABLE.replace("  height (cm): taille (cm)\n", ""), encoding="utf-8")
    try:
        # the table is the second key of the results that drew a figure, and of those only
        assert cache.labels_key(project) != labels and cache.cache_key(project, "spread.py") == key
        _, todo = runner.plan(project, ["spread.py", "sampling/mean_of_samples.py"])
        assert [rel for rel, _ in todo] == ["spread.py"]
        outcome = runner.run(project, ["spread.py"], progress=False)[0]
        figure, _ = _figure(project)
        assert figure["languages"]["fr"]["untranslated"] == ["height (cm)"]
        assert outcome.warnings == ["figure 'figure-1' has no fr label for: 'height (cm)'"]
        warned = []  # and the build says so on every page of that language that shows it (strict: fails)
        expander = pages.PageExpander(project, pages.find_results(project, ["spread.py"]), lambda rel, f: f["file"],
                                      warn=warned.append)
        expander.expand("!snippet spread.py:histogram\n", "docs/spread.md", "en")
        assert warned == []
        expander.expand("!snippet spread.py:histogram\n", "docs/spread.md", "fr")
        assert len(warned) == 1 and warned[0].startswith("docs/spread.md:1 embeds snippets/spread.py")
        assert "no fr label" in warned[0] and "'height (cm)'" in warned[0]
    finally:
        table.write_text(TABLE, encoding="utf-8")


def test_a_bad_table_or_language_is_one_clear_line(tmp_path):
    (tmp_path / "labels.yml").write_text("labels: [a, b]\n", encoding="utf-8")
    from studysite.figure_text import LabelError, load
    from studysite.project import ProjectError

    with pytest.raises(LabelError, match="labels.yml: `labels:` maps each text"):
        load(tmp_path / "labels.yml")
    settings = Settings(languages=["en", "fr"], figure_labels={"de": "labels.yml"})
    with pytest.raises(ProjectError, match="figure_labels: 'de' is not one of the site's languages"):
        Project.at(tmp_path, settings).figure_label_files()


def test_a_table_translates_patterns_lines_and_knows_what_it_does_not():
    from studysite.figure_text import Table

    table = Table.of({"labels": {"rate={r}": "taux={r}", "rate={r}: {n} steps": "taux={r} : {n} pas", "mean": "moyenne",
                                 "{what} per class": "{what} par classe"}, "keep": ["val_loss"]}, "t.yml")
    assert table.translate("rate=0.1: 12 steps") == ("taux=0.1 : 12 pas", True)  # the most specific pattern
    assert table.translate("rate=0.1") == ("taux=0.1", True)
    assert table.translate("mean per class") == ("moyenne par classe", True)  # a part the table has, translated
    assert table.translate("mean\nval_loss") == ("moyenne\nval_loss", True)  # line by line
    assert table.translate("x1") == ("x1", True) and table.translate("$\\hat{y}$ = 0.5") == ("$\\hat{y}$ = 0.5", True)
    assert table.translate("median") == ("median", False)
    assert table.translate("mean\nmedian") == ("moyenne\nmedian", False)


def test_tick_labels_that_are_words_are_translated_and_everything_is_put_back():
    import io

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from studysite.figure_text import Table, relabel

    def svg(fig) -> str:
        out = io.StringIO()
        with matplotlib.rc_context({"svg.hashsalt": "test", "svg.fonttype": "path"}):
            fig.savefig(out, format="svg", metadata={"Date": None})
        return out.getvalue()

    fig, ax = plt.subplots()
    ax.set_xticks([0.5, 1.5], ["predicted 1", "predicted 0"])  # words on ticks (a function formatter)
    ax.set_title("mean")
    drawn = svg(fig)
    put_back, texts = relabel(fig, Table.of({"labels": {"predicted {k}": "prédit {k}", "mean": "moyenne"}}, "t.yml"))
    assert {"prédit 1", "prédit 0", "moyenne"} <= set(_texts(svg(fig)))
    assert ("predicted 1", "prédit 1", True) in texts
    put_back()
    assert svg(fig) == drawn
    plt.close(fig)
