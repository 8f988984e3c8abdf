"""Dense(1, sigmoid) outputs a probability; a threshold turns it into the 0/1 label accuracy counts.

The claim binary-curves-accuracy-about-095 also checks the "about 0.95" of the curves' alt text.
"""

from dlnotes import dl_history_plot, save_figure

import keras
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.metrics import confusion_matrix, precision_score, recall_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

# --8<-- [start:data]
data = load_breast_cancer()  # ko: 종양 569개, 컬럼 30개 # en: 569 tumors, 30 columns
print("load_breast_cancer target:", ", ".join(f"{code} = {name}" for code, name in enumerate(data.target_names)))
x = data.data
# ko: 뒤집기: 놓치면 안 되는 악성 종양을 1, 곧 positive 클래스로
# en: flip it: 1 = malignant, the case we must not miss, is the positive class
y = 1 - data.target
x_train, x_val, y_train, y_val = train_test_split(
    x, y, test_size=0.3, random_state=0, stratify=y
)
scaler = StandardScaler().fit(x_train)  # ko: 표준화 기준은 학습 데이터로만 정함 # en: learn the scaling on the training part only
x_train, x_val = scaler.transform(x_train), scaler.transform(x_val)
print(f"train {x_train.shape}, validation {x_val.shape}, y = 1 (malignant): {y.mean():.2f}")
# --8<-- [end:data]
malignant_share = float(y.mean())
# ko: scikit-learn의 target_names가 malignant(악성), benign(양성) 순서입니다. 그래서
# ko: 원래 target에서는 악성이 0, 양성이 1입니다.
# en: scikit-learn's target_names are malignant, then benign: in the original target, malignant is 0 and benign is 1.
assert list(data.target_names) == ["malignant", "benign"]  # claim: binary-sklearn-codes-malignant-0
# ko: 뒤집은 y의 1(악성) 개수와 원래 target의 0(악성) 개수가 둘 다 212개로 같습니다.
# en: After the flip, y has as many 1s (malignant) as the original target has 0s (malignant): 212.
assert y.sum() == (data.target == 0).sum() == 212  # claim: binary-flip-makes-malignant-1

# --8<-- [start:model]
keras.utils.set_random_seed(0)
model = keras.Sequential([
    keras.Input(shape=(x_train.shape[1],)),
    keras.layers.Dense(8, activation="relu"),
    keras.layers.Dense(1, activation="sigmoid"),  # ko: 노드 하나: 클래스 1의 확률 # en: one node: the probability of class 1
])
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.003),
              loss="binary_crossentropy", metrics=["accuracy"])
history = model.fit(x_train, y_train, epochs=30, batch_size=32,
                    validation_data=(x_val, y_val), verbose=0)
# --8<-- [end:model]

# --8<-- [start:predict]
pred = model.predict(x_val, verbose=0)  # ko: 모양 (n, 1): 0과 1 사이의 확률 # en: shape (n, 1): probabilities between 0 and 1
print("first 5 probabilities:", " ".join(f"{p:.3f}" for p in pred[:5, 0]))
print(f"min {pred.min():.3f}, max {pred.max():.3f}")
# --8<-- [end:predict]
# ko: predict 결과의 모양이 (검증 샘플 수, 1)입니다. 샘플마다 값이 하나씩 나옵니다.
# en: predict returns an array of shape (number of validation samples, 1): one value per sample.
assert pred.shape == (len(x_val), 1)  # claim: binary-predict-shape-n-1
# ko: predict가 낸 값은 가장 작은 것도 0 이상, 가장 큰 것도 1 이하입니다. 모두 0과 1 사이에 있습니다.
# en: The smallest predicted value is at least 0 and the largest at most 1: all lie between 0 and 1.
assert 0.0 <= pred.min() and pred.max() <= 1.0  # claim: binary-sigmoid-is-probability

# --8<-- [start:threshold]
labels = (pred[:, 0] >= 0.5).astype(int)  # ko: 확률 -> 0/1 라벨 # en: probability -> 0/1 label
my_accuracy = (labels == y_val).mean()
val_loss, val_accuracy = model.evaluate(x_val, y_val, verbose=0)
print("first 5 labels:", labels[:5])
print(f"accuracy (by hand): {my_accuracy:.4f}")
print(f"val_accuracy (Keras): {val_accuracy:.4f}   val_loss {val_loss:.4f}")
print("p == 0.5:", int((pred == 0.5).sum()))  # ko: Keras는 p > 0.5를 1로 셈 # en: Keras counts p > 0.5 as 1

for threshold in [0.5, 0.3, 0.1]:  # ko: 임곗값이 낮을수록 더 많은 종양을 악성이라 부름 # en: a lower threshold calls more tumors malignant
    missed = int(((pred[:, 0] < threshold) & (y_val == 1)).sum())
    false_alarms = int(((pred[:, 0] >= threshold) & (y_val == 0)).sum())
    print(f"threshold {threshold}: missed malignant {missed}, false alarms {false_alarms}")
