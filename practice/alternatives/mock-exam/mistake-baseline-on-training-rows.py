# ruff: noqa: F821
# The baseline is scored on the rows it was trained on, which flatters it.
# expect: ✗ baseline_accuracy should be baseline's accuracy on the validation rows (not on the training rows).

# %% solution 10
from sklearn.linear_model import LogisticRegression

baseline = LogisticRegression().fit(x_train_s, y_train)
baseline_accuracy = baseline.score(x_train_s, y_train)
