"""A desirable learning curve: steep drop, bend, gentle slope, validation close to training."""

import dlnotes  # noqa: F401  (first: quiet, reproducible TensorFlow)
from dlnotes import dl_history_plot, save_figure

import keras
import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

x, y = load_breast_cancer(return_X_y=True)
y = 1 - y  # as on every page of this site: 1 = malignant (scikit-learn codes malignant as 0)
x_train, x_val, y_train, y_val = train_test_split(x, y, test_size=0.3, random_state=0, stratify=y)
scaler = StandardScaler().fit(x_train)
x_train, x_val = scaler.transform(x_train), scaler.transform(x_val)

# --8<-- [start:fit]
keras.utils.set_random_seed(0)
model = keras.Sequential([
    keras.Input(shape=(30,)),
    keras.layers.Dense(8, activation="relu"),
    keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.003), loss="binary_crossentropy")
history = model.fit(x_train, y_train, epochs=30, batch_size=32,
                    validation_data=(x_val, y_val), verbose=0)

fig = dl_history_plot(history)  # train loss and val_loss per epoch
# --8<-- [end:fit]
fig.axes[0].set_title("Desirable: steep drop, bend, gentle slope")
save_figure(
    fig,
    "curve-desirable",
    alt_ko="바람직한 학습 곡선: 처음 몇 에포크 동안 loss가 급격히 줄다가 꺾인 뒤 완만해지고, "
    "val_loss가 loss 가까이 따라 내려간다",
    alt_en="Desirable learning curve: loss drops steeply in the first epochs, bends, then flattens; "
    "val_loss follows close to the training loss",
)

# --8<-- [start:numbers]
loss, val_loss = np.array(history.history["loss"]), np.array(history.history["val_loss"])
print(f"loss     epoch 1 {loss[0]:.3f} -> epoch 5 {loss[4]:.3f} -> epoch 30 {loss[-1]:.3f}")
print(f"val_loss epoch 1 {val_loss[0]:.3f} -> epoch 5 {val_loss[4]:.3f} -> epoch 30 {val_loss[-1]:.3f}")
print(f"drop in epochs 1-5: {loss[0] - loss[4]:.3f}, drop in epochs 21-30: {loss[19] - loss[29]:.3f}")
# --8<-- [end:numbers]
assert loss[4] < 0.5 * loss[0]  # steep drop: more than half of the loss is gone after 5 epochs
# the bend: per epoch, the last ten epochs improve less than a tenth as fast as the first four
assert (loss[19] - loss[29]) / 10 < 0.1 * (loss[0] - loss[4]) / 4
assert val_loss[-1] - loss[-1] < 0.15  # validation stays close to training
assert val_loss[-1] < 0.35 * val_loss[0]  # val_loss falls with the training loss ...
# ... and never climbs back up: at no epoch is it more than 0.01 above its lowest value so far
assert np.all(val_loss - np.minimum.accumulate(val_loss) < 0.01)
