# ruff: noqa: F821
# The histogram is drawn, but the line that splits High from the rest is forgotten.
# expect: ✗ There should be a vertical line at Sales 8 (ax.axvline(8)).

# %% solution 2
fig, ax = plt.subplots()
ax.hist(raw["Sales"], bins=20)
