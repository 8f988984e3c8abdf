"""Underfitting: the loss flattens at once at a high level, far above a capable model's."""

from dlnotes import dl_history_plot, save_figure

import keras
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import make_circles
from sklearn.model_selection import train_test_split

# ko: 동심원 두 개: 안쪽 원이 클래스 1, 바깥쪽 원이 클래스 0(직선으로는 나눌 수 없음)
# en: two rings: the inner ring is class 1, the outer ring class 0 (no straight line separates them)
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
too_simple = train([])                                             # ko: 은닉층 없음: 직선 # en: no hidden layer: a straight line
capable = train([keras.layers.Dense(16, activation="relu")])       # ko: ReLU 은닉층 하나 # en: one hidden ReLU layer

for name, h in [("too simple", too_simple), ("capable", capable)]:
    loss, val_loss = h.history["loss"], h.history["val_loss"]
    print(f"{name:>10}: loss {loss[0]:.3f} -> {loss[-1]:.3f}, val_loss {val_loss[-1]:.3f}")
print(f"ln 2 = {np.log(2):.3f} (loss of a 50/50 guess)")
# --8<-- [end:fit]

fig, axes = plt.subplots(1, 2, figsize=(9, 3.6), sharey=True)
dl_history_plot(too_simple, ax=axes[0], title="Underfitting: no hidden layer")
dl_history_plot(capable, ax=axes[1], title="Capable: one hidden ReLU layer")
save_figure(
    fig,
    "curve-underfitting",
    alt_ko="과소적합 학습 곡선(왼쪽): 은닉층이 없는 모델은 손실이 처음부터 약 0.69에 머문다. 오른쪽: 은닉층이 있는 모델은 손실이 0 가까이 내려간다",
    alt_en="Underfitting (left): the model without a hidden layer stays at a loss of about 0.69 "
    "from the start; "
    "right: the model with a hidden layer brings the loss close to 0",
)

under, good = np.array(too_simple.history["loss"]), np.array(capable.history["loss"])
under_val = np.array(too_simple.history["val_loss"])
under_last, good_last = float(under[-1]), float(good[-1])
# ko: 은닉층 없는 모델의 마지막 `loss`가 ln 2(반반 찍기의 BCE)와 0.06 안쪽으로 가깝고, 마지막 `val_loss`는 0.6보다 높습니다.
# en: The model without a hidden layer ends with a loss within 0.06 of ln 2
# en: (the BCE of a coin-flip guess), and with a last val_loss above 0.6.
assert abs(under_last - np.log(2)) < 0.06 and under_val[-1] > 0.6  # claim: underfit-stuck-near-ln2
# ko: 은닉층 없는 모델의 마지막 `loss`가 첫 에포크 `loss`의 0.9배보다 큽니다. 10 %도 줄지 않은 것입니다.
# en: The model without a hidden layer ends with a loss above 0.9 times its first: it fell by less than 10 %.
assert under_last > 0.9 * under[0]  # claim: underfit-hardly-improves
# ko: 은닉층이 있는 모델은 마지막 `loss`가 0.2보다 낮고, 은닉층 없는 모델의 마지막 `loss`는 그 3배보다 큽니다.
# en: The model with a hidden layer ends with a loss below 0.2, and the one without ends more than 3 times higher.
assert good_last < 0.2 and under_last > 3 * good_last  # claim: underfit-far-above-capable
# ko: 은닉층 없는 모델은 마지막 `val_loss`와 `loss`의 차이가 0.05보다 작습니다.
# en: For the model without a hidden layer, the last val_loss and loss differ by less than 0.05.
assert abs(under_val[-1] - under_last) < 0.05  # claim: underfit-train-and-val-agree
