# ruff: noqa: F821
# The scaler is fitted on every row: both sets are transformed, with statistics that saw the validation rows.
# expect: ✗ Fit the scaler on the training rows (x_train) only, not on all rows nor on the validation rows.

# %% solution 6
scaler = StandardScaler().fit(x)
x_train_s, x_valid_s = scaler.transform(x_train), scaler.transform(x_valid)
