"""The same accuracy can hide very different mistakes; the confusion matrix shows them."""

from dlnotes import save_figure

import matplotlib.pyplot as plt
import numpy as np
from sklearn.metrics import ConfusionMatrixDisplay, accuracy_score, confusion_matrix, recall_score


def predictions_with(y_true, mistakes):
    # ko: y_true를 복사한 뒤 클래스 true의 행 count개를 predicted로 바꿈: {(true, predicted): count}
    # en: copy y_true, then turn `count` rows of class `true` into `predicted`: {(true, predicted): count}
    pred = y_true.copy()
    for (true, predicted), count in mistakes.items():
        rows = np.nonzero((y_true == true) & (pred == true))[0][:count]
        pred[rows] = predicted
    return pred


# --8<-- [start:same_accuracy]
y_true = np.repeat([0, 1, 2], 100)  # ko: 클래스마다 100개 # en: 100 samples of each class
model_a = predictions_with(y_true, {(0, 1): 10, (1, 2): 10, (2, 0): 10})  # ko: 실수가 고르게 퍼짐 # en: mistakes spread evenly
model_b = predictions_with(y_true, {(2, 1): 30})                          # ko: 실수가 모두 2 -> 1 # en: every mistake: 2 -> 1

for name, pred in [("model A", model_a), ("model B", model_b)]:
    print(f"{name}: accuracy {accuracy_score(y_true, pred):.2f}   "
          f"recall per class {recall_score(y_true, pred, average=None).round(2)}")
    print(confusion_matrix(y_true, pred))
# --8<-- [end:same_accuracy]
same_accuracy = accuracy_score(y_true, model_a)
# ko: 모델 A와 모델 B의 정확도가 둘 다 정확히 0.9입니다.
# en: Models A and B both have an accuracy of exactly 0.9.
assert same_accuracy == accuracy_score(y_true, model_b) == 0.9  # claim: cm-same-accuracy
cm_a, cm_b = confusion_matrix(y_true, model_a), confusion_matrix(y_true, model_b)
# ko: 두 모델의 혼동 행렬이 서로 다르고, 모델 A는 대각선 밖에서 가장 큰 칸이 10입니다.
# en: The two confusion matrices differ, and model A's largest cell off the diagonal is 10.
assert not np.array_equal(cm_a, cm_b) and cm_a.max(initial=0, where=~np.eye(3, dtype=bool)) == 10  # claim: cm-different-mistakes
b_missed_share = 1 - recall_score(y_true, model_b, average=None)[2]
# ko: 모델 B는 클래스 2의 0.3을 놓치고, 정답 2를 1로 예측한 칸이 30입니다.
# en: Model B misses 0.3 of class 2, and its cell "true 2, predicted 1" holds 30.
assert np.isclose(b_missed_share, 0.3) and cm_b[2, 1] == 30  # claim: cm-b-misses-class-2

fig, axes = plt.subplots(1, 2, figsize=(8, 3.6))
for ax, cm, name in [(axes[0], cm_a, "model A"), (axes[1], cm_b, "model B")]:
    ConfusionMatrixDisplay(cm).plot(ax=ax, cmap="Blues", colorbar=False)
    ax.grid(False)
    ax.set_title(f"{name}: accuracy 0.90")
fig.tight_layout()
save_figure(
    fig,
    "same-accuracy-two-matrices",
    alt_ko="정확도가 똑같이 0.90인 두 모델의 혼동 행렬: 모델 A는 실수가 세 클래스에 10개씩 흩어져 있고, 모델 B는 실수 30개가 모두 '정답 2를 1로 예측'한 칸에 몰려 있다",
    alt_en="Confusion matrices of two models with the same accuracy of 0.90: model A's mistakes are spread, "
    "10 in each class; all 30 of model B's mistakes sit in the cell 'true 2 predicted as 1'",
)

# --8<-- [start:near_miss]
stars = np.repeat([1, 2, 3, 4, 5], 20)  # ko: 순서가 있는 클래스: 별점 1~5 # en: ordered classes: ratings of 1 to 5 stars
near = predictions_with(stars, {(1, 2): 4, (3, 4): 8, (5, 4): 8})  # ko: 한 칸씩 틀림 # en: off by one star
far = predictions_with(stars, {(1, 5): 4, (2, 5): 8, (5, 1): 8})   # ko: 3~4칸씩 틀림 # en: off by three or four stars
for name, pred in [("near misses", near), ("far misses", far)]:
    off_by = np.abs(pred - stars)[pred != stars]
    print(f"{name:<11}: accuracy {accuracy_score(stars, pred):.2f}   mean miss {off_by.mean():.1f} stars")
    print(confusion_matrix(stars, pred))  # ko: 행과 열: 별점 1~5 # en: rows/columns: 1 to 5 stars
# --8<-- [end:near_miss]
star_accuracy = accuracy_score(stars, near)
# ko: 별점을 가깝게 틀리는 모델과 멀리 틀리는 모델의 정확도가 둘 다 정확히 0.8입니다.
# en: The near-miss model and the far-miss model both have an accuracy of exactly 0.8.
assert star_accuracy == accuracy_score(stars, far) == 0.8  # claim: cm-stars-same-accuracy
# ko: 가깝게 틀리는 모델은 많아야 1칸 틀리고, 멀리 틀리는 모델은 틀릴 때마다 3칸 이상 틀립니다.
# en: The near-miss model is never off by more than 1 star; the far-miss model, whenever it is wrong, is off by 3 stars
# en: or more.
assert np.abs(near - stars).max() == 1 and np.abs(far - stars)[far != stars].min() >= 3  # claim: cm-stars-near-vs-far
