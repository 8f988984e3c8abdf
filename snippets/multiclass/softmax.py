"""Softmax: rows sum to 1, adding a constant changes nothing, the argmax is kept."""

import dlnotes  # noqa: F401  (first: quiet, reproducible TensorFlow)
from dlnotes import save_figure

import keras
import matplotlib.pyplot as plt
import numpy as np

# --8<-- [start:formula]
scores = np.array([[2.0, 1.0, -0.5],    # the raw outputs ("scores", logits) of 3 output nodes
                   [-1.0, 3.0, 0.5]])   # for two samples


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))  # subtracting the max avoids overflow
    return e / e.sum(axis=1, keepdims=True)


proba = softmax(scores)
print("softmax:\n", proba.round(3))
print("row sums:", proba.sum(axis=1).round(6))
print("same as Keras:", np.allclose(proba, keras.activations.softmax(scores).numpy()))
# --8<-- [end:formula]
assert np.allclose(proba.sum(axis=1), 1)
assert np.allclose(proba, keras.activations.softmax(scores).numpy(), atol=1e-6)

# --8<-- [start:properties]
shifted = softmax(scores + 100)  # add the same constant to every score
print("scores + 100 gives the same probabilities:", np.allclose(shifted, proba))
print("argmax of the scores:", scores.argmax(axis=1), " argmax of softmax:", proba.argmax(axis=1))
doubled = softmax(scores * 2)  # the same ranking, only larger gaps between the scores
print("scores x 2: same argmax", (doubled.argmax(axis=1) == proba.argmax(axis=1)).all(),
      "| largest probability", proba.max(axis=1).round(3), "->", doubled.max(axis=1).round(3))
# --8<-- [end:properties]
assert (doubled.argmax(axis=1) == proba.argmax(axis=1)).all()
assert (doubled.max(axis=1) > proba.max(axis=1) + 0.05).all()  # same prediction, "surer" probabilities
assert np.allclose(shifted, proba)
assert not np.allclose(softmax(scores * 2), proba)  # (multiplying is NOT harmless: it sharpens)
assert (scores.argmax(axis=1) == proba.argmax(axis=1)).all()
rng = np.random.default_rng(0)
many = rng.normal(0, 3, size=(1000, 10))
assert (softmax(many).argmax(axis=1) == many.argmax(axis=1)).all()  # softmax never changes the winner
assert np.allclose(softmax(many + rng.normal(size=(1000, 1))), softmax(many))  # any per-row constant

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(8, 3.2))
classes = ["class 0", "class 1", "class 2"]
ax1.bar(classes, scores[0], color="#1f77b4")
ax1.axhline(0, color="black", linewidth=0.8)
ax1.set_title("scores (any real numbers)")
ax2.bar(classes, proba[0], color="#ff7f0e")
for i, p in enumerate(proba[0]):
    ax2.text(i, p + 0.02, f"{p:.2f}", ha="center")
ax2.set_ylim(0, 1)
ax2.set_title("softmax: probabilities, sum = 1")
assert np.allclose(proba[0].round(2), [0.69, 0.25, 0.06])  # the numbers in the alt text
save_figure(
    fig,
    "softmax-bars",
    alt_ko="왼쪽: 세 출력 노드의 점수 2.0, 1.0, -0.5 막대그래프. 오른쪽: softmax를 거친 확률 "
    "0.69, 0.25, 0.06으로 모두 양수이고 합이 1이며 가장 큰 클래스는 그대로다",
    alt_en="Left: bar chart of the three output scores 2.0, 1.0 and -0.5. Right: their softmax probabilities "
    "0.69, 0.25 and 0.06, all positive and summing to 1; the largest class stays the largest",
)
