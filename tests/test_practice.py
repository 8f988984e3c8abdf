"""The practice section: counts, one right answer per question, right choices that are what the code printed."""

from __future__ import annotations

import contextlib
import dataclasses
import html
import io
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from dlnotes_site import faq
from studysite import labs, practice, runner
from studysite.project import Project

PROJECT = Project.find(Path(__file__).parent)
LANGUAGES = PROJECT.languages  # ("ko", "en"), the default first
LECTURES = sorted(p.name for p in (PROJECT.docs / "ko" / "lectures").glob("*.md"))
PAGES = sorted(p.name for p in (PROJECT.docs / "ko" / "practice").glob("*.md"))
SHOWN = re.compile(r"^\s*[-*] \[(?P<mark>[xX ])\] <code>(?P<text>[^<]*)</code>\s*$")  # a run's line, as text


def page_text(lang: str, name: str) -> str:
    return (PROJECT.docs / lang / "practice" / name).read_text(encoding="utf-8")


def questions(lang: str, name: str) -> list[practice.Question]:
    return practice.parse_quizzes(page_text(lang, name), f"docs/{lang}/practice/{name}")


def is_predict(question: practice.Question) -> bool:
    return any(practice.OUTPUT.match(text) for _, right, text in question.choices if right)


def all_questions() -> list[tuple[str, str, practice.Question]]:
    return [(lang, name, q) for lang in LANGUAGES for name in PAGES for q in questions(lang, name)]


def quoted_snippets() -> list[str]:
    """The snippets the questions quote (embedded, or named by ``{output file.py:section}``)."""
    found = set()
    for _, _, question in all_questions():
        found |= {question.snippet} - {None}
        for _, _, text in question.choices:
            match = practice.OUTPUT.match(text)
            if match and match["path"]:
                found.add(match["path"])
    return sorted(found)


@pytest.fixture(scope="module")
def results() -> dict:
    """The quoted snippets' results, asked of the engine's runner (run now, or taken from its cache):
    this module needs no other to have run them first."""
    outcomes = runner.run(PROJECT, quoted_snippets(), progress=False)
    failed = [o.describe() for o in outcomes if not o.ok]
    assert not failed, failed
    return {o.rel: o.result for o in outcomes}


@pytest.fixture(scope="module")
def mistakes(results) -> dict[tuple[str, str], dict]:
    """Every plausible mistake's changed copy, run through the engine's runner (cached by content)."""
    found = [m for lang in LANGUAGES for name in PAGES
             for m in practice.mistakes_of(page_text(lang, name), f"docs/{lang}/practice/{name}", PROJECT.snippets)]
    copies = list(dict.fromkeys((m.snippet, m.source) for m in found))
    outcomes = runner.run_variants(PROJECT, copies)
    failed = [o.describe() for o in outcomes if not o.ok]
    assert not failed, failed
    return {copy: outcome.result for copy, outcome in zip(copies, outcomes, strict=True)}


def expand(lang: str, name: str, results: dict, mistakes: dict) -> str:
    return practice.expand_quizzes(page_text(lang, name), results, f"docs/{lang}/practice/{name}",
                                   snippets=PROJECT.snippets, variant=lambda rel, source: mistakes.get((rel, source)))


def printed_lines(result: dict, section: str) -> list[str]:
    """What the section printed, read from the recorded cells (independently of practice.section_output)."""
    cells = [cell for cell in result["cells"] if cell["section"] == section]
    assert len(cells) == 1, f"section {section}: {len(cells)} cells"
    return "".join(b["text"] for b in cells[0]["blocks"] if b["type"] == "text").splitlines()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("lecture", LECTURES)
def test_each_lecture_has_a_practice_page_with_five_concept_checks(lang, lecture):
    page = PROJECT.docs / lang / "practice" / lecture
    assert page.is_file(), f"docs/{lang}/lectures/{lecture} has no practice page docs/{lang}/practice/{lecture}"
    concept = [q for q in questions(lang, lecture) if not is_predict(q)]
    assert len(concept) >= 5, f"docs/{lang}/practice/{lecture}: {len(concept)} concept checks, at least 5 wanted"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("lecture", LECTURES)
def test_each_lecture_page_ends_with_a_link_to_its_practice(lang, lecture):
    text = (PROJECT.docs / lang / "lectures" / lecture).read_text(encoding="utf-8").rstrip()
    last = text.split("\n## ")[-1]
    assert f"(../practice/{lecture})" in last, f"docs/{lang}/lectures/{lecture} does not end with its practice link"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_at_least_six_predict_the_output_questions(lang):
    found = [q for name in PAGES for q in questions(lang, name) if is_predict(q)]
    assert len(found) >= 6, f"{lang}: {len(found)} predict-the-output questions, at least 6 wanted"


