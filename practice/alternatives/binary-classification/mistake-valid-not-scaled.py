# ruff: noqa: F821
# Only the training rows are transformed.
# expect: ✗ Transform x_valid with the scaler fitted on the training rows too (do not fit it again on x_valid).

# %% solution 1
x_train, x_valid, y_train, y_valid = train_test_split(x, y, test_size=0.3, random_state=0, stratify=y)
scaler = StandardScaler().fit(x_train)
x_train = scaler.transform(x_train)
