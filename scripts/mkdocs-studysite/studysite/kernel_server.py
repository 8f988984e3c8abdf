"""What the notebook server (``kernels``) imports once, before it forks a process per notebook.

It sets the kernels' environment, then imports the course's ``kernel_preload`` modules. Some
libraries ask at import time whether they run inside a Jupyter kernel (pandas then shows at most
20 columns of a DataFrame; others send their own printing to the notebook). In a reader's kernel
they are imported inside one, so while the server imports them it answers yes.
"""

import builtins
import importlib
import json
import os

from studysite.kernels import PRELOAD_VARIABLE

_wanted = json.loads(os.environ.pop(PRELOAD_VARIABLE, "{}") or "{}")
os.environ.update(_wanted.get("env", {}))  # before any library reads it


class _InAKernel:
    kernel = True  # pandas' is_terminal() looks for this attribute


builtins.get_ipython = _InAKernel
try:
    import ipykernel.inprocess.manager  # noqa: F401
    import nbformat  # noqa: F401

    for _name in _wanted.get("preload", []):
        importlib.import_module(_name)
finally:
    del builtins.get_ipython
