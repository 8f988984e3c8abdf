"""A model is a formula fitted to data: Dense(1) on y = 3x + 2 + noise finds w ≈ 3, b ≈ 2."""

import dlnotes  # noqa: F401  (first: quiet, reproducible TensorFlow)

import keras
import numpy as np

# --8<-- [start:fit]
keras.utils.set_random_seed(0)
rng = np.random.default_rng(0)
x = rng.uniform(-1, 1, size=(200, 1)).astype("float32")
y = 3 * x + 2 + rng.normal(0, 0.1, size=(200, 1)).astype("float32")

model = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1)])
w_start, b_start = model.layers[0].get_weights()
print(f"before fit: w = {w_start[0, 0]:.2f} (random), b = {b_start[0]:.2f} (Keras starts biases at 0)")
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1), loss="mse")
history = model.fit(x, y, epochs=40, batch_size=32, verbose=0)

w, b = model.layers[0].get_weights()
print(f"w = {w[0, 0]:.2f}, b = {b[0]:.2f}")
print(f"loss: first epoch {history.history['loss'][0]:.3f} -> last epoch {history.history['loss'][-1]:.4f}")
# --8<-- [end:fit]
assert b_start[0] == 0.0 and w_start[0, 0] != 0.0  # random kernel, zero bias
assert abs(w[0, 0] - 3) < 0.1 and abs(b[0] - 2) < 0.1
assert history.history["loss"][-1] < 0.02  # about the noise variance, 0.01
