"""The machinery of Deep Learning Study Notes: run the snippets and labs, embed them in pages.

- ``runner``: runs snippets (content-hash cache, long-lived isolated workers, atomic outputs);
  ``worker`` is what runs inside a worker process, ``pool`` the processes themselves.
- ``labs``: executes each lab once and writes its Korean and English notebooks; ``practice``
  the quizzes and exercises; ``kernels`` runs any notebook as Jupyter does, in a fresh process
  forked from a server that imported TensorFlow once.
- ``embed``: turns a ``!snippet path.py:section`` line of a page into code, output and figures.
- ``plugin`` / ``config``: the MkDocs plugin ``studysite`` that wires them into a build.
- ``faq``: the FAQ index and the scaffold for new entries; ``cli``: the ``studysite`` command.
- ``workarounds/``: MkDocs hooks for upstream quirks, one per file, each naming its issue.
"""
