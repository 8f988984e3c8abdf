"""A hidden layer without activation can only fit a straight line; with activation='relu' it fits a curve."""

from dlnotes import save_figure

import keras
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(0)
x = rng.uniform(-2, 2, size=(400, 1)).astype("float32")
y = (x ** 2 + rng.normal(0, 0.1, size=(400, 1))).astype("float32")  # ko: 곡선: y = x² + 잡음 # en: a curve: y = x² + noise

# --8<-- [start:compare]
def hidden_model(activation):
    keras.utils.set_random_seed(0)
    model = keras.Sequential([
        keras.Input(shape=(1,)),
        keras.layers.Dense(32, activation=activation),  # ko: 은닉층 # en: the hidden layer
        keras.layers.Dense(1),
    ])
    model.compile(optimizer=keras.optimizers.Adam(0.02), loss="mse")
    model.fit(x, y, epochs=30, batch_size=40, verbose=0)
    return model

models = {"no activation": hidden_model(None), "relu": hidden_model("relu")}
mse = {name: m.evaluate(x, y, verbose=0) for name, m in models.items()}
for name, value in mse.items():
    print(f"hidden layer, {name:<13}: MSE {value:.3f}")
mse_linear, mse_relu = mse["no activation"], mse["relu"]
# --8<-- [end:compare]
# ko: 직선으로 맞출 수 있는 최선(최소제곱 직선)과 MSE가 거의 같음
# en: the MSE is about that of the best straight line (least squares)
slope_ls, intercept_ls = np.polyfit(x[:, 0], y[:, 0], 1)
best_line_mse = float(np.mean((slope_ls * x[:, 0] + intercept_ls - y[:, 0]) ** 2))
# ko: 은닉층에 활성화 함수가 없으면 MSE가 1.0보다 크고, 가장 좋은 직선(최소제곱 직선)의 MSE의 1.1배보다 작습니다.
# en: With no activation in the hidden layer, the MSE is above 1.0 and below 1.1 × the MSE of the best straight line
# en: (least squares).
assert mse_linear > 1.0 and mse_linear < 1.1 * best_line_mse  # claim: relu-no-activation-is-a-line
# ko: relu를 쓰면 MSE가 0.1보다 작고, 활성화 함수가 없을 때의 0.2배보다도 작습니다.
# en: With relu, the MSE is below 0.1 and below 0.2 × the MSE without activation.
assert mse_relu < 0.1 and mse_relu < 0.2 * mse_linear  # claim: relu-fits-the-curve
z = np.linspace(-3, 3, 601)
relu_slope = np.gradient(np.maximum(0, z), z)
# ko: ReLU의 기울기는 z가 0.05보다 크면 1, -0.05보다 작으면 0입니다.
# en: The ReLU's slope is 1 for z above 0.05 and 0 for z below -0.05.
assert np.allclose(relu_slope[z > 0.05], 1) and np.allclose(relu_slope[z < -0.05], 0)  # claim: relu-slope-one-or-zero

grid = np.linspace(-2, 2, 201, dtype="float32").reshape(-1, 1)
fig, ax = plt.subplots()
ax.scatter(x, y, s=6, color="lightgray", label="data (y = x^2 + noise)")
ax.plot(grid, models["no activation"].predict(grid, verbose=0), color="#1f77b4",
        label="hidden layer, no activation")
ax.plot(grid, models["relu"].predict(grid, verbose=0), color="#2ca02c", label="hidden layer, relu")
ax.set_xlabel("x")
ax.set_ylabel("y")
ax.legend(fontsize=9)
save_figure(
    fig,
    "relu-vs-linear-hidden-layer",
    alt_ko="y = x² 데이터에 맞춘 두 모델: 활성화 함수가 없는 은닉층 모델은 직선, ReLU 은닉층 모델은 포물선을 따라가는 꺾은선",
    alt_en="Two models fitted to y = x^2 data: with a hidden layer without activation the fit is a straight "
    "line, with a ReLU hidden layer it is a bent line that follows the parabola",
)
