"""Epochs continue from the previous weights, and fit makes epochs × ceil(n / batch_size) updates."""

import dlnotes  # noqa: F401  (first: quiet, reproducible TensorFlow)

import math

import keras
import numpy as np

keras.utils.set_random_seed(0)
rng = np.random.default_rng(1)
x = rng.normal(size=(500, 4)).astype("float32")
y = (x @ np.array([[1.5], [-2.0], [0.5], [1.0]]) + 0.3).astype("float32")

# --8<-- [start:count]
model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1)])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05), loss="mse")

n, batch_size, epochs = len(x), 64, 3
model.fit(x, y, epochs=epochs, batch_size=batch_size, verbose=0)
updates = int(model.optimizer.iterations)
print(f"n={n}, batch_size={batch_size}, epochs={epochs}")
print(f"weight updates: {updates} = {epochs} x ceil({n}/{batch_size}) = {epochs} x {math.ceil(n / batch_size)}")

# With validation_split, only the rows left for training are split into batches.
split = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1)])
split.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05), loss="mse")
split.fit(x, y, epochs=epochs, batch_size=batch_size, validation_split=0.2, verbose=0)
n_train = n - int(n * 0.2)  # 400 rows for training, 100 for validation
print(f"validation_split=0.2: {int(split.optimizer.iterations)} updates = "
      f"{epochs} x ceil({n_train}/{batch_size}) = {epochs} x {math.ceil(n_train / batch_size)}")
# --8<-- [end:count]
assert updates == epochs * math.ceil(n / batch_size) == 24
assert int(split.optimizer.iterations) == epochs * math.ceil(n_train / batch_size) == 21

# --8<-- [start:continue]
losses = []
weights_before = model.get_weights()[0].copy()
for call in range(3):  # three more calls of one epoch each
    h = model.fit(x, y, epochs=1, batch_size=batch_size, verbose=0)
    losses.append(h.history["loss"][0])
    print(f"fit call {call + 1}: loss {losses[-1]:.4f}")

fresh = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1)])
fresh.compile(optimizer="sgd", loss="mse")
fresh_loss = fresh.evaluate(x, y, verbose=0)
print(f"a freshly initialized model: loss {fresh_loss:.4f}")
# --8<-- [end:continue]
# The weights were carried over (not re-drawn at random), so the loss keeps falling
# and stays far below that of a fresh random model.
assert losses[0] > losses[1] > losses[2]
assert losses[0] < fresh_loss / 5
assert int(model.optimizer.iterations) == 24 + 3 * 8
assert not np.allclose(weights_before, model.get_weights()[0])
