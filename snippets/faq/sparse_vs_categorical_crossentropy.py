"""Sparse (integer y) and categorical (one-hot y) cross-entropy train the very same model."""

import dlnotes  # noqa: F401  # ko: 먼저: 조용하고 재현 가능한 TensorFlow # en: first: quiet, reproducible TensorFlow

import keras
import numpy as np
from sklearn.datasets import load_wine
from sklearn.preprocessing import StandardScaler

x, y = load_wine(return_X_y=True)
x = StandardScaler().fit_transform(x)


def train(loss, labels):
    keras.utils.set_random_seed(0)  # ko: 둘 다 같은 초기 가중치에서 시작 # en: the same starting weights for both
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
weights_equal = all(np.allclose(a, b, atol=1e-4) for a, b in zip(sparse_model.get_weights(), onehot_model.get_weights()))
print(f"same trained weights: {weights_equal}")
# --8<-- [end:train]
assert np.allclose(sparse_loss, onehot_loss, atol=1e-5)  # claim: sparse-same-loss-every-epoch
assert weights_equal  # claim: sparse-same-weights
assert sparse_loss[-1] < 0.5 * sparse_loss[0]  # claim: sparse-model-learned

# --8<-- [start:mismatch]
try:
    train("categorical_crossentropy", y)  # ko: 원-핫용 loss에 정수 라벨 # en: one-hot loss, but integer labels
    problem = "no error"
except ValueError as error:
    problem = str(error).split(". Received")[0]
print("categorical_crossentropy + integer labels ->", problem)
# --8<-- [end:mismatch]
assert "same rank" in problem  # claim: sparse-mismatch-error
