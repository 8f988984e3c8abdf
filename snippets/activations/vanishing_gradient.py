# snippet: timeout=300
"""In a 10-layer sigmoid network the first layer's gradient is orders of magnitude smaller than with ReLU.

Adam cuts the gap, and what remains comes from Keras' epsilon (the layer-1 gradients are below it); dead ReLU
units in deep layers can come back to life during training while others die."""

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
# ko: 입력 쪽 1번 층의 기울기가 sigmoid 신경망에서는 ReLU 신경망보다 1e4배(1만 배) 이상 작습니다.
# en: Layer 1's gradient (next to the input) is at least 1e4 (10,000) times smaller in the sigmoid network than in the
# en: ReLU network.
assert relu_over_sigmoid >= 1e4  # claim: vanishing-first-layer-1e4-smaller
# ko: sigmoid 신경망에서 1번 층의 기울기는 마지막 은닉층의 기울기보다 1000배 넘게 작습니다(비율이 1e-3 미만).
# en: In the sigmoid network, layer 1's gradient is more than 1,000 times smaller than the last hidden layer's (a ratio
# en: below 1e-3).
assert sigmoid_first_over_last < 1e-3  # claim: vanishing-sigmoid-shrinks-towards-input
# ko: sigmoid 신경망의 기울기는 1번 층에서 마지막 층으로 한 층 갈 때마다 커집니다. 거꾸로 보면 입력 쪽으로 갈수록 층마다
# ko: 작아집니다.
# en: In the sigmoid network the gradient grows at every layer from layer 1 to the last: going back towards the input,
# en: it shrinks at every layer.
assert np.all(np.diff(sig) > 0)  # claim: vanishing-sigmoid-grows-layer-by-layer
# ko: sigmoid 신경망에서는 어느 층이든 기울기가 바로 앞(입력 쪽) 층의 2배보다 큽니다. 입력 쪽으로 한 층 갈 때마다 절반
# ko: 아래로 줄어든다는 뜻입니다.
# en: In the sigmoid network every layer's gradient is more than 2 times that of the layer before it (towards the
# en: input): going back, it more than halves at every layer.
assert np.all(sig[1:] / sig[:-1] > 2)  # claim: vanishing-sigmoid-halves-every-layer
# ko: ReLU 신경망에서는 기울기가 가장 큰 층도 가장 작은 층의 3배가 안 됩니다.
# en: In the ReLU network the largest layer gradient is less than 3 times the smallest.
assert relu_spread < 3  # claim: vanishing-relu-layers-similar

# --8<-- [start:dead_units]
def dead_units(model):
    # ko: 은닉층마다, 입력 256개 모두에 0을 내는 노드는 True
    # en: For each hidden layer, True for the units that output 0 for all 256 inputs
    h, masks = x, []
    for layer in model.layers[:-1]:  # ko: ReLU 은닉층 10개 # en: the 10 hidden ReLU layers
        h = layer(h)
        masks.append(np.all(h.numpy() == 0, axis=0))
    return np.array(masks)


relu_net = deep_net("relu")
dead_at_start = dead_units(relu_net)
dead = dead_at_start.sum(axis=1).tolist()
print("dead ReLU units per layer at the start (of 32, on 256 inputs):", dead)
# --8<-- [end:dead_units]
most_dead = max(dead)
layer_units = int(relu_net.layers[0].units)
# ko: 학습 전에 죽은 ReLU 노드(모든 입력에 0만 내는 노드)가 가장 많은 층을 보면, 그 수가 8개 이상 12개 이하입니다.
# en: Before training, the layer with the most dead ReLU units (units that output 0 for every input) has between 8 and
# en: 12 of them.
assert 8 <= most_dead <= 12  # claim: vanishing-relu-units-die
# ko: 학습 전(초기 가중치)에는 어느 층이든 죽은 노드가 절반보다 적습니다. 즉 절반 넘는 노드가 살아 있습니다.
# en: Before training (initial weights), every layer has fewer than half of its units dead: more than half are alive.
assert most_dead < layer_units / 2  # claim: vanishing-most-relu-units-alive
# ko: 학습 전, 입력에 가까운 세 층에는 죽은 노드가 없고, 가장 깊은 층에 죽은 노드가 가장 많습니다.
# en: Before training, the three layers next to the input have no dead units, and the deepest layer has the most.
assert max(dead[:3]) == 0 and dead[-1] == most_dead  # claim: vanishing-dead-units-in-deep-layers
# ko: 죽은 노드의 가중치(들어오는 가중치와 편향)에는 기울기가 정확히 0임
# en: a dead unit's own weights (incoming kernel column and bias) get a gradient of exactly 0
with tf.GradientTape() as tape:
    relu_loss = keras.losses.MeanSquaredError()(y, relu_net(x))
