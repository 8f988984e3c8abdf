"""Bias w0 = the intercept: without it Dense(1) cannot fit y = 2x + 5; Dense has n_in*n_out + n_out params."""

from dlnotes import save_figure

import keras
import matplotlib.pyplot as plt
import numpy as np

# --8<-- [start:fit]
rng = np.random.default_rng(0)
x = rng.uniform(-3, 3, size=(200, 1)).astype("float32")
y = 2 * x + 5  # ko: 맞추려는 직선: 기울기 w1 = 2, 절편 w0 = 5 # en: the line we want: slope w1 = 2, intercept w0 = 5

results = {}
for use_bias in [False, True]:
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1, use_bias=use_bias)])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.1), loss="mse")
    history = model.fit(x, y, epochs=25, batch_size=32, verbose=0)
    results[use_bias] = (model, history.history["loss"][-1])
    weights = model.layers[0].get_weights()  # ko: [kernel] 또는 [kernel, bias] # en: [kernel] or [kernel, bias]
    w1 = weights[0][0, 0]
    w0 = f"{weights[1][0]:.2f}" if use_bias else "none"
    print(f"use_bias={use_bias!s:5}: w1 = {w1:.2f}, w0 = {w0:>4}, loss {results[use_bias][1]:.3f}")
# --8<-- [end:fit]
loss_no_bias, loss_bias = results[False][1], results[True][1]
w_bias = [float(w.ravel()[0]) for w in results[True][0].get_weights()]
w1_no_bias = float(results[False][0].get_weights()[0][0, 0])
# ko: w0(bias) 없이 학습한 모델의 마지막 `loss`(MSE)는 22보다 크고 28보다 작습니다.
# en: Trained without w0 (the bias), the model's final loss (MSE) is between 22 and 28.
assert 22 < loss_no_bias < 28  # claim: bias-without-w0-stops-near-25
# ko: w0가 없는 모델의 기울기 w1은 2.0보다 크고 2.6보다 작습니다.
# en: Without w0, the slope w1 ends up between 2.0 and 2.6.
assert 2.0 < w1_no_bias < 2.6  # claim: bias-without-w0-tilts
# ko: w0가 있는 모델은 `loss`가 0.05보다 작고, w1과 2의 차이, w0와 5의 차이가 모두 0.1보다 작습니다.
# en: With w0, the loss is below 0.05, w1 is within 0.1 of 2 and w0 within 0.1 of 5.
assert loss_bias < 0.05 and abs(w_bias[0] - 2) < 0.1 and abs(w_bias[1] - 5) < 0.1  # claim: bias-with-w0-fits

# --8<-- [start:params]
layer_in, layer_out = 53, 16
model = keras.Sequential([keras.Input(shape=(layer_in,)), keras.layers.Dense(layer_out)])
kernel, bias = model.layers[0].get_weights()
print(f"kernel (w1...wn): {kernel.shape}   bias (w0): {bias.shape}")
print(f"count_params() = {model.count_params()} = {layer_in}*{layer_out} + {layer_out}")
# --8<-- [end:params]
n_params = model.count_params()
# ko: Dense 층의 파라미터 수는 입력 수 × 노드 수 + 노드 수(bias)이고, 여기서는 864개입니다.
# en: A Dense layer has inputs × nodes + nodes (the biases) parameters: 864 here.
assert n_params == layer_in * layer_out + layer_out == 864  # claim: bias-param-count
no_bias = keras.Sequential([keras.Input(shape=(layer_in,)), keras.layers.Dense(layer_out, use_bias=False)])
# ko: use_bias=False로 bias를 빼면 파라미터가 입력 수 × 노드 수만 남습니다.
# en: With use_bias=False, the layer has just inputs × nodes parameters.
assert no_bias.count_params() == layer_in * layer_out  # claim: bias-one-per-node

fig, ax = plt.subplots()
grid = np.linspace(-3, 3, 50, dtype="float32").reshape(-1, 1)
order = np.argsort(x[:, 0])
ax.plot(x[order, 0], y[order, 0], color="black", linewidth=6, alpha=0.2, label="target: y = 2x + 5")
ax.plot(grid, results[True][0].predict(grid, verbose=0), color="#1f77b4", label="Dense(1) (with bias w0)")
ax.plot(grid, results[False][0].predict(grid, verbose=0), color="#ff7f0e", linestyle="--",
        label="Dense(1, use_bias=False)")
ax.axhline(0, color="gray", linewidth=0.8)
ax.axvline(0, color="gray", linewidth=0.8)
ax.set_xlabel("x")
ax.set_ylabel("y")
ax.legend()
save_figure(
    fig,
    "fit-with-and-without-bias",
    alt_ko="y = 2x + 5 데이터에 맞춘 두 직선. 편향이 있는 모델은 목표 직선과 겹치고, use_bias=False 모델은 원점을 지나야 해서 목표 직선에서 멀리 떨어져 있음",
    alt_en="Two lines fitted to y = 2x + 5. The model with a bias lies on the target line; the use_bias=False model must pass through the origin and stays far from the target",
)
