"""A hidden layer without activation can only fit a straight line; with activation='relu' it fits a curve."""

import dlnotes  # noqa: F401  (first: quiet, reproducible TensorFlow)
from dlnotes import save_figure

import keras
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(0)
x = rng.uniform(-2, 2, size=(400, 1)).astype("float32")
y = (x ** 2 + rng.normal(0, 0.1, size=(400, 1))).astype("float32")  # a curve: y = x² + noise

# --8<-- [start:compare]
def hidden_model(activation):
    keras.utils.set_random_seed(0)
    model = keras.Sequential([
        keras.Input(shape=(1,)),
        keras.layers.Dense(32, activation=activation),  # the hidden layer
        keras.layers.Dense(1),
    ])
    model.compile(optimizer=keras.optimizers.Adam(0.02), loss="mse")
    model.fit(x, y, epochs=30, batch_size=40, verbose=0)
    return model

models = {"no activation": hidden_model(None), "relu": hidden_model("relu")}
mse = {name: m.evaluate(x, y, verbose=0) for name, m in models.items()}
for name, value in mse.items():
    print(f"hidden layer, {name:<13}: MSE {value:.3f}")
# --8<-- [end:compare]
assert mse["no activation"] > 1.0, "without activation the best it can do is a straight line (MSE about 1.4)"
assert mse["relu"] < 0.2 * mse["no activation"], "with ReLU the error is several times smaller"
assert mse["relu"] < 0.1

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
