"""What the notebook server (``kernels``) imports once, before it forks a process per notebook.

pandas and TensorFlow ask at import time whether they run inside a Jupyter kernel: pandas then
shows at most 20 columns of a DataFrame, TensorFlow sends ``tf.print`` to the notebook. In a
student's kernel they are imported inside one, so while the server imports them it answers yes.
"""

import builtins
import os

from studysite.kernels import SERVER_ENV

os.environ.update(SERVER_ENV)  # before TensorFlow and matplotlib read it


class _InAKernel:
    kernel = True  # pandas' is_terminal() looks for this attribute


builtins.get_ipython = _InAKernel
try:
    import ipykernel.inprocess.manager  # noqa: F401
    import keras  # noqa: F401
    import nbformat  # noqa: F401
    import numpy  # noqa: F401
    import pandas  # noqa: F401
    import sklearn.metrics  # noqa: F401
    import sklearn.model_selection  # noqa: F401
    import sklearn.preprocessing  # noqa: F401
    import tensorflow  # noqa: F401 (imports matplotlib too, which reads MPLBACKEND now)
finally:
    del builtins.get_ipython