@pytest.mark.parametrize("name", PAGES)
def test_twins_ask_the_same_questions(name):
    shapes = {lang: [(len(q.choices), [right for _, right, _ in q.choices], is_predict(q))
                     for q in questions(lang, name)] for lang in LANGUAGES}
    assert shapes["ko"] == shapes["en"], f"docs/*/practice/{name}: the twins' questions differ: {shapes}"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_every_question_has_exactly_one_right_answer(lang, name, results, mistakes):
    for question in questions(lang, name):
        right = [c for c in question.choices if c[1]]
        assert len(right) == 1, f"{question.where}: {len(right)} right answers"
        assert len(question.choices) >= 2, f"{question.where}: fewer than two choices"
    expand(lang, name, results, mistakes)  # raises on a bad one


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_predict_every_choice_is_what_its_code_printed(lang, name, results, mistakes):
    """The right choice is the recorded line of the section; each wrong one the same line of its changed copy,
    read here from the recorded cells (independently of the engine's section_output)."""
    where = f"docs/{lang}/practice/{name}"
    expanded = expand(lang, name, results, mistakes).split("\n")
    copies = {m.line: m for m in practice.mistakes_of(page_text(lang, name), where, PROJECT.snippets)}
    for before in questions(lang, name):
        if not is_predict(before):
            continue
        spec = next(text for _, right, text in before.choices if right)
        match = practice.OUTPUT.match(spec)
        rel, section = (match["path"], match["section"]) if match["path"] else (before.snippet, before.section)
        number = int(match["line"] or 1) - 1
        wanted = {(True, printed_lines(results[rel], section)[number].strip())}
        for line, right, _ in before.choices:
            if not right:
                copy = copies[line]
                wanted.add((False, printed_lines(mistakes[(copy.snippet, copy.source)], section)[number].strip()))
        shown = set()
        for line, _, _ in before.choices:  # the same lines hold the choices, in their new order
            found = SHOWN.match(expanded[line - 1])
            assert found, f"{before.where}: line {line} is not a run's line shown as text: {expanded[line - 1]!r}"
            shown.add((found["mark"] != " ", html.unescape(found["text"])))
        assert shown == wanted, f"{before.where}: shown {sorted(shown)}, the runs printed {sorted(wanted)}"
        assert len({text for _, text in shown}) == len(shown), f"{before.where}: two choices are the same"


def test_no_choice_of_a_predict_question_is_typed_by_hand():
    """Over every question: a question that shows or quotes code has its right choice from the run and each wrong
    one a {mistake ...} change to the code."""
    typed = [f"{q.where}, line {line}: {text}" for _, _, q in all_questions() if is_predict(q) or q.snippet
             for line, right, text in q.choices
             if not (practice.OUTPUT.match(text) if right else practice.MISTAKE.match(text))]
    assert not typed, "choices typed by hand:\n" + "\n".join(typed)
    assert sum(is_predict(q) for _, _, q in all_questions()) >= 12


# --- Concept checks without tells --------------------------------------------------------------------

TRUE_FALSE = {"ko": ("참", "거짓"), "en": ("True", "False")}
GIVE_AWAY = {"ko": ("반드시", "수 있습니다", "수록"), "en": ("always", "can", "the more")}


def concept_checks(lang: str, expanded: bool = True) -> list[tuple[practice.Question, list[str], int]]:
    """Each concept check as a reader sees it: (question, its choices in the order shown, the right one's place)."""
    found = []
    for name in PAGES:
        where = f"docs/{lang}/practice/{name}"
        asked = practice.parse_quizzes(page_text(lang, name), where)
        rights = [[right for _, right, _ in q.choices].index(True) for q in asked]
        # the order expand_quizzes shows them in (natural order: as written)
        orders = (practice.choice_orders(where, [(len(q.choices), r) for q, r in zip(asked, rights, strict=True)])
                  if expanded else [list(range(len(q.choices))) for q in asked])
        for question, right, order in zip(asked, rights, orders, strict=True):
            if question.snippet or any(practice.OUTPUT.match(t) or practice.MISTAKE.match(t)
                                       for _, _, t in question.choices):
                continue
            texts = [re.sub(r"[`$\\]", "", question.choices[k][2]).strip() for k in order]
            found.append((question, texts, order.index(right)))
    return found


