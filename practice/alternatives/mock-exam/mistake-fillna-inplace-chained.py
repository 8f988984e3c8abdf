# ruff: noqa: F821
# fillna(inplace=True) on the column df["Income"]: under pandas 3 it fills a copy and df keeps its NaN.
# expect: ✗ df should have no missing values (under pandas 3, df['Income'].fillna(..., inplace=True) does not change df: assign the filled column back to df['Income']).
# expect: ✗ Fill the missing values with the median of Income.

# %% solution 3
df["Income"].fillna(df["Income"].median(), inplace=True)
