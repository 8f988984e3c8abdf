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
# ko: 학습 전 모델에서 각 클래스가 손실에서 차지하는 몫은 그 클래스의 행 비율과 차이가 0.05보다 작습니다.
# en: Before training, each class's share of the loss is less than 0.05 away from its share of the rows.
assert np.abs(start_share - row_share).max() < 0.05  # claim: imbalanced-loss-share-follows-rows-at-start
# ko: 드문 두 클래스는 학습 데이터 행의 12%도 안 되지만, 클래스 가중치 없이 학습한 뒤에는 손실의 절반 넘게
# ko: 차지합니다.
# en: The two rare classes are less than 12% of the training rows, yet after training without class weights they hold
# en: more than half of the loss.
assert row_share[1:].sum() < 0.12 and end_share[1:].sum() > 0.5  # claim: imbalanced-rare-classes-hold-most-loss
acc_plain, acc_weighted = float(accuracy_score(y_val, plain)), float(accuracy_score(y_val, weighted))
r_plain, r_weighted = recall_score(y_val, plain, average=None), recall_score(y_val, weighted, average=None)
# ko: 클래스 가중치 없이 학습한 모델의 정확도가 0.9보다 높습니다.
# en: The model trained without class weights has an accuracy above 0.9.
assert acc_plain > 0.9  # claim: imbalanced-accuracy-looks-fine
# ko: 클래스 가중치 없이 학습한 모델에서 드문 두 클래스의 재현율은 둘 다 0.75보다 낮고, 클래스 0의 재현율은
# ko: 0.95보다 높습니다.
# en: In the model trained without class weights, both rare classes have a recall below 0.75, while class 0's recall is
# en: above 0.95.
assert r_plain[1:].max() < 0.75 and r_plain[0] > 0.95  # claim: imbalanced-rare-classes-missed
# ko: class_weight를 주면 드문 두 클래스의 재현율이 둘 다 클래스 가중치 없이 학습한 모델보다 높습니다.
# en: With class_weight, both rare classes have a higher recall than in the model trained without class weights.
assert (r_weighted[1:] > r_plain[1:]).all()  # claim: imbalanced-class-weight-raises-rare-recall
# ko: class_weight를 주면 드문 두 클래스 재현율의 평균이 클래스 가중치 없이 학습한 모델보다 0.15 넘게
# ko: 높습니다.
# en: With class_weight, the mean recall of the two rare classes is more than 0.15 higher than without class weights.
assert r_weighted[1:].mean() > r_plain[1:].mean() + 0.15  # claim: imbalanced-class-weight-raises-clearly
# ko: 대신 class_weight를 준 모델은 클래스 0의 재현율과 전체 정확도가 클래스 가중치 없이 학습한 모델보다
# ko: 낮습니다.
# en: In exchange, with class_weight both class 0's recall and the overall accuracy are lower than without class
# en: weights.
assert r_weighted[0] < r_plain[0] and acc_weighted < acc_plain  # claim: imbalanced-class-weight-costs-class-0

# --8<-- [start:report]
print(classification_report(y_val, plain, digits=3))  # ko: 가중치 없는 모델 # en: the plain model
# --8<-- [end:report]
precision_c, recall_c, _, support = precision_recall_fscore_support(y_val, plain)
macro_recall = float(recall_score(y_val, plain, average="macro"))
weighted_recall = float(recall_score(y_val, plain, average="weighted"))
macro_precision = float(precision_score(y_val, plain, average="macro"))
weighted_precision = float(precision_score(y_val, plain, average="weighted"))
# ko: macro avg의 재현율과 정밀도가 클래스별 값을 그냥 평균 낸 값과 같습니다.
# en: The macro avg recall and precision are the plain means of the per-class values.
assert np.isclose(macro_recall, recall_c.mean()) and np.isclose(macro_precision, precision_c.mean())  # claim: report-macro-is-plain-mean
class0_weight = float(support[0] / support.sum())
# ko: weighted avg 재현율이 클래스별 재현율을 support(실제 행 수)로 가중 평균한 값과 같고, 클래스
# ko: 0이 전체 support의 85% 넘게 차지합니다.
# en: The weighted avg recall is the mean of the per-class recalls weighted by support (the true rows), and class 0
# en: holds more than 85% of the support.
assert np.isclose(weighted_recall, (support * recall_c).sum() / support.sum()) and class0_weight > 0.85  # claim: report-weighted-by-support
# ko: weighted avg 정밀도도 클래스별 정밀도를 support(실제 행 수)로 가중 평균한 값과 같습니다.
# en: The weighted avg precision is likewise the mean of the per-class precisions weighted by support (the true rows).
assert np.isclose(weighted_precision, (support * precision_c).sum() / support.sum())  # claim: report-weighted-by-support-precision
# ko: 클래스 가중치 없이 학습한 모델에서 weighted avg 재현율이 정확도와 같습니다.
# en: For the model trained without class weights, the weighted avg recall equals the accuracy.
assert np.isclose(weighted_recall, acc_plain)  # claim: report-weighted-recall-is-accuracy
# ko: macro avg 재현율이 weighted avg 재현율보다 0.15 넘게 낮습니다.
# en: The macro avg recall is more than 0.15 below the weighted avg recall.
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
# ko: 오버샘플링과 class_weight 모두, 드문 두 클래스의 재현율이 클래스 가중치 없이 학습한 모델보다 클래스마다
# ko: 0.1 넘게 높습니다.
# en: With oversampling and with class_weight alike, each rare class's recall is more than 0.1 above that of the model
# en: trained without class weights.
assert (r_over[1:] > r_plain[1:] + 0.1).all() and (r_weighted[1:] > r_plain[1:] + 0.1).all()  # claim: oversample-raises-rare-recall
# ko: 오버샘플링과 class_weight 모두, 드문 두 클래스의 정밀도가 클래스 가중치 없이 학습한 모델보다 클래스마다
# ko: 0.1 넘게 낮습니다.
# en: With oversampling and with class_weight alike, each rare class's precision is more than 0.1 below that of the
# en: model trained without class weights.
assert (p_over[1:] < p_plain[1:] - 0.1).all() and (p_weighted[1:] < p_plain[1:] - 0.1).all()  # claim: oversample-costs-rare-precision
# ko: 오버샘플링한 데이터로 학습한 모델은 클래스 0의 재현율과 전체 정확도가 클래스 가중치 없이 학습한 모델보다
# ko: 낮습니다.
# en: The model trained on the oversampled data has a lower class-0 recall and a lower overall accuracy than the model
# en: trained without class weights.
assert r_over[0] < r_plain[0] and acc_over < acc_plain  # claim: oversample-costs-class-0
