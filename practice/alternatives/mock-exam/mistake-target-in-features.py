# ruff: noqa: F821
# NumPy features taken from the whole df: the target High is one of them.
# expect: ✗ The features x should have every column but High.
# expect: ✗ The features should not contain the target High.

# %% solution 5
x = df.to_numpy()
y = df["High"].to_numpy()
x_train, x_valid, y_train, y_valid = train_test_split(x, y, test_size=0.2, random_state=0, stratify=y)
