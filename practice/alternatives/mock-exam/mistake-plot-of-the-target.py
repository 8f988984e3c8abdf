# ruff: noqa: F821
# The histogram is of the 0/1 target High instead of Sales.
# expect: ✗ ax should hold a histogram of the Sales of all 400 stores (ax.hist(raw['Sales']), bar heights as counts).

# %% solution 2
fig, ax = plt.subplots()
ax.hist(df["High"])
ax.axvline(8)
