"""Dropout(0.3) switches a random 30 % of the previous layer's outputs off at every training step, another set each
step, scales the others by 1 / (1 - 0.3), and does nothing at prediction time."""

import dlnotes  # noqa: F401  # ko: 먼저: 조용하고 재현 가능한 TensorFlow # en: first: quiet, reproducible TensorFlow
from dlnotes import save_figure

import keras
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Circle

# --8<-- [start:masks]
keras.utils.set_random_seed(0)
dropout = keras.layers.Dropout(0.3)
outputs = np.ones((1, 10), dtype="float32")  # ko: 앞 층 노드 10개의 출력(모두 1) # en: the outputs of the previous layer's 10 nodes (all 1)
steps = [dropout(outputs, training=True).numpy()[0] for _ in range(3)]  # ko: 학습 스텝 세 번 # en: three training steps
for step, out in enumerate(steps, start=1):
    print(f"training step {step}: " + " ".join(f"{v:.2f}" for v in out))
print("prediction     : " + " ".join(f"{v:.2f}" for v in dropout(outputs, training=False).numpy()[0]))
# --8<-- [end:masks]
switched_off = [int((out == 0).sum()) for out in steps]
at_prediction = dropout(outputs, training=False).numpy()[0]
# ko: 학습 스텝마다 꺼진 노드가 1개 이상 6개 이하이고, 꺼진 노드의 조합이 스텝마다 모두 다릅니다.
# en: At every training step between 1 and 6 outputs are switched off, and no two steps switch off the same set.
assert all(1 <= k <= 6 for k in switched_off) \
    and len({tuple(out == 0) for out in steps}) == len(steps)  # claim: dropout-other-nodes-each-step
# ko: 꺼진 노드의 개수가 모든 스텝에서 같지는 않습니다.
# en: The number switched off is not the same at every step.
assert len(set(switched_off)) > 1  # claim: dropout-count-varies
# ko: 꺼지지 않은 출력은 모두 1 / (1 - 0.3)입니다. 원래 값이 1이었으니 1 / (1 - 0.3)배로 커진 것입니다.
# en: Every output left on is 1 / (1 - 0.3): the inputs were all 1, so they were scaled by 1 / (1 - 0.3).
assert all(np.allclose(out[out != 0], 1 / (1 - 0.3)) for out in steps)  # claim: dropout-scales-kept-outputs
# ko: 예측할 때(training=False)는 출력이 입력과 똑같습니다. 꺼지는 노드도 없고 크기도 바뀌지 않습니다.
# en: At prediction time (training=False) the output is exactly the input: nothing is switched off or scaled.
assert np.array_equal(at_prediction, outputs[0])  # claim: dropout-off-at-prediction

fig, axes = plt.subplots(1, len(steps), figsize=(8.4, 4.6))
for ax, out, step in zip(axes, steps, range(1, len(steps) + 1)):
    ax.set_xlim(-0.6, 4.6)
    ax.set_aspect("equal")
    ax.set_ylim(-0.6, 10.2)
    ax.axis("off")
    ax.set_title(f"training step {step}", fontsize=10)
    for i, value in enumerate(out):
        y = 9.5 - i
        on = value != 0
        for j in range(3):  # ko: 다음 층 노드 세 개로 가는 연결 # en: connections to three nodes of the next layer
            if on:
                ax.plot([0.35, 3.65], [y, 3.0 + 2.0 * j], color="gray", linewidth=0.6, zorder=1)
        ax.add_patch(Circle((0, y), 0.35, facecolor="#9ecae1" if on else "white", edgecolor="black" if on else "lightgray",
                            linestyle="-" if on else "--", zorder=3))
        if not on:
            ax.plot([-0.2, 0.2], [y - 0.2, y + 0.2], color="#d62728", zorder=4)
            ax.plot([-0.2, 0.2], [y + 0.2, y - 0.2], color="#d62728", zorder=4)
    for j in range(3):
        ax.add_patch(Circle((4.0, 3.0 + 2.0 * j), 0.35, facecolor="#fdd0a2", edgecolor="black", zorder=3))
save_figure(
    fig,
    "dropout-nodes",
    alt_ko="Dropout(0.3)을 세 번의 학습 스텝에 걸쳐 그린 그림. 앞 층 노드 10개 중 스텝마다 다른 노드 몇 개가 X 표시로 꺼지고, "
    "꺼진 노드에서는 다음 층으로 가는 연결이 사라진다",
    alt_en="Dropout(0.3) over three training steps: at each step a different few of the previous layer's 10 nodes are "
    "crossed out, and the crossed-out nodes lose their connections to the next layer",
)
