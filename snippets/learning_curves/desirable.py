"""A desirable learning curve: steep drop, bend, gentle slope, validation close to training."""

from dlnotes import dl_history_plot, save_figure

import keras
import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

x, y = load_breast_cancer(return_X_y=True)
# ko: 이 사이트의 모든 페이지처럼 1 = 악성(scikit-learn은 악성을 0으로 씀)
# en: as on every page of this site: 1 = malignant (scikit-learn codes malignant as 0)
y = 1 - y
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

fig = dl_history_plot(history)  # ko: 에포크별 손실과 val_loss # en: loss and val_loss per epoch
# --8<-- [end:fit]
fig.axes[0].set_title("Desirable: steep drop, bend, gentle slope")
save_figure(
    fig,
    "curve-desirable",
    alt_ko="바람직한 학습 곡선: 처음 몇 에포크 동안 학습 손실이 급격히 줄다가 꺾인 뒤 완만해지고, 검증 손실이 학습 손실 가까이 따라 내려간다",
    alt_en="Desirable learning curve: loss drops steeply in the first epochs, bends, then flattens; "
    "val_loss follows close to the training loss",
)

# --8<-- [start:numbers]
loss, val_loss = np.array(history.history["loss"]), np.array(history.history["val_loss"])
print(f"loss     epoch 1 {loss[0]:.3f} -> epoch 5 {loss[4]:.3f} -> epoch 30 {loss[-1]:.3f}")
print(f"val_loss epoch 1 {val_loss[0]:.3f} -> epoch 5 {val_loss[4]:.3f} -> epoch 30 {val_loss[-1]:.3f}")
drop_first, drop_last = float(loss[0] - loss[4]), float(loss[19] - loss[29])
print(f"drop: epochs 1-5 {drop_first:.3f}, epochs 21-30 {drop_last:.3f}")
# --8<-- [end:numbers]
gap_last = float(val_loss[-1] - loss[-1])
climb_back = float(np.max(val_loss - np.minimum.accumulate(val_loss)))
# ko: 에포크 5의 `loss`가 에포크 1의 `loss`의 절반보다 낮습니다.
# en: The loss at epoch 5 is below half the loss at epoch 1.
assert loss[4] < 0.5 * loss[0]  # claim: desirable-steep-drop
# ko: 에포크당 줄어든 `loss`를 비교하면, 마지막 10에포크는 처음 4에포크의 10분의 1도 줄지 않습니다.
# en: Per epoch, the loss falls less than a tenth as much over the last 10 epochs as over the first 4.
assert drop_last / 10 < 0.1 * drop_first / 4  # claim: desirable-bend
# ko: 마지막 에포크의 `val_loss`는 `loss`보다 낮지 않고, 그 차이는 0.15보다 작습니다.
# en: At the last epoch, val_loss is not below the loss, and less than 0.15 above it.
assert 0 <= gap_last < 0.15  # claim: desirable-val-close-to-train
# ko: 마지막 에포크의 val_loss가 첫 에포크 val_loss의 0.35배보다 작습니다.
# en: The last val_loss is less than 0.35 times the first epoch's val_loss.
assert val_loss[-1] < 0.35 * val_loss[0]  # claim: desirable-val-falls-too
# ko: val_loss는 어느 에포크에서도 그때까지의 최저값보다 0.01 넘게 올라가지 않습니다.
# en: At no epoch is val_loss more than 0.01 above its lowest value so far.
assert climb_back < 0.01  # claim: desirable-never-turns-up
