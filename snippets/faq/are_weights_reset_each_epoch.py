"""Each epoch starts from the weights the previous epoch ended with: nothing is re-initialized."""

import dlnotes  # noqa: F401  (first: quiet, reproducible TensorFlow)

import keras
import numpy as np

keras.utils.set_random_seed(0)
rng = np.random.default_rng(0)
x = rng.normal(size=(256, 3)).astype("float32")
y = (x @ np.array([[2.0], [-1.0], [0.5]])).astype("float32")

# --8<-- [start:callback]
class WeightSnapshots(keras.callbacks.Callback):
    """Copy the kernel at the start and at the end of every epoch."""

    def __init__(self):
        super().__init__()
        self.begin, self.end = [], []

    def on_epoch_begin(self, epoch, logs=None):
        self.begin.append(self.model.layers[0].kernel.numpy().copy())

    def on_epoch_end(self, epoch, logs=None):
        self.end.append(self.model.layers[0].kernel.numpy().copy())


model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(1)])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05), loss="mse")
snapshots = WeightSnapshots()
history = model.fit(x, y, epochs=4, batch_size=32, verbose=0, callbacks=[snapshots])

for epoch in range(1, 4):
    same = np.array_equal(snapshots.begin[epoch], snapshots.end[epoch - 1])
    print(f"epoch {epoch + 1} starts with the weights epoch {epoch} ended with: {same}")
print("loss per epoch:", [round(v, 4) for v in history.history["loss"]])
# --8<-- [end:callback]
for epoch in range(1, 4):
    assert np.array_equal(snapshots.begin[epoch], snapshots.end[epoch - 1])
    assert not np.allclose(snapshots.begin[epoch], snapshots.begin[0])  # and they did change
losses = history.history["loss"]
assert all(a > b for a, b in zip(losses, losses[1:])), "the loss keeps falling across epochs"
