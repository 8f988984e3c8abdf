"""Spread: the standard deviation of a sample, and the share of it within one standard deviation."""

import matplotlib.pyplot as plt
import numpy as np
from stats_helpers import heights

# --8<-- [start:describe]
sample = heights()
mean = float(np.mean(sample))
sd = float(np.std(sample, ddof=1))  # the sample standard deviation
within_one_sd = float(np.mean(np.abs(sample - mean) < sd))
print(f"mean = {mean:.1f} cm, sd = {sd:.1f} cm")
print(f"share within one sd: {within_one_sd:.0%}")
# --8<-- [end:describe]

assert 0.6 < within_one_sd < 0.76  # claim: about-two-thirds-within-one-sd

# --8<-- [start:histogram]
fig, ax = plt.subplots(figsize=(6, 3))
ax.hist(sample, bins=20, color="#1f77b4")
ax.axvspan(mean - sd, mean + sd, alpha=0.2, color="#ff7f0e")
ax.set_title("Heights, with one standard deviation either side of the mean")
ax.set_xlabel("height (cm)")
# the figure is left open: the engine captures it after this section
# --8<-- [end:histogram]
