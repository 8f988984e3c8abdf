# ruff: noqa: F821
# The comparison itself as the target: High is bool, not an integer column.
# expect: ✗ High should be an integer column (add .astype(int) to the comparison's True/False).

# %% solution 1
df = raw.copy()
df["High"] = df["Sales"] > 8
df = df.drop(columns="Sales")
