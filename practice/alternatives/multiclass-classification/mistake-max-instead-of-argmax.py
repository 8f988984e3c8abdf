# ruff: noqa: F821
# The largest probability of each row instead of its class.
# expect: ✗ The predictions should be class numbers 0, 1, 2.
# expect: ✗ The validation accuracy should be above 0.9.

# %% solution 3
pred_classes = model.predict(x_valid, verbose=0).max(axis=1)
