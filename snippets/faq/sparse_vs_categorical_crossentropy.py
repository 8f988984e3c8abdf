"""Sparse (integer y) and categorical (one-hot y) cross-entropy train the very same model."""

import dlnotes  # noqa: F401  (first: quiet, reproducible TensorFlow)

import keras
import numpy as np
from sklearn.datasets import load_wine
from sklearn.preprocessing import StandardScaler

x, y = load_wine(return_X_y=True)
x = StandardScaler().fit_transform(x)


def train(loss, labels):
    keras.utils.set_random_seed(0)  # the same starting weights for both
    model = keras.Sequential([
        keras.Input(shape=(13,)),
        keras.layers.Dense(8, activation="relu"),
        keras.layers.Dense(3, activation="softmax"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss=loss)
    history = model.fit(x, labels, epochs=10, batch_size=32, verbose=0)
    return model, history.history["loss"]


# --8<-- [start:train]
rows = [0, 70, 140]
print("integer labels:", y[rows])
print("one-hot labels:", keras.utils.to_categorical(y[rows], 3).astype(int).tolist())
sparse_model, sparse_loss = train("sparse_categorical_crossentropy", y)
onehot_model, onehot_loss = train("categorical_crossentropy", keras.utils.to_categorical(y, 3))
for epoch in [0, 4, 9]:
    print(f"epoch {epoch + 1:>2}: sparse {sparse_loss[epoch]:.4f}   categorical {onehot_loss[epoch]:.4f}")
# --8<-- [end:train]
assert np.allclose(sparse_loss, onehot_loss, atol=1e-5)  # the same loss at every epoch
for a, b in zip(sparse_model.get_weights(), onehot_model.get_weights()):
    assert np.allclose(a, b, atol=1e-4)  # and the very same trained weights
assert sparse_loss[-1] < 0.5 * sparse_loss[0]  # (and the model did learn something)

# --8<-- [start:mismatch]
try:
    train("categorical_crossentropy", y)  # one-hot loss, but integer labels
    problem = "no error"
except ValueError as error:
    problem = str(error).split(". Received")[0]
print("categorical_crossentropy with integer labels ->", problem)
# --8<-- [end:mismatch]
assert "same rank" in problem
