"""Rare classes: high accuracy with low rare-class recall; class_weight raises that recall."""

import dlnotes  # noqa: F401  # ko: 사이트 도우미 모듈: TensorFlow 로그를 끄고 어느 컴퓨터에서나 같은 결과 # en: the site's helper module: no TensorFlow log lines, the same results on every machine

import keras
import numpy as np
from sklearn.datasets import make_classification
from sklearn.metrics import (
    accuracy_score,
    classification_report,
    precision_recall_fscore_support,
    precision_score,
    recall_score,
)
from sklearn.model_selection import train_test_split
from sklearn.utils.class_weight import compute_class_weight

# --8<-- [start:data]
# ko: 클래스 3개: 행의 90 %가 클래스 0, 클래스 1은 6 %, 클래스 2는 4 %뿐
# en: 3 classes: 90 % of the rows are class 0, only 6 % class 1 and 4 % class 2
x, y = make_classification(n_samples=1500, n_features=8, n_informative=4, n_redundant=2, n_classes=3,
                           n_clusters_per_class=1, weights=[0.9, 0.06, 0.04], class_sep=0.6, random_state=0)
x_train, x_val, y_train, y_val = train_test_split(x, y, test_size=0.4, random_state=0, stratify=y)
print("rows per class (train):", np.bincount(y_train))
# --8<-- [end:data]


