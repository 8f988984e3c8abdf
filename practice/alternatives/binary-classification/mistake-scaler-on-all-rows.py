# ruff: noqa: F821
# The scaler learns its mean and standard deviation from every row, the validation rows too.
# expect: ✗ Fit the scaler on the training rows only (not on all rows, nor on the validation rows).

# %% solution 1
x_train, x_valid, y_train, y_valid = train_test_split(x, y, test_size=0.3, random_state=0, stratify=y)
scaler = StandardScaler().fit(x)
x_train, x_valid = scaler.transform(x_train), scaler.transform(x_valid)
