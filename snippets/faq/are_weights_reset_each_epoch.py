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

starts, ends = [], []
record = keras.callbacks.LambdaCallback(  # ko: fit이 에포크를 시작하고 끝낼 때마다 가중치를 복사 # en: copy the weights as fit starts and ends each epoch
    on_epoch_begin=lambda epoch, logs: starts.append(model.get_weights()[0].copy()),
    on_epoch_end=lambda epoch, logs: ends.append(model.get_weights()[0].copy()),
)
history = model.fit(x, y, epochs=4, batch_size=32, callbacks=[record], verbose=0)
losses = history.history["loss"]

for epoch in range(1, 4):
    same = np.array_equal(starts[epoch], ends[epoch - 1])
    print(f"epoch {epoch + 1} starts from epoch {epoch}'s weights: {same}")
print("loss per epoch:", [round(v, 4) for v in losses])
# --8<-- [end:epochs]
# ko: 둘째 에포크부터 네 에포크 모두, fit 안에서 에포크를 시작할 때의 가중치가 바로 앞 에포크가 끝났을 때의 가중치와 정확히 같습니다.
# en: From the second epoch on, each epoch inside fit starts with exactly the weights the epoch before it ended with.
assert all(np.array_equal(starts[epoch], ends[epoch - 1]) for epoch in range(1, 4))  # claim: reset-each-epoch-continues
# ko: 둘째 에포크부터, 에포크를 시작할 때의 가중치가 모델을 만들 때 정해진 무작위 가중치와 다릅니다.
# en: From the second epoch on, each epoch starts from weights that differ from the random ones the model was built with.
assert not any(np.allclose(starts[epoch], initial) for epoch in range(1, 4))  # claim: reset-weights-change
# ko: 에포크마다 `loss`가 바로 앞 에포크의 `loss`보다 낮습니다.
# en: Each epoch's loss is lower than the previous epoch's.
assert all(a > b for a, b in zip(losses, losses[1:]))  # claim: reset-loss-keeps-falling
first_loss, last_loss = losses[0], losses[-1]

# --8<-- [start:fit_again]
again = model.fit(x, y, epochs=1, batch_size=32, verbose=0)  # ko: fit을 한 번 더 호출 # en: call fit once more
again_loss = again.history["loss"][0]
print(f"loss of the last epoch before: {last_loss:.4f}, of the epoch of the new fit: {again_loss:.4f}")
print(f"fit again re-initialized the weights: {np.allclose(model.get_weights()[0], initial)}")
# --8<-- [end:fit_again]
# ko: 새로 부른 fit의 에포크 `loss`가 앞선 fit의 마지막 에포크 `loss`보다 낮습니다. 처음부터 다시 시작했다면 첫 에포크처럼 높았을 것입니다.
# en: The new fit's epoch has a lower loss than the earlier fit's last epoch (a fresh start would be as high as epoch 1).
assert again_loss < last_loss  # claim: reset-fit-again-continues
# ko: fit을 한 번 더 부른 뒤의 가중치가 모델을 만들 때 정해진 무작위 가중치와 다릅니다.
# en: After fit is called once more, the weights differ from the random ones the model was built with.
assert not np.allclose(model.get_weights()[0], initial)  # claim: reset-fit-again-not-random
