"""A smoother curve is not a more accurate model: smooth but under-trained loses."""

from dlnotes import dl_history_plot, save_figure

import keras
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

x, y = load_digits(return_X_y=True)
x = x / 16.0
x_train, x_val, y_train, y_val = train_test_split(x, y, test_size=0.3, random_state=0, stratify=y)


# --8<-- [start:fit]
def train(learning_rate):
    keras.utils.set_random_seed(0)
    model = keras.Sequential([
        keras.Input(shape=(64,)),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    history = model.fit(x_train, y_train, epochs=15, batch_size=64,
                        validation_data=(x_val, y_val), verbose=0)
    val_loss, val_acc = model.evaluate(x_val, y_val, verbose=0)
    return history, val_loss, val_acc


def zigzag(values):
    # ko: 곡선이 다음 에포크에서 올라간 양을 모두 더한 값
    # en: how much a curve goes UP from one epoch to the next, added over all epochs
    return float(np.sum(np.maximum(np.diff(values), 0)))


runs = {"bumpy (lr=0.05)": train(0.05), "smooth (lr=0.0005)": train(0.0005)}
for name, (history, val_loss, val_acc) in runs.items():
    print(f"{name:<19} zig-zag {zigzag(history.history['val_loss']):.3f}   "
          f"val_loss {val_loss:.3f}   val_accuracy {val_acc:.3f}")
# --8<-- [end:fit]

(bumpy, bumpy_loss, bumpy_acc), (smooth, smooth_loss, smooth_acc) = runs.values()
# ko: 학습률이 작은 쪽(매끄러운 곡선)의 val_loss는 에포크마다 빠짐없이 내려갑니다.
# en: With the small learning rate (the smooth curve), val_loss goes down at every single epoch.
assert np.all(np.diff(smooth.history["val_loss"]) < 0)  # claim: smooth-never-goes-up
# ko: 학습률이 큰 쪽의 val_loss는 중간중간 올라가고, 올라간 양을 모두 더하면 0.1보다 큽니다.
# en: With the large learning rate, val_loss goes up now and then: its rises add up to more than 0.1.
assert zigzag(bumpy.history["val_loss"]) > 0.1  # claim: smooth-bumpy-goes-up
# ko: 학습이 끝난 뒤 매끄러운 쪽의 검증 정확도가 울퉁불퉁한 쪽보다 0.04 넘게 낮습니다.
# en: After training, the smooth run's validation accuracy is more than 0.04 below the bumpy run's.
assert smooth_acc < bumpy_acc - 0.04  # claim: smooth-less-accurate
# ko: 울퉁불퉁한 쪽의 마지막 다섯 에포크 중 가장 낮은 val_accuracy도 매끄러운 쪽의 가장 높은 val_accuracy보다 높습니다.
# en: Even the lowest val_accuracy of the bumpy run's last five epochs is higher than the smooth run's best
# en: val_accuracy.
assert min(bumpy.history["val_accuracy"][-5:]) > max(smooth.history["val_accuracy"])  # claim: smooth-worst-late-beats-best
# ko: 학습이 끝난 뒤 매끄러운 쪽의 val_loss는 울퉁불퉁한 쪽의 3배보다 큽니다.
# en: After training, the smooth run's val_loss is more than 3 times the bumpy run's.
assert smooth_loss > 3 * bumpy_loss  # claim: smooth-loss-still-high

fig, axes = plt.subplots(2, 2, figsize=(9, 6), sharex=True, sharey="col")
for row, (name, (history, _, _)) in zip(axes, runs.items()):
    dl_history_plot(history, ax=row[0], title=f"{name}: loss")
    dl_history_plot(history, metric="accuracy", ax=row[1], title=f"{name}: accuracy")
    row[1].set_ylim(0, 1.02)
fig.tight_layout()
save_figure(
    fig,
    "smooth-vs-bumpy",
    alt_ko="위: 학습률 0.05는 검증 손실이 조금씩 오르내리지만 정확도가 약 0.95에 이른다. 아래: 학습률 0.0005는 손실 곡선이 매끄럽지만 15에포크 뒤에도 손실이 높고 정확도가 더 낮다",
    alt_en="Top: at learning rate 0.05 val_loss goes up and down a little but accuracy reaches about 0.95. "
    "Bottom: at learning rate 0.0005 the loss curve is smooth, but after 15 epochs the loss is still high "
    "and accuracy is lower",
)
