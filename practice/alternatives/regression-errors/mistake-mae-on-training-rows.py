# ruff: noqa: F821
# The MAE of the training rows, not of the validation rows.
# expect: ✗ mae should be the MAE on the validation rows.

# %% solution 3
mae = mean_absolute_error(y_train, model.predict(x_train, verbose=0).ravel())
mae_units = mae * 1000
