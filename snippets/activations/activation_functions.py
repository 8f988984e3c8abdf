"""ReLU, sigmoid and tanh are non-linear; the slope is at most 0.25 (sigmoid), 1 (tanh), 0 or 1 (ReLU)."""

from dlnotes import save_figure

import matplotlib.pyplot as plt
import numpy as np


# --8<-- [start:functions]
def relu(z):
    return np.maximum(0, z)

def sigmoid(z):
    return 1 / (1 + np.exp(-z))

def tanh(z):
    return np.tanh(z)

# ko: 도함수(기울기) # en: their derivatives (slopes)
def d_relu(z):
    return (z > 0).astype(float)

def d_sigmoid(z):
    return sigmoid(z) * (1 - sigmoid(z))

def d_tanh(z):
    return 1 - np.tanh(z) ** 2

z = np.linspace(-6, 6, 1201)
for name, f, d in [("relu", relu, d_relu), ("sigmoid", sigmoid, d_sigmoid), ("tanh", tanh, d_tanh)]:
    print(f"{name:>7}: output [{f(z).min():6.3f}, {f(z).max():5.3f}]   max slope {d(z).max():.2f}")
# --8<-- [end:functions]
max_slope = {"relu": float(d_relu(z).max()), "sigmoid": float(d_sigmoid(z).max()), "tanh": float(d_tanh(z).max())}

# ko: 손으로 쓴 도함수가 수치 기울기 (f(z+h) - f(z-h)) / 2h와 일치함
# en: The hand-written derivatives agree with a numerical slope (f(z+h) - f(z-h)) / 2h
h = 1e-5
zz = z[np.abs(z) > 1e-3]  # ko: ReLU는 0에서 꺾임 # en: ReLU has a kink at 0
for f, d in [(relu, d_relu), (sigmoid, d_sigmoid), (tanh, d_tanh)]:
    # ko: 세 함수(ReLU, sigmoid, tanh) 모두 손으로 쓴 도함수가 수치로 잰 기울기 (f(z + h) - f(z - h)) / 2h와 거의
    # ko: 같습니다. ReLU가 꺾이는 점 바로 옆은 빼고 비교합니다.
    # en: For all three (ReLU, sigmoid, tanh), the hand-written derivative almost equals the numerical slope (f(z + h) -
    # en: f(z - h)) / 2h; the points right next to ReLU's kink are left out.
    assert np.allclose((f(zz + h) - f(zz - h)) / (2 * h), d(zz), atol=1e-6)  # claim: activation-derivatives-right
# ko: 그래프의 z 구간에서 sigmoid 기울기의 최댓값은 0.25이고, 0.25를 넘는 곳은 없습니다.
# en: Over the plotted z, sigmoid's largest slope is 0.25, and nowhere is it above 0.25.
assert np.isclose(d_sigmoid(z).max(), 0.25) and d_sigmoid(z).max() <= 0.25  # claim: activation-sigmoid-slope-quarter
# ko: 그래프의 z 구간에서 tanh 기울기의 최댓값은 1이고, 1을 넘는 곳은 없습니다.
# en: Over the plotted z, tanh's largest slope is 1, and nowhere is it above 1.
assert np.isclose(d_tanh(z).max(), 1.0) and d_tanh(z).max() <= 1.0  # claim: activation-tanh-slope-one
# ko: ReLU의 기울기는 0 아니면 1이고, 두 값이 모두 나옵니다.
# en: ReLU's slope is always 0 or 1, and both values occur.
assert set(np.unique(d_relu(z))) == {0.0, 1.0}  # claim: activation-relu-slope-0-or-1
# ko: 비선형: 셋 모두 f(a + b) != f(a) + f(b) # en: Non-linear: f(a + b) != f(a) + f(b) for each of them
a, b = 2.0, -3.0
for f in (relu, sigmoid, tanh):
    # ko: 세 함수 모두 두 입력 a, b에서 f(a + b)가 f(a) + f(b)와 다릅니다. 즉 선형 함수가 아닙니다.
    # en: For each of the three, f(a + b) differs from f(a) + f(b) for the two inputs a and b: none of them is linear.
    assert not np.isclose(f(a + b), f(a) + f(b))  # claim: activation-non-linear

fig, axes = plt.subplots(1, 2, figsize=(8.0, 3.4))
colors = {"relu": "#2ca02c", "sigmoid": "#1f77b4", "tanh": "#d62728"}
for name, f, d in [("relu", relu, d_relu), ("sigmoid", sigmoid, d_sigmoid), ("tanh", tanh, d_tanh)]:
    axes[0].plot(z, f(z), label=name, color=colors[name])
    axes[1].plot(z, d(z), label=f"{name}'", color=colors[name])
axes[0].set_ylim(-1.5, 3)
axes[0].set_title("activation functions")
axes[1].axhline(0.25, color="gray", linestyle=":", linewidth=1)
axes[1].text(-6, 0.3, "0.25", color="gray", fontsize=9)
axes[1].set_title("derivatives (slopes)")
for ax in axes:
    ax.set_xlabel("z (input of the activation)")
    ax.legend(fontsize=9)
save_figure(
    fig,
    "activation-functions",
    alt_ko="왼쪽: ReLU, sigmoid, tanh 함수의 모양. 오른쪽: 세 함수의 도함수. sigmoid의 기울기는 최대 0.25, tanh는 최대 1, ReLU는 0 또는 1",
    alt_en="Left: the shapes of ReLU, sigmoid and tanh. Right: their derivatives; "
    "sigmoid's slope peaks at 0.25, tanh's at 1, ReLU's is 0 or 1",
)
