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
assert len(loss) == len(val_loss) == 30  # claim: history-one-value-per-epoch
assert loss[4] < loss[0] / 3 and loss[-1] < loss[0] / 3  # claim: history-loss-falls-steeply
# ko: 처음 다섯 에포크에 떨어진 양이 나머지 25에포크 동안 떨어진 양보다 큼(꺾인 뒤 완만)
# en: more is lost in the first five epochs than in the other 25 (a bend, then a gentle slope)
assert loss[0] - loss[4] > loss[4] - loss[-1]  # claim: history-bends-then-flattens
assert val_loss[-1] < val_loss[0] / 3  # claim: history-val-loss-follows
# ko: 마지막 간격은 처음 val_loss의 10분의 1도 안 됨
# en: the last gap is less than a tenth of the first val_loss
last_gap = last_val_loss - last_loss
assert abs(last_gap) < 0.1 * val_loss[0]  # claim: history-val-loss-close-at-end
assert val_loss[0] < loss[0]  # claim: history-val-below-loss-epoch-1
# ko: val_loss는 후반에 바닥을 찍고, 그 뒤로는 (0.001 넘게) 다시 내려가지 않고 올라감. 그동안 손실은 계속 내려감
# en: val_loss bottoms late, then rises and never comes back down (by more than 0.001), while the loss keeps falling
best_epoch = int(np.argmin(val_loss)) + 1
best_val_loss = val_loss[best_epoch - 1]
val_rise = last_val_loss / best_val_loss - 1
assert 15 <= best_epoch <= 25 and np.all(np.diff(val_loss[best_epoch - 1:]) > -1e-3) \
    and last_val_loss > best_val_loss + 0.005 and np.all(np.diff(loss[best_epoch - 1:]) < 0)  # claim: history-val-bottoms-then-rises
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
assert after < 0.8 * first  # claim: history-running-mean-lags
save_figure(
    fig,
    "first-learning-curve",
    alt_ko="에포크마다 학습 데이터의 손실(loss)과 검증 데이터의 손실(val_loss)이 처음에 크게 떨어진 뒤 완만해지는 학습 곡선. 후반에는 손실이 계속 내려가는 동안 val_loss가 바닥을 찍고 조금 올라간다",
    alt_en="Learning curve: training loss and val_loss drop steeply in the first epochs, then flatten; late in training "
    "val_loss bottoms out and rises a little while the loss keeps falling",
)