def tell_statistics(checks) -> dict:
    """Share of the concept checks whose right answer sits in each place, and is the longest choice (true/false
    statements aside: their two words are fixed)."""
    places = Counter(place for _, _, place in checks)
    worded = [(texts, place) for _, texts, place in checks if len(texts) > 2 or not set(texts) <= {
        w for pair in TRUE_FALSE.values() for w in pair}]
    longest = sum(all(len(texts[place]) >= len(t) for t in texts) for texts, place in worded)
    return {"questions": len(checks), "places": dict(sorted(places.items())),
            "most_in_one_place": max(places.values()) / len(checks), "longest": longest / len(worded)}


def tells(stats: dict) -> list[str]:
    problems = []
    if stats["most_in_one_place"] > 0.4:
        problems.append(f"the right answer sits in one place in {stats['most_in_one_place']:.0%} of the questions "
                        f"({stats['places']})")
    if stats["longest"] > 0.4:
        problems.append(f"the right answer is the longest choice in {stats['longest']:.0%} of the questions")
    return problems


@pytest.mark.parametrize("lang", LANGUAGES)
def test_concept_checks_have_no_tell_of_place_or_length(lang):
    stats = tell_statistics(concept_checks(lang))
    assert stats["questions"] >= 30
    assert tells(stats) == [], f"{lang}: {tells(stats)}"


def test_the_tell_rule_catches_the_pages_as_written():
    """Before the order is drawn, the right answer sat second in most questions: the rule above says so."""
    assert any("one place" in t for t in tells(tell_statistics(concept_checks("ko", expanded=False))))


def test_choice_order_is_stable_and_dealt_evenly():
    questions_ = [(3, 1)] * 9 + [(2, 0)] * 4
    first = practice.choice_orders("docs/ko/practice/p.md", questions_)
    assert first == practice.choice_orders("docs/en/practice/p.md", questions_), "twins differ"
    assert first != practice.choice_orders("docs/ko/practice/q.md", questions_), "every page the same order"
    places = Counter(order.index(1) for order in first[:9])
    assert sorted(places.values()) == [3, 3, 3], places
    assert all(sorted(order) == list(range(len(order))) for order in first)


def statement(question: practice.Question) -> str:
    """The whole text of a question, up to its first choice."""
    lines = (PROJECT.root / question.page).read_text(encoding="utf-8").split("\n")
    return " ".join(lines[question.line: question.choices[0][0] - 1]).strip()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_true_false_statements_are_balanced_and_their_words_give_nothing_away(lang):
    statements = [(statement(q), texts[place]) for q, texts, place in concept_checks(lang, expanded=False)
                  if set(texts) == set(TRUE_FALSE[lang])]
    true, false = TRUE_FALSE[lang]
    verdicts = Counter(verdict for _, verdict in statements)
    assert abs(verdicts[true] - verdicts[false]) <= 1, f"{lang}: {dict(verdicts)} in {statements}"
    for word in GIVE_AWAY[lang]:
        sides = {verdict for text, verdict in statements if word in text.lower()}
        assert sides in (set(), {true, false}), f"{lang}: {word!r} appears only in statements that are {sides}"


# --- Bad input: each fails, naming the question -----------------------------------------------------

FAKE = {"x/y.py": {"cells": [{"section": "s", "lines": [1, 2], "blocks": [{"type": "text", "text": "a: 1\nb: 2\n"}],
                              "figures": []}]}}


def quiz(*choices: str, snippet: bool = True) -> str:
    embed = "!snippet x/y.py:s only=code\n\n" if snippet else ""
    return "# Page\n\n<quiz>\nWhat does it print?\n\n" + embed + "\n".join(choices) + "\n\nWhy.\n</quiz>\n"


SNIPPET = 'b = 2\n# --8<-- [start:s]\nprint("a:", 1)\nprint("b:", b)\n# --8<-- [end:s]\nassert b == 2\n'


def fake_runs(snippets: Path):
    """A snippets folder with x/y.py, and what its changed copies print: the second line prints b, so a
    change of `b` shows; a copy that names `c` fails to run."""
    (snippets / "x").mkdir(parents=True, exist_ok=True)
    (snippets / "x" / "y.py").write_text(SNIPPET, encoding="utf-8")

    def variant(rel, source):
        assert rel == "x/y.py" and source.rstrip().endswith("# --8<-- [end:s]"), "a copy ends with its section"
        if "c" in source.replace("print", ""):
            return {"error": "NameError: name 'c' is not defined"}
        namespace, out = {}, io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(source, namespace)
        return {"cells": [{"section": "s", "blocks": [{"type": "text", "text": out.getvalue()}]}]}
    return variant


