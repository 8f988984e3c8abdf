"""The exercises' check helper: ``check((predicate, "한국어 메시지", "English message"), ...)``;
a notebook of one language keeps its own message only, ``check((predicate, "English message"), ...)``.

An exercise (``practice/<name>.py``) imports it with ``from dlnotes_check import check``. Each predicate is a
lambda that asks what the student's object *does* (its loss on known values, the rows its scaler was fitted on),
not how it was written. ``check`` prints ``✓`` or ``✗`` and the message of each, in the notebook's language
(``LANG``; a plain run reads ``DLNOTES_LANG``, Korean by default), and raises ``CheckFailed`` naming every
message that failed, so a starter's check cell fails with exactly its messages.

A predicate that raises is never a silent ✗. Under its ✗ line ``check`` prints one line saying which check of
the cell raised, the error's type and first line, and the names the predicate reads that are still ``None``
or ``...`` (a TODO not filled in yet). When the error comes from a function the student wrote (a frame below
the predicate that is neither library code nor the predicate), the line names that function, and once every
check of the cell is printed the student's own exception is raised, with its traceback, instead of
``CheckFailed``: it is their bug, shown as their bug.

Those detail lines are the only words ``check`` prints besides the messages; ``translate`` turns one language's
lines into the other's (the build runs an exercise once and translates its output).
"""

from __future__ import annotations

import os
import re
import sysconfig
import types

LANG = os.environ.get("DLNOTES_LANG", "ko")  # studysite: language

TEXTS = {  # studysite: by language
    "ko": {
        "passed": "모두 통과했습니다.",
        "error": "  ↳ {n}번째 확인을 하다가 오류가 났습니다: {error}",
        "unfilled": "  ↳ {n}번째 확인을 하다가 오류가 났습니다: {error} (아직 채우지 않은 변수: {names})",
        "yours": "  ↳ {n}번째 확인을 하다가 여러분이 작성한 함수 {function}({line}번째 줄)에서 오류가 났습니다: {error}",
    },
    "en": {
        "passed": "All checks passed.",
        "error": "  ↳ check {n} raised an error: {error}",
        "unfilled": "  ↳ check {n} raised an error: {error} (not filled in yet: {names})",
        "yours": "  ↳ check {n}: your function {function} (line {line}) raised an error: {error}",
    },
}

_LIBRARY = tuple({path for key in ("stdlib", "platstdlib", "purelib", "platlib")
                  if (path := sysconfig.get_paths().get(key))})


class CheckFailed(AssertionError):
    pass


def _text(key: str, lang: str | None = None, **fields) -> str:
    return TEXTS[lang or LANG][key].format(**fields)


def _codes(code: types.CodeType) -> set[types.CodeType]:
    """The predicate's code and every code nested in it (its generator expressions, inner lambdas)."""
    found = {code}
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            found |= _codes(const)
    return found


def _names(code: types.CodeType) -> list[str]:
    names = list(code.co_names) + list(code.co_freevars)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            names += _names(const)
    return list(dict.fromkeys(names))


def _unfilled(condition) -> list[str]:
    """The names the predicate reads that still hold a placeholder (``None`` or ``...``)."""
    values = dict(getattr(condition, "__globals__", {}))
    code = getattr(condition, "__code__", None)
    if code is None:
        return []
    for name, cell in zip(code.co_freevars, condition.__closure__ or ()):
        try:
            values[name] = cell.cell_contents
        except ValueError:
            pass
    return [f"{name} = {values[name]!r}" for name in _names(code)
            if name in values and (values[name] is None or values[name] is Ellipsis)]


def _student_frame(error: BaseException, condition):
    """The deepest frame below the predicate that runs code the student wrote, or None: not library code, not
    this helper's own file (a notebook's setup cell, where it is copied in), not code TensorFlow rewrote."""
    mine = _codes(condition.__code__) if hasattr(condition, "__code__") else set()
    own = _student_frame.__code__.co_filename
    tb, below, found = error.__traceback__, False, None
    while tb is not None:
        code = tb.tb_frame.f_code
        if code in mine:
            below = True
        elif below and not code.co_filename.startswith(("<frozen", own) + _LIBRARY) \
                and "__autograph_generated" not in code.co_filename:
            found = tb
        tb = tb.tb_next
    return found


def _describe(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    text = lines[0] if lines else ""
    if len(text) > 200:
        text = text[:199] + "…"
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def check(*items):
    """Check each (condition, Korean message, English message) and name every one that fails. (A notebook
    of one language keeps its own message only: (condition, message).)"""
    failed, yours = [], None
    for number, (condition, *messages) in enumerate(items, start=1):
        message = messages[0] if len(messages) == 1 else dict(zip(("ko", "en"), messages))[LANG]
        try:
            ok, error = bool(condition()), None
        except Exception as raised:
            ok, error = False, raised
        print(("✓ " if ok else "✗ ") + message)
        if error is not None:
            frame = _student_frame(error, condition)
            unfilled = _unfilled(condition)
            if frame is not None:
                print(_text("yours", n=number, function=frame.tb_frame.f_code.co_name, line=frame.tb_lineno,
                            error=_describe(error)))
                yours = yours or error
            elif unfilled:
                print(_text("unfilled", n=number, error=_describe(error), names=", ".join(unfilled)))
            else:
                print(_text("error", n=number, error=_describe(error)))
        if not ok:
            failed.append(message)
    if yours is not None:
        raise yours
    if failed:
        raise CheckFailed(" / ".join(failed))
    print(_text("passed"))


def _pattern(template: str) -> re.Pattern:
    parts = re.split(r"\{(\w+)\}", template)
    regex = "".join(re.escape(part) if i % 2 == 0 else (rf"(?P<{part}>\d+)" if part in ("n", "line")
                                                          else rf"(?P<{part}>.*?)")
                    for i, part in enumerate(parts))
    return re.compile(f"^{regex}$")


def translate(text: str, source: str, target: str) -> str:
    """``text`` printed by ``check`` in ``source``, with its own lines in ``target`` (the check messages are the
    exercise's: the build swaps those itself)."""
    out = []
    for line in text.split("\n"):
        for key in ("unfilled", "yours", "error", "passed"):  # the longer templates first
            match = _pattern(TEXTS[source][key]).match(line)
            if match:
                line = _text(key, target, **match.groupdict())
                break
        out.append(line)
    return "\n".join(out)
