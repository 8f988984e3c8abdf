"""validation_split takes the last rows, without shuffling, and keeps floor(n × (1 − split)) rows for training."""

from dlnotes import save_figure

import math

import keras
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle
from sklearn.datasets import load_breast_cancer

x, y = load_breast_cancer(return_X_y=True)
x = (x - x.mean(axis=0)) / x.std(axis=0)

# --8<-- [start:rows]
n = len(x)  # ko: 유방암 데이터 569행 # en: the breast cancer data: 569 rows
keras.utils.set_random_seed(0)
model = keras.Sequential([keras.Input(shape=(30,)), keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.0), loss="binary_crossentropy")  # ko: 학습률 0: 가중치가 그대로 # en: learning rate 0: the weights stay as they are
history = model.fit(x, y, epochs=1, batch_size=1, validation_split=0.2, shuffle=False, verbose=0)
n_train = int(model.optimizer.iterations)  # ko: 배치 크기 1: 업데이트 횟수 = 학습 행 수 # en: batch size 1: updates = training rows
print(f"training rows: {n_train}   floor({n} x 0.8) = {math.floor(n * (1 - 0.2))}   {n} - int({n} x 0.2) = {n - int(n * 0.2)}")

val_loss = history.history["val_loss"][0]
last_rows = model.evaluate(x[n_train:], y[n_train:], verbose=0)   # ko: 마지막 행들 # en: the last rows
first_rows = model.evaluate(x[:n - n_train], y[:n - n_train], verbose=0)  # ko: 처음 행들 # en: the first rows
print(f"val_loss {val_loss:.4f}   last {n - n_train} rows {last_rows:.4f}   first {n - n_train} rows {first_rows:.4f}")
# --8<-- [end:rows]
n_val, n_by_subtraction = n - n_train, n - int(n * 0.2)
# ko: Keras가 학습에 쓴 행 수는 ⌊행 수 × (1 - 0.2)⌋ = 455입니다. 행 수 - int(행 수 × 0.2)로 계산한 456이 아닙니다.
# en: Keras trained on floor(rows × (1 - 0.2)) = 455 rows, not on rows - int(rows × 0.2) = 456.
assert n_train == math.floor(n * (1 - 0.2)) == 455 and n_by_subtraction == 456  # claim: split-keras-floors-training-rows
# ko: fit이 알려 준 val_loss가 마지막 행들로 잰 손실과 같고(상대 오차 1e-4 안쪽), 같은 수의 처음 행들로 잰 손실과는 0.01
# ko: 넘게 다릅니다.
# en: fit's val_loss equals the loss on the last rows (to a relative 1e-4) and differs by more than 0.01 from the loss
# en: on as many first rows.
assert np.isclose(val_loss, last_rows, rtol=1e-4) and abs(first_rows - val_loss) > 0.01  # claim: split-takes-last-rows

fig, ax = plt.subplots(figsize=(7.0, 1.9))
ax.add_patch(Rectangle((0, 0), n_train, 1, facecolor="#9ecae1", edgecolor="black"))
ax.add_patch(Rectangle((n_train, 0), n_val, 1, facecolor="#fdae6b", edgecolor="black"))
ax.text(n_train / 2, 0.5, f"training: rows 0–{n_train - 1}", ha="center", va="center", fontsize=11)
ax.text(n_train + n_val / 2, 0.5, f"validation\nrows {n_train}–{n - 1}", ha="center", va="center", fontsize=10)
ax.annotate("", xy=(n, 1.35), xytext=(0, 1.35), arrowprops={"arrowstyle": "->", "color": "gray"})
ax.text(n / 2, 1.5, "row order as given (no shuffling)", ha="center", va="bottom", fontsize=10, color="dimgray")
ax.set_xlim(-5, n + 5)
ax.set_ylim(-0.2, 2.0)
ax.axis("off")
save_figure(
    fig,
    "validation-split-last-rows",
    alt_ko=f"validation_split=0.2로 {n}행을 나누는 그림: 섞지 않은 순서 그대로 앞의 {n_train}행(0~{n_train - 1}번)이 학습 데이터, "
    f"마지막 {n_val}행({n_train}~{n - 1}번)이 검증 데이터입니다",
    alt_en=f"validation_split=0.2 splitting {n} rows: in their given order, without shuffling, the first {n_train} rows "
    f"(0 to {n_train - 1}) train the model and the last {n_val} rows ({n_train} to {n - 1}) validate it",
)