@pytest.mark.parametrize(("choices", "snippet", "message"), [
    (["- [ ] one", "- [ ] two"], False, "has no right answer"),
    (["- [x] one", "- [x] two"], False, "has 2 right answers"),
    (["- [x] {output line=2}", "- [x] {output line=1}"], True, "has 2 right answers"),
    (["- [x] {output line=2}", "- [ ] `b: 3`"], True, "typed by hand"),
    (["- [x] `b: 3`", "- [ ] {mistake `b` -> `3`}"], True, "a mistake belongs to a question whose right choice is"),
    (["- [x] {output line=2}", "- [ ] {mistake `\"a:\", 1` -> `\"a:\", 3`}"], True,
     "prints what the right code prints"),
    (["- [x] {output line=2}", "- [ ] {mistake `\"b:\", b` -> `\"b:\", c`}"], True, "fails to run: NameError"),
    (["- [x] {output line=2}", "- [ ] {mistake `print` -> `len`}"], True, "occurs 2 times in section 's'"),
    (["- [x] {output line=2}", "- [ ] {mistake `\"b:\", b` -> `\"b:\", b + 1`}",
      "- [ ] {mistake `\"b:\", b` -> `\"b:\", 1 + b`}"], True, "both print 'b: 3'"),
    (["- [x] {output}", "- [ ] {mistake `b)` -> `b + 1)`}"], True, "prints 2 lines"),
    (["- [x] {output line=5}", "- [ ] {mistake `b)` -> `b + 1)`}"], True, "prints 2 lines"),
    (["- [x] {output line=1}", "- [ ] `b: 2`"], False, "needs the question to embed a snippet"),
    (["- [x] {output x/y.py:t line=1}", "- [ ] {mistake `b)` -> `b + 1)`}"], False, "has no section 't'"),
    (["- [x] {output x/z.py:s line=1}", "- [ ] {mistake `b)` -> `b + 1)`}"], True,
     "names snippets/x/z.py:s, but the question shows snippets/x/y.py:s"),
    (["- [x] 2", "- [ ] {output line=2}"], False, "belongs to a question whose right choice is {output}"),
])
def test_bad_question_fails_naming_it(choices, snippet, message, tmp_path):
    variant = fake_runs(tmp_path)
    with pytest.raises(practice.QuizError, match=re.escape(message)) as error:
        practice.expand_quizzes(quiz(*choices, snippet=snippet), FAKE, "docs/ko/practice/p.md", snippets=tmp_path,
                                variant=variant)
    assert "docs/ko/practice/p.md:3: question 'What does it print?'" in str(error.value)


def test_good_question_gets_the_recorded_line_and_the_mistakes_their_runs(tmp_path):
    variant = fake_runs(tmp_path)
    question = quiz("- [ ] {mistake `b)` -> `b * 2)`}", "- [x] {output line=2}", "- [ ] {mistake `b)` -> `-b)`}")
    out = practice.expand_quizzes(question, FAKE, "p.md", snippets=tmp_path, variant=variant)
    shown = {(m["mark"], html.unescape(m["text"])) for line in out.split("\n") if (m := SHOWN.match(line))}
    assert shown == {("x", "b: 2"), (" ", "b: 4"), (" ", "b: -2")}, out
    named = practice.expand_quizzes(quiz("- [x] {output x/y.py:s line=1}", "- [ ] {mistake `1)` -> `7)`}",
                                         snippet=False), FAKE, "p", snippets=tmp_path, variant=variant)
    assert {html.unescape(m["text"]) for line in named.split("\n") if (m := SHOWN.match(line))} == {"a: 1", "a: 7"}


def test_what_a_run_printed_is_shown_as_text_whatever_it_holds(tmp_path):
    printed = 'a`<img src=x onerror="window.__pwned_quiz=1">`b $x$ {value n} *c* [d](e)'
    fake = {"x/y.py": {"cells": [{"section": "s", "blocks": [{"type": "text", "text": printed + "\n"}]}]}}
    fake_runs(tmp_path)
    out = practice.expand_quizzes(quiz("- [x] {output}", "- [ ] {mistake `b)` -> `b + 1)`}"), fake, "p.md",
                                  pending=lambda rel: True, snippets=tmp_path)
    line = next(line for line in out.split("\n") if line.startswith("- [x]"))
    assert not set(line.removeprefix("- [x] ")) & set("`<>\"$*[]{}") - set("<>"), line
    assert re.sub(r"</?code>", "", line).count("<") == 0 and html.unescape(SHOWN.match(line)["text"]) == printed


