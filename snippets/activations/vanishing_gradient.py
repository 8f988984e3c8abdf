"""In a 10-layer sigmoid network the first layer's gradient is orders of magnitude smaller than with ReLU."""

import dlnotes  # noqa: F401  # ko: 먼저: 조용하고 재현 가능한 TensorFlow # en: first: quiet, reproducible TensorFlow
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
    keras.utils.set_random_seed(0)  # ko: 두 신경망 모두 같은 초기 가중치 # en: the same starting weights for both networks
    layers = [keras.Input(shape=(20,))]
    layers += [keras.layers.Dense(width, activation=activation) for _ in range(depth)]
    layers += [keras.layers.Dense(1)]
    return keras.Sequential(layers)


def gradient_norms(model):
    # ko: 은닉층마다 가중치에 대한 손실 기울기의 크기(norm), 첫 층부터
    # en: Size (norm) of the loss gradient for each hidden layer's weights, first layer first
    with tf.GradientTape() as tape:
        loss = keras.losses.MeanSquaredError()(y, model(x))
    kernels = [layer.kernel for layer in model.layers[:-1]]  # ko: 은닉층만 # en: hidden layers only
    return [float(tf.norm(g)) for g in tape.gradient(loss, kernels)]


norms = {act: gradient_norms(deep_net(act)) for act in ["sigmoid", "relu"]}
for act, g in norms.items():
    print(f"{act:>7}: layer 1 gradient {g[0]:.1e}   layer 10 gradient {g[-1]:.1e}")
print(f"layer 1: relu / sigmoid = {norms['relu'][0] / norms['sigmoid'][0]:.1e}")
# --8<-- [end:gradients]
sig, rel = np.array(norms["sigmoid"]), np.array(norms["relu"])
relu_over_sigmoid = float(rel[0] / sig[0])
sigmoid_first_over_last = float(sig[0] / sig[-1])
sigmoid_last_over_first = 1 / sigmoid_first_over_last
relu_spread = float(rel.max() / rel.min())
assert relu_over_sigmoid >= 1e4  # claim: vanishing-first-layer-1e4-smaller
assert sigmoid_first_over_last < 1e-3  # claim: vanishing-sigmoid-shrinks-towards-input
assert np.all(np.diff(sig) > 0)  # claim: vanishing-sigmoid-grows-layer-by-layer
assert np.all(sig[1:] / sig[:-1] > 2)  # claim: vanishing-sigmoid-halves-every-layer
assert relu_spread < 3  # claim: vanishing-relu-layers-similar

# --8<-- [start:dead_units]
relu_net = deep_net("relu")
h, dead = x, []
for layer in relu_net.layers[:-1]:  # ko: ReLU 은닉층 10개 # en: the 10 hidden ReLU layers
    h = layer(h)
    dead.append(int(np.all(h.numpy() == 0, axis=0).sum()))  # ko: 모든 입력에 0을 내는 유닛 # en: units that output 0 for every input
print("dead ReLU units per layer (of 32, on 256 inputs):", dead)
# --8<-- [end:dead_units]
most_dead = max(dead)
layer_units = int(relu_net.layers[0].units)
assert 8 <= most_dead <= 12  # claim: vanishing-relu-units-die
assert most_dead < 16  # claim: vanishing-most-relu-units-alive
# ko: 입력에 가까운 세 층에는 죽은 노드가 없고, 가장 깊은 층에 가장 많습니다
# en: the three layers next to the input have none, the deepest layer has the most
assert max(dead[:3]) == 0 and dead[-1] == most_dead  # claim: vanishing-dead-units-in-deep-layers

# --8<-- [start:optimizers]
def first_layer_step(activation, optimizer):
    # ko: 업데이트 한 번이 첫 은닉층의 가중치를 얼마나 옮기는지
    # en: How far one update moves the first hidden layer's weights
    model = deep_net(activation)
    model.compile(optimizer=optimizer, loss="mse")
    before = model.layers[0].kernel.numpy().copy()
    model.train_on_batch(x, y)
    return float(np.linalg.norm(model.layers[0].kernel.numpy() - before))


for name, make in [("SGD ", lambda: keras.optimizers.SGD(learning_rate=0.01)),
                   ("Adam", lambda: keras.optimizers.Adam(learning_rate=0.01))]:
    steps = {act: first_layer_step(act, make()) for act in ["sigmoid", "relu"]}
    print(f"{name}: layer 1 step sigmoid {steps['sigmoid']:.1e}, relu {steps['relu']:.1e}, "
          f"ratio {steps['sigmoid'] / steps['relu']:.1e}")
    if name == "SGD ":
        sgd = steps
    else:
        adam = steps
# --8<-- [end:optimizers]
# ko: SGD의 스텝은 학습률 × 기울기라서 작은 sigmoid 기울기는 작은 스텝이 됩니다. Adam은 기울기를
# en: SGD's step is lr x gradient, so the tiny sigmoid gradient gives a tiny step. Adam divides each gradient
# ko: 최근 크기(와 작은 epsilon 1e-7)로 나누므로 첫 층이 훨씬 덜 뒤처집니다
# en: by its own recent size (plus a small epsilon, 1e-7), so the first layer falls behind far less
sgd_ratio, adam_ratio = sgd["sigmoid"] / sgd["relu"], adam["sigmoid"] / adam["relu"]
sgd_gap, adam_gap = 1 / sgd_ratio, 1 / adam_ratio
assert sgd_ratio < 1e-4  # claim: vanishing-sgd-step-1e4-smaller
assert 3e-3 < adam_ratio < 3e-2  # claim: vanishing-adam-step-about-100-smaller
assert adam_ratio > 100 * sgd_ratio  # claim: vanishing-adam-suffers-far-less

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
