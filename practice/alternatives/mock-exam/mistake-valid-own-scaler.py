# ruff: noqa: F821
# The validation rows get a scaler of their own.
# expect: ✗ x_valid_s should be x_valid transformed by the same scaler (do not fit it again on x_valid).

# %% solution 6
scaler = StandardScaler().fit(x_train)
x_train_s = scaler.transform(x_train)
x_valid_s = StandardScaler().fit_transform(x_valid)
