# ruff: noqa: F821
# The labels keep predict's shape (n, 1).
# expect: ✗ pred_labels should be one-dimensional, one value per validation row.

# %% solution 4
pred_labels = (model.predict(x_valid, verbose=0) >= 0.5).astype(int)
