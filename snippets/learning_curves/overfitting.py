"""Overfitting: val_loss bottoms out early and then rises while the training loss keeps falling."""

import dlnotes  # noqa: F401  (first: quiet, reproducible TensorFlow)
from dlnotes import dl_history_plot, make_binary_53, save_figure

import keras
import numpy as np
from sklearn.model_selection import train_test_split

x, y = make_binary_53(n=400)  # 53 columns, only a few of them useful, 200 training rows
x_train, x_val, y_train, y_val = train_test_split(x, y, test_size=0.5, random_state=0)

# --8<-- [start:fit]
keras.utils.set_random_seed(0)
model = keras.Sequential([
    keras.Input(shape=(53,)),
    keras.layers.Dense(128, activation="relu"),  # far more capacity than 200 rows need
    keras.layers.Dense(128, activation="relu"),
    keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.001), loss="binary_crossentropy")
history = model.fit(x_train, y_train, epochs=30, batch_size=32,
                    validation_data=(x_val, y_val), verbose=0)
fig = dl_history_plot(history)
# --8<-- [end:fit]
fig.axes[0].set_title("Overfitting: val_loss turns up, train loss keeps falling")
best = int(np.argmin(history.history["val_loss"]))
fig.axes[0].axvline(best + 1, color="gray", linestyle="--", linewidth=1)
save_figure(
    fig,
    "curve-overfitting",
    alt_ko="과적합 학습 곡선: loss는 0 가까이 계속 내려가지만 "
    "val_loss는 초반에 최저점을 찍은 뒤 계속 올라간다",
    alt_en="Overfitting learning curve: the training loss keeps falling towards 0 while val_loss "
    "bottoms out early and then keeps rising",
)

# --8<-- [start:numbers]
loss, val_loss = np.array(history.history["loss"]), np.array(history.history["val_loss"])
best = int(np.argmin(val_loss))
print(f"lowest val_loss {val_loss[best]:.3f} at epoch {best + 1}")
print(f"epoch 30: loss {loss[-1]:.3f}, val_loss {val_loss[-1]:.3f} (gap {val_loss[-1] - loss[-1]:.3f})")
# --8<-- [end:numbers]
assert best + 1 <= 10  # the best epoch comes early ...
assert val_loss[-1] > 1.5 * val_loss[best]  # ... and val_loss rises clearly after it,
assert np.mean(np.diff(val_loss[best:]) > 0) >= 0.9  # in (almost) every epoch after its lowest point
assert loss[-1] < 0.5 * loss[best]  # while the training loss keeps falling
assert val_loss[-1] - loss[-1] > 0.4  # a wide train/validation gap
gaps = val_loss - loss
assert np.mean(np.diff(gaps[best:]) > 0) >= 0.9  # and the gap grows epoch after epoch
