"""A too-large learning rate zig-zags; a tenth of it is smooth but needs more epochs."""

from dlnotes import dl_history_plot, save_figure

import keras
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

x, y = load_digits(return_X_y=True)  # ko: 숫자 0-9의 8x8 이미지 # en: 8x8 images of the digits 0-9
x = x / 16.0  # ko: 픽셀 값 0..16 -> 0..1 # en: pixel values 0..16 -> 0..1
x_train, x_val, y_train, y_val = train_test_split(x, y, test_size=0.3, random_state=0, stratify=y)


# --8<-- [start:fit]
def train(learning_rate):
    keras.utils.set_random_seed(0)  # ko: 매번 같은 모델, 같은 출발점 # en: the same model and the same start every time
    model = keras.Sequential([
        keras.Input(shape=(64,)),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
                  loss="sparse_categorical_crossentropy")
    return model.fit(x_train, y_train, epochs=15, batch_size=64,
                     validation_data=(x_val, y_val), verbose=0)


histories = {lr: train(lr) for lr in [0.1, 0.01, 0.001]}
# --8<-- [end:fit]

fig, axes = plt.subplots(1, 3, figsize=(11, 3.4), sharey=True)
for ax, (lr, h) in zip(axes, histories.items()):
    dl_history_plot(h, ax=ax, title=f"learning_rate={lr}")
axes[0].set_ylim(0, 1.5)
save_figure(
    fig,
    "learning-rates",
    alt_ko="같은 모델을 학습률 0.1, 0.01, 0.001로 학습한 학습 곡선 세 개: 0.1은 val_loss가 위아래로 요동치고, 0.01은 빠르고 매끄럽게 내려가며, 0.001은 매끄럽지만 훨씬 천천히 내려간다",
    alt_en="Learning curves of the same model at learning rates 0.1, 0.01 and 0.001: "
    "at 0.1 val_loss zig-zags up and down, at 0.01 it falls fast and smoothly, "
    "at 0.001 it is smooth but falls much more slowly",
)


# --8<-- [start:measure]
def zigzag(values):
    # ko: 곡선이 한 에포크에서 다음 에포크로 "올라간" 양을 모든 에포크에 걸쳐 더한 값
    # en: How much a curve goes UP from one epoch to the next, added over all epochs
    return float(np.sum(np.maximum(np.diff(values), 0)))


def epochs_to_reach(values, target):
    # ko: 손실이 처음으로 target 이하가 되는 에포크(None: 끝내 안 됨)
    # en: The first epoch at which the loss is at or below target (None: never)
    hits = np.nonzero(np.array(values) <= target)[0]
    return int(hits[0]) + 1 if len(hits) else None


target = 0.6
for lr, h in histories.items():
    print(f"learning_rate={lr:<6} val_loss zig-zag {zigzag(h.history['val_loss']):.3f}   "
          f"first epoch with loss <= {target}: {epochs_to_reach(h.history['loss'], target)}")
# --8<-- [end:measure]

big, mid, small = (histories[lr].history for lr in [0.1, 0.01, 0.001])
zigzag_big, zigzag_mid, zigzag_small = (zigzag(h["val_loss"]) for h in (big, mid, small))
# ko: 가장 큰 학습률에서는 val_loss가 에포크마다 올라간 양을 모두 더하면 0.2를 넘고, 중간 학습률일 때의 5배보다 큽니다.
# en: At the largest learning rate, the rises of val_loss from epoch to epoch add up
# en: to more than 0.2, and to more than 5 times those at the middle learning rate.
assert zigzag_big > 0.2 and zigzag_big > 5 * zigzag_mid  # claim: lr-large-zigzags
# ko: 중간 학습률과 가장 작은 학습률에서는 val_loss가 에포크마다 올라간 양을
# ko: 모두 더해도 0.01이 안 됩니다. 가장 작은 학습률의 `loss`도 마찬가지입니다.
# en: At the middle and the smallest learning rates, the rises of val_loss add up to
# en: less than 0.01 over all epochs; so do the rises of the loss at the smallest one.
assert zigzag_small < 0.01 and zigzag(small["loss"]) < 0.01 and zigzag_mid < 0.01  # claim: lr-small-smooth
n_mid = epochs_to_reach(mid["loss"], target)
n_small = epochs_to_reach(small["loss"], target) or 16  # ko: None: 15에포크 안에 못 도달 # en: None: not even within 15 epochs
# ko: 중간 학습률에서는 `loss`가 에포크 5 안에 목표값(target) 이하로 내려갑니다.
# en: At the middle learning rate, the loss is at or below the target by epoch 5.
assert n_mid is not None and n_mid <= 5  # claim: lr-mid-fast
# ko: 가장 작은 학습률에서는 `loss`가 목표값에 닿는 에포크가 중간 학습률의 2배 이상이고,
# ko: 5에포크 이상 늦습니다(끝까지 닿지 못하면 마지막 에포크 다음으로 칩니다).
# en: At the smallest learning rate, the loss reaches the target at least 2 times as late as at the
# en: middle one, and at least 5 epochs later (never reaching it counts as the epoch after the last).
assert n_small >= 2 * n_mid and n_small >= n_mid + 5  # claim: lr-small-needs-more-epochs
