# ruff: noqa: F821
# Thousands turned into units the wrong way round.
# expect: ✗ mae_units should be in single units (Sales is in thousands).

# %% solution 3
mae = mean_absolute_error(y_valid, model.predict(x_valid, verbose=0).ravel())
mae_units = mae / 1000
