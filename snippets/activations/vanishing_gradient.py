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
assert rel[0] / sig[0] >= 1e4, "first layer: the sigmoid gradient is tens of thousands of times smaller"
assert sig[0] / sig[-1] < 1e-3, "sigmoid: the gradient shrinks from the last hidden layer to the first"
assert np.all(np.diff(sig) > 0), "sigmoid: the gradient grows steadily from layer 1 to layer 10"
assert np.all(sig[1:] / sig[:-1] > 2), "sigmoid: several times smaller at every layer on the way back"
assert rel.max() / rel.min() < 3, "relu: every layer's gradient is of about the same size"

# --8<-- [start:dead_units]
relu_net = deep_net("relu")
h, dead = x, []
for layer in relu_net.layers[:-1]:  # the 10 hidden ReLU layers
    h = layer(h)
    dead.append(int(np.all(h.numpy() == 0, axis=0).sum()))  # units that output 0 for every input
print("ReLU units that output 0 for all 256 inputs, per layer (of 32):", dead)
# --8<-- [end:dead_units]
assert 8 <= max(dead) <= 12, "ReLU units do die: up to about 10 of 32 in the deepest layers"
assert max(dead) < 16, "...but most units of every layer are alive"

# --8<-- [start:optimizers]
def first_layer_step(activation, optimizer):
    """How far one update moves the first hidden layer's weights."""
    model = deep_net(activation)
    model.compile(optimizer=optimizer, loss="mse")
    before = model.layers[0].kernel.numpy().copy()
    model.train_on_batch(x, y)
    return float(np.linalg.norm(model.layers[0].kernel.numpy() - before))


for name, make in [("SGD ", lambda: keras.optimizers.SGD(learning_rate=0.01)),
                   ("Adam", lambda: keras.optimizers.Adam(learning_rate=0.01))]:
    steps = {act: first_layer_step(act, make()) for act in ["sigmoid", "relu"]}
    print(f"{name}: first-layer step sigmoid {steps['sigmoid']:.1e}, relu {steps['relu']:.1e}, "
          f"ratio {steps['sigmoid'] / steps['relu']:.1e}")
    if name == "SGD ":
        sgd = steps
    else:
        adam = steps
# --8<-- [end:optimizers]
# SGD's step is lr x gradient, so the tiny sigmoid gradient gives a tiny step. Adam divides each gradient
# by its own recent size (plus a small epsilon, 1e-7), so the first layer falls behind far less.
assert sgd["sigmoid"] / sgd["relu"] < 1e-4  # SGD: more than ten thousand times smaller
assert 3e-3 < adam["sigmoid"] / adam["relu"] < 3e-2  # Adam: still smaller, but by a factor of about a hundred
assert adam["sigmoid"] / adam["relu"] > 100 * sgd["sigmoid"] / sgd["relu"]

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
    alt_ko="은닉층 10개 신경망의 층별 기울기 크기(로그 축). sigmoid는 입력 쪽 층으로 갈수록 기울기가 급격히 작아지고, ReLU는 비슷한 크기를 유지한다",
    alt_en="Gradient norm per layer of a 10-layer network on a log scale: with sigmoid it shrinks "
    "sharply towards the input layers, with ReLU it stays about the same size",
)