def test_a_choice_whose_snippet_is_still_running_says_so(tmp_path):
    # A fresh clone's first mkdocs serve (first_runs): the choices wait, with a note, for their runs.
    fake_runs(tmp_path)
    question = quiz("- [ ] {mistake `b)` -> `b * 2)`}", "- [x] {output line=2}")
    for lang in LANGUAGES:
        note = PROJECT.text(lang, "quiz_still_running")  # as the practice plugin passes it
        out = practice.expand_quizzes(question, {}, "p.md", pending=lambda rel: rel == "x/y.py", lang=lang,
                                      still_running=note, snippets=tmp_path)
        assert f"- [x] {note}" in out and f"- [ ] {note}" in out and "{output" not in out and "{mistake" not in out
    with pytest.raises(practice.QuizError, match="has no output yet"):
        practice.expand_quizzes(question, {}, "p.md", snippets=tmp_path)  # not still running: it has no output


def test_twins_that_mark_different_choices_fail_naming_the_question():
    """A concept check with a wrong answer marked in one language: its twin marks another choice."""
    ko = quiz("- [x] 하나", "- [ ] 둘", snippet=False)
    en = quiz("- [ ] one", "- [x] two", snippet=False)
    problems = practice.twin_problems({"ko": (ko, "docs/ko/practice/p.md"), "en": (en, "docs/en/practice/p.md")})
    assert problems == ["docs/en/practice/p.md:3: question 'What does it print?' marks choice 2 right, its twin "
                        "docs/ko/practice/p.md:3: question 'What does it print?' choice 1: one of them marks a wrong "
                        "answer"], problems
    assert practice.twin_problems({"ko": (ko, "a"), "en": (ko.replace("하나", "one"), "b")}) == []


@pytest.mark.parametrize("name", PAGES)
def test_the_site_twins_mark_the_same_choices(name):
    assert practice.twin_problems({lang: (page_text(lang, name), f"docs/{lang}/practice/{name}")
                                   for lang in LANGUAGES}) == []


# --- Exercises and the mock exam --------------------------------------------------------------------

EXERCISES = practice.discover(PROJECT.root / "practice")
CHECK_CALL = re.compile(r"^check\(", re.M)


def executed(name: str, lang: str, role: str):
    import nbformat

    return nbformat.read(practice.executed_path(PROJECT, name, lang, role), as_version=4)


def check_cells(nb) -> list:
    return [cell for cell in nb.cells if cell.cell_type == "code" and CHECK_CALL.search(cell.source)]


def messages(cell, lang: str) -> list[str]:
    """The messages in a check cell of a notebook of one language: check((lambda: ..., "message"), ...)."""
    import ast

    found = [node.elts[1].value for node in ast.walk(ast.parse(cell.source))
             if isinstance(node, ast.Tuple) and len(node.elts) == 2 and isinstance(node.elts[0], ast.Lambda)
             and isinstance(node.elts[1], ast.Constant) and isinstance(node.elts[1].value, str)]
    assert not practice.check_messages(cell.source, LANGUAGES), f"a {lang} notebook's check has every language"
    return found


def test_there_are_exercises_and_a_mock_exam():
    assert "mock-exam.py" in EXERCISES, "practice/mock-exam.py is missing"
    assert len(EXERCISES) >= 3, EXERCISES


@pytest.mark.parametrize("name", EXERCISES)
def test_exercise_is_well_formed(name):
    nb = labs.read(PROJECT.root / "practice" / name)
    assert labs.check_twins(nb, LANGUAGES) + practice.check_roles(nb) == [], f"practice/{name}"


@pytest.mark.parametrize("name", EXERCISES)
def test_exercise_is_on_a_practice_page(name):
    stem = Path(name).stem
    for lang in LANGUAGES:
        assert any(f"!exercise {stem}" in page_text(lang, page) for page in PAGES), f"{lang}: no page shows {stem}"


NAV_LECTURES = faq.lectures_in(faq.read_config(PROJECT.root / "mkdocs.yml")["nav"])


EXERCISE_HEADING = re.compile(r"^## .+ \{#exercise\}$", re.M)


def missing_exercises(docs: Path, exercises: Path, lecture: str) -> list[str]:
    """What keeps ``lecture`` from having a coding exercise: in each language its practice page has a section
    ``## ... {#exercise}`` and an ``!exercise <name>`` line, and ``practice/<name>.py`` exists."""
    problems = []
    for lang in LANGUAGES:
        page = docs / lang / "practice" / f"{lecture}.md"
        where = f"lecture {lecture}: docs/{lang}/practice/{lecture}.md"
        text = page.read_text(encoding="utf-8") if page.is_file() else ""
        names = practice.EXERCISE.findall(text)
        if not names:
            problems.append(f"{where} has no `!exercise <name>` line")
        elif not EXERCISE_HEADING.search(text):
            problems.append(f"{where} has no section `## ... {{#exercise}}`")
        problems += [f"{where} shows practice/{name}.py, which does not exist"
                     for name in names if not (exercises / f"{name}.py").is_file()]
    return problems


