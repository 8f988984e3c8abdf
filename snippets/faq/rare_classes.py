"""A rare class has few rows, so little weight in the average loss; balanced class weights even that out."""

import numpy as np
from sklearn.metrics import accuracy_score, classification_report, recall_score
from sklearn.utils.class_weight import compute_class_weight

# --8<-- [start:lazy]
y = np.repeat([0, 1, 2], [900, 60, 40])  # ko: 행의 90%가 클래스 0 # en: 90 % of the rows are class 0
always_0 = np.zeros_like(y)  # ko: 드문 클래스를 전혀 보지 않는 "모델" # en: a "model" that ignores the rare classes completely

lazy_accuracy = accuracy_score(y, always_0)
print(f"accuracy (always 0) = {lazy_accuracy:.2f}")
print(classification_report(y, always_0, digits=2, zero_division=0))
# --8<-- [end:lazy]
lazy_recall = recall_score(y, always_0, average=None, zero_division=0)
# ko: 늘 0이라고 답하는 모델의 정확도가 정확히 0.9이고, 클래스 1과 2의 재현율은 둘 다 0입니다.
# en: The model that always answers 0 has an accuracy of exactly 0.9, and its recall for classes 1 and 2 is 0.
assert lazy_accuracy == 0.9 and (lazy_recall[1:] == 0).all()  # claim: rare-lazy-accuracy-high

# --8<-- [start:share]
counts = np.bincount(y)
row_share = counts / counts.sum()
print("row share per class:        ", row_share.round(3))

weights = compute_class_weight("balanced", classes=np.unique(y), y=y)  # ko: n / (클래스 수 × 그 클래스의 행 수) # en: n / (number of classes × rows of that class)
print("class_weight (balanced):    ", weights.round(3))
weighted = counts * weights  # ko: 클래스마다 가중치를 모두 더한 값, 곧 손실에서 차지하는 비중 # en: each class's total weight in the weighted average
print("weight share, with weights: ", (weighted / weighted.sum()).round(3))
# --8<-- [end:share]
rare_row_share = float(row_share[1:].sum())
# ko: 클래스 0, 1, 2의 행 비율(클래스 가중치가 없을 때 손실에서 차지하는 비중)이 0.9, 0.06, 0.04이고, 드문 두 클래스를
# ko: 합치면 0.1입니다.
# en: The shares of the rows of classes 0, 1 and 2 (their weight in the loss when there are no class weights) are 0.9,
# en: 0.06 and 0.04; the two rare classes together have 0.1.
assert np.allclose(row_share, [0.9, 0.06, 0.04]) and np.isclose(rare_row_share, 0.1)  # claim: rare-row-weight-share
# ko: "balanced" 클래스 가중치는 클래스마다 (전체 행 수) ÷ (3 × 그 클래스의 행 수)와 같습니다.
# en: Each "balanced" class weight equals (number of rows) ÷ (3 × rows of that class).
assert np.allclose(weights, len(y) / (3 * counts))  # claim: rare-balanced-formula
# ko: 가중치를 곱하면 세 클래스가 손실에서 똑같이 1/3씩 차지합니다.
# en: With the weights, each of the three classes has a share of 1/3 of the loss.
assert np.allclose(weighted / weighted.sum(), 1 / 3)  # claim: rare-balanced-equal-weight
