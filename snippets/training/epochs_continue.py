"""Epochs continue from the previous weights, and fit makes epochs × ceil(n / batch_size) updates."""

import dlnotes  # noqa: F401  # ko: 사이트 도우미 모듈: TensorFlow 로그를 끄고 어느 컴퓨터에서나 같은 결과 # en: the site's helper module: no TensorFlow log lines, the same results on every machine

import math

import keras
import numpy as np

keras.utils.set_random_seed(0)
rng = np.random.default_rng(1)
x = rng.normal(size=(500, 4)).astype("float32")
y = (x @ np.array([[1.5], [-2.0], [0.5], [1.0]]) + 0.3).astype("float32")

# --8<-- [start:count]
model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1)])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05), loss="mse")

n, batch_size, epochs = len(x), 64, 3
model.fit(x, y, epochs=epochs, batch_size=batch_size, verbose=0)
updates = int(model.optimizer.iterations)
print(f"n={n}, batch_size={batch_size}, epochs={epochs}")
print(f"updates = {updates} = {epochs} x ceil({n}/{batch_size}) = {epochs} x {math.ceil(n / batch_size)}")

# ko: validation_split을 주면 검증 데이터를 떼어 내고 남은 행만 배치로 나눔
# en: With validation_split, only the rows left for training are split into batches
split = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1)])
split.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05), loss="mse")
split.fit(x, y, epochs=epochs, batch_size=batch_size, validation_split=0.2, verbose=0)
n_train = math.floor(n * (1 - 0.2))  # ko: 학습 데이터 400행, 검증 데이터 100행 # en: 400 rows for training, 100 for validation
split_updates = int(split.optimizer.iterations)
print(f"validation_split=0.2: updates = {split_updates} = {epochs} x {split_updates // epochs} per epoch")
# --8<-- [end:count]
# ko: fit이 업데이트한 횟수는 에포크 수 × ⌈행 수 / batch_size⌉와 같은 24번입니다.
# en: fit made epochs × ceil(rows / batch_size) updates: 24.
assert updates == epochs * math.ceil(n / batch_size) == 24  # claim: epochs-updates-count
# ko: validation_split을 준 fit은 에포크 수 × ⌈학습 행 수 / batch_size⌉, 즉 21번 업데이트합니다. 검증 데이터으로 뗀 행은
# ko: 배치에 들어가지 않습니다.
# en: With validation_split, fit made epochs × ceil(training rows / batch_size) updates: 21. The rows held out for
# en: validation are not put into batches.
assert split_updates == epochs * math.ceil(n_train / batch_size) == 21  # claim: epochs-validation-split-steps

# --8<-- [start:continue]
losses = []
weights_before = model.get_weights()[0].copy()
for call in range(3):  # ko: 에포크 1번짜리 fit을 세 번 더 호출 # en: three more calls of one epoch each
    h = model.fit(x, y, epochs=1, batch_size=batch_size, verbose=0)
    losses.append(h.history["loss"][0])
    print(f"fit call {call + 1}: loss {losses[-1]:.4f}")

fresh = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1)])
fresh.compile(optimizer="sgd", loss="mse")
fresh_loss = fresh.evaluate(x, y, verbose=0)
print(f"new random model: loss {fresh_loss:.4f}")
# --8<-- [end:continue]
# ko: fit을 이어서 부를 때마다 손실이 내려갑니다(첫 호출 > 둘째 > 셋째).
# en: Each further call of fit lowers the loss (1st call > 2nd > 3rd).
assert losses[0] > losses[1] > losses[2]  # claim: epochs-loss-keeps-falling
# ko: 이어서 부른 첫 fit의 손실도 새로 만든 무작위 모델의 손실의 5분의 1보다 작습니다.
# en: Even the first further call's loss is less than a fifth of the loss of a freshly made random model.
assert losses[0] < fresh_loss / 5  # claim: epochs-far-below-fresh-model
# ko: 옵티마이저의 업데이트 횟수가 처음 fit의 24번에서 이어져 24 + 3 × 8번이 됩니다. 0부터 다시 세지 않습니다.
# en: The optimizer's update count carries on from the first fit's 24 to 24 + 3 × 8; it does not restart at 0.
assert int(model.optimizer.iterations) == 24 + 3 * 8  # claim: epochs-iterations-carry-on
# ko: fit을 더 부르기 전과 뒤의 가중치가 다릅니다. 이어서 부른 fit이 가중치를 더 움직였습니다.
# en: The weights after the further calls differ from those before them: the further fits moved them on.
assert not np.allclose(weights_before, model.get_weights()[0])  # claim: epochs-weights-move-on
