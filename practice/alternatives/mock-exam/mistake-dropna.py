# ruff: noqa: F821
# The rows with a missing income are dropped instead of filled.
# expect: ✗ Fill the missing values instead of dropping their rows (all 400 rows should stay).
# expect: ✗ Fill the missing values with the median of Income.

# %% solution 3
df = df.dropna()