relu_grads = tape.gradient(relu_loss, [v for layer in relu_net.layers[:-1] for v in (layer.kernel, layer.bias)])
# ko: 학습 전에 죽어 있던 노드마다, 그 노드로 들어오는 가중치와 그 노드의 편향이 받는 기울기가 정확히 0입니다.
# en: For every unit that is dead before training, the gradients of its incoming weights and of its bias are exactly 0.
assert all(np.all(relu_grads[2 * i].numpy()[:, mask] == 0) and np.all(relu_grads[2 * i + 1].numpy()[mask] == 0)
           for i, mask in enumerate(dead_at_start))  # claim: vanishing-dead-unit-gets-no-gradient

# --8<-- [start:dead_after_training]
relu_net.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="mse")
relu_net.fit(x, y, epochs=30, verbose=0)  # ko: 같은 신경망을 30에포크 학습 # en: train the same network for 30 epochs
dead_after = dead_units(relu_net)
revived = int((dead_at_start & ~dead_after).sum())  # ko: 죽어 있다가 다시 살아난 노드 # en: units that were dead and came back
print("dead ReLU units per layer after 30 epochs:", dead_after.sum(axis=1).tolist())
print(f"dead at the start: {dead_at_start.sum()}, alive again after training: {revived}")
# --8<-- [end:dead_after_training]
dead_start_total = int(dead_at_start.sum())
dead_after_counts = dead_after.sum(axis=1).tolist()
dead_after_total = int(dead_after.sum())
# ko: 학습 전에 죽어 있던 노드 중 학습 뒤 다시 살아난 노드가 10개 이상이고, 처음 죽어 있던 노드의 4분의 1 이상입니다.
# en: Of the units dead before training, at least 10 are alive again after training, and that is at least a quarter of
# en: them.
assert revived >= 10 and revived >= dead_start_total / 4  # claim: vanishing-dead-units-come-back
# ko: 학습 뒤에는 죽은 노드가 모두 합쳐 학습 전의 2배보다 많고, 마지막 층에서는 절반 넘는 노드가 죽어 있습니다. 입력 쪽
# ko: 두 층에는 죽은 노드가 없습니다.
# en: After training there are more than twice as many dead units in all as before, over half of the last layer is dead,
# en: and the two layers next to the input have none.
assert dead_after_total > 2 * dead_start_total and dead_after_counts[-1] > layer_units / 2 \
    and max(dead_after_counts[:2]) == 0  # claim: vanishing-more-dead-after-training

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
# ko: SGD의 스텝은 학습률 × 기울기라서 작은 sigmoid 기울기는 작은 스텝이 됨. Adam은 기울기를
# en: SGD's step is lr x gradient, so the tiny sigmoid gradient gives a tiny step. Adam divides each gradient
# ko: 최근 크기로 나누므로 첫 층이 훨씬 덜 뒤처짐. 다만 Keras가 더하는 ε(첫 스텝에서 1e-7 / √(1 - 0.999))보다
# en: by its own recent size, so the first layer falls behind far less; but gradients below the ε Keras adds
# ko: 작은 기울기는 나눠도 크기가 다 지워지지 않음(아래 epsilon 절)
# en: (1e-7 / √(1 - 0.999) on step 1) keep part of their smallness (the epsilon section below)
sgd_ratio, adam_ratio = sgd["sigmoid"] / sgd["relu"], adam["sigmoid"] / adam["relu"]
sgd_gap, adam_gap = 1 / sgd_ratio, 1 / adam_ratio
# ko: SGD로 한 번 업데이트하면 sigmoid 신경망의 1번 층은 ReLU 신경망의 1번 층보다 1e4배(1만 배) 넘게 적게 움직입니다.
# en: After one SGD update, layer 1 of the sigmoid network has moved more than 1e4 (10,000) times less than layer 1 of
# en: the ReLU network.
assert sgd_ratio < 1e-4  # claim: vanishing-sgd-step-1e4-smaller
# ko: Adam으로 한 번 업데이트하면 1번 층이 움직인 거리의 비율(sigmoid 신경망 ÷ ReLU 신경망)이 3e-3보다 크고 3e-2보다
# ko: 작습니다.
# en: After one Adam update, the ratio of how far layer 1 moved (sigmoid network ÷ ReLU network) is between 3e-3 and
# en: 3e-2.
assert 3e-3 < adam_ratio < 3e-2  # claim: vanishing-adam-step-about-100-smaller
# ko: 1번 층이 움직인 거리의 비율(sigmoid 신경망 ÷ ReLU 신경망)이 Adam에서는 SGD에서보다 100배 넘게 큽니다. 그만큼
# ko: Adam에서는 sigmoid 신경망의 1번 층이 덜 뒤처집니다.
# en: The ratio of how far layer 1 moves in one update (sigmoid network ÷ ReLU network) is more than 100 times larger
# en: with Adam than with SGD: with Adam the sigmoid network's layer 1 falls behind far less.
assert adam_ratio > 100 * sgd_ratio  # claim: vanishing-adam-suffers-far-less


