"""The fit loop: forward -> loss -> gradients -> update, once per batch, every epoch; counted on a real fit."""

from dlnotes import save_figure

import math

import keras
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import FancyBboxPatch

# --8<-- [start:diagram]
steps = [
    "1. forward\n$\\hat{y}$ = model(x_batch)",
    "2. loss\nloss($y$, $\\hat{y}$)",
    "3. gradients\nbackpropagation",
    "4. update (optimizer)\n$w \\leftarrow w - lr \\times$ gradient",
]
fig, ax = plt.subplots(figsize=(7.0, 4.0))
ax.set_xlim(0, 10)
ax.set_ylim(0, 6)
ax.axis("off")
centers = [(2.5, 4.2), (7.5, 4.2), (7.5, 1.8), (2.5, 1.8)]
boxes = 0
for (cx, cy), text in zip(centers, steps):
    boxes += 1
    ax.add_patch(FancyBboxPatch((cx - 1.7, cy - 0.6), 3.4, 1.2, boxstyle="round,pad=0.05",
                                facecolor="#dbe9f6", edgecolor="black"))
    ax.text(cx, cy, text, ha="center", va="center", fontsize=10)
arrows = 0
for a, b in [((4.25, 4.2), (5.75, 4.2)), ((7.5, 3.55), (7.5, 2.45)), ((5.75, 1.8), (4.25, 1.8)),
             ((2.5, 2.45), (2.5, 3.55))]:
    arrows += 1
    ax.annotate("", xy=b, xytext=a, arrowprops={"arrowstyle": "->", "lw": 1.5})
ax.text(5.0, 3.0, "per batch\n(next x_batch, y_batch)", ha="center", va="center", fontsize=10, color="#1f77b4")
ax.add_patch(FancyBboxPatch((0.35, 0.55), 9.3, 4.95, boxstyle="round,pad=0.1", fill=False,
                            edgecolor="#ff7f0e", linestyle="--"))
ax.text(5.0, 5.75, "per epoch: every batch of the training rows once; then val_loss on the validation rows",
        ha="center", va="center", fontsize=9.5, color="#ff7f0e")
ax.text(5.0, 0.2, "updates per epoch = ceil(training rows / batch_size)", ha="center", fontsize=9.5)
# ko: 그림에는 단계 상자 4개와 그 사이를 잇는 화살표 4개가 있습니다.
# en: The figure has 4 step boxes and 4 arrows joining them.
assert boxes == 4 and arrows == 4  # claim: diagram-fit-loop-four-steps
save_figure(
    fig,
    "fit-loop-diagram",
    alt_ko="fit 반복 그림: 1 순전파(예측), 2 손실 계산, 3 오차 역전파로 기울기 계산, 4 옵티마이저가 가중치 갱신. 네 단계가 배치마다 한 바퀴 돌고, 학습 데이터의 모든 배치를 한 번씩 돌면 에포크 하나가 끝나며 검증 데이터로 val_loss를 계산합니다",
    alt_en="The fit loop: 1 forward pass (prediction), 2 loss, 3 gradients by backpropagation, 4 the optimizer updates the weights. The four steps run once per batch; one pass over every batch of the training rows is an epoch, after which val_loss is computed on the validation rows",
)

# --8<-- [end:diagram]

# --8<-- [start:updates]
# ko: 실제 fit으로 갱신 횟수를 셈 # en: count the updates in a real fit
rng = np.random.default_rng(0)
x = rng.normal(size=(500, 3))
y = x @ np.array([1.0, -2.0, 0.5])
keras.utils.set_random_seed(0)
model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=3, batch_size=64, validation_split=0.2, verbose=0)
training_rows = int(len(x) * (1 - 0.2))
updates_per_epoch = math.ceil(training_rows / 64)
updates = int(model.optimizer.iterations.numpy())
print(f"training rows {training_rows}, batch_size 64: {updates_per_epoch} updates per epoch, 3 epochs: {updates}")
# ko: 3에포크 동안의 업데이트 횟수가 3 × ⌈학습 행 수 / batch_size⌉와 같은 21번입니다.
# en: The updates over 3 epochs number 3 × ceil(training rows / batch_size) = 21.
assert updates == 3 * updates_per_epoch == 21  # claim: diagram-fit-loop-updates-per-batch
# --8<-- [end:updates]
