"""A model is a formula fitted to data: Dense(1) on y = 3x + 2 + noise finds w ≈ 3, b ≈ 2."""

import dlnotes  # noqa: F401  # ko: 사이트 도우미 모듈: TensorFlow 로그를 끄고 어느 컴퓨터에서나 같은 결과 # en: the site's helper module: no TensorFlow log lines, the same results on every machine

import keras
import numpy as np

# --8<-- [start:fit]
keras.utils.set_random_seed(0)
rng = np.random.default_rng(0)
x = rng.uniform(-1, 1, size=(200, 1)).astype("float32")
y = 3 * x + 2 + rng.normal(0, 0.1, size=(200, 1)).astype("float32")

model = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1)])
w_start, b_start = model.layers[0].get_weights()
# ko: w(kernel)는 무작위, b(편향)는 0에서 시작 # en: w (the kernel) starts random, b (the bias) at 0
print(f"before fit: w = {w_start[0, 0]:.2f}, b = {b_start[0]:.2f}")
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1), loss="mse")
history = model.fit(x, y, epochs=40, batch_size=32, verbose=0)

w, b = model.layers[0].get_weights()
print(f"after fit:  w = {w[0, 0]:.2f}, b = {b[0]:.2f}")
print(f"loss: epoch 1 {history.history['loss'][0]:.3f} -> epoch 40 {history.history['loss'][-1]:.4f}")
# --8<-- [end:fit]
w_fit, b_fit = float(w[0, 0]), float(b[0])
first_loss, last_loss = history.history["loss"][0], history.history["loss"][-1]
noise_variance = 0.1 ** 2
# ko: 학습 전 편향 b는 정확히 0이고, 가중치 w는 0이 아닙니다.
# en: Before training the bias b is exactly 0 and the weight w is not 0.
assert b_start[0] == 0.0 and w_start[0, 0] != 0.0  # claim: linear-fit-bias-starts-at-zero
# ko: 학습 뒤 w와 b는 데이터를 만든 식의 3, 2와 각각 0.1보다 적게 차이 납니다.
# en: After training, w is within 0.1 of 3 and b within 0.1 of 2, the numbers of the formula that made the data.
assert abs(w_fit - 3) < 0.1 and abs(b_fit - 2) < 0.1  # claim: linear-fit-finds-w-and-b
# ko: 마지막 에포크의 손실이 잡음 분산의 0.5배보다 크고 2배보다 작습니다.
# en: The last epoch's loss lies between 0.5 and 2 times the variance of the noise.
assert 0.5 * noise_variance < last_loss < 2 * noise_variance  # claim: linear-fit-loss-at-noise