# --8<-- [start:epsilon]
sigmoid_net = deep_net("sigmoid")
with tf.GradientTape() as tape:
    sigmoid_loss = keras.losses.MeanSquaredError()(y, sigmoid_net(x))
g1 = np.abs(tape.gradient(sigmoid_loss, sigmoid_net.layers[0].kernel).numpy()).astype("float64")  # ko: 1번 층 가중치 640개의 |기울기| # en: |gradient| of layer 1's 640 weights
lr, eps = 0.01, 1e-7  # ko: 위의 학습률, Keras의 기본 ε # en: the learning rate above, Keras' default ε
eps_step_1 = eps / np.sqrt(1 - 0.999)  # ko: 첫 스텝에서 실제로 작용하는 ε # en: the ε that acts on step 1
median_gradient = float(np.median(g1))
step_eps_on_v_hat = float(np.linalg.norm(lr * g1 / (g1 + eps)))  # ko: 교과서 식: ε을 √v̂에 # en: textbook formula: ε on √v̂
step_eps_on_v = float(np.linalg.norm(lr * g1 / (g1 + eps_step_1)))  # ko: Keras: ε을 √v에 # en: Keras: ε on √v
print(f"sigmoid layer 1: median |gradient| {median_gradient:.1e}, largest {g1.max():.1e}; effective ε {eps_step_1:.1e}")
print(f"layer 1 step predicted with ε on √v̂ {step_eps_on_v_hat:.1e}, with ε on √v {step_eps_on_v:.1e}; "
      f"Keras took {adam['sigmoid']:.1e}")


def adam_first_step(activation, epsilon):
    # ko: 1번 층 가중치만 Adam으로 한 스텝: 첫 스텝은 각 가중치 자신의 기울기만으로 정해짐
    # en: One Adam step on layer 1's weights only: a first step depends on each weight's own gradient alone
    model = deep_net(activation)
    with tf.GradientTape() as tape:
        loss = keras.losses.MeanSquaredError()(y, model(x))
    kernel = model.layers[0].kernel
    before = kernel.numpy().copy()
    optimizer = keras.optimizers.Adam(learning_rate=lr, epsilon=epsilon)
    optimizer.apply_gradients([(tape.gradient(loss, kernel), kernel)])
    return float(np.linalg.norm(kernel.numpy() - before))


tiny_epsilon = 1e-12
small_eps = {act: adam_first_step(act, tiny_epsilon) for act in ["sigmoid", "relu"]}
print(f"Adam(epsilon={tiny_epsilon:.0e}): layer 1 step sigmoid {small_eps['sigmoid']:.1e}, "
      f"relu {small_eps['relu']:.1e}, ratio {small_eps['sigmoid'] / small_eps['relu']:.2f}")