# --8<-- [end:threshold]
# ko: 검증 데이터의 예측 확률 가운데 정확히 0.5인 값은 하나도 없습니다.
# en: No predicted probability on the validation data is exactly 0.5.
assert not np.any(pred == 0.5)  # claim: binary-no-probability-exactly-half
# ko: p > 0.5인 샘플을 1로 보고 계산한 정확도가 Keras의 val_accuracy와 같습니다(차이 1e-6
# ko: 미만).
# en: The accuracy computed with p > 0.5 as class 1 equals Keras' val_accuracy (difference below 1e-6).
assert abs(((pred[:, 0] > 0.5).astype(int) == y_val).mean() - val_accuracy) < 1e-6  # claim: binary-keras-accuracy-p-above-half
# ko: 직접 계산한 정확도가 Keras의 val_accuracy와 같습니다(차이 1e-6 미만).
# en: The accuracy computed by hand equals Keras' val_accuracy (difference below 1e-6).
assert abs(my_accuracy - val_accuracy) < 1e-6  # claim: binary-accuracy-by-hand-equals-keras
# ko: 검증 정확도(val_accuracy)가 0.93보다 높습니다.
# en: The validation accuracy (val_accuracy) is above 0.93.
assert val_accuracy > 0.93  # claim: binary-val-accuracy-above-093
missed = [int(((pred[:, 0] < t) & (y_val == 1)).sum()) for t in [0.5, 0.3, 0.1]]
alarms = [int(((pred[:, 0] >= t) & (y_val == 0)).sum()) for t in [0.5, 0.3, 0.1]]
recall_at = [1 - m / int((y_val == 1).sum()) for m in missed]
# ko: 임곗값을 한 단계씩 낮출 때마다 놓친 악성 종양 수는 줄거나 그대로입니다. 늘지는 않습니다.
# en: Each time the threshold is lowered, the number of missed malignant tumors goes down or stays the same.
assert missed[0] >= missed[1] >= missed[2]  # claim: binary-lower-threshold-misses-fewer
# ko: 임곗값을 한 단계씩 낮출 때마다 재현율은 오르거나 그대로입니다. 내려가지는 않습니다.
# en: Each time the threshold is lowered, recall goes up or stays the same.
assert recall_at[0] <= recall_at[1] <= recall_at[2]  # claim: binary-lower-threshold-recall-not-lower
# ko: 임곗값을 한 단계씩 낮출 때마다 양성 종양을 악성으로 잘못 판정한 수(오경보)는 늘거나 그대로입니다.
# en: Each time the threshold is lowered, the false alarms (benign tumors called malignant) go up or stay the same.
assert alarms[0] <= alarms[1] <= alarms[2]  # claim: binary-lower-threshold-more-alarms
# ko: 가장 낮은 임곗값일 때는 가장 높은 임곗값일 때보다 놓친 악성 종양이 적고, 오경보는 많습니다.
# en: At the lowest threshold, fewer malignant tumors are missed and there are more false alarms than at the highest.
assert missed[2] < missed[0] and alarms[2] > alarms[0]  # claim: binary-threshold-trade-off

# --8<-- [start:counts]
actual_1, predicted_1 = y_val == 1, labels == 1  # ko: 임곗값 0.5의 라벨 # en: labels at threshold 0.5
tp = int((actual_1 & predicted_1).sum())    # ko: 악성을 악성으로 # en: malignant called malignant
fn = int((actual_1 & ~predicted_1).sum())   # ko: 악성을 놓침 # en: malignant missed
fp = int((~actual_1 & predicted_1).sum())   # ko: 양성 종양을 악성으로 잘못 판정(오경보) # en: benign called malignant (false alarm)
tn = int((~actual_1 & ~predicted_1).sum())  # ko: 양성 종양을 양성 종양으로 # en: benign called benign
recall = tp / (tp + fn)     # ko: 실제 악성 중 찾아낸 비율 # en: of the malignant tumors, the share found
precision = tp / (tp + fp)  # ko: 악성이라고 한 것 중 맞은 비율 # en: of the tumors called malignant, the share right
print(f"TP {tp}  FN {fn}  FP {fp}  TN {tn}")
print(f"recall {recall:.3f}   precision {precision:.3f}")
# --8<-- [end:counts]
# ko: 직접 센 TN, FP, FN, TP가 scikit-learn의 confusion_matrix와 칸마다 같고, 네
# ko: 칸을 더하면 검증 데이터의 행 수가 됩니다.
# en: The TN, FP, FN and TP counted by hand match scikit-learn's confusion_matrix cell by cell, and the four add up to
# en: the number of validation rows.
assert [[tn, fp], [fn, tp]] == confusion_matrix(y_val, labels).tolist() \
    and tp + fn + fp + tn == len(y_val)  # claim: binary-confusion-counts
