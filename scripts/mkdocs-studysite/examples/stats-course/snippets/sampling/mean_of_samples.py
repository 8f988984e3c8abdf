"""The mean of a larger sample is closer to the population's mean, on average."""

import numpy as np
from stats_helpers import heights

errors = {}
for n in (10, 1000):
    means = [np.mean(heights(n, seed)) for seed in range(200)]
    errors[n] = float(np.mean(np.abs(np.array(means) - 170.0)))
    print(f"n = {n:4d}: the mean misses 170 cm by {errors[n]:.2f} cm on average")

error_small, error_large = errors[10], errors[1000]
assert error_large < error_small / 5  # claim: larger-samples-closer
