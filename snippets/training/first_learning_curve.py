"""fit returns a History: the loss per epoch for training and validation data, drawn as a learning curve."""

from dlnotes import dl_history_plot, save_figure

import keras
import numpy as np
from sklearn.datasets import load_diabetes
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

keras.utils.set_random_seed(0)
x, y = load_diabetes(return_X_y=True)
x_train, x_val, y_train, y_val = train_test_split(x, y / 100, test_size=0.25, random_state=0)
scaler = StandardScaler().fit(x_train)
x_train, x_val = scaler.transform(x_train), scaler.transform(x_val)

# --8<-- [start:history]
model = keras.Sequential([
    keras.Input(shape=(x_train.shape[1],)),
    keras.layers.Dense(16, activation="relu"),
    keras.layers.Dense(1),
])
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="mse")
history = model.fit(x_train, y_train, validation_data=(x_val, y_val),
                    epochs=30, batch_size=32, verbose=0)

print(list(history.history))  # ko: fit이 에포크마다 기록한 값 # en: what fit recorded, once per epoch
for epoch in (1, 5, 30):
    loss, val_loss = history.history["loss"][epoch - 1], history.history["val_loss"][epoch - 1]
    print(f"epoch {epoch:2d}: loss {loss:.2f}  val_loss {val_loss:.2f}")
fig = dl_history_plot(history)
# --8<-- [end:history]
loss, val_loss = history.history["loss"], history.history["val_loss"]
first_loss, last_loss, last_val_loss = loss[0], loss[-1], val_loss[-1]
# ko: History에 `loss`와 `val_loss`가 에포크마다 하나씩, 각각 30개 들어 있습니다.
# en: The History holds 30 values each of loss and val_loss, one per epoch.
assert len(loss) == len(val_loss) == 30  # claim: history-one-value-per-epoch
# ko: 에포크 5의 손실도, 마지막 에포크의 손실도 에포크 1 손실의 3분의 1보다 작습니다.
# en: The loss at epoch 5, and at the last epoch, is below a third of the loss at epoch 1.
assert loss[4] < loss[0] / 3 and loss[-1] < loss[0] / 3  # claim: history-loss-falls-steeply
# ko: 에포크 1에서 5까지 줄어든 손실이 에포크 5에서 마지막 에포크까지 줄어든 손실보다 큽니다. 전체 감소량의 절반 넘는
# ko: 몫이 에포크 5까지 일어납니다.
# en: The loss drops more from epoch 1 to epoch 5 than from epoch 5 to the last epoch: over half of the whole drop
# en: happens by epoch 5.
assert loss[0] - loss[4] > loss[4] - loss[-1]  # claim: history-bends-then-flattens
# ko: 마지막 에포크의 val_loss는 에포크 1 val_loss의 3분의 1보다 작습니다.
# en: The last epoch's val_loss is below a third of epoch 1's.
assert val_loss[-1] < val_loss[0] / 3  # claim: history-val-loss-follows
# ko: 마지막 간격은 처음 val_loss의 10분의 1도 안 됨
# en: the last gap is less than a tenth of the first val_loss
last_gap = last_val_loss - last_loss
# ko: 마지막 에포크에서 `val_loss`와 `loss`의 차이는 에포크 1 `val_loss`의 10분의 1보다 작습니다.
# en: At the last epoch, val_loss and loss differ by less than a tenth of epoch 1's val_loss.
assert abs(last_gap) < 0.1 * val_loss[0]  # claim: history-val-loss-close-at-end
# ko: 에포크 1에서는 `val_loss`가 `loss`보다 낮습니다.
# en: At epoch 1, val_loss is lower than loss.
assert val_loss[0] < loss[0]  # claim: history-val-below-loss-epoch-1
# ko: val_loss는 후반에 바닥을 찍고, 그 뒤로는 (0.001 넘게) 다시 내려가지 않고 올라감. 그동안 손실은 계속 내려감
# en: val_loss bottoms late, then rises and never comes back down (by more than 0.001), while the loss keeps falling
best_epoch = int(np.argmin(val_loss)) + 1
best_val_loss = val_loss[best_epoch - 1]
val_rise = last_val_loss / best_val_loss - 1
# ko: val_loss가 가장 낮은 에포크는 15와 25 사이입니다. 그 뒤로 val_loss는 한 에포크에 0.001 이상 내려간 적이 없고,
# ko: 마지막에는 최저값보다 0.005 넘게 높습니다. 그동안 `loss`는 에포크마다 내려갑니다.
# en: val_loss is lowest at an epoch between 15 and 25. After it, val_loss never drops by 0.001 or more in one epoch and
# en: ends more than 0.005 above its lowest value, while the loss falls every epoch.
assert 15 <= best_epoch <= 25 and np.all(np.diff(val_loss[best_epoch - 1:]) > -1e-3) \
    and last_val_loss > best_val_loss + 0.005 and np.all(np.diff(loss[best_epoch - 1:]) < 0)  # claim: history-val-bottoms-then-rises
# ko: 마지막 val_loss가 최저값보다 올라간 폭은 최저값의 5%보다 작습니다.
# en: The last val_loss is less than 5% above its lowest value.
assert val_rise < 0.05  # claim: history-val-rise-small

# --8<-- [start:running_mean]
# ko: 한 에포크의 `loss`는 가중치가 바뀌는 동안 잰 배치 손실의 평균이고,
# en: An epoch's `loss` is the mean over its batches, measured while the weights were still changing;
# ko: val_loss는 에포크가 끝난 뒤의 가중치로 한 번 잼
# en: val_loss is measured once, with the weights at the end of the epoch
keras.utils.set_random_seed(0)
again = keras.Sequential([
    keras.Input(shape=(x_train.shape[1],)),
    keras.layers.Dense(16, activation="relu"),
    keras.layers.Dense(1),
])
again.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="mse")
first = again.fit(x_train, y_train, epochs=1, batch_size=32, verbose=0).history["loss"][0]
after = again.evaluate(x_train, y_train, verbose=0)
print(f"epoch 1: loss (batch mean) {first:.2f} vs evaluate after the epoch {after:.2f}")
# --8<-- [end:running_mean]
# ko: 에포크 1이 끝난 뒤 같은 학습 데이터로 다시 잰 손실이 그 에포크의 `loss`(배치 평균)보다 20% 넘게 낮습니다.
# en: Measured again on the same training data after epoch 1, the loss is more than 20% lower than that epoch's loss
# en: (the mean over its batches).
assert after < 0.8 * first  # claim: history-running-mean-lags
save_figure(
    fig,
    "first-learning-curve",
    alt_ko="에포크마다 학습 데이터의 손실(loss)과 검증 데이터의 손실(val_loss)이 처음에 크게 떨어진 뒤 완만해지는 학습 곡선. 후반에는 손실이 계속 내려가는 동안 val_loss가 바닥을 찍고 조금 올라간다",
    alt_en="Learning curve: training loss and val_loss drop steeply in the first epochs, then flatten; late in training "
    "val_loss bottoms out and rises a little while the loss keeps falling",
)