def test_the_nav_lists_lectures():
    assert len(NAV_LECTURES) >= 7, f"mkdocs.yml: the nav lists {NAV_LECTURES} as lectures/*.md"


@pytest.mark.parametrize("lecture", NAV_LECTURES)
def test_every_lecture_in_the_nav_has_an_exercise_on_its_practice_page(lecture):
    problems = missing_exercises(PROJECT.docs, PROJECT.root / "practice", lecture)
    assert not problems, "\n".join(problems)


def test_a_lecture_without_an_exercise_is_caught(tmp_path):
    """The rule above on a docs folder where one lecture's Korean page only quotes the line in its prose and its
    English page names an exercise that does not exist, under a heading without the id."""
    (tmp_path / "practice").mkdir()
    (tmp_path / "practice" / "probe.py").write_text("", encoding="utf-8")
    pages = {"ko": {"probe": "## 코딩 연습 {#exercise}\n\n!exercise probe\n",
                    "bare": "## 개념 확인 {#concepts}\n\n`!exercise probe` 줄은 없습니다.\n"},
             "en": {"probe": "## Coding exercise {#exercise}\n\n!exercise probe\n",
                    "bare": "## Coding exercise\n\n!exercise gone\n"}}
    for lang, texts in pages.items():
        (tmp_path / "docs" / lang / "practice").mkdir(parents=True)
        for lecture, text in texts.items():
            (tmp_path / "docs" / lang / "practice" / f"{lecture}.md").write_text(text, encoding="utf-8")
    docs, exercises = tmp_path / "docs", tmp_path / "practice"
    assert missing_exercises(docs, exercises, "probe") == []
    assert missing_exercises(docs, exercises, "bare") == [
        "lecture bare: docs/ko/practice/bare.md has no `!exercise <name>` line",
        "lecture bare: docs/en/practice/bare.md has no section `## ... {#exercise}`",
        "lecture bare: docs/en/practice/bare.md shows practice/gone.py, which does not exist"]
    assert missing_exercises(docs, exercises, "absent") == [
        f"lecture absent: docs/{lang}/practice/absent.md has no `!exercise <name>` line" for lang in LANGUAGES]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", EXERCISES)
def test_solution_passes_every_check_in_a_fresh_kernel(name, lang, practice_outcomes):
    assert practice_outcomes[name].ok, practice_outcomes[name].describe()
    nb = executed(name, lang, "solution")
    cells = check_cells(nb)
    assert cells, f"practice/{name}: no check cells"
    for cell in cells:
        errors = [o for o in cell.outputs if o.output_type == "error"]
        assert not errors, f"practice/{name} ({lang}) solution fails: {errors[0].evalue}"
        text = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
        assert text.count("✓ ") == len(messages(cell, lang)) and "✗" not in text, f"practice/{name} ({lang}): {text}"


def starter_problems(nb, lang: str, name: str) -> list[str]:
    problems = []
    for index, cell in enumerate(check_cells(nb)):
        where = f"practice/{name} ({lang}), check cell {index + 1}"
        errors = [o for o in cell.outputs if o.output_type == "error"]
        if not errors:
            problems.append(f"{where} passes on the unmodified starter")
        elif errors[0].ename != "CheckFailed":
            problems.append(f"{where} fails with {errors[0].ename}: {errors[0].evalue}")
        elif errors[0].evalue.split(" / ") != messages(cell, lang):
            problems.append(f"{where}: not every check failed with its message: {errors[0].evalue}")
    return problems


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", EXERCISES)
def test_starter_fails_every_check_with_its_message(name, lang, practice_outcomes):
    """The starter as downloaded: each check cell fails, naming every one of its checks in the reader's language."""
    assert practice_outcomes[name].ok, practice_outcomes[name].describe()
    assert starter_problems(executed(name, lang, "starter"), lang, name) == []


@pytest.mark.parametrize("name", EXERCISES)
def test_check_cells_do_not_give_the_answer_away(name):
    nb = practice.notebook(PROJECT, name, "en", "solution")
    answers = {line.strip() for cell in nb.cells if "solution" in cell.metadata.get("tags", [])
               for line in cell.source.splitlines() if len(line.strip()) > 12 and not line.strip().startswith("#")}
    for cell in check_cells(nb):
        shown = [line for line in answers if line in cell.source]
        assert not shown, f"practice/{name}: a check cell contains the solution's line {shown[0]!r}"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", EXERCISES)