def train(class_weight=None, x_fit=x_train, y_fit=y_train):
    keras.utils.set_random_seed(0)
    model = keras.Sequential([
        keras.Input(shape=(8,)),
        keras.layers.Dense(16, activation="relu"),
        keras.layers.Dense(3, activation="softmax"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="sparse_categorical_crossentropy")
    start = loss_share(model)  # ko: 학습 전: 학습하지 않은 모델 # en: before training: the untrained model
    model.fit(x_fit, y_fit, epochs=20, batch_size=64, class_weight=class_weight, verbose=0)
    return model.predict(x_val, verbose=0).argmax(axis=1), start, loss_share(model)


def loss_share(model):
    # ko: (가중치 없는) 학습 손실에서 각 클래스가 차지하는 몫: 그 클래스 행들의 -log p 합 / 전체 합
    # en: Each class's share of the (unweighted) training loss: its rows' -log p summed, over the total
    p = model.predict(x_train, verbose=0)[np.arange(len(y_train)), y_train]
    per_class = np.bincount(y_train, weights=-np.log(p), minlength=3)
    return per_class / per_class.sum()


# --8<-- [start:weights]
weights = compute_class_weight("balanced", classes=np.unique(y_train), y=y_train)
class_weight = dict(enumerate(weights))  # ko: {클래스: 가중치}, 드문 클래스일수록 무겁게 # en: {class: weight}, rare classes weigh more
print("class_weight:", {k: round(float(v), 2) for k, v in class_weight.items()})

runs = {"plain": train(), "class_weight": train(class_weight)}
for name, (pred, _, _) in runs.items():
    recall = recall_score(y_val, pred, average=None)
    print(f"{name:<12} accuracy {accuracy_score(y_val, pred):.3f}   recall per class {recall.round(3)}")

row_share = np.bincount(y_train) / len(y_train)
_, start_share, end_share = runs["plain"]
print("share of the rows:                ", row_share.round(3))
print("plain model, loss share before fit:", start_share.round(3))
print("plain model, loss share after fit: ", end_share.round(3))
# --8<-- [end:weights]
plain, weighted = runs["plain"][0], runs["class_weight"][0]
# ko: 학습 전에는 모든 행의 비용이 비슷해서 손실 몫이 행 비율을 따름 ...
# en: Untrained, every row costs about the same, so the loss shares follow the row shares ...
assert np.abs(start_share - row_share).max() < 0.05  # claim: imbalanced-loss-share-follows-rows-at-start
# ko: ... 학습 뒤에는 흔한 행이 싸져서, 드문 클래스(행의 10 %)가 손실의 대부분을 차지함
# en: ... after training the common rows are cheap: the rare classes (10 % of the rows) hold most of the loss
assert row_share[1:].sum() < 0.12 and end_share[1:].sum() > 0.5  # claim: imbalanced-rare-classes-hold-most-loss
acc_plain, acc_weighted = float(accuracy_score(y_val, plain)), float(accuracy_score(y_val, weighted))
r_plain, r_weighted = recall_score(y_val, plain, average=None), recall_score(y_val, weighted, average=None)
assert acc_plain > 0.9  # claim: imbalanced-accuracy-looks-fine
assert r_plain[1:].max() < 0.75 and r_plain[0] > 0.95  # claim: imbalanced-rare-classes-missed
assert (r_weighted[1:] > r_plain[1:]).all()  # claim: imbalanced-class-weight-raises-rare-recall
assert r_weighted[1:].mean() > r_plain[1:].mean() + 0.15  # claim: imbalanced-class-weight-raises-clearly
# ko: 대가: 클래스 0
# en: the price: class 0
assert r_weighted[0] < r_plain[0] and acc_weighted < acc_plain  # claim: imbalanced-class-weight-costs-class-0

# --8<-- [start:report]
print(classification_report(y_val, plain, digits=3))  # ko: 가중치 없는 모델 # en: the plain model
# --8<-- [end:report]
precision_c, recall_c, _, support = precision_recall_fscore_support(y_val, plain)
macro_recall = float(recall_score(y_val, plain, average="macro"))
weighted_recall = float(recall_score(y_val, plain, average="weighted"))
macro_precision = float(precision_score(y_val, plain, average="macro"))
weighted_precision = float(precision_score(y_val, plain, average="weighted"))
# ko: macro avg는 클래스별 값의 단순 평균, weighted avg는 support(행 수)로 가중한 평균
# en: macro avg is the plain mean over the classes, weighted avg the mean weighted by support (rows)
assert np.isclose(macro_recall, recall_c.mean()) and np.isclose(macro_precision, precision_c.mean())  # claim: report-macro-is-plain-mean
class0_weight = float(support[0] / support.sum())
assert np.isclose(weighted_recall, (support * recall_c).sum() / support.sum()) and class0_weight > 0.85  # claim: report-weighted-by-support
assert np.isclose(weighted_precision, (support * precision_c).sum() / support.sum())  # claim: report-weighted-by-support-precision
# ko: support × 재현율 = 그 클래스에서 맞힌 행 수이므로, 가중 평균 재현율은 정확도와 같음
# en: support × recall = the rows of that class that were right, so the weighted recall equals the accuracy
assert np.isclose(weighted_recall, acc_plain)  # claim: report-weighted-recall-is-accuracy
assert macro_recall < weighted_recall - 0.15  # claim: report-macro-below-weighted

# --8<-- [start:oversample]
rng = np.random.default_rng(0)
counts = np.bincount(y_train)
# ko: 학습 데이터에서만, 클래스마다 가장 많은 클래스의 행 수만큼 복원 추출함(검증 데이터는 그대로)
# en: In the training set only, draw each class with replacement up to the largest class's count (validation untouched)
rows = np.concatenate([rng.choice(np.flatnonzero(y_train == c), size=counts.max(), replace=True) for c in range(3)])
x_over, y_over = x_train[rows], y_train[rows]
print("rows per class (train, oversampled):", np.bincount(y_over))

runs["oversampled"] = train(x_fit=x_over, y_fit=y_over)
for name, (pred, _, _) in runs.items():
    recall = recall_score(y_val, pred, average=None)
    precision = precision_score(y_val, pred, average=None, zero_division=0)
    print(f"{name:<12} recall {recall.round(3)}   precision {precision.round(3)}")
# --8<-- [end:oversample]
over = runs["oversampled"][0]
n_over = len(y_over)
r_over = recall_score(y_val, over, average=None)
p_plain, p_weighted, p_over = (precision_score(y_val, pred, average=None, zero_division=0)
                               for pred in (plain, weighted, over))
acc_over = float(accuracy_score(y_val, over))
# ko: 두 방법 모두 드문 클래스의 재현율을 올림
# en: both methods raise the rare classes' recall
assert (r_over[1:] > r_plain[1:] + 0.1).all() and (r_weighted[1:] > r_plain[1:] + 0.1).all()  # claim: oversample-raises-rare-recall
# ko: 대가: 클래스 0의 행이 드문 클래스로 더 많이 예측되어, 드문 클래스의 정밀도와 클래스 0의 재현율이 내려감
# en: the price: more class-0 rows are predicted as a rare class, so the rare precision and class 0's recall fall
assert (p_over[1:] < p_plain[1:] - 0.1).all() and (p_weighted[1:] < p_plain[1:] - 0.1).all()  # claim: oversample-costs-rare-precision
assert r_over[0] < r_plain[0] and acc_over < acc_plain  # claim: oversample-costs-class-0
