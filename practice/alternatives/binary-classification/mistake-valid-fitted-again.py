# ruff: noqa: F821
# fit_transform on the validation rows too: they are scaled with their own mean.
# expect: ✗ Transform x_valid with the scaler fitted on the training rows too (do not fit it again on x_valid).

# %% solution 1
x_train, x_valid, y_train, y_valid = train_test_split(x, y, test_size=0.3, random_state=0, stratify=y)
scaler = StandardScaler()
x_train = scaler.fit_transform(x_train)
x_valid = StandardScaler().fit_transform(x_valid)
