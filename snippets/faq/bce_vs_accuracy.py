"""Accuracy only asks which side of 0.5 a probability is on; binary cross-entropy also measures confidence."""

import dlnotes  # noqa: F401  # ko: 사이트 도우미 모듈: TensorFlow 로그를 끄고 어느 컴퓨터에서나 같은 결과 # en: the site's helper module: no TensorFlow log lines, the same results on every machine

import keras
import numpy as np


# --8<-- [start:same_accuracy]
def report(name, y, p):
    bce = float(keras.losses.binary_crossentropy(y, p))
    # ko: metrics=["accuracy"]가 여기서 쓰는 지표: p > 0.5이면 1로 셈
    # en: what metrics=["accuracy"] uses here: p > 0.5 counts as 1
    accuracy = keras.metrics.BinaryAccuracy()
    accuracy.update_state(y, p)
    acc = float(accuracy.result())
    print(f"{name}: accuracy {acc:.3f}   BCE {bce:.3f}")
    return acc, bce


y = np.array([1, 1, 1, 0, 0, 0], dtype="float32")
sure = np.array([0.95, 0.90, 0.85, 0.10, 0.05, 0.60])      # ko: 자신 있게 맞히고, 하나는 살짝 틀림 # en: confident, one mild mistake
unsure = np.array([0.55, 0.52, 0.51, 0.45, 0.48, 0.90])    # ko: 겨우 맞히고, 하나는 크게 틀림 # en: barely right, one bad mistake
acc_sure, bce_sure = report("confident", y, sure)
acc_unsure, bce_unsure = report("hesitant ", y, unsure)
# --8<-- [end:same_accuracy]
bce_ratio = bce_unsure / bce_sure
# ko: 두 모델의 정확도가 같고, 둘 다 5/6(6개 중 5개 정답)입니다.
# en: Both models have the same accuracy: 5/6 (5 of the 6 right).
assert acc_sure == acc_unsure and abs(acc_sure - 5 / 6) < 1e-6  # claim: bce-acc-same-accuracy
# ko: 겨우 맞힌 모델의 BCE가 자신 있게 맞힌 모델의 BCE보다 3.5배 넘게 크고, 4배보다는 작습니다.
# en: The hesitant model's BCE is more than 3.5 times and less than 4 times the confident model's.
assert 3.5 < bce_ratio < 4  # claim: bce-acc-almost-four-times

# --8<-- [start:both_fall]
y = np.array([1, 0, 1, 0], dtype="float32")
before = np.array([0.51, 0.49, 0.51, 0.999])  # ko: 셋은 겨우 맞히고, 하나는 아주 확신하며 틀림 # en: 3 right (barely), 1 wrong and very sure of it
after = np.array([0.49, 0.51, 0.80, 0.30])    # ko: 큰 오답은 고쳐졌지만 경계의 두 개가 넘어감 # en: the big mistake is fixed, two borderline cases tip over
acc_before, bce_before = report("before", y, before)
acc_after, bce_after = report("after ", y, after)
# --8<-- [end:both_fall]
# ko: 업데이트 뒤 BCE는 업데이트 전의 3분의 1보다 작아졌는데, 정확도는 오히려 낮아졌습니다.
# en: After the update, BCE is less than a third of what it was before, yet accuracy is lower.
assert bce_after < bce_before / 3 and acc_after < acc_before  # claim: bce-acc-both-fall
# ko: 정확도가 업데이트 전에는 0.75, 업데이트 뒤에는 0.5입니다.
# en: Accuracy is 0.75 before the update and 0.5 after it.
assert abs(acc_before - 0.75) < 1e-6 and abs(acc_after - 0.5) < 1e-6  # claim: bce-acc-075-to-05
