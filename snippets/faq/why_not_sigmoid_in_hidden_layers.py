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
assert abs(max_slope - 0.25) < 1e-6 and max_slope <= 0.25 + 1e-9 and abs(z[slope.argmax()]) < 1e-3  # claim: sig-slope-max-quarter
assert np.allclose(slope, sigmoid(z) * (1 - sigmoid(z)), atol=1e-8)  # claim: sig-slope-formula

# --8<-- [start:chain]
# ko: 오차 역전파는 층마다 활성화 함수의 기울기를 하나씩 곱함(연쇄 법칙). 가중치도 함께 곱해짐
# en: back-propagation multiplies one activation slope per layer (chain rule); the weights multiply in too
for layers in [1, 2, 5, 10]:
    print(f"depth {layers:>2}: sigmoid <= 0.25^{layers:<2} = {0.25 ** layers:.1e}    "
          f"relu (z > 0) 1^{layers} = {1.0 ** layers:.0f}")
# --8<-- [end:chain]
ten_layers = 0.25 ** 10
assert 9e-7 < ten_layers < 1e-6  # claim: sig-ten-layers-millionth
relu_slope = (np.maximum(0, z + h) - np.maximum(0, z - h)) / (2 * h)
assert np.allclose(relu_slope[z > 0.01], 1) and np.allclose(relu_slope[z < -0.01], 0)  # claim: sig-relu-slope-one-or-zero
