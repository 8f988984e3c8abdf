# ruff: noqa: F821
# The split without stratify: the validation set has a malignant row fewer than its share.
# expect: ✗ The validation set should keep the share of malignant rows (give train_test_split stratify=y).

# %% solution 1
x_train, x_valid, y_train, y_valid = train_test_split(x, y, test_size=0.3, random_state=0)
scaler = StandardScaler().fit(x_train)
x_train, x_valid = scaler.transform(x_train), scaler.transform(x_valid)
