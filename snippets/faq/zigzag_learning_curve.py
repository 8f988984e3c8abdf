"""Too large a step jumps across the valley (zig-zag); a tenth of it needs ~10x the steps."""

from dlnotes import save_figure

import matplotlib.pyplot as plt
import numpy as np


# --8<-- [start:steps]
def descend(learning_rate, steps, w=0.0):
    # ko: 손실 (w - 3)**2에서 경사 하강법, 기울기는 2 * (w - 3)
    # en: gradient descent on loss(w) = (w - 3)**2, whose gradient is 2 * (w - 3)
    path = [w]
    for _ in range(steps):
        w = w - learning_rate * 2 * (w - 3)  # ko: w <- w - 학습률 * 기울기 # en: w <- w - lr * gradient
        path.append(w)
    return np.array(path)


def steps_to_reach(learning_rate, tolerance=0.01):
    w, n = 0.0, 0
    while abs(w - 3) >= tolerance:
        w, n = w - learning_rate * 2 * (w - 3), n + 1
    return n


for lr in [0.9, 0.09, 0.009]:
    path = descend(lr, 5)
    print(f"learning_rate={lr:<6} w: " + " -> ".join(f"{w:.2f}" for w in path)
          + f"   steps to |w - 3| < 0.01: {steps_to_reach(lr)}")

too_big = descend(1.1, 5)  # ko: 너무 큰 보폭: 넘어갈 때마다 더 멀어짐 # en: a step so large that every jump lands farther away
print("learning_rate=1.1    w: " + " -> ".join(f"{w:.2f}" for w in too_big) + "   (diverges)")
# --8<-- [end:steps]
# ko: 학습률이 1.1이면 스텝마다 최저점(w = 3)에서 더 멀어집니다.
# en: With learning rate 1.1, every step lands farther from the lowest point (w = 3).
assert np.all(np.diff(np.abs(too_big - 3)) > 0)  # claim: zz-too-big-diverges
first_big = descend(0.9, 2)
steps_big, steps_mid, steps_small = steps_to_reach(0.9), steps_to_reach(0.09), steps_to_reach(0.009)

big, mid = descend(0.9, 20), descend(0.09, 20)
side_big, side_mid = np.sign(big[1:] - 3), np.sign(mid[1:] - 3)
# ko: 학습률이 0.9이면 매 스텝 최저점(w = 3)의 반대편으로 넘어갑니다.
# en: With learning rate 0.9, every step jumps to the other side of the lowest point (w = 3).
assert np.all(side_big[1:] != side_big[:-1])  # claim: zz-overshoots-every-step
# ko: 학습률이 0.09이면 w가 늘 최저점(w = 3)보다 작은 쪽에 있어서 한 번도 넘어가지 않습니다.
# en: With learning rate 0.09, w always stays below the lowest point (w = 3): it never jumps over.
assert np.all(side_mid == -1)  # claim: zz-one-side
ratio = steps_small / steps_mid
# ko: 학습률을 0.09에서 0.009로, 곧 10분의 1로 줄이면, 최저점 가까이 닿기까지 걸리는 스텝 수가 8배보다 많고 12배보다
# ko: 적게 늘어납니다.
# en: Cutting the learning rate to a tenth, from 0.09 to 0.009, multiplies the steps needed to get close to the lowest
# en: point by more than 8 and less than 12.
assert 8 < ratio < 12  # claim: zz-tenth-ten-times
# ko: 매 스텝 넘어가는 학습률 0.9가 한쪽에서만 다가가는 0.09보다 적은 스텝으로 최저점 가까이 닿고, 차이는 10스텝이 안
# ko: 됩니다.
# en: Learning rate 0.9, which overshoots every step, gets close to the lowest point in fewer steps than 0.09, which
# en: never overshoots, and by fewer than 10 steps.
assert steps_big < steps_mid < steps_big + 10  # claim: zz-not-slower

fig, axes = plt.subplots(1, 3, figsize=(11, 3.4), sharey=True)
grid = np.linspace(-0.5, 6.5, 200)
for ax, lr in zip(axes, [0.9, 0.09, 0.009]):
    path = descend(lr, 12)
    ax.plot(grid, (grid - 3) ** 2, color="lightgray")
    ax.plot(path, (path - 3) ** 2, marker="o", markersize=4, color="#1f77b4")
    ax.set_title(f"learning_rate={lr}: 12 steps")
    ax.set_xlabel("weight w")
axes[0].set_ylabel("loss = (w - 3)^2")
save_figure(
    fig,
    "zigzag-steps",
    alt_ko="손실 곡선 (w-3)^2 위에서 경사 하강법 12걸음: 학습률 0.9는 최저점을 넘어 좌우로 지그재그로 튀고, 0.09는 한쪽에서 매끄럽게 다가가며, 0.009는 아주 조금밖에 움직이지 못한다",
    alt_en="Twelve gradient-descent steps on the loss (w-3)^2: at learning rate 0.9 "
    "w jumps across the minimum from side to side, at 0.09 it approaches smoothly from one side, "
    "at 0.009 it barely moves",
)
