"""sparse_categorical_crossentropy (integer y) = categorical_crossentropy (one-hot y)."""

import dlnotes  # noqa: F401  (first: quiet, reproducible TensorFlow)

import keras
import numpy as np

# --8<-- [start:same]
y = np.array([0, 2, 1, 2])                 # integer labels: the class numbers
y_onehot = keras.utils.to_categorical(y, num_classes=3)
print("one-hot labels:\n", y_onehot)

proba = np.array([[0.7, 0.2, 0.1],         # the model's softmax output for 4 samples
                  [0.1, 0.3, 0.6],
                  [0.2, 0.5, 0.3],
                  [0.3, 0.3, 0.4]], dtype="float32")

sparse = float(keras.losses.SparseCategoricalCrossentropy()(y, proba))
categorical = float(keras.losses.CategoricalCrossentropy()(y_onehot, proba))
by_hand = float(np.mean(-np.log(proba[np.arange(len(y)), y])))  # -log of the true class's probability
print(f"sparse_categorical_crossentropy (integer y): {sparse:.4f}")
print(f"categorical_crossentropy        (one-hot y): {categorical:.4f}")
print(f"by hand: mean of -log p[true class]        : {by_hand:.4f}")
# --8<-- [end:same]
assert abs(sparse - categorical) < 1e-6 and abs(sparse - by_hand) < 1e-5
assert (y_onehot.argmax(axis=1) == y).all()
rng = np.random.default_rng(0)  # the same on many random rows, not just these four
labels = rng.integers(0, 5, size=200)
p = rng.dirichlet(np.ones(5), size=200).astype("float32")
assert np.isclose(float(keras.losses.SparseCategoricalCrossentropy()(labels, p)),
                  float(keras.losses.CategoricalCrossentropy()(keras.utils.to_categorical(labels, 5), p)),
                  rtol=1e-5)
