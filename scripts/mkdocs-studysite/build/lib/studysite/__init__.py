"""studysite: a static study-site generator in which every code example is a real file that runs.

- ``settings`` / ``project``: the options (from mkdocs.yml, without MkDocs) and where things are.
- ``runner``: runs snippets (content-hash cache, long-lived isolated workers, atomic outputs);
  ``worker`` is what runs inside a worker process, ``pool`` the processes themselves; ``cache``
  what a result depends on; ``capture`` the snippet API (figures, tables).
- ``embed``, ``claims``: a page's ``!snippet`` lines, ``{claim}`` and ``{value}`` markers, as HTML.
- ``downloads``: each example as ``.py`` and ``.ipynb``; ``inline`` copies helpers in.
- ``labs``, ``kernels``, ``practice``: notebooks run as Jupyter runs them; quizzes and exercises.
- ``plugin`` / ``config``: the MkDocs plugin that wires them into a build; ``cli`` the command.
"""

__version__ = "0.2.0"
