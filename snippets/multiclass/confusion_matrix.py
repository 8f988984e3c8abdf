"""A confusion matrix shows which classes are mixed up, which one accuracy number hides."""

from dlnotes import save_figure

import keras
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_digits
from sklearn.metrics import ConfusionMatrixDisplay, accuracy_score, classification_report, confusion_matrix
from sklearn.model_selection import train_test_split

x, y = load_digits(return_X_y=True)
x = x / 16.0
x_train, x_val, y_train, y_val = train_test_split(x, y, test_size=0.3, random_state=0, stratify=y)

keras.utils.set_random_seed(0)
model = keras.Sequential([
    keras.Input(shape=(64,)),
    keras.layers.Dense(16, activation="relu"),
    keras.layers.Dense(10, activation="softmax"),
])
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="sparse_categorical_crossentropy")
model.fit(x_train, y_train, epochs=10, batch_size=64, verbose=0)

# --8<-- [start:matrix]
pred = model.predict(x_val, verbose=0).argmax(axis=1)  # ko: 확률이 가장 높은 클래스 # en: the class with the highest probability
print(f"accuracy: {accuracy_score(y_val, pred):.3f}")

cm = confusion_matrix(y_val, pred)  # ko: 행: 실제 클래스, 열: 예측 클래스 # en: rows: true class, columns: predicted class
print(cm)
print(classification_report(y_val, pred, digits=3))
# --8<-- [end:matrix]
acc = float(accuracy_score(y_val, pred))
# ko: 혼동 행렬의 모든 칸을 더하면 검증 데이터의 행 수와 같습니다.
# en: All the cells of the confusion matrix add up to the number of validation rows.
assert cm.sum() == len(y_val)  # claim: confusion-counts-every-row
# ko: 혼동 행렬의 대각선 합을 전체 합으로 나눈 값이 정확도(accuracy_score)와 같습니다.
# en: The diagonal of the confusion matrix divided by its total equals the accuracy (accuracy_score).
assert np.isclose(np.trace(cm) / cm.sum(), acc)  # claim: confusion-accuracy-is-diagonal

# --8<-- [start:mixups]
off = cm.copy()
np.fill_diagonal(off, 0)  # ko: 틀린 것만 남김 # en: keep only the mistakes
recall = np.diag(cm) / cm.sum(axis=1)  # ko: 실제 클래스별로 맞힌 비율 # en: per true class: the share predicted correctly
true, predicted = np.unravel_index(off.argmax(), off.shape)
mixup_count = int(off[true, predicted])
weakest = int(recall.argmin())
print(f"most frequent mix-up: true {true} -> predicted {predicted}, {mixup_count} times")
print(f"recall of class {true}: {recall[true]:.3f}   accuracy: {acc:.3f}")
# --8<-- [end:mixups]
true, predicted = int(true), int(predicted)
recall_weakest = float(recall.min())
# ko: 대각선 밖에서 가장 큰 칸, 곧 가장 자주 나온 혼동이 3번 이상입니다.
# en: The largest cell off the diagonal, the most frequent mix-up, occurs at least 3 times.
assert mixup_count >= 3  # claim: confusion-one-mixup-repeats
# ko: 정확도는 0.9보다 높지만, 클래스별 재현율 가운데 가장 낮은 값은 정확도보다 0.03 넘게 낮습니다.
# en: The accuracy is above 0.9, but the recall of the weakest class is more than 0.03 below the accuracy.
assert acc > 0.9 and recall_weakest < acc - 0.03  # claim: confusion-accuracy-hides-weak-class

fig, ax = plt.subplots(figsize=(5.2, 4.6))
ConfusionMatrixDisplay(cm).plot(ax=ax, cmap="Blues", colorbar=False)
ax.grid(False)
ax.set_title(f"digits, accuracy {acc:.2f}")
save_figure(
    fig,
    "confusion-matrix",
    alt_ko="숫자 0-9 검증 데이터의 혼동 행렬 히트맵: 대부분의 값이 대각선에 몰려 있고, 대각선 밖의 몇 칸이 어떤 숫자를 어떤 숫자로 잘못 예측했는지 보여 준다",
    alt_en="Confusion-matrix heat map for the digits 0-9 on the validation data: "
    "most counts sit on the diagonal, and a few off-diagonal cells show which digit was mistaken for which",
)
