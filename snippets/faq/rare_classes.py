"""A rare class has few rows, so little weight in the average loss; balanced class weights even that out."""

import numpy as np
from sklearn.metrics import accuracy_score, classification_report, recall_score
from sklearn.utils.class_weight import compute_class_weight

# --8<-- [start:lazy]
y = np.repeat([0, 1, 2], [900, 60, 40])  # 90 % of the rows are class 0
always_0 = np.zeros_like(y)  # a "model" that ignores the rare classes completely

print(f"accuracy of always predicting 0: {accuracy_score(y, always_0):.2f}")
print(classification_report(y, always_0, digits=2, zero_division=0))
# --8<-- [end:lazy]
assert accuracy_score(y, always_0) == 0.9  # high accuracy ...
assert (recall_score(y, always_0, average=None, zero_division=0)[1:] == 0).all()  # ... rare recall 0

# --8<-- [start:share]
counts = np.bincount(y)
print(f"{'share of the rows per class:':<47}", (counts / counts.sum()).round(3))

weights = compute_class_weight("balanced", classes=np.unique(y), y=y)  # n / (classes * count)
print(f"{'class_weight balanced:':<47}", weights.round(3))
weighted = counts * weights  # each class's total weight in the weighted average
print(f"{'share of the total weight per class, weighted:':<47}", (weighted / weighted.sum()).round(3))
# --8<-- [end:share]
assert np.allclose(counts / counts.sum(), [0.9, 0.06, 0.04])  # class 0 has 90 % of the rows (and of the weight)
assert np.allclose(weights, len(y) / (3 * counts))
assert np.allclose(weighted / weighted.sum(), 1 / 3)  # after weighting every class weighs the same in total
