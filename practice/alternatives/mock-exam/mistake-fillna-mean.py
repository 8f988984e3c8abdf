# ruff: noqa: F821
# The mean instead of the median.
# expect: ✗ Fill the missing values with the median of Income.

# %% solution 3
df["Income"] = df["Income"].fillna(df["Income"].mean())