def test_starter_download_has_todos_and_no_solution(name, lang, practice_outcomes):
    import nbformat

    assert practice_outcomes[name].ok, practice_outcomes[name].describe()
    nb = nbformat.read(practice.download_path(PROJECT, name, lang), as_version=4)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert not any("solution" in cell.metadata.get("tags", []) for cell in code), f"practice/{name}: a solution"
    assert sum("# TODO" in cell.source for cell in code) >= 1
    assert not any(re.search(r"^\s*(import|from)\s+(dlnotes\w*|studysite)\b", c.source, re.M) for c in code), (
        f"practice/{name} ({lang}): the download imports the project's own code")
    assert not any(cell.outputs for cell in code), f"practice/{name} ({lang}): the download is not clean"


HANGUL = re.compile("[\uac00-\ud7a3]")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", EXERCISES)
def test_a_notebook_speaks_its_readers_language_only(name, lang):
    """The notebook a reader downloads (and the solution a page shows) holds each check's message and the check
    helper's own words in the reader's language only: no Korean in the English one, no English message in the
    Korean one."""
    from studysite.practice import exercises

    source = labs.read(exercises.folder_of(PROJECT) / name)
    others = {messages[other] for cell in source.cells if cell.cell_type == "code"
              for messages in exercises.check_messages(cell.source, LANGUAGES) for other in LANGUAGES if other != lang}
    assert others, f"practice/{name}: no check messages found"
    for role in ("starter", "solution"):
        code = "\n".join(c.source for c in exercises.notebook(PROJECT, name, lang, role).cells if c.cell_type == "code")
        left = [m for m in others if m in code]
        assert not left, f"practice/{name} ({lang} {role}): another language's check message: {left[0]!r}"
        if lang != "ko":
            korean = [line for line in code.splitlines() if HANGUL.search(line)]
            assert not korean, f"practice/{name} ({lang} {role}): Korean in the code: {korean[0]!r}"


def test_a_warm_run_executes_nothing(practice_outcomes):
    again = practice.build(PROJECT)
    assert all(o.status == "cached" for o in again), [o.describe() for o in again if o.status != "cached"]


def test_a_check_that_passes_on_the_starter_is_caught():
    """The starter test's rule on a notebook where one check cell passes and one fails with the wrong message."""
    import nbformat

    def cell(source, outputs):
        made = nbformat.v4.new_code_cell(source)
        made.outputs = outputs
        return made

    passing = cell('check((lambda: True, "항상", "always"),)',
                   [nbformat.v4.new_output("stream", name="stdout", text="✓ always\n")])
    wrong = cell('check((lambda: x.units == 3, "노드 3개", "3 nodes"),)',
                 [nbformat.v4.new_output("error", ename="NameError", evalue="name 'x' is not defined", traceback=[])])
    nb = nbformat.v4.new_notebook(cells=[passing, wrong])
    problems = starter_problems(nb, "en", "probe.py")
    assert any("passes on the unmodified starter" in p for p in problems), problems
    assert any("fails with NameError" in p for p in problems), problems


def exercise_source(shared: str, solution: str, starter: str = "# TODO\nx = None") -> str:
    """An exercise whose last cell checks that x == 1."""
    return ('# %% [markdown] tags=["ko"]\n# # 연습\n\n# %% [markdown] tags=["en"]\n# # Probe\n\n'
            f'# %%\nfrom dlnotes_check import check\n{shared}\n\n'
            f'# %% tags=["starter"]\n{starter}\n\n'
            f'# %% tags=["solution"]\n{solution}\n\n'
            '# %%\ncheck((lambda: x == 1, "x는 1이어야 합니다.", "x should be 1."),)\n')


def probe_project(tmp_path, solution: str) -> Project:
    """A project with the site's options (its practice folder, helpers, kernels) and languages, in ``tmp_path``."""
    root = tmp_path / "project"
    (root / "practice").mkdir(parents=True)
    (root / "snippets").mkdir()
    for helper in PROJECT.helper_paths():  # dlnotes, and dlnotes_check whose check() the exercises use
        shutil.copy(helper, root / "snippets" / helper.name)
    (root / "practice" / "probe.py").write_text(
        exercise_source(f'open({str(tmp_path / "runs.txt")!r}, "a").write("run\\n")', solution), encoding="utf-8")
    project = Project.at(root, dataclasses.replace(PROJECT.settings, practice_dir="practice"), languages=LANGUAGES)
    assert practice.folder_of(project) == root / "practice"
    return project


