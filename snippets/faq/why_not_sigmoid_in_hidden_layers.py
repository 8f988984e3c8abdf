"""Sigmoid's slope is at most 0.25, so 10 sigmoid layers scale a gradient by at most 0.25**10 ≈ 1e-6."""

import numpy as np


# --8<-- [start:slope]
def sigmoid(z):
    return 1 / (1 + np.exp(-z))

z = np.linspace(-10, 10, 200_001)  # ko: 입력을 0.0001 간격으로 촘촘히 # en: many inputs, step 0.0001
h = 1e-6
slope = (sigmoid(z + h) - sigmoid(z - h)) / (2 * h)  # ko: 수치 미분 # en: numerical derivative
max_slope = float(slope.max())
print(f"max slope of sigmoid: {max_slope:.4f} at z = {z[slope.argmax()]:.2f}")
print(f"sigmoid(0) * (1 - sigmoid(0)) = {sigmoid(0) * (1 - sigmoid(0)):.4f}")
# --8<-- [end:slope]
# ko: sigmoid의 기울기는 어디서도 0.25를 넘지 않습니다. 가장 큰 기울기는 0.25(1e-6 오차 안에서)이고, z = 0에서 1e-3
# ko: 안쪽인 곳에서 나옵니다.
# en: The sigmoid's slope never goes above 0.25: its largest value is 0.25 (within 1e-6), found within 1e-3 of z = 0.
assert abs(max_slope - 0.25) < 1e-6 and max_slope <= 0.25 + 1e-9 and abs(z[slope.argmax()]) < 1e-3  # claim: sig-slope-max-quarter
# ko: 수치 미분으로 잰 sigmoid의 기울기가 재어 본 모든 z에서 sigmoid(z) × (1 - sigmoid(z))와 같습니다.
# en: The slope measured numerically equals sigmoid(z) × (1 - sigmoid(z)) at every z tried.
assert np.allclose(slope, sigmoid(z) * (1 - sigmoid(z)), atol=1e-8)  # claim: sig-slope-formula

# --8<-- [start:chain]
# ko: 오차 역전파는 층마다 활성화 함수의 기울기를 하나씩 곱함(연쇄 법칙). 가중치도 함께 곱해짐
# en: back-propagation multiplies one activation slope per layer (chain rule); the weights multiply in too
for layers in [1, 2, 5, 10]:
    print(f"depth {layers:>2}: sigmoid <= 0.25^{layers:<2} = {0.25 ** layers:.1e}    "
          f"relu (z > 0) 1^{layers} = {1.0 ** layers:.0f}")
# --8<-- [end:chain]
ten_layers = 0.25 ** 10
# ko: 0.25를 10번 곱하면 9e-7보다 크고 1e-6보다 작습니다. 곧 백만분의 1 정도입니다.
# en: 0.25 multiplied together 10 times is between 9e-7 and 1e-6: about a millionth.
assert 9e-7 < ten_layers < 1e-6  # claim: sig-ten-layers-millionth
relu_slope = (np.maximum(0, z + h) - np.maximum(0, z - h)) / (2 * h)
# ko: ReLU의 기울기는 z가 0.01보다 크면 1, -0.01보다 작으면 0입니다.
# en: The ReLU's slope is 1 for z above 0.01 and 0 for z below -0.01.
assert np.allclose(relu_slope[z > 0.01], 1) and np.allclose(relu_slope[z < -0.01], 0)  # claim: sig-relu-slope-one-or-zero
