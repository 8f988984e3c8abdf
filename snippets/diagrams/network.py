"""The network diagram: inputs, hidden nodes, weights, the bias w0 and the output; one arrow per parameter."""

from dlnotes import save_figure

import keras
import matplotlib.pyplot as plt
from matplotlib.patches import Circle

# --8<-- [start:diagram]
n_inputs, n_hidden = 3, 4
model = keras.Sequential([  # ko: 그림과 같은 모델 # en: the model the figure draws
    keras.Input(shape=(n_inputs,)),
    keras.layers.Dense(n_hidden, activation="relu"),
    keras.layers.Dense(1, activation="sigmoid"),
])
parameters = model.count_params()

fig, ax = plt.subplots(figsize=(6.0, 5.2))
ax.set_xlim(-0.6, 4.6)
ax.set_ylim(-0.8, 4.6)
ax.axis("off")
ax.set_aspect("equal")
columns = {"input": 0.3, "hidden": 2.0, "output": 3.8}
inputs = [(columns["input"], 3.4 - i * 1.0) for i in range(n_inputs)]
bias_in = (columns["input"], 3.4 - n_inputs * 1.0)
hidden = [(columns["hidden"], 3.9 - i * 1.0) for i in range(n_hidden)]
bias_hidden = (columns["hidden"], 3.9 - n_hidden * 1.0)
output = (columns["output"], 1.9)
nodes = []


def node(xy, text, color):
    nodes.append(xy)
    ax.add_patch(Circle(xy, 0.28, facecolor=color, edgecolor="black", zorder=3))
    ax.text(*xy, text, ha="center", va="center", fontsize=11, zorder=4)


arrows = 0


def arrow(a, b, color="gray", style="-"):
    global arrows
    arrows += 1
    ax.annotate("", xy=b, xytext=a, zorder=1,
                arrowprops={"arrowstyle": "->", "color": color, "linestyle": style, "shrinkA": 14, "shrinkB": 14})


for i, xy in enumerate(inputs):
    node(xy, f"$x_{i + 1}$", "#dbe9f6")
node(bias_in, "1", "#eeeeee")
for j, xy in enumerate(hidden):
    node(xy, f"$h_{j + 1}$", "#fde3c8")
node(bias_hidden, "1", "#eeeeee")
node(output, r"$\hat{y}$", "#d5ecd4")
for h in hidden:
    for xi in inputs:
        arrow(xi, h)
    arrow(bias_in, h, color="#d62728", style="--")
for h in hidden:
    arrow(h, output)
arrow(bias_hidden, output, color="#d62728", style="--")
ax.text(0.75, 3.95, "weight $w$", fontsize=10, color="dimgray")
ax.text(0.75, -0.55, "bias $w_0$ (input always 1)", fontsize=10, color="#d62728")
for name, label in [("input", "inputs"), ("hidden", "hidden layer\nDense(4, relu)"),
                    ("output", "output\nDense(1, sigmoid)")]:
    ax.text(columns[name], 4.45, label, ha="center", va="bottom", fontsize=10)
# ko: 그림의 노드 수가 입력 노드 수 + 편향 노드 1개 + 은닉 노드 수 + 편향 노드 1개 + 출력 노드 1개와 같습니다.
# en: The figure has as many nodes as the inputs + 1 bias node + the hidden nodes + 1 bias node + 1 output.
assert len(nodes) == n_inputs + 1 + n_hidden + 1 + 1  # claim: diagram-network-nodes
# ko: 화살표 수가 model.count_params()가 센 파라미터 수와 같고, (입력 수 + 1) × 은닉 노드 수 + (은닉 노드 수 + 1)과도
# ko: 같습니다.
# en: The number of arrows equals the parameter count from count_params() and (inputs + 1) × hidden nodes + (hidden
# en: nodes + 1).
assert arrows == parameters == (n_inputs + 1) * n_hidden + (n_hidden + 1)  # claim: diagram-network-one-arrow-per-parameter
save_figure(
    fig,
    "network-diagram",
    alt_ko="신경망 그림: 입력 x1, x2, x3과 항상 1인 편향 노드가 은닉층의 노드 h1부터 h4까지 화살표(가중치 w)로 이어지고, 편향 노드의 점선 화살표가 편향 w0입니다. 은닉 노드 4개와 또 하나의 편향 노드가 출력 y hat으로 이어집니다. 화살표 21개가 모델의 파라미터 21개입니다",
    alt_en="Network diagram: inputs x1, x2, x3 and a bias node that is always 1 connect by arrows (weights w) to the hidden nodes h1 to h4; the dashed arrows from the bias node are the bias w0. The four hidden nodes and another bias node connect to the output y hat. The 21 arrows are the model's 21 parameters",
)
# --8<-- [end:diagram]
