"""In a 10-layer sigmoid network the first layer's gradient is orders of magnitude smaller than with ReLU."""

import dlnotes  # noqa: F401  (first: quiet, reproducible TensorFlow)
from dlnotes import save_figure

import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(0)
x = rng.normal(size=(256, 20)).astype("float32")
y = rng.normal(size=(256, 1)).astype("float32")


# --8<-- [start:gradients]
def deep_net(activation, depth=10, width=32):
    keras.utils.set_random_seed(0)  # the same starting weights for both networks
    layers = [keras.Input(shape=(20,))]
    layers += [keras.layers.Dense(width, activation=activation) for _ in range(depth)]
    layers += [keras.layers.Dense(1)]
    return keras.Sequential(layers)


def gradient_norms(model):
    """Size (norm) of the loss gradient for each hidden layer's weights, first layer first."""
    with tf.GradientTape() as tape:
        loss = keras.losses.MeanSquaredError()(y, model(x))
    kernels = [layer.kernel for layer in model.layers[:-1]]  # hidden layers only
    return [float(tf.norm(g)) for g in tape.gradient(loss, kernels)]


norms = {act: gradient_norms(deep_net(act)) for act in ["sigmoid", "relu"]}
for act, g in norms.items():
    print(f"{act:>7}: layer 1 gradient {g[0]:.1e}   layer 10 gradient {g[-1]:.1e}")
print(f"layer 1: the ReLU gradient is {norms['relu'][0] / norms['sigmoid'][0]:.1e} times larger")
# --8<-- [end:gradients]
sig, rel = np.array(norms["sigmoid"]), np.array(norms["relu"])
assert rel[0] / sig[0] >= 100, "first layer: sigmoid gradient is orders of magnitude smaller"
assert sig[0] / sig[-1] < 1e-3, "sigmoid: the gradient shrinks from the last hidden layer to the first"
assert np.all(np.diff(sig) > 0), "sigmoid: the gradient grows steadily from layer 1 to layer 10"

fig, ax = plt.subplots()
depth = np.arange(1, len(sig) + 1)
ax.semilogy(depth, sig, marker="o", label="sigmoid", color="#1f77b4")
ax.semilogy(depth, rel, marker="s", label="relu", color="#2ca02c")
ax.set_xlabel("hidden layer (1 = closest to the input)")
ax.set_ylabel("gradient norm (log scale)")
ax.set_title("Gradient size per layer in a 10-layer network")
ax.set_xticks(depth)
ax.legend()
save_figure(
    fig,
    "vanishing-gradient",
    alt_ko="은닉층 10개 네트워크의 층별 기울기 크기(로그 축). sigmoid는 입력 쪽 층으로 갈수록 기울기가 급격히 작아지고, ReLU는 비슷한 크기를 유지한다",
    alt_en="Gradient norm per layer of a 10-layer network on a log scale: with sigmoid it shrinks "
    "sharply towards the input layers, with ReLU it stays about the same size",
)