# ko: TP / (TP + FN)로 구한 재현율과 TP / (TP + FP)로 구한 정밀도가 scikit-learn의
# ko: recall_score, precision_score와 같습니다. FN과 FP는 앞에서 첫 번째 임곗값으로 센 놓친
# ko: 악성 종양 수, 오경보 수와 같습니다.
# en: Recall as TP / (TP + FN) and precision as TP / (TP + FP) equal scikit-learn's recall_score and precision_score. FN
# en: and FP equal the missed malignant tumors and the false alarms counted above at the first threshold.
assert np.isclose(recall, recall_score(y_val, labels)) \
    and np.isclose(precision, precision_score(y_val, labels)) and fn == missed[0] and fp == alarms[0]  # claim: binary-recall-precision-from-counts

fig, ax = plt.subplots(figsize=(4.6, 3.8))
cells = [[("TP", tp, "#a1d99b"), ("FN", fn, "#fcbba1")], [("FP", fp, "#fcbba1"), ("TN", tn, "#a1d99b")]]
for row, cell_row in enumerate(cells):
    for col, (name, count, color) in enumerate(cell_row):
        ax.add_patch(plt.Rectangle((col, 1 - row), 1, 1, facecolor=color, edgecolor="black"))
        ax.text(col + 0.5, 1.5 - row, f"{name}\n{count}", ha="center", va="center", fontsize=14)
ax.set_xlim(0, 2)
ax.set_ylim(0, 2)
ax.set_xticks([0.5, 1.5], ["predicted 1", "predicted 0"])
ax.set_yticks([1.5, 0.5], ["actual 1", "actual 0"])
ax.tick_params(length=0)
ax.xaxis.tick_top()
ax.set_aspect("equal")
save_figure(
    fig,
    "confusion-grid",
    alt_ko=f"임곗값 0.5에서 검증 데이터를 네 칸으로 나눈 그림. 실제 1(악성)을 1로 예측한 TP {tp}개, 0으로 예측한 FN {fn}개, "
    f"실제 0(양성 종양)을 1로 예측한 FP {fp}개, 0으로 예측한 TN {tn}개",
    alt_en=f"The validation tumors in four cells at threshold 0.5: actual 1 (malignant) predicted 1, TP {tp}; predicted 0, "
    f"FN {fn}; actual 0 (benign) predicted 1, FP {fp}; predicted 0, TN {tn}",
)

# --8<-- [start:curves]
h = history.history
for epoch in [1, 10, 20, 30]:
    i = epoch - 1
    print(f"epoch {epoch:2d}: val_loss {h['val_loss'][i]:.3f}   val_accuracy {h['val_accuracy'][i]:.3f}")
# --8<-- [end:curves]
# ko: 열 번째 에포크의 val_loss는 첫 에포크의 절반보다 작고, val_accuracy는 첫 에포크보다 0.1 넘게
# ko: 높습니다.
# en: At the tenth epoch, val_loss is below half of the first epoch's, and val_accuracy is more than 0.1 higher than at
# en: the first epoch.
assert h["val_loss"][9] < 0.5 * h["val_loss"][0] and h["val_accuracy"][9] > h["val_accuracy"][0] + 0.1  # claim: binary-curves-both-move-early
# ko: 마지막 에포크의 val_loss가 열 번째 에포크보다 15% 넘게 낮습니다.
# en: The last epoch's val_loss is more than 15% below the tenth epoch's.
assert h["val_loss"][-1] < 0.85 * h["val_loss"][9]  # claim: binary-curves-loss-keeps-falling
# ko: 마지막 에포크의 val_accuracy는 열 번째 에포크와 차이가 0.05보다 작습니다.
# en: The last epoch's val_accuracy differs from the tenth epoch's by less than 0.05.
assert abs(h["val_accuracy"][-1] - h["val_accuracy"][9]) < 0.05  # claim: binary-curves-accuracy-flat
# ko: 마지막 에포크의 val_accuracy는 0.93보다 크고 0.98보다 작습니다.
# en: The last epoch's val_accuracy is between 0.93 and 0.98.
assert 0.93 < h["val_accuracy"][-1] < 0.98  # claim: binary-curves-accuracy-about-095

fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(9.6, 3.6))
dl_history_plot(history, ax=ax_loss, title="loss (binary cross-entropy)")
dl_history_plot(history, metric="accuracy", ax=ax_acc, title="accuracy")
save_figure(
    fig,
    "val-loss-accuracy",
    alt_ko="유방암 데이터 이진 분류의 에포크별 학습·검증 손실(왼쪽)과 정확도(오른쪽): 손실은 계속 내려가고, 정확도는 초반에 빠르게 0.95 근처까지 오른 뒤 거의 변하지 않음",
    alt_en="Training and validation loss (left) and accuracy (right) per epoch on breast cancer: the loss keeps falling while accuracy climbs quickly to about 0.95 and then barely changes",
)
