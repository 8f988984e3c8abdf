# ruff: noqa: F821
# fit_transform on the validation rows with the same scaler: it is fitted again, on the validation rows, so its
# statistics are no longer those of the training rows, and x_train_s is no longer what it would transform.
# expect: ✗ Fit the scaler on the training rows (x_train) only, not on all rows nor on the validation rows.
# expect: ✗ x_train_s should be x_train transformed by scaler.

# %% solution 6
scaler = StandardScaler()
x_train_s = scaler.fit_transform(x_train)
x_valid_s = scaler.fit_transform(x_valid)
