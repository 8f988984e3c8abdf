"""fit = for each epoch, for each mini-batch: predict, measure the loss, back-propagate, update."""

import dlnotes  # noqa: F401  # ko: 사이트 도우미 모듈: TensorFlow 로그를 끄고 어느 컴퓨터에서나 같은 결과 # en: the site's helper module: no TensorFlow log lines, the same results on every machine

import math

import keras
import numpy as np

keras.utils.set_random_seed(0)
rng = np.random.default_rng(0)
x = rng.normal(size=(300, 2)).astype("float32")
y = (x[:, :1] * 4 - x[:, 1:] + 1).astype("float32")

# --8<-- [start:steps]
model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(1)])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05), loss="mse")
kernel0, bias0 = model.get_weights()  # ko: 만든 직후: kernel은 무작위, bias는 0 # en: just built: random kernel, zero bias
before = model.evaluate(x, y, verbose=0)

history = model.fit(x, y, epochs=5, batch_size=50, verbose=0)
updates = int(model.optimizer.iterations)  # ko: 옵티마이저가 가중치를 고친 횟수 # en: how many times the optimizer updated the weights

print(f"bias before fit: {bias0}")
print(f"loss before fit: {before:.3f}")
print("loss per epoch: ", [round(v, 3) for v in history.history["loss"]])
print(f"updates: {updates} = 5 x ceil(300/50) = {5 * math.ceil(300 / 50)}")
# --8<-- [end:steps]
loss_before, loss_after = before, history.history["loss"][-1]
# ko: 모델을 막 만들었을 때 bias는 모두 0이고, kernel에는 0이 아닌 값이 있습니다.
# en: Just after the model is built, every bias is 0 and the kernel holds non-zero values.
assert (bias0 == 0).all() and np.abs(kernel0).max() > 0  # claim: fit-bias-starts-at-zero
# ko: 300행을 batch_size 50으로 5에포크 학습하면 옵티마이저가 가중치를 5 × ceil(300 / 50) = 30번 고칩니다. 미니배치마다
# ko: 한 번씩입니다.
# en: Training on 300 rows with batch_size 50 for 5 epochs, the optimizer updates the weights 5 × ceil(300 / 50) = 30
# en: times: once per mini-batch.
assert updates == 5 * math.ceil(300 / 50) == 30  # claim: fit-one-update-per-batch
# ko: 마지막 에포크의 `loss`가 학습 전 `loss`의 10분의 1보다 작습니다.
# en: The loss of the last epoch is less than a tenth of the loss before training.
assert loss_after < loss_before / 10  # claim: fit-loss-falls

# --8<-- [start:validation_split]
x500 = rng.normal(size=(500, 2)).astype("float32")
y500 = (x500[:, :1] * 4 - x500[:, 1:] + 1).astype("float32")
keras.utils.set_random_seed(0)
model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(x500, y500, epochs=3, batch_size=64, validation_split=0.2, verbose=0)
split_updates = int(model.optimizer.iterations)
print(f"updates: {split_updates} = 3 x ceil(400/64) = {3 * math.ceil(400 / 64)}  (not 3 x ceil(500/64) = {3 * math.ceil(500 / 64)})")
# --8<-- [end:validation_split]
# ko: validation_split을 주면 검증 데이터 행을 빼고 학습에 쓰는 400행만 배치로 나눕니다. 그래서 업데이트는 3에포크 × ceil(400
# ko: / 64) = 21번입니다.
# en: With validation_split, only the 400 training rows are cut into batches: 3 epochs × ceil(400 / 64) = 21 updates.
assert split_updates == 3 * math.ceil(400 / 64) == 21  # claim: fit-validation-split-rows
