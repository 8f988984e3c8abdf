# ruff: noqa: F821
# The split without stratify: the validation set has two High rows more than its share.
# expect: ✗ The validation set should keep the share of High (give train_test_split stratify=y).

# %% solution 5
x = df.drop(columns="High")
y = df["High"]
x_train, x_valid, y_train, y_valid = train_test_split(x, y, test_size=0.2, random_state=0)