def test_an_exercise_runs_once_and_each_language_reads_its_own_messages(tmp_path):
    """The starter and the solution run once each; the English notebooks get the same outputs, with
    the English message of each check."""
    project = probe_project(tmp_path, "x = 1\nprint(x * 7)")
    outcome = practice.execute(project, "probe.py", jobs=2)
    assert outcome.ok, outcome.describe()
    assert (tmp_path / "runs.txt").read_text() == "run\nrun\n", "not one run per role"

    def outputs(lang, role):
        import nbformat

        nb = nbformat.read(practice.executed_path(project, "probe.py", lang, role), as_version=4)
        code = [cell for cell in nb.cells if cell.cell_type == "code"]
        return ["".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream") for cell in code], [
            o for cell in code for o in cell.outputs if o.output_type == "error"]

    (ko, _), (en, _) = outputs("ko", "solution"), outputs("en", "solution")
    assert ko[-2:] == ["7\n", "✓ x는 1이어야 합니다.\n모두 통과했습니다.\n"], ko
    assert en[-2:] == ["7\n", "✓ x should be 1.\nAll checks passed.\n"], en
    (_, [ko_error]), (en_text, [en_error]) = outputs("ko", "starter"), outputs("en", "starter")
    assert (ko_error.ename, ko_error.evalue) == ("CheckFailed", "x는 1이어야 합니다."), ko_error
    assert (en_error.ename, en_error.evalue) == ("CheckFailed", "x should be 1."), en_error
    assert "x should be 1." in en_error.traceback[-1] and en_text[-1] == "✗ x should be 1.\n", en_text

    # The English download, run as a reader runs it: its checks carry the English message only, and work.
    import nbformat

    from studysite import kernels

    download = nbformat.read(practice.download_path(project, "probe.py", "en"), as_version=4)
    assert "x는" not in nbformat.writes(download), "the English download has the Korean message"
    kernels.run(download, cwd=str(tmp_path), allow_errors=True)
    printed = "".join(o.get("text", "") for c in download.cells if c.cell_type == "code" for o in c.outputs)
    assert "✗ x should be 1." in printed, printed


def test_an_exercise_that_prints_korean_outside_a_check_fails_naming_the_cell(tmp_path):
    """Only a check's message has a twin in the other language: other Korean output cannot be translated."""
    project = probe_project(tmp_path, 'x = 1\nprint("정답", x)')
    outcome = practice.execute(project, "probe.py", jobs=2)
    assert outcome.status == "failed", outcome
    error = outcome.error
    assert "solution, code cell 2" in error and "prints words that are no check message" in error, error
    assert "정답 1" in error, error
    assert not list(project.cache.rglob("*.ipynb")), "a failed exercise wrote notebooks"


def test_a_failing_solution_fails_the_exercise_naming_its_role_and_cell(tmp_path):
    """The starter and the solution run side by side; the solution raising is enough, and nothing is written."""
    project = probe_project(tmp_path, "x = 1 / 0")
    outcome = practice.execute(project, "probe.py", jobs=2)
    assert outcome.status == "failed" and outcome.source == "practice/probe.py", outcome
    assert "solution" in outcome.error and "ZeroDivisionError" in outcome.error, outcome.error
    assert outcome.cell is not None, outcome
    assert not list(project.cache.rglob("*.ipynb")), "a failed exercise wrote notebooks"


@pytest.mark.kept("scripts/mkdocs-studysite/studysite/**/*", "mkdocs.yml", "snippets/dlnotes.py")
def test_the_next_exercise_runs_beside_a_long_solution(tmp_path):
    """Every exercise's kernels share one pool: once a's short starter is done, b starts beside a's solution."""
    log = str(tmp_path / "times.txt")
    project = probe_project(tmp_path, "x = 1")
    (project.root / "practice" / "a.py").write_text(exercise_source(
        "import time", f'time.sleep(6)\nopen({log!r}, "a").write(f"a-solved {{time.time()}}\\n")\nx = 1'),
        encoding="utf-8")
    (project.root / "practice" / "b.py").write_text(exercise_source(
        f'import time\nopen({log!r}, "a").write(f"b-started {{time.time()}}\\n")', "x = 1"), encoding="utf-8")
    outcomes = practice.build(project, jobs=2, progress=False)
    assert [(o.rel, o.status) for o in outcomes] == [("a.py", "ran"), ("b.py", "ran"), ("probe.py", "ran")], \
        [o.describe() for o in outcomes]
    times = {event: float(at) for event, at in (line.split() for line in Path(log).read_text().splitlines())}
    assert times["b-started"] < times["a-solved"], "the next exercise waited for the long solution to finish"
