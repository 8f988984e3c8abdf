"""Quizzes (mkdocs-quiz's ``<quiz>`` blocks) whose right answers come from real runs.

Every block must mark exactly one right choice; a predict-the-output block embeds a snippet section's
code and its right choice is ``- [x] {output}`` (the section's recorded output), so it cannot go stale.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .. import embed

# --- Quizzes ---------------------------------------------------------------------------------------

QUIZ = re.compile(r"^[ \t]*<quiz>[ \t]*\n(?P<body>.*?)^[ \t]*</quiz>[ \t]*$", re.M | re.S)
CHOICE = re.compile(r"^(?P<indent>[ \t]*)[-*] \[(?P<mark>[xX ]?)\] (?P<text>.*)$")
OUTPUT = re.compile(r"^\{output(?: (?P<path>[\w./-]+\.py):(?P<section>\w+))?(?: line=(?P<line>\d+))?\}$")


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


def recorded_choice(question: Question, spec: str, results: dict,
                    pending: Callable[[str], bool] = lambda rel: False) -> str:
    """The text the run printed for ``{output}`` / ``{output line=N}`` in ``question``."""
    match = OUTPUT.match(spec)
    snippet, section = (match["path"], match["section"]) if match["path"] else (question.snippet, question.section)
    if snippet is None:
        raise QuizError(f"{question.where}: {spec} needs the question to embed a snippet section "
                        "or to name one: {output file.py:section line=N}")
    result = results.get(snippet)
    if result is None and pending(snippet):
        raise StillRunning(snippet)
    if result is None:
        raise QuizError(f"{question.where}: snippets/{snippet} has no output yet: run `studysite run`")
    if not any(cell.get("section") == section for cell in result.get("cells", [])):
        raise QuizError(f"{question.where}: snippets/{snippet} has no section '{section}'")
    lines = section_output(result, section).rstrip("\n").split("\n")
    if match["line"] is None:
        if len(lines) != 1:
            raise QuizError(f"{question.where}: section '{section}' prints {len(lines)} lines; "
                            "choose one with {output line=N}")
        return lines[0].strip()
    number = int(match["line"])
    if not 1 <= number <= len(lines):
        raise QuizError(f"{question.where}: {spec}, but section '{section}' prints {len(lines)} lines")
    return lines[number - 1].strip()


def _plain(text: str) -> str:
    return text.strip().strip("`").strip()


def expand_quizzes(markdown: str, results: dict, page: str, pending: Callable[[str], bool] = lambda rel: False,
                   lang: str = "en", still_running: str = "(example still running)") -> str:
    """Check every ``<quiz>`` of a page and write the recorded output into each ``{output}`` choice
    (while ``pending`` says its snippet is still running, a note that it is)."""
    questions = parse_quizzes(markdown, page)
    lines = markdown.split("\n")
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
        if question.snippet is None and not OUTPUT.match(text):
            continue  # a concept check
        if not OUTPUT.match(text):
            raise QuizError(f"{question.where}: its right choice is typed by hand ({text!r}); write "
                            "{output} or {output line=N} so that it is what the code printed")
        try:
            printed = recorded_choice(question, text, results, pending)
        except StillRunning:
            lines[line - 1] = lines[line - 1].replace(text, still_running, 1)
            continue
        for other_line, is_right, other in question.choices:
            if not is_right and _plain(other) == printed:
                raise QuizError(f"{question.where}: the wrong choice on line {other_line} is what the code "
                                f"printed ({printed!r}): two right answers")
        original = lines[line - 1]
        lines[line - 1] = original.replace(text, f"`{printed}`", 1)
    return "\n".join(lines)


__all__ = [
    "CHOICE",
    "OUTPUT",
    "QUIZ",
    "Question",
    "QuizError",
    "StillRunning",
    "expand_quizzes",
    "parse_quizzes",
    "recorded_choice",
    "section_output",
]