# --8<-- [end:epsilon]
small_eps_ratio = small_eps["sigmoid"] / small_eps["relu"]
# ko: sigmoid 신경망 1번 층의 기울기는 모두 Keras가 첫 스텝에 쓰는 ε보다 10배 넘게 작고, 그 중앙값은 100배 넘게
# ko: 작습니다.
# en: Every layer-1 gradient of the sigmoid network is more than 10 times smaller than the ε Keras uses on step 1, and
# en: their median is more than 100 times smaller.
assert np.all(g1 < eps_step_1 / 10) and median_gradient < eps_step_1 / 100  # claim: vanishing-sigmoid-gradients-below-eps
# ko: ε을 √v에 더하는 Keras의 식으로 계산한 1번 층 보폭은 Keras의 Adam이 실제로 움직인 거리와 5%도 차이 나지 않습니다.
# en: The layer-1 step computed with Keras' formula (ε added to √v) is within 5% of the step Keras actually took.
assert abs(step_eps_on_v / adam["sigmoid"] - 1) < 0.05  # claim: vanishing-adam-step-matches-keras-eps
# ko: ε을 √v̂에 더하는 교과서 식으로 계산하면 보폭이 실제 보폭보다 10배 넘게 크게 나옵니다.
# en: The textbook formula (ε added to √v̂) predicts a step more than 10 times larger than the one Keras took.
assert step_eps_on_v_hat > 10 * adam["sigmoid"]  # claim: vanishing-textbook-eps-predicts-more
# ko: ε을 아주 작게 하면 1번 층이 움직인 거리의 비율(sigmoid 신경망 ÷ ReLU 신경망)이 0.9보다 크고, 기본 ε일 때의
# ko: 비율보다 100배 넘게 큽니다.
# en: With a tiny ε, the ratio of how far layer 1 moves (sigmoid network ÷ ReLU network) is above 0.9 and more than 100
# en: times the ratio with the default ε.
assert small_eps_ratio > 0.9 and small_eps_ratio > 100 * adam_ratio  # claim: vanishing-adam-gap-is-epsilon

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

# ko: 역전파 그림: 출력층에서 입력 쪽으로 기울기가 층마다 작아짐(sigmoid 신경망의 실제 기울기 크기)
# en: back-propagation picture: the gradient shrinks layer by layer on its way from the output to the input
fig, ax = plt.subplots(figsize=(9.0, 2.6))
sizes = np.log10(sig) - np.log10(sig).min()
for i, g in enumerate(sig):
    height = 0.25 + 0.75 * sizes[i] / sizes.max()  # ko: 기울기의 로그에 비례하는 높이 # en: height follows the gradient's log
    ax.add_patch(plt.Rectangle((i - 0.35, 1 - height / 2), 0.7, height, facecolor="#1f77b4", alpha=0.35 + 0.6 * height,
                               edgecolor="black"))
    ax.text(i, 2.05, f"{i + 1}", ha="center", va="bottom", fontsize=10)
    ax.text(i, -0.15, f"{g:.0e}", ha="center", va="top", fontsize=9)
ax.text(-0.5, 2.05, "layer", ha="right", va="bottom", fontsize=10, color="dimgray")
ax.annotate("", xy=(-0.4, 2.45), xytext=(len(sig) - 0.6, 2.45),
            arrowprops={"arrowstyle": "->", "color": "#d62728", "linewidth": 1.5})
ax.text(len(sig) / 2 - 0.5, 2.5, "gradient flows back: output → input", ha="center", va="bottom", fontsize=10, color="#d62728")
ax.text(-0.6, -0.75, "gradient norm (sigmoid)", ha="left", va="top", fontsize=9, color="dimgray")
ax.set_xlim(-1.3, len(sig) - 0.2)
ax.set_ylim(-1.1, 3.0)
ax.axis("off")
# ko: 역전파 그림에서 가장 큰 막대는 마지막 층(출력 쪽)이고, 가장 작은 막대는 1번 층(입력 쪽)입니다.
# en: In the back-propagation picture the tallest bar is the last layer's (next to the output) and the smallest is layer
# en: 1's (next to the input).
assert sizes.argmax() == len(sig) - 1 and sizes.argmin() == 0  # claim: vanishing-picture-smallest-at-input
save_figure(
    fig,
    "gradient-flow-back",
    alt_ko=f"sigmoid 은닉층 10개를 1번(입력 쪽)부터 10번(출력 쪽)까지 나란히 그린 그림. 기울기는 출력 쪽에서 입력 쪽으로 거꾸로 흐르고, "
    f"층을 하나 지날 때마다 막대가 작아져 10번 층의 {sig[-1]:.0e}에서 1번 층의 {sig[0]:.0e}까지 줄어든다",
    alt_en=f"The 10 sigmoid hidden layers side by side, layer 1 next to the input and layer 10 next to the output. The "
    f"gradient flows back from the output towards the input, and the bar shrinks at every layer, from {sig[-1]:.0e} at "
    f"layer 10 to {sig[0]:.0e} at layer 1",
)
