"""Every example as a file the reader runs: ``.py`` and ``.ipynb``, in the reader's language.

A download is the whole snippet, cell by cell (its sections become notebook cells), with the
comments of one language, the site's helpers it uses copied in (``inline``) so that only
``requirements.txt`` is needed, figures shown instead of saved, and the same seed the runner
sets, so it prints what the page shows. sphinx-gallery's download buttons are the model.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat

from . import bilingual, claims, inline, strings
from .worker import cells_of

_HELPERS = Path(__file__).with_name("standalone_helpers.py")
_DLNOTES_IMPORT = re.compile(r"^import dlnotes\b.*$", re.M)
_DOCSTRING = re.compile(r'^\s*(?:"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\')[ \t]*\n?')

PREAMBLE = {
    "ko": ("# 딥러닝 스터디 노트의 예제 snippets/{rel} 입니다. requirements.txt의 패키지만 있으면 실행됩니다.\n"),
    "en": ("# The example snippets/{rel} from Deep Learning Study Notes; it needs only the packages in "
           "requirements.txt.\n"),
}
SETUP = """import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"  # ko: TensorFlow의 C++ 로그 숨기기 # en: hide TensorFlow's C++ logs
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"  # ko: 어느 컴퓨터에서나 같은 계산 결과 # en: same numerics on every machine
"""
SEED_PLAIN = """import random

import numpy as np

random.seed(0)  # ko: 사이트와 같은 난수: 같은 결과 # en: the site's seed: the same results
np.random.seed(0)
"""
SEED_KERAS = """import keras
import tensorflow as tf

# ko: 사이트처럼 스레드 하나로, 늘 같은 순서로 계산합니다: 마지막 자리까지 같은 숫자
# en: like the site, one thread and always the same order of operations: the same last digits
tf.config.threading.set_intra_op_parallelism_threads(1)
tf.config.threading.set_inter_op_parallelism_threads(1)
tf.config.experimental.enable_op_determinism()
keras.utils.set_random_seed(0)  # ko: 사이트와 같은 난수: 같은 결과 # en: the site's seed: the same results
"""


def url(rel: str, lang: str, kind: str) -> str:
    """Where a download lands in the site: ``downloads/<lang>/<section>/<name>.<kind>``."""
    return f"downloads/{lang}/{rel.removesuffix('.py')}.{kind}"


def cells(snippets: Path, rel: str, lang: str) -> list[str]:
    """The code cells of the download: the set-up the runner does, then the snippet's cells."""
    source = (snippets / rel).read_text(encoding="utf-8")
    setup = PREAMBLE[lang].format(rel=rel) + "\n" + SETUP + "\n"
    setup += SEED_KERAS if re.search(r"^\s*import keras\b|^\s*from keras\b", source, re.M) else SEED_PLAIN
    out = [setup]
    names: list[str] = []
    for index, cell in enumerate(cells_of(source)):
        code = claims.strip_claim_comments(cell.code)
        if index == 0:
            code = _DOCSTRING.sub("", code, count=1)
        code = _DLNOTES_IMPORT.sub("", code)
        found, code = inline.take_imports(code)
        names += found
        code = re.sub(r"\n{3,}", "\n\n", code).strip("\n")
        if code.strip():
            out.append(code)
    if names:
        # The helpers it uses (with the imports they need) before the example itself, which may call
        # them from its first line on.
        out.insert(1, HELPERS_NOTE + _helpers(snippets, names).strip("\n"))
    return [bilingual.localize(code, lang).strip("\n") for code in out]


HELPERS_NOTE = ("# ko: 사이트의 도우미 함수입니다 (snippets/dlnotes.py에서 복사했습니다)\n"
                "# en: The site's helper functions, copied from snippets/dlnotes.py\n")


def _helpers(snippets: Path, names: list[str]) -> str:
    return inline.inline_helpers(f"from dlnotes import {', '.join(dict.fromkeys(names))}",
                                 _HELPERS, snippets / "dlnotes.py")


def python_file(snippets: Path, rel: str, lang: str) -> str:
    return "\n\n\n# %%\n".join(["# %%\n" + cell if i == 0 else cell
                                 for i, cell in enumerate(cells(snippets, rel, lang))]) + "\n"


def notebook(snippets: Path, rel: str, lang: str) -> str:
    code = cells(snippets, rel, lang)
    heading = strings.text(lang, "download_heading").format(rel=rel)
    book = nbformat.v4.new_notebook()
    book.metadata = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                     "language_info": {"name": "python"}}
    book.cells = [nbformat.v4.new_markdown_cell(heading)] + [nbformat.v4.new_code_cell(c) for c in code]
    for number, cell in enumerate(book.cells):
        cell.id = f"cell-{number}"  # stable ids: the same file from build to build
    return json.dumps(nbformat.from_dict(book), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
