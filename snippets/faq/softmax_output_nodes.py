"""One output node per class; softmax gives probabilities that sum to 1; the class is the argmax."""

import dlnotes  # noqa: F401  (first: quiet, reproducible TensorFlow)

import re

import keras
import numpy as np
from sklearn.datasets import load_iris
from sklearn.preprocessing import StandardScaler

iris = load_iris()
x, y = StandardScaler().fit_transform(iris.data), iris.target


def build(output_nodes):
    keras.utils.set_random_seed(0)
    model = keras.Sequential([
        keras.Input(shape=(4,)),
        keras.layers.Dense(8, activation="relu"),
        keras.layers.Dense(output_nodes, activation="softmax"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.02),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


# --8<-- [start:predict]
n_classes = len(np.unique(y))  # 3 kinds of iris -> 3 output nodes
model = build(n_classes)
model.fit(x, y, epochs=30, batch_size=16, verbose=0)

rows = [0, 68, 119]  # one flower of each kind
proba = model.predict(x[rows], verbose=0)
for p, true in zip(proba, y[rows]):
    print("probabilities [" + ", ".join(f"{v:.3f}" for v in p) + f"]  sum {p.sum():.3f}"
          f"  -> predicted {iris.target_names[p.argmax()]:<10} (true: {iris.target_names[true]})")
# --8<-- [end:predict]
assert model.output_shape == (None, 3)
assert np.allclose(proba.sum(axis=1), 1, atol=1e-5)
assert (proba.argmax(axis=1) == y[rows]).all()
accuracy = model.evaluate(x, y, verbose=0)[1]
assert accuracy > 0.9

# --8<-- [start:too_few]
too_small = build(2)  # only 2 output nodes for 3 classes
try:
    too_small.fit(x, y, epochs=1, verbose=0)
    message = "no error"
except Exception as error:  # TensorFlow refuses label 2: there is no node for it
    # The wording depends on TensorFlow's kernel: "Received a label value of 2 which is outside
    # the valid range of [0, 2)" or, with deterministic ops, "indices[4] = 2 is not in [0, 2)".
    message = re.search(r"Received a label value of \d+ which is outside the valid range of \[0, \d+\)"
                        r"|indices\[\d+\] = \d+ is not in \[0, \d+\)", str(error)).group(0)
print(message)
# --8<-- [end:too_few]
assert re.search(r"(label value of|\] =) 2 .*\[0, 2\)", message), message
