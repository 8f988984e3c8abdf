"""Quizzes (mkdocs-quiz's ``<quiz>`` blocks) whose every choice of a predict-the-output question is a real run.

Every block must mark exactly one right choice; a predict-the-output block embeds a snippet section's
code and its right choice is ``- [x] {output}`` (the section's recorded output), so it cannot go stale.
Each wrong choice is a plausible mistake written as a small change to that code,
``- [ ] {mistake `>=` -> `>`}`` (several: ``{mistake `a` -> `b`, `c` -> `d`}``; ``→`` also reads): the
build runs the changed copy like any snippet (``runner.run_variants``, cached by content) and the
choice is the line it printed, in the same format by construction. A wrong choice typed by hand, a
change that names no single place of the section, a copy that fails to run or prints what the right
code prints, fails the build naming the question. Every quiz's choices are put in an order drawn
from the page's file name and the question's number (``choice_orders``): the same from build to build
and in every language's twin, with the right choice's place dealt evenly among a page's questions.
Whatever a run printed is shown as text, never read as Markdown or HTML.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .. import embed
from ..sections import SnippetError, cells_of

# --- Quizzes ---------------------------------------------------------------------------------------

QUIZ = re.compile(r"^[ \t]*<quiz>[ \t]*\n(?P<body>.*?)^[ \t]*</quiz>[ \t]*$", re.M | re.S)
CHOICE = re.compile(r"^(?P<indent>[ \t]*)[-*] \[(?P<mark>[xX ]?)\] (?P<text>.*)$")
OUTPUT = re.compile(r"^\{output(?: (?P<path>[\w./-]+\.py):(?P<section>\w+))?(?: line=(?P<line>\d+))?\}$")
MISTAKE = re.compile(r"^\{mistake (?P<changes>.+)\}$")
CHANGE = re.compile(r"`(?P<old>[^`]+)`[ \t]*(?:->|→)[ \t]*`(?P<new>[^`]*)`")


class QuizError(Exception):
    pass


class StillRunning(Exception):
    """The snippet a choice quotes has not run yet (a fresh clone's first ``mkdocs serve``)."""


@dataclass
class Question:
    page: str
    line: int  # of the <quiz> tag
    title: str  # its first line, to name it
    snippet: str | None
    section: str | None
    choices: list[tuple[int, bool, str]] = field(default_factory=list)  # (line, right, text)

    @property
    def where(self) -> str:
        return f"{self.page}:{self.line}: question '{self.title}'"


def parse_quizzes(markdown: str, page: str = "<page>") -> list[Question]:
    found = []
    for match in QUIZ.finditer(markdown):
        first = markdown.count("\n", 0, match.start()) + 1
        lines = match["body"].split("\n")
        title = next((line.strip() for line in lines if line.strip()), "")[:60]
        question = Question(page, first, title, None, None)
        embeds = embed.find_embeds(match["body"], page)  # the one grammar of embeds (a bad one is an error)
        if embeds:
            question.snippet, question.section = embeds[0].path, embeds[0].section
        for offset, line in enumerate(lines, start=first + 1):
            choice = CHOICE.match(line)
            if choice:
                question.choices.append((offset, choice["mark"].lower() == "x", choice["text"].strip()))
        found.append(question)
    return found


def section_output(result: dict, section: str | None) -> str:
    texts = [block["text"] for cell in result.get("cells", []) if cell.get("section") == section
             for block in cell.get("blocks", []) if block["type"] == "text"]
    return "".join(texts)


def _named_section(question: Question, spec: str) -> tuple[str | None, str | None]:
    """The snippet and section a right choice ``{output ...}`` quotes; one other than the question shows fails."""
    match = OUTPUT.match(spec)
    if not match["path"]:
        return question.snippet, question.section
    if question.snippet is not None and (match["path"], match["section"]) != (question.snippet, question.section):
        raise QuizError(f"{question.where}: {spec} names snippets/{match['path']}:{match['section']}, but the "
                        f"question shows snippets/{question.snippet}:{question.section}: quote the code it shows")
    return match["path"], match["section"]


def _printed_line(question: Question, spec: str, result: dict, snippet: str, section: str, what: str) -> str:
    """Line ``line=N`` of ``spec`` (or the only line) of what ``section`` printed in ``result``."""
    match = OUTPUT.match(spec)
    if not any(cell.get("section") == section for cell in result.get("cells", [])):
        raise QuizError(f"{question.where}: {what} snippets/{snippet} has no section '{section}'")
    lines = section_output(result, section).rstrip("\n").split("\n")
    if match["line"] is None:
        if len(lines) != 1:
            raise QuizError(f"{question.where}: section '{section}' prints {len(lines)} lines; "
                            "choose one with {output line=N}")
        return lines[0].strip()
    number = int(match["line"])
    if not 1 <= number <= len(lines):
        raise QuizError(f"{question.where}: {spec}, but section '{section}' {what.strip() or 'of'} prints "
                        f"{len(lines)} lines")
    return lines[number - 1].strip()


def recorded_choice(question: Question, spec: str, results: dict,
                    pending: Callable[[str], bool] = lambda rel: False) -> str:
    """The text the run printed for ``{output}`` / ``{output line=N}`` in ``question``."""
    snippet, section = _named_section(question, spec)
    if snippet is None:
        raise QuizError(f"{question.where}: {spec} needs the question to embed a snippet section "
                        "or to name one: {output file.py:section line=N}")
    result = results.get(snippet)
    if result is None and pending(snippet):
        raise StillRunning(snippet)
    if result is None:
        raise QuizError(f"{question.where}: snippets/{snippet} has no output yet: run `studysite run`")
    return _printed_line(question, spec, result, snippet, section, "")


# --- Plausible mistakes: changed copies of the question's code -------------------------------------------


@dataclass
class Mistake:
    question: Question
    line: int  # of its choice on the page
    spec: str  # {mistake `a` -> `b`}
    right: str  # the question's right choice, {output ...}: the mistake prints the same line of its copy
    snippet: str
    section: str
    source: str  # the snippet with the change, up to the end of the section

    @property
    def where(self) -> str:
        return f"{self.question.where}: the mistake on line {self.line} ({self.spec})"


def changes_of(spec: str) -> list[tuple[str, str]] | None:
    """The ``(old, new)`` pairs of ``{mistake `old` -> `new`, ...}``; None if ``spec`` is no mistake."""
    match = MISTAKE.match(spec)
    if not match:
        return None
    rest, found = match["changes"].strip(), []
    while rest:
        change = CHANGE.match(rest)
        if not change:
            raise ValueError(f"cannot read {rest!r}: write {{mistake `old` -> `new`}}, several separated by commas")
        found.append((change["old"], change["new"]))
        rest = rest[change.end():].lstrip()
        if rest.startswith(","):
            rest = rest[1:].lstrip()
            if not rest:
                raise ValueError("a comma with no change after it")
    return found


def changed_copy(snippets: Path, snippet: str, section: str, changes: list[tuple[str, str]], where: str) -> str:
    """The snippet's text up to the end of ``section``, with each change made once in that section."""
    path = snippets / snippet
    if not path.is_file():
        raise QuizError(f"{where}: snippets/{snippet} does not exist")
    text = path.read_text(encoding="utf-8")
    try:
        cell = next((c for c in cells_of(text) if c.section == section), None)
    except SnippetError as error:
        raise QuizError(f"{where}: snippets/{snippet}, line {error.line}: {error}") from None
    if cell is None:
        raise QuizError(f"{where}: snippets/{snippet} has no section '{section}'")
    code = cell.code
    for old, new in changes:
        count = code.count(old)
        if count != 1:
            raise QuizError(f"{where}: `{old}` occurs {count} times in section '{section}' of snippets/{snippet}; "
                            "a change names one place (quote more of its line)")
        code = code.replace(old, new, 1)
    if code == cell.code:
        raise QuizError(f"{where}: the change leaves the code as it is")
    lines = text.split("\n")
    return "\n".join([*lines[: cell.first - 1], code, lines[cell.last]]) + "\n"  # ... the section's end marker


def mistakes_of(markdown: str, page: str, snippets: Path) -> list[Mistake]:
    """Every plausible mistake of a page's predict-the-output questions, with its changed copy."""
    found = []
    for question in parse_quizzes(markdown, page):
        right = [text for _, is_right, text in question.choices if is_right and OUTPUT.match(text)]
        for line, is_right, text in question.choices:
            try:
                changes = changes_of(text)
            except ValueError as error:
                raise QuizError(f"{question.where}, line {line}: {error}") from None
            if changes is None:
                continue
            if is_right:
                raise QuizError(f"{question.where}, line {line}: a mistake is marked right: mark it - [ ]")
            if len(right) != 1:
                raise QuizError(f"{question.where}, line {line}: a mistake belongs to a question whose right "
                                "choice is {output} or {output line=N}")
            snippet, section = _named_section(question, right[0])
            if snippet is None:
                raise QuizError(f"{question.where}: {right[0]} needs the question to embed a snippet section "
                                "or to name one: {output file.py:section line=N}")
            mistake = Mistake(question, line, text, right[0], snippet, section, "")
            mistake.source = changed_copy(snippets, snippet, section, changes, mistake.where)
            found.append(mistake)
    return found


# --- Showing a run's text, and the order of the choices -----------------------------------------------------

_ENTITIES = set("\\`*_{}[]()<>#+-.!|&\"'~=:$%@^;/,?")


def code_text(text: str) -> str:
    """``text`` as an inline code element whose every Markdown- or HTML-significant character is an
    entity: what a run printed is shown as text, never read as a code span's end, a tag, math or an
    embed (``<img onerror=…>``, a backtick, ``$``, ``{value …}``)."""
    return "<code>" + "".join(f"&#{ord(c)};" if c in _ENTITIES or ord(c) < 32 else c for c in text) + "</code>"


def _seeded(*key) -> random.Random:
    return random.Random(int.from_bytes(hashlib.sha256("#".join(map(str, key)).encode()).digest()[:8], "big"))


def choice_orders(page: str, questions: list[tuple[int, int]]) -> list[list[int]]:
    """The order in which each question of ``page`` shows its choices, from ``(count, right)`` per question:
    ``order[k]`` is the choice shown k-th. Drawn from the page's file name and each question's number, so
    it is the same in every build and in every language's twin. The right choice's places are dealt
    evenly among the questions with as many choices (no place is the right one more often than chance
    allows), in a seeded random order; the wrong choices are shuffled around it."""
    name = PurePosixPath(page).name
    places: list[int] = [0] * len(questions)
    groups: dict[int, list[int]] = {}
    for index, (count, _) in enumerate(questions):
        groups.setdefault(count, []).append(index)
    for count, indices in groups.items():
        deal = _seeded(name, "places", count)
        cycle = list(range(count))
        deal.shuffle(cycle)  # which places get one more when the questions do not divide evenly
        sequence = (cycle * (len(indices) // count + 1))[: len(indices)]
        deal.shuffle(sequence)
        for index, place in zip(indices, sequence, strict=True):
            places[index] = place
    orders = []
    for index, (count, right) in enumerate(questions):
        others = [k for k in range(count) if k != right]
        _seeded(name, index).shuffle(others)
        orders.append([*others[: places[index]], right, *others[places[index]:]] if 0 <= right < count
                      else list(range(count)))
    return orders


def _plain(text: str) -> str:
    return text.strip().strip("`").strip()


def expand_quizzes(markdown: str, results: dict, page: str, pending: Callable[[str], bool] = lambda rel: False,
                   lang: str = "en", still_running: str = "(example still running)", *,
                   snippets: Path | None = None, variant: Callable[[str, str], dict | None] = lambda rel, src: None,
                   shuffle: bool = True) -> str:
    """Check every ``<quiz>`` of a page, write the recorded output into each ``{output}`` choice and the
    output of its changed copy into each ``{mistake}`` (``variant(snippet, source)``: the recorded run, or
    ``{"error": ...}``), and put the choices in their order (while ``pending`` says a snippet is still
    running, a note that it is)."""
    questions = parse_quizzes(markdown, page)
    lines = markdown.split("\n")
    copies = {}
    if snippets is not None:
        copies = {mistake.line: mistake for mistake in mistakes_of(markdown, page, snippets)}
    for question in questions:
        right = [choice for choice in question.choices if choice[1]]
        if not question.choices:
            raise QuizError(f"{question.where} has no choices (- [ ] ...)")
        if not right:
            raise QuizError(f"{question.where} has no right answer: mark one choice - [x]")
        if len(right) > 1:
            raise QuizError(f"{question.where} has {len(right)} right answers (lines "
                            f"{', '.join(str(c[0]) for c in right)}): mark exactly one")
        line, _, text = right[0]
        predict = question.snippet is not None or OUTPUT.match(text)
        if not predict:
            for other_line, _, other in question.choices:
                if OUTPUT.match(other) or MISTAKE.match(other):
                    raise QuizError(f"{question.where}: line {other_line} ({other}) belongs to a question whose "
                                    "right choice is {output}")
        elif not OUTPUT.match(text):
            raise QuizError(f"{question.where}: its right choice is typed by hand ({text!r}); write "
                            "{output} or {output line=N} so that it is what the code printed")
        else:
            try:
                printed = recorded_choice(question, text, results, pending)
            except StillRunning:
                printed = None
            shown = {line: printed}
            for other_line, is_right, other in question.choices:
                if is_right:
                    continue
                if not MISTAKE.match(other):
                    raise QuizError(f"{question.where}: the wrong choice on line {other_line} is typed by hand "
                                    f"({other!r}); write the mistake as a change to the code, "
                                    "{mistake `old` -> `new`}, so that it is what the changed code prints")
                mistake = copies.get(other_line)
                if mistake is None:
                    raise QuizError(f"{question.where}: line {other_line}: a mistake needs the snippets folder")
                run = variant(mistake.snippet, mistake.source)
                if run is None and pending(mistake.snippet):
                    shown[other_line] = None
                    continue
                if run is None:
                    raise QuizError(f"{mistake.where} has not run: run the build (its changed copies run before "
                                    "the pages)")
                if "error" in run:
                    raise QuizError(f"{mistake.where} fails to run: {run['error']}")
                shown[other_line] = _printed_line(question, text, run, mistake.snippet, mistake.section,
                                                  "the changed copy of")
                if printed is not None and shown[other_line] == printed:
                    raise QuizError(f"{mistake.where} prints what the right code prints ({printed!r}): "
                                    "two right answers; choose a change that shows in this line")
            seen: dict[str, int] = {}
            for other_line, value in shown.items():
                if value is not None and value in seen:
                    raise QuizError(f"{question.where}: the choices on lines {seen[value]} and {other_line} both "
                                    f"print {value!r}: every choice must differ")
                if value is not None:
                    seen[value] = other_line
            for other_line, value in shown.items():
                spec = next(t for n, _, t in question.choices if n == other_line)
                lines[other_line - 1] = lines[other_line - 1].replace(
                    spec, code_text(value) if value is not None else still_running, 1)
    if shuffle:
        orders = choice_orders(page, [(len(q.choices), [r for _, r, _ in q.choices].index(True)) for q in questions])
        for question, order in zip(questions, orders, strict=True):
            at = [n for n, _, _ in question.choices]
            texts = [lines[n - 1] for n in at]
            for n, source in zip(at, order, strict=True):
                lines[n - 1] = texts[source]
    return "\n".join(lines)


def twin_problems(pages: dict[str, tuple[str, str]]) -> list[str]:
    """Twins of one page in several languages (``{lang: (markdown, where)}``) must ask the same questions:
    as many, each with as many choices and the same one marked right (a choice marked in one language
    only is a wrong answer marked). One line per difference, naming the question."""
    problems = []
    asked = {lang: parse_quizzes(markdown, where) for lang, (markdown, where) in pages.items()}
    (first, questions), *others = asked.items()
    for lang, theirs in others:
        if len(theirs) != len(questions):
            problems.append(f"{pages[lang][1]} has {len(theirs)} questions, its twin {pages[first][1]} "
                            f"{len(questions)}")
            continue
        for mine, twin in zip(questions, theirs, strict=True):
            marks = [right for _, right, _ in mine.choices]
            twin_marks = [right for _, right, _ in twin.choices]
            if len(marks) != len(twin_marks):
                problems.append(f"{twin.where} has {len(twin_marks)} choices, its twin {mine.where} {len(marks)}")
            elif marks != twin_marks:
                problems.append(f"{twin.where} marks choice {twin_marks.index(True) + 1 if True in twin_marks else '-'}"
                                f" right, its twin {mine.where} choice "
                                f"{marks.index(True) + 1 if True in marks else '-'}: one of them marks a wrong answer")
    return problems


__all__ = [
    "CHANGE",
    "CHOICE",
    "MISTAKE",
    "Mistake",
    "OUTPUT",
    "QUIZ",
    "Question",
    "QuizError",
    "StillRunning",
    "changed_copy",
    "changes_of",
    "choice_orders",
    "code_text",
    "expand_quizzes",
    "mistakes_of",
    "parse_quizzes",
    "recorded_choice",
    "section_output",
    "twin_problems",
]
