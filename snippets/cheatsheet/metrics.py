"""The metric formulas by hand equal scikit-learn's; MAE and RMSE carry the target's unit, MSE its square."""

import dlnotes  # noqa: F401  # ko: 사이트 도우미 모듈: TensorFlow 로그를 끄고 어느 컴퓨터에서나 같은 결과 # en: the site's helper module: no TensorFlow log lines, the same results on every machine

import numpy as np
from sklearn.metrics import (
    accuracy_score,
    f1_score,
    mean_absolute_error,
    mean_absolute_percentage_error,
    mean_squared_error,
    precision_score,
    r2_score,
    recall_score,
)

# --8<-- [start:regression]
y = np.array([3.0, 5.0, 2.5, 7.0, 4.0])  # ko: 천 개 단위 판매량 # en: sales in thousands
p = np.array([2.5, 5.5, 3.0, 6.0, 4.5])
e = y - p
by_hand = {
    "MAE": np.mean(np.abs(e)),
    "MSE": np.mean(e ** 2),
    "RMSE": np.sqrt(np.mean(e ** 2)),
    "MAPE": np.mean(np.abs(e) / np.abs(y)),
    "R2": 1 - np.sum(e ** 2) / np.sum((y - y.mean()) ** 2),
}
sk = {
    "MAE": mean_absolute_error(y, p),
    "MSE": mean_squared_error(y, p),
    "RMSE": np.sqrt(mean_squared_error(y, p)),
    "MAPE": mean_absolute_percentage_error(y, p),
    "R2": r2_score(y, p),
}
in_units = {  # ko: 같은 예측을 낱개 단위(x1000)로 # en: the same predictions in single units (x1000)
    "MAE": mean_absolute_error(y * 1000, p * 1000),
    "MSE": mean_squared_error(y * 1000, p * 1000),
    "RMSE": np.sqrt(mean_squared_error(y * 1000, p * 1000)),
    "MAPE": mean_absolute_percentage_error(y * 1000, p * 1000),
    "R2": r2_score(y * 1000, p * 1000),
}
for name in by_hand:
    print(f"{name:5s} by hand {by_hand[name]:.4f}  sklearn {sk[name]:.4f}  x1000 -> {in_units[name]:,.1f}")
# --8<-- [end:regression]
# ko: MAE, MSE, RMSE, MAPE, R²를 식으로 직접 계산한 값이 모두 scikit-learn의 값과 같습니다.
# en: MAE, MSE, RMSE, MAPE and R² computed by hand from their formulas all equal scikit-learn's.
assert all(np.isclose(by_hand[k], sk[k]) for k in by_hand)  # claim: cheat-regression-formulas
ratio = {k: in_units[k] / sk[k] for k in sk}
# ko: 같은 예측을 낱개 단위로 바꾸면(값에 1000을 곱하면) MAE와 RMSE는 1000배, MSE는 1,000,000배가 됩니다.
# en: The same predictions in single units (the values times 1000) give
# en: 1000 times the MAE and the RMSE, and 1,000,000 times the MSE.
assert np.isclose(ratio["MAE"], 1000) and np.isclose(ratio["RMSE"], 1000) and np.isclose(ratio["MSE"], 1e6)  # claim: cheat-units-mae-rmse-mse
# ko: 단위를 바꿔도 MAPE와 R²는 그대로입니다.
# en: MAPE and R² stay the same when the unit changes.
assert np.isclose(ratio["MAPE"], 1) and np.isclose(ratio["R2"], 1)  # claim: cheat-mape-r2-unitless

# --8<-- [start:classification]
y_true = np.array([1, 1, 1, 1, 0, 0, 0, 0, 0, 0])
y_pred = np.array([1, 1, 1, 0, 1, 1, 0, 0, 0, 0])
tp = int(((y_pred == 1) & (y_true == 1)).sum())
fp = int(((y_pred == 1) & (y_true == 0)).sum())
fn = int(((y_pred == 0) & (y_true == 1)).sum())
tn = int(((y_pred == 0) & (y_true == 0)).sum())
precision, recall = tp / (tp + fp), tp / (tp + fn)
f1 = 2 * precision * recall / (precision + recall)
accuracy = (tp + tn) / len(y_true)
print(f"TP {tp}  FP {fp}  FN {fn}  TN {tn}")
print(f"accuracy {accuracy:.3f}  precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
# --8<-- [end:classification]
# ko: 혼동 행렬의 네 칸으로 계산한 정확도와 정밀도가 scikit-learn의 accuracy_score, precision_score와 같습니다.
# en: Accuracy and precision computed from the four cells of the confusion
# en: matrix equal scikit-learn's accuracy_score and precision_score.
assert np.isclose(accuracy, accuracy_score(y_true, y_pred)) and np.isclose(precision, precision_score(y_true, y_pred))  # claim: cheat-classification-formulas
# ko: 네 칸으로 계산한 재현율과 F1도 scikit-learn의 recall_score, f1_score와 같습니다.
# en: Recall and F1 computed from the four cells equal scikit-learn's recall_score and f1_score too.
assert np.isclose(recall, recall_score(y_true, y_pred)) and np.isclose(f1, f1_score(y_true, y_pred))  # claim: cheat-recall-f1-formulas
