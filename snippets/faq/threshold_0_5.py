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
# ko: (pred >= 0.5).astype(int)와 np.where(pred >= 0.5, 1, 0)이 똑같은 라벨을 만듭니다.
# en: (pred >= 0.5).astype(int) and np.where(pred >= 0.5, 1, 0) give exactly the same labels.
assert np.array_equal(labels_astype, labels_where)  # claim: thr-astype-equals-where
# ko: 다섯 확률을 0/1 라벨로 바꾸면 [0, 0, 1, 1, 1]입니다. 정확히 0.5인 확률도 1이 됩니다.
# en: The five probabilities become the labels [0, 0, 1, 1, 1]: a probability of exactly 0.5 becomes 1.
assert labels_astype.ravel().tolist() == [0, 0, 1, 1, 1]  # claim: thr-half-counts-as-one
# ko: >= 0.5로 만든 라벨의 정확도는 1.0인데, 같은 확률로 잰 Keras의 BinaryAccuracy는 0.8입니다.
# en: The labels made with >= 0.5 have an accuracy of 1.0, but Keras' BinaryAccuracy on the same probabilities is 0.8.
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
# ko: 재현율은 임곗값이 가장 높을 때, 가운데일 때, 가장 낮을 때 순으로 같거나 높아지고, 가장 낮을 때가 가장 높을 때보다
# ko: 0.05 넘게 높습니다.
# en: Recall at the highest, the middle and the lowest threshold, in that order, never falls, and at the lowest it is
# en: more than 0.05 above the highest.
assert low[2] - high[2] > 0.05 and low[2] >= mid[2] >= high[2]  # claim: thr-lower-finds-more
# ko: 정밀도는 임곗값이 가장 높을 때, 가운데일 때, 가장 낮을 때 순으로 같거나 낮아지고, 가장 낮을 때가 가장 높을 때보다
# ko: 0.05 넘게 낮습니다.
# en: Precision at the highest, the middle and the lowest threshold, in that order, never rises, and at the lowest it is
# en: more than 0.05 below the highest.
assert high[1] - low[1] > 0.05 and low[1] <= mid[1] <= high[1]  # claim: thr-lower-more-false-alarms

thresholds = np.linspace(0.02, 0.98, 49)
precisions = [precision_score(y_val, (proba >= t).astype(int)) for t in thresholds]
recalls = [recall_score(y_val, (proba >= t).astype(int)) for t in thresholds]
# ko: 임곗값을 한 칸씩 올릴 때마다 재현율은 같거나 떨어집니다. 거꾸로 말하면 임곗값을 낮춰서 재현율이 떨어지는 일은
# ko: 없습니다.
# en: Going through the thresholds from low to high, recall never goes up: lowering the threshold never lowers recall.
assert all(a >= b for a, b in zip(recalls, recalls[1:]))  # claim: thr-recall-never-drops
# ko: 가장 낮은 임곗값의 정밀도가 가장 높은 임곗값의 정밀도보다 0.2 넘게 낮습니다.
# en: Precision at the lowest threshold is more than 0.2 below precision at the highest.
assert precisions[0] < precisions[-1] - 0.2  # claim: thr-precision-usually-falls
# ko: 그래도 임곗값을 한 칸 올렸는데 정밀도가 떨어지는 곳이 적어도 한 군데 있습니다.
# en: Yet at least once, raising the threshold by one step lowers precision.
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
