# ruff: noqa: F821
# df = raw names the same DataFrame: adding High changes raw too.
# expect: ✗ df should be a copy of raw (leave raw unchanged: work on raw.copy()).

# %% solution 1
df = raw
df["High"] = (df["Sales"] > 8).astype(int)
df = df.drop(columns="Sales")
