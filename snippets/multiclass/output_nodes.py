"""Output nodes = number of classes = number of categories of y: one softmax probability per class."""

import dlnotes  # noqa: F401  (first: quiet, reproducible TensorFlow)

import keras
import numpy as np
from sklearn.datasets import load_digits, load_iris, load_wine

results = []
# --8<-- [start:nodes]
for name, load in [("iris", load_iris), ("wine", load_wine), ("digits", load_digits)]:
    x, y = load(return_X_y=True)
    n_classes = len(np.unique(y))  # the number of categories of y

    keras.utils.set_random_seed(0)
    model = keras.Sequential([
        keras.Input(shape=(x.shape[1],)),
        keras.layers.Dense(16, activation="relu"),
        keras.layers.Dense(n_classes, activation="softmax"),  # one output node per class
    ])
    proba = model.predict(x[:5], verbose=0)
    print(f"{name:<6}: classes of y {np.unique(y)} -> output shape {model.output_shape}, "
          f"predict(x[:5]).shape = {proba.shape}")
    results.append((n_classes, model.output_shape, proba))
# --8<-- [end:nodes]
for n_classes, output_shape, proba in results:
    assert output_shape == (None, n_classes) and proba.shape == (5, n_classes)
    assert np.allclose(proba.sum(axis=1), 1, atol=1e-5)  # each row: probabilities of all classes
assert [r[0] for r in results] == [3, 3, 10]
