# ruff: noqa: F821
# get_dummies returns a new DataFrame: without df = ..., ShelveLoc stays text.
# expect: ✗ Every column should be numeric (assign the result of pd.get_dummies(..., dtype=int) back to df).
# expect: ✗ There should be a 0/1 column per value of ShelveLoc (drop_first=True may leave one out).

# %% solution 4
pd.get_dummies(df, columns=["ShelveLoc"], dtype=int)
