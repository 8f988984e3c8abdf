"""Accuracy only asks which side of 0.5 a probability is on; binary cross-entropy also measures confidence."""

import dlnotes  # noqa: F401  (first: quiet, reproducible TensorFlow)

import keras
import numpy as np


# --8<-- [start:same_accuracy]
def report(name, y, p):
    bce = float(keras.losses.binary_crossentropy(y, p))
    accuracy = keras.metrics.BinaryAccuracy()  # threshold 0.5, what metrics=["accuracy"] uses here
    accuracy.update_state(y, p)
    acc = float(accuracy.result())
    print(f"{name}: accuracy {acc:.3f}   BCE {bce:.3f}")
    return acc, bce


y = np.array([1, 1, 1, 0, 0, 0], dtype="float32")
sure = np.array([0.95, 0.90, 0.85, 0.10, 0.05, 0.60])      # confident, one mild mistake
unsure = np.array([0.55, 0.52, 0.51, 0.45, 0.48, 0.90])    # barely right, one bad mistake
acc_sure, bce_sure = report("confident", y, sure)
acc_unsure, bce_unsure = report("hesitant ", y, unsure)
# --8<-- [end:same_accuracy]
assert acc_sure == acc_unsure  # 5 of 6 on the right side of 0.5 in both
assert abs(acc_sure - 5 / 6) < 1e-6  # 0.833 for both
assert 3 * bce_sure < bce_unsure < 4 * bce_sure  # "almost four times"

# --8<-- [start:both_fall]
y = np.array([1, 0, 1, 0], dtype="float32")
before = np.array([0.51, 0.49, 0.51, 0.999])  # 3 right (barely), 1 wrong and very sure of it
after = np.array([0.49, 0.51, 0.80, 0.30])    # the big mistake is fixed, two borderline cases tip over
acc_before, bce_before = report("before", y, before)
acc_after, bce_after = report("after ", y, after)
# --8<-- [end:both_fall]
assert bce_after < bce_before / 3, "the loss fell a lot..."
assert acc_after < acc_before, "...while accuracy fell too"
assert abs(acc_before - 0.75) < 1e-6 and abs(acc_after - 0.5) < 1e-6
