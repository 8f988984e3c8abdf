"""Each epoch starts from the weights the previous epoch ended with: nothing is re-initialized."""

import dlnotes  # noqa: F401  # ko: 사이트 도우미 모듈: TensorFlow 로그를 끄고 어느 컴퓨터에서나 같은 결과 # en: the site's helper module: no TensorFlow log lines, the same results on every machine

import keras
import numpy as np

keras.utils.set_random_seed(0)
rng = np.random.default_rng(0)
x = rng.normal(size=(256, 3)).astype("float32")
y = (x @ np.array([[2.0], [-1.0], [0.5]])).astype("float32")

# --8<-- [start:epochs]
model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(1)])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05), loss="mse")
initial = model.get_weights()[0].copy()  # ko: 처음 만들 때 무작위로 정해진 가중치 # en: the random weights set when the model was built

starts, ends, losses = [], [], []
for _ in range(4):  # ko: fit(epochs=1)을 네 번: 한 번에 한 에포크씩 # en: fit(epochs=1) four times: one epoch at a time
    starts.append(model.get_weights()[0].copy())  # ko: 에포크를 시작할 때의 가중치 # en: the weights when the epoch starts
    history = model.fit(x, y, epochs=1, batch_size=32, verbose=0)
    ends.append(model.get_weights()[0].copy())  # ko: 에포크가 끝났을 때의 가중치 # en: the weights when it ends
    losses.append(history.history["loss"][0])

for epoch in range(1, 4):
    same = np.array_equal(starts[epoch], ends[epoch - 1])
    print(f"epoch {epoch + 1} starts from epoch {epoch}'s weights: {same}")
print("loss per epoch:", [round(v, 4) for v in losses])
# --8<-- [end:epochs]
for epoch in range(1, 4):
    # ko: 첫 에포크를 뺀 모든 에포크에서, 시작할 때의 가중치가 바로 앞 에포크가 끝났을 때의 가중치와 정확히 같습니다.
    # en: Every epoch after the first starts with exactly the weights the epoch before it ended with.
    assert np.array_equal(starts[epoch], ends[epoch - 1])  # claim: reset-each-epoch-continues
    # ko: 첫 에포크를 뺀 모든 에포크에서, 시작할 때의 가중치가 모델을 만들 때 정해진 무작위 가중치와 다릅니다.
    # en: Every epoch after the first starts from weights that differ from the random ones the model was built with.
    assert not np.allclose(starts[epoch], initial)  # claim: reset-weights-change
# ko: 에포크마다 loss가 바로 앞 에포크의 loss보다 낮습니다.
# en: Each epoch's loss is lower than the previous epoch's.
assert all(a > b for a, b in zip(losses, losses[1:]))  # claim: reset-loss-keeps-falling
first_loss, last_loss = losses[0], losses[-1]

# --8<-- [start:fit_again]
before = model.get_weights()[0].copy()
model.fit(x, y, epochs=1, batch_size=32, verbose=0)  # ko: fit을 한 번 더 호출 # en: call fit once more
print(f"fit again starts from the last weights: {np.array_equal(before, ends[-1])}")
print(f"fit again re-initialized the weights: {np.allclose(model.get_weights()[0], initial)}")
# --8<-- [end:fit_again]
# ko: fit을 다시 부르기 직전의 가중치가 앞선 fit의 마지막 에포크가 끝났을 때의 가중치와 정확히 같습니다.
# en: Right before fit is called again, the weights are exactly the ones the last epoch of the earlier fit ended with.
assert np.array_equal(before, ends[-1])  # claim: reset-fit-again-continues
# ko: fit을 한 번 더 부른 뒤의 가중치가 모델을 만들 때 정해진 무작위 가중치와 다릅니다.
# en: After fit is called once more, the weights differ from the random ones the model was built with.
assert not np.allclose(model.get_weights()[0], initial)  # claim: reset-fit-again-not-random
