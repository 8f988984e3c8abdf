"""fit = for each epoch, for each mini-batch: predict, measure the loss, back-propagate, update."""

import dlnotes  # noqa: F401  (first: quiet, reproducible TensorFlow)

import math

import keras
import numpy as np

keras.utils.set_random_seed(0)
rng = np.random.default_rng(0)
x = rng.normal(size=(300, 2)).astype("float32")
y = (x[:, :1] * 4 - x[:, 1:] + 1).astype("float32")

# --8<-- [start:steps]
class CountSteps(keras.callbacks.Callback):
    """Count the weight updates: one per mini-batch."""

    def on_train_begin(self, logs=None):
        self.batches = 0

    def on_train_batch_end(self, batch, logs=None):
        self.batches += 1


model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(1)])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05), loss="mse")
before = model.evaluate(x, y, verbose=0)

counter = CountSteps()
history = model.fit(x, y, epochs=5, batch_size=50, verbose=0, callbacks=[counter])

print(f"loss before fit: {before:.3f}")
print("loss per epoch: ", [round(v, 3) for v in history.history["loss"]])
print(f"mini-batch steps: {counter.batches} = 5 epochs x ceil(300/50) = {5 * math.ceil(300 / 50)}")
# --8<-- [end:steps]
assert counter.batches == 5 * math.ceil(300 / 50) == int(model.optimizer.iterations)
assert history.history["loss"][-1] < before / 10
