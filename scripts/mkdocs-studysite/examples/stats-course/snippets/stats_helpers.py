"""Helpers the examples share: a sample drawn with a fixed seed, so every run shows the same numbers."""

import numpy as np


def heights(n: int = 200, seed: int = 0) -> np.ndarray:
    """Heights in centimetres of ``n`` made-up adults: normal, mean 170, standard deviation 8."""
    return np.random.default_rng(seed).normal(170.0, 8.0, n)
