"""Softmax: rows sum to 1, adding a constant changes nothing, the argmax is kept.

The assert before the bar chart is saved checks the numbers its alt text quotes.
"""

from dlnotes import save_figure

import keras
import matplotlib.pyplot as plt
import numpy as np

# --8<-- [start:formula]
scores = np.array([[2.0, 1.0, -0.5],    # ko: 출력 노드 3개의 원래 출력("점수", logit) # en: the raw outputs ("scores", logits) of 3 output nodes
                   [-1.0, 3.0, 0.5]])   # ko: 샘플 두 개 # en: for two samples


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))  # ko: 최댓값을 빼서 오버플로를 막음 # en: subtracting the max avoids overflow
    return e / e.sum(axis=1, keepdims=True)


proba = softmax(scores)
print("softmax:\n", proba.round(3))
print("row sums:", proba.sum(axis=1).round(6))
print("== keras.activations.softmax:", np.allclose(proba, keras.activations.softmax(scores).numpy()))
# --8<-- [end:formula]
# ko: 직접 만든 softmax의 출력은 행마다 합이 1입니다.
# en: Each row of the output of the softmax function written here sums to 1.
assert np.allclose(proba.sum(axis=1), 1)  # claim: softmax-rows-sum-to-1
# ko: 직접 만든 softmax의 결과가 keras.activations.softmax와 같습니다.
# en: The softmax function written here gives the same values as keras.activations.softmax.
assert np.allclose(proba, keras.activations.softmax(scores).numpy(), atol=1e-6)  # claim: softmax-same-as-keras

# --8<-- [start:properties]
shifted = softmax(scores + 100)  # ko: 모든 점수에 같은 상수를 더함 # en: add the same constant to every score
print("softmax(scores + 100) == softmax(scores):", np.allclose(shifted, proba))
print("argmax of scores:", scores.argmax(axis=1), "  argmax of softmax:", proba.argmax(axis=1))
doubled = softmax(scores * 2)  # ko: 순위는 같고 점수 사이 간격만 커짐 # en: the same ranking, only larger gaps between the scores
print("scores x 2: same argmax:", (doubled.argmax(axis=1) == proba.argmax(axis=1)).all(),
      "| max probability", proba.max(axis=1).round(3), "->", doubled.max(axis=1).round(3))
# --8<-- [end:properties]
# ko: 점수를 모두 두 배로 해도 행마다 확률이 가장 큰 클래스는 그대로입니다.
# en: Doubling all the scores keeps, in every row, the same class with the largest probability.
assert (doubled.argmax(axis=1) == proba.argmax(axis=1)).all()  # claim: softmax-doubling-keeps-argmax
# ko: 점수를 모두 두 배로 하면 행마다 가장 큰 확률이 0.05 넘게 커집니다.
# en: Doubling all the scores makes every row's largest probability more than 0.05 larger.
assert (doubled.max(axis=1) > proba.max(axis=1) + 0.05).all()  # claim: softmax-doubling-sharpens
# ko: 모든 점수에 같은 수를 더해도 softmax 결과가 그대로입니다.
# en: Adding the same number to every score leaves the softmax output unchanged.
assert np.allclose(shifted, proba)  # claim: softmax-shift-changes-nothing
# ko: 행마다 점수가 가장 큰 클래스가 softmax 확률도 가장 큽니다.
# en: In every row, the class with the largest score also has the largest softmax probability.
assert (scores.argmax(axis=1) == proba.argmax(axis=1)).all()  # claim: softmax-keeps-argmax
rng = np.random.default_rng(0)
many = rng.normal(0, 3, size=(1000, 10))
# ko: 무작위로 만든 점수 여러 행에서도, 행마다 softmax 확률이 가장 큰 클래스가 점수가 가장 큰 클래스와
# ko: 같습니다.
# en: On many rows of random scores too, the class with the largest softmax probability is, in every row, the class with
# en: the largest score.
assert (softmax(many).argmax(axis=1) == many.argmax(axis=1)).all()  # claim: softmax-never-changes-winner
# ko: 무작위 점수의 행마다 서로 다른 무작위 상수를 더해도 softmax 결과가 그대로입니다.
# en: Adding a different random constant to each row of random scores leaves the softmax output unchanged.
assert np.allclose(softmax(many + rng.normal(size=(1000, 1))), softmax(many))  # claim: softmax-any-row-constant

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
assert np.allclose(proba[0].round(2), [0.69, 0.25, 0.06])
save_figure(
    fig,
    "softmax-bars",
    alt_ko="왼쪽: 세 출력 노드의 점수 2.0, 1.0, -0.5 막대그래프. 오른쪽: softmax를 거친 확률 0.69, 0.25, 0.06으로 모두 양수이고 합이 1이며 가장 큰 클래스는 그대로다",
    alt_en="Left: bar chart of the three output scores 2.0, 1.0 and -0.5. Right: their softmax probabilities "
    "0.69, 0.25 and 0.06, all positive and summing to 1; the largest class stays the largest",
)
