"""The course's set-up of the studysite engine's workers (the ``setup`` option in mkdocs.yml).

Once per worker: quiet, single-threaded, deterministic TensorFlow. Before each snippet: the site's
figure style and seeds (``dlnotes``), and a fresh Keras session. After it: Keras', TensorFlow's and
scikit-learn's settings put back, as the engine puts back numpy's, pandas' and matplotlib's. A Keras
progress bar is an error (its timings would change the page on every run). For each download:
the same start as a reader's code (``download_preamble``).
"""

from __future__ import annotations

import os
import re
import sys

# Keras classes whose attributes a snippet must not replace (the engine checks them, and every module's).
watched_classes = (("keras", "Model"), ("keras", "Sequential"), ("keras.layers", "Layer"), ("keras.layers", "Dense"))

_saved: dict = {}


def init_worker() -> None:
    """Before TensorFlow is imported: no C++ log lines, the same oneDNN setting everywhere."""
    os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
    os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
    import dlnotes  # noqa: F401  (the helpers every snippet imports, once)


def after_preload() -> None:
    tf = sys.modules.get("tensorflow")
    if tf is not None:
        # One thread per worker: the pool already uses every core, and reductions always run in the
        # same order, so two runs print the same digits.
        tf.config.threading.set_intra_op_parallelism_threads(1)
        tf.config.threading.set_inter_op_parallelism_threads(1)
        tf.config.experimental.enable_op_determinism()
        tf.get_logger().setLevel("ERROR")  # e.g. retracing notices: not for the reader
    if "keras" in sys.modules:
        _refuse_progress_bars()
    try:
        import sklearn  # its configuration (set_config) is put back after every snippet
    except ImportError:
        return
    _saved["sklearn"] = sklearn.get_config()


PROGRESS_BAR = ("Keras' progress bar prints how long each step took, which changes from run to run: pass "
                "verbose=0 to fit, evaluate and predict, and print what the reader should see")


def _refuse_progress_bars() -> None:
    """A snippet that forgets ``verbose=0`` fails at that line, naming the cause. (The engine would show
    the bar's last state without its control codes, but with its timings: a page that differs on every
    run. ``keras.utils.disable_interactive_logging()`` does not stop the bar in a worker.)"""
    from keras.src.utils import progbar

    def update(self, *args, **kwargs):
        raise RuntimeError(PROGRESS_BAR)

    progbar.Progbar.update = update


def before_snippet() -> None:
    import dlnotes

    dlnotes.style()
    dlnotes.seed(0)
    keras = sys.modules.get("keras")
    if keras is not None:
        c = keras.config
        _saved["keras"] = (c.floatx(), c.epsilon(), c.image_data_format(), c.dtype_policy().name)
        keras.backend.clear_session()
    tf = sys.modules.get("tensorflow")
    if tf is not None:
        _saved["eager"] = tf.config.functions_run_eagerly()


def after_snippet() -> list[str]:
    """Keras' and TensorFlow's settings as they were before the snippet; nothing left unrestored."""
    keras = sys.modules.get("keras")
    if keras is not None and "keras" in _saved:
        c = keras.config
        floatx, epsilon, image_format, policy = _saved.pop("keras")
        c.set_floatx(floatx)
        c.set_epsilon(epsilon)
        c.set_image_data_format(image_format)
        c.set_dtype_policy(policy)
        keras.backend.clear_session()
    tf = sys.modules.get("tensorflow")
    if tf is not None and "eager" in _saved:
        tf.config.run_functions_eagerly(_saved.pop("eager"))
    if "sklearn" in _saved:
        sys.modules["sklearn"].set_config(**_saved["sklearn"])
    return []


ENVIRONMENT = """import os

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


def download_preamble(source: str) -> str:
    """What a download runs first: the worker's environment and seeds (comments in both languages;
    the engine keeps the reader's)."""
    uses_keras = re.search(r"^\s*import keras\b|^\s*from keras\b", source, re.M)
    return ENVIRONMENT + "\n" + (SEED_KERAS if uses_keras else SEED_PLAIN)
