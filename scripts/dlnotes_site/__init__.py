"""Deep Learning Study Notes' own machinery beside the studysite engine: the snippet workers' set-up
(quiet, deterministic TensorFlow and Keras), the FAQ (its index and scaffold), the site's MkDocs
hooks for upstream quirks (``workarounds/``), its UI strings and tags, and its benchmark.
"""
