"""Underfitting: the loss flattens at once at a high level, far above a capable model's."""

import dlnotes  # noqa: F401  (first: quiet, reproducible TensorFlow)
from dlnotes import dl_history_plot, save_figure

import keras
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import make_circles
from sklearn.model_selection import train_test_split

# two rings: the inner ring is class 1, the outer ring class 0 (no straight line separates them)
x, y = make_circles(n_samples=600, noise=0.1, factor=0.5, random_state=0)
x_train, x_val, y_train, y_val = train_test_split(x, y, test_size=0.3, random_state=0)


def train(hidden_layers):
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input(shape=(2,)), *hidden_layers,
                              keras.layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.02), loss="binary_crossentropy")
    return model.fit(x_train, y_train, epochs=20, batch_size=32,
                     validation_data=(x_val, y_val), verbose=0)


# --8<-- [start:fit]
too_simple = train([])                                             # no hidden layer: a straight line
capable = train([keras.layers.Dense(16, activation="relu")])       # one hidden ReLU layer

for name, h in [("too simple", too_simple), ("capable", capable)]:
    loss, val_loss = h.history["loss"], h.history["val_loss"]
    print(f"{name:>10}: loss {loss[0]:.3f} -> {loss[-1]:.3f}, val_loss {val_loss[-1]:.3f}")
print(f"guessing 50/50 costs ln 2 = {np.log(2):.3f}")
# --8<-- [end:fit]

fig, axes = plt.subplots(1, 2, figsize=(9, 3.6), sharey=True)
dl_history_plot(too_simple, ax=axes[0], title="Underfitting: no hidden layer")
dl_history_plot(capable, ax=axes[1], title="Capable: one hidden ReLU layer")
save_figure(
    fig,
    "curve-underfitting",
    alt_ko="과소적합 학습 곡선(왼쪽): 은닉층이 없는 모델은 loss가 처음부터 약 0.69에 머문다. "
    "오른쪽: 은닉층이 있는 모델은 loss가 0 가까이 내려간다",
    alt_en="Underfitting (left): the model without a hidden layer stays at a loss of about 0.69 "
    "from the start; "
    "right: the model with a hidden layer brings the loss close to 0",
)

under, good = np.array(too_simple.history["loss"]), np.array(capable.history["loss"])
under_val = np.array(too_simple.history["val_loss"])
assert under[-1] > 0.6 and under_val[-1] > 0.6  # stuck near ln 2: no better than guessing
assert under[-1] > 0.9 * under[0]  # it hardly improves at all
assert good[-1] < 0.2 and under[-1] > 3 * good[-1]  # far above what a capable model reaches
assert abs(under_val[-1] - under[-1]) < 0.05  # train and validation agree: both are bad
