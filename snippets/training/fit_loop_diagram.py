"""The fit loop drawn: forward -> loss -> gradients -> update, once per batch, for every epoch.

The numbers in the figure come from a real fit: the optimizer made exactly epochs × batches-per-epoch updates.
"""

from dlnotes import save_figure

import math

import keras
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

rng = np.random.default_rng(0)
x = rng.normal(size=(500, 4)).astype("float32")
y = (x @ np.array([[1.0], [-1.0], [0.5], [2.0]])).astype("float32")

# --8<-- [start:loop]
keras.utils.set_random_seed(0)
model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
epochs, batch_size = 3, 64
batches_per_epoch = math.ceil(len(x) / batch_size)
model.fit(x, y, epochs=epochs, batch_size=batch_size, verbose=0)
updates = int(model.optimizer.iterations)
print(f"batches per epoch = ceil({len(x)}/{batch_size}) = {batches_per_epoch}")
print(f"updates = {epochs} x {batches_per_epoch} = {updates}")
# --8<-- [end:loop]
# ko: 옵티마이저의 업데이트 횟수가 에포크 수 × 에포크당 배치 수와 같은 24번입니다. 배치마다 한 번씩 업데이트합니다.
# en: The optimizer made epochs × batches per epoch updates, 24 in all: one update per batch.
assert updates == epochs * batches_per_epoch == 24  # claim: fit-loop-one-update-per-batch

fig, ax = plt.subplots(figsize=(8.0, 3.6))
steps = ["1. forward\n(predict)", "2. loss", "3. gradients\n(back-propagation)", "4. update\n(optimizer)"]
xs = [0.9, 2.9, 4.9, 6.9]
for x0, text in zip(xs, steps):
    ax.add_patch(FancyBboxPatch((x0 - 0.8, 1.6), 1.6, 0.9, boxstyle="round,pad=0.05",
                                facecolor="#deebf7", edgecolor="#3182bd"))
    ax.text(x0, 2.05, text, ha="center", va="center", fontsize=9)
for a, b in zip(xs, xs[1:]):
    ax.add_patch(FancyArrowPatch((a + 0.85, 2.05), (b - 0.85, 2.05), arrowstyle="-|>", mutation_scale=12))
# ko: 배치마다 1단계로 되돌아가는 화살표 # en: the arrow back to step 1, once per batch
ax.add_patch(FancyArrowPatch((xs[-1], 1.55), (xs[0], 1.55), connectionstyle="arc3,rad=-0.25",
                             arrowstyle="-|>", mutation_scale=12, color="#e6550d"))
ax.text(3.9, 0.75, f"next batch: {batches_per_epoch} batches per epoch (batch_size={batch_size})",
        ha="center", fontsize=9, color="#e6550d")
ax.text(3.9, 0.3, f"x {epochs} epochs = {updates} updates; the weights are never re-initialized",
        ha="center", fontsize=9, color="#636363")
ax.text(0.1, 2.85, "model.fit(x, y, epochs, batch_size)", fontsize=10, family="monospace")
ax.set_xlim(0, 7.9)
ax.set_ylim(0, 3.2)
ax.axis("off")
save_figure(
    fig,
    "fit-loop",
    alt_ko="fit의 반복 그림: 1. 순전파(예측) → 2. 손실 → 3. 기울기(오차 역전파) → 4. 업데이트(옵티마이저)를 배치마다 되풀이하고, 한 에포크는 배치 8개, 3에포크면 업데이트 24번이며 가중치는 다시 초기화되지 않는다",
    alt_en="The fit loop: 1. forward pass (predict), 2. loss, 3. gradients (back-propagation), 4. update (optimizer), "
    "repeated for every batch; one epoch is 8 batches, 3 epochs make 24 updates, and the weights are never "
    "re-initialized",
)
