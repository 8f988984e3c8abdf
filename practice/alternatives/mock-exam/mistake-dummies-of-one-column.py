# ruff: noqa: F821
# get_dummies of the ShelveLoc column alone, kept as df: every other column is lost.
# expect: ✗ Every column but ShelveLoc should stay as it is.

# %% solution 4
df = pd.get_dummies(df["ShelveLoc"], dtype=int)
