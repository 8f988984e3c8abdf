"""Overfitting: val_loss bottoms out early and then rises while the training loss keeps falling."""

from dlnotes import dl_history_plot, make_binary_53, save_figure

import keras
import numpy as np
from sklearn.model_selection import train_test_split

x, y = make_binary_53(n=400)  # ko: 컬럼 53개 중 쓸모 있는 것은 몇 개뿐, 학습 데이터 200행 # en: 53 columns, only a few of them useful, 200 training rows
x_train, x_val, y_train, y_val = train_test_split(x, y, test_size=0.5, random_state=0)

# --8<-- [start:fit]
keras.utils.set_random_seed(0)
model = keras.Sequential([
    keras.Input(shape=(53,)),
    keras.layers.Dense(128, activation="relu"),  # ko: 200행에 비해 너무 큰 용량 # en: far more capacity than 200 rows need
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
    alt_ko="과적합 학습 곡선: 손실은 0 가까이 계속 내려가지만 val_loss는 초반에 최저점을 찍은 뒤 계속 올라간다",
    alt_en="Overfitting learning curve: the training loss keeps falling towards 0 while val_loss "
    "bottoms out early and then keeps rising",
)

# --8<-- [start:numbers]
loss, val_loss = np.array(history.history["loss"]), np.array(history.history["val_loss"])
best = int(np.argmin(val_loss))
best_epoch, lowest_val_loss = best + 1, float(val_loss[best])
last_loss, last_val_loss = float(loss[-1]), float(val_loss[-1])
print(f"lowest val_loss {lowest_val_loss:.3f} at epoch {best_epoch}")
print(f"epoch 30: loss {last_loss:.3f}, val_loss {last_val_loss:.3f} (gap {last_val_loss - last_loss:.3f})")
# --8<-- [end:numbers]
rising_share = float(np.mean(np.diff(val_loss[best:]) > 0))
gaps = val_loss - loss
# ko: val_loss가 가장 낮은 에포크는 에포크 10이거나 그보다 앞입니다.
# en: val_loss is lowest at epoch 10 or earlier.
assert best_epoch <= 10  # claim: overfit-best-epoch-early
# ko: val_loss는 가장 낮은 에포크 뒤로 90 % 이상의 에포크에서 올라가고, 마지막 값은 최저값의 1.5배를 넘습니다.
# en: After its lowest epoch, val_loss rises in at least 90 % of the
# en: epochs, and the last val_loss is more than 1.5 times the minimum.
assert last_val_loss > 1.5 * lowest_val_loss and rising_share >= 0.9  # claim: overfit-val-keeps-rising
# ko: `loss`는 매 에포크 내려가고, 마지막 `loss`는 `val_loss`가 가장 낮던 에포크의 `loss`의 절반보다 작습니다.
# en: The loss falls in every epoch, and the last loss is less than half the loss at val_loss's lowest epoch.
assert np.all(np.diff(loss) < 0) and last_loss < 0.5 * loss[best]  # claim: overfit-train-keeps-falling
# ko: 마지막 에포크에서 `val_loss`가 `loss`보다 0.4 넘게 높습니다.
# en: At the last epoch, val_loss is more than 0.4 above the loss.
assert last_val_loss - last_loss > 0.4  # claim: overfit-wide-gap
# ko: `val_loss`가 가장 낮은 에포크 뒤로, `val_loss`와 `loss`의 차이가 벌어진 에포크가 90 % 이상입니다.
# en: After val_loss's lowest epoch, the gap between val_loss and the loss widens in at least 90 % of the epochs.
assert np.mean(np.diff(gaps[best:]) > 0) >= 0.9  # claim: overfit-gap-grows
