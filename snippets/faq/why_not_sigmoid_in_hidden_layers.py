"""Sigmoid's slope is at most 0.25, so 10 sigmoid layers scale a gradient by at most 0.25**10 ≈ 1e-6."""

import numpy as np


# --8<-- [start:slope]
def sigmoid(z):
    return 1 / (1 + np.exp(-z))

z = np.linspace(-10, 10, 200_001)  # many inputs, step 0.0001
h = 1e-6
slope = (sigmoid(z + h) - sigmoid(z - h)) / (2 * h)  # numerical derivative
print(f"largest slope of sigmoid: {slope.max():.4f} at z = {z[slope.argmax()]:.2f}")
print(f"formula sigmoid(0) * (1 - sigmoid(0)) = {sigmoid(0) * (1 - sigmoid(0)):.4f}")
# --8<-- [end:slope]
assert abs(slope.max() - 0.25) < 1e-6 and slope.max() <= 0.25 + 1e-9
assert abs(z[slope.argmax()]) < 1e-3
assert np.allclose(slope, sigmoid(z) * (1 - sigmoid(z)), atol=1e-8)

# --8<-- [start:chain]
# Back-propagation multiplies one slope per layer (chain rule).
for layers in [1, 2, 5, 10]:
    print(f"depth {layers:>2}: sigmoid at most 0.25^{layers:<2} = {0.25 ** layers:.1e}    "
          f"relu (positive side) 1^{layers} = {1.0 ** layers:.0f}")
# --8<-- [end:chain]
assert 0.25 ** 10 < 1e-6  # 9.5e-07: a millionth of the signal at best
