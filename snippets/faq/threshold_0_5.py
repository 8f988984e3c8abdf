"""pred >= 0.5 turns probabilities into 0/1 labels; a lower threshold raises recall and lowers precision."""

from dlnotes import save_figure

import keras
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.metrics import precision_score, recall_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

# --8<-- [start:labels]
pred = np.array([[0.03], [0.49], [0.50], [0.51], [0.97]])  # ko: model.predict가 돌려주는 모양: (n, 1) # en: what model.predict returns: shape (n, 1)

labels_astype = (pred >= 0.5).astype(int)       # ko: True/False를 1/0으로 # en: True/False -> 1/0
labels_where = np.where(pred >= 0.5, 1, 0)      # ko: np.where로 쓴 같은 계산 # en: the same thing, written with np.where
print("pred >= 0.5      :", (pred >= 0.5).ravel())
print("astype(int)      :", labels_astype.ravel())
print("np.where(...,1,0):", labels_where.ravel())

# ko: Keras의 metrics=["accuracy"]는 p > 0.5만 1로 셈: 정확히 0.5는 0임
# en: Keras' metrics=["accuracy"] calls p > 0.5 class 1: exactly 0.5 counts as 0 there
y_true = np.array([[0], [0], [1], [1], [1]])
keras_acc = keras.metrics.BinaryAccuracy()
keras_acc.update_state(y_true, pred)
print(f"accuracy (>= 0.5): {(labels_astype == y_true).mean():.1f}   "
      f"Keras accuracy (> 0.5): {float(keras_acc.result()):.1f}")
# --8<-- [end:labels]
assert np.array_equal(labels_astype, labels_where)  # claim: thr-astype-equals-where
assert labels_astype.ravel().tolist() == [0, 0, 1, 1, 1]  # claim: thr-half-counts-as-one
assert (labels_astype == y_true).mean() == 1.0 and abs(float(keras_acc.result()) - 0.8) < 1e-6  # claim: thr-keras-strictly-greater

x, y_benign = load_breast_cancer(return_X_y=True)
y = 1 - y_benign  # ko: 1 = 악성: 놓치면 안 되는 쪽 # en: make 1 = malignant: the case we must not miss
x_train, x_val, y_train, y_val = train_test_split(x, y, test_size=0.4, random_state=0, stratify=y)
scaler = StandardScaler().fit(x_train)
x_train, x_val = scaler.transform(x_train), scaler.transform(x_val)

keras.utils.set_random_seed(0)
model = keras.Sequential([keras.Input(shape=(30,)), keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="binary_crossentropy")
model.fit(x_train, y_train, epochs=20, batch_size=32, verbose=0)

# --8<-- [start:tradeoff]
proba = model.predict(x_val, verbose=0).ravel()  # ko: "악성"일 확률 # en: probability of "malignant"
rows = []
for threshold in [0.1, 0.3, 0.5, 0.7, 0.9]:
    label = (proba >= threshold).astype(int)
    precision, recall = precision_score(y_val, label), recall_score(y_val, label)
    rows.append((threshold, precision, recall))
    missed = int(((label == 0) & (y_val == 1)).sum())
    false_alarms = int(((label == 1) & (y_val == 0)).sum())
    print(f"threshold {threshold:.1f}: precision {precision:.3f}  recall {recall:.3f}  "
          f"missed {missed:2d}  false alarms {false_alarms:2d}")
# --8<-- [end:tradeoff]
low, mid, high = rows[0], rows[2], rows[4]
assert low[2] - high[2] > 0.05 and low[2] >= mid[2] >= high[2]  # claim: thr-lower-finds-more
assert high[1] - low[1] > 0.05 and low[1] <= mid[1] <= high[1]  # claim: thr-lower-more-false-alarms

thresholds = np.linspace(0.02, 0.98, 49)
precisions = [precision_score(y_val, (proba >= t).astype(int)) for t in thresholds]
recalls = [recall_score(y_val, (proba >= t).astype(int)) for t in thresholds]
# ko: 임곗값을 낮추면 클래스 1이 늘기만 하므로 재현율은 떨어지지 않고, 정밀도는 대개(늘은 아니고) 떨어짐
# en: lowering the threshold only adds samples to class 1, so recall never falls; precision usually falls, not always
assert all(a >= b for a, b in zip(recalls, recalls[1:]))  # claim: thr-recall-never-drops
assert precisions[0] < precisions[-1] - 0.2  # claim: thr-precision-usually-falls
assert any(a > b for a, b in zip(precisions, precisions[1:]))  # claim: thr-precision-not-always
fig, ax = plt.subplots()
ax.plot(thresholds, precisions, label="precision", color="#1f77b4")
ax.plot(thresholds, recalls, label="recall", color="#ff7f0e")
ax.axvline(0.5, color="gray", linestyle="--", linewidth=1)
ax.set_xlabel("threshold")
ax.set_ylabel("score")
ax.set_title("Class 1 = malignant (validation set)")
ax.legend()
save_figure(
    fig,
    "precision-recall-vs-threshold",
    alt_ko="임곗값에 따른 정밀도와 재현율. 임곗값을 낮추면 재현율이 올라가고 정밀도가 내려가며, 임곗값을 높이면 반대가 됨. 0.5에 점선 표시",
    alt_en="Precision and recall against the threshold: lowering the threshold raises recall and lowers precision, raising it does the opposite; a dashed line marks 0.5",
)
