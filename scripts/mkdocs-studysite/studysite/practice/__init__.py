"""The practice section: quizzes whose right answers come from real runs, and exercises that check themselves.

An engine feature behind an option (``practice_dir``), split by concern: ``quizzes`` (questions
whose right answers are runs), ``exercises`` (notebooks that check themselves) and ``plugin``, the
MkDocs plugin ``studysite-practice`` (listed after ``studysite`` and before ``mkdocs_quiz``), which
reads the engine's project and results through the studysite plugin.

**Quizzes** are written with mkdocs-quiz's ``<quiz>`` blocks. Every block must mark exactly one
right choice (``- [x]``); a block with none or with two fails the build, naming the page, the
line and the question. A *predict-the-output* block embeds a snippet section's code
(``!snippet file.py:section only=code``) and its right choice is ``- [x] {output}`` (the section's
output, one line) or ``- [x] {output line=N}`` (its N-th line): the text is the recorded output
of the last good run, so it cannot go stale. Each wrong choice is a change to that code,
``- [ ] {mistake `old` -> `new`}``, which the build runs (``runner.run_variants``) and shows as the
same line of what it printed; one that fails to run or prints the right line fails the build. A choice
typed by hand in a block that embeds a snippet fails too. Choices are shown in a seeded order.

**Exercises** are jupytext scripts ``practice/<name>.py``, one source for both languages like a
lab (prose cells tagged ``ko`` / ``en``, comments ``# ko: … # en: …``). A cell tagged ``starter``
is what the student gets (``# TODO`` and placeholders); the cell tagged ``solution`` right after it
replaces it in the solution. Untagged code cells (setup and checks) are shared. A check calls
``check(condition, "message en français", "English message")``; the notebook of each language prints its
own message. The build executes the solution and the starter once each, in a fresh kernel
(``kernels``), in the first language; the other language's notebooks get the same outputs with each
check message in their language (``translated``: what a check prints is its message, and nothing
else in an exercise may print words of a language). They are cached by content
(``<cache_dir>/practice/``); the starter as downloaded is written to
``docs/<lang>/practice/<name>.ipynb``. A page shows an exercise with the line ``!exercise <name>``:
the downloads and the solution, folded.
"""

from .exercises import *  # noqa: F403
from .exercises import __all__ as _exercises
from .quizzes import *  # noqa: F403
from .quizzes import __all__ as _quizzes

__all__ = [*_quizzes, *_exercises]
