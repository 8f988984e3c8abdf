"""scikit-learn's MAPE is a fraction: 0.100 means 10%, not 0.1%."""

import dlnotes  # noqa: F401  # ko: 사이트 도우미 모듈: TensorFlow 로그를 끄고 어느 컴퓨터에서나 같은 결과 # en: the site's helper module: no TensorFlow log lines, the same results on every machine

import numpy as np
from sklearn.metrics import mean_absolute_percentage_error

# --8<-- [start:wrong]
y_true = np.array([100.0, 200.0, 300.0, 400.0])
y_pred = np.array([110.0, 180.0, 330.0, 360.0])  # ko: 모두 정확히 10%씩 빗나감 # en: every prediction is off by exactly 10%
mape = mean_absolute_percentage_error(y_true, y_pred)
print(f"mean_absolute_percentage_error: {mape:.3f}")
# --8<-- [end:wrong]
# ko: scikit-learn의 mean_absolute_percentage_error가 0.1을 돌려줍니다. 10 %를 퍼센트가 아니라 비율로 돌려준 것입니다.
# en: scikit-learn's mean_absolute_percentage_error returns 0.1: 10 % written as a fraction, not as a percent.
assert abs(mape - 0.1) < 1e-12  # claim: mistakes-mape-is-a-fraction

# --8<-- [start:fix]
by_hand = np.mean(np.abs(y_true - y_pred) / np.abs(y_true)) * 100  # ko: 퍼센트로 읽으려면 100을 곱함 # en: times 100 to read it as a percent
print(f"MAPE = {mape * 100:.1f}%   by hand: {by_hand:.1f}%")
# --8<-- [end:fix]
# ko: MAPE에 100을 곱한 값이 식으로 직접 계산한 퍼센트와 같고, 그 값은 10입니다.
# en: MAPE times 100 equals the percentage computed by hand from the formula, and both are 10.
assert abs(mape * 100 - by_hand) < 1e-9 and abs(by_hand - 10) < 1e-9  # claim: mistakes-mape-times-100
