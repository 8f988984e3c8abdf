"""The network a week-one student builds, drawn: inputs, a hidden layer, the output, weights and the bias w0.

Every line in the figure is one weight or one bias, so the lines counted in the figure equal Keras'
count_params() for the same model.
"""

from dlnotes import save_figure

import keras
import matplotlib.pyplot as plt

# --8<-- [start:model]
model = keras.Sequential([
    keras.Input(shape=(3,)),                       # ko: 입력 3개: x1, x2, x3 # en: 3 inputs: x1, x2, x3
    keras.layers.Dense(4, activation="relu"),      # ko: 은닉층: 노드 4개 # en: hidden layer: 4 nodes
    keras.layers.Dense(1),                         # ko: 출력층: 노드 1개 # en: output layer: 1 node
])
kernel_shapes = [tuple(layer.kernel.shape) for layer in model.layers]
n_weights = sum(rows * cols for rows, cols in kernel_shapes)
n_biases = sum(layer.bias.shape[0] for layer in model.layers)
print("kernel shapes:", kernel_shapes)
print(f"weights {n_weights} + biases {n_biases} = {n_weights + n_biases}, count_params() = {model.count_params()}")
# --8<-- [end:model]

layers = [3, 4, 1]
names = [[f"x{i + 1}" for i in range(3)], [f"h{i + 1}" for i in range(4)], ["y"]]
xs = [0.0, 1.6, 3.2]
fig, ax = plt.subplots(figsize=(7.2, 4.4))
pos = {}
for li, (n, x) in enumerate(zip(layers, xs)):
    for i in range(n):
        pos[li, i] = (x, (n - 1) / 2 - i)
lines = 0
for li in range(len(layers) - 1):
    for i in range(layers[li]):
        for j in range(layers[li + 1]):
            (x0, y0), (x1, y1) = pos[li, i], pos[li + 1, j]
            ax.plot([x0, x1], [y0, y1], color="#9ecae1", linewidth=1, zorder=1)
            lines += 1
    # ko: 다음 층의 편향 노드(값은 늘 1, 그 선의 가중치가 w0) # en: the bias node of the next layer (always 1; its lines' weights are w0)
    bx, by = xs[li] + 0.55, (layers[li + 1] - 1) / 2 + 1.0
    ax.scatter([bx], [by], s=420, color="#fdd0a2", edgecolor="#e6550d", zorder=3)
    ax.text(bx, by, "1", ha="center", va="center", fontsize=9, zorder=4)
    for j in range(layers[li + 1]):
        x1, y1 = pos[li + 1, j]
        ax.plot([bx, x1], [by, y1], color="#fdae6b", linewidth=1, linestyle="--", zorder=1)
        lines += 1
    ax.text(bx, by + 0.35, "bias w0", ha="center", fontsize=9, color="#e6550d")
for (li, i), (x, y) in pos.items():
    ax.scatter([x], [y], s=700, color="white", edgecolor="#3182bd", linewidth=1.5, zorder=3)
    ax.text(x, y, names[li][i], ha="center", va="center", fontsize=10, zorder=4)
for x, title in zip(xs, ["input", "hidden layer (relu)", "output"]):
    ax.text(x, -2.55, title, ha="center", fontsize=10)
ax.text(0.8, 1.75, "weights w", ha="center", fontsize=9, color="#3182bd")
ax.set_xlim(-0.5, 3.7)
ax.set_ylim(-2.8, 3.3)
ax.axis("off")
ax.set_title("every node: z = w0 + w1*x1 + w2*x2 + ..., then its activation", fontsize=10)
lines_in_figure = lines
# ko: 그림에 그린 선의 수가 가중치 수 + 편향 수와 같고, Keras의 count_params()와도 같은 21개입니다.
# en: The figure has as many lines as weights plus biases, and as count_params() reports: 21.
assert lines_in_figure == n_weights + n_biases == model.count_params() == 21  # claim: diagram-lines-are-parameters
save_figure(
    fig,
    "network-diagram",
    alt_ko="신경망 그림: 입력 x1, x2, x3이 가중치 선으로 은닉층 노드 h1~h4에 모두 연결되고, 은닉층은 출력 y 하나에 연결된다. 층마다 값이 1인 편향 노드(w0)가 다음 층의 모든 노드에 점선으로 연결된다",
    alt_en="Network diagram: inputs x1, x2, x3 connect by weight lines to every hidden node h1 to h4, and the hidden "
    "nodes connect to the single output y. Each layer has a bias node with value 1 (w0), linked by dashed lines to "
    "every node of the next layer",
)
