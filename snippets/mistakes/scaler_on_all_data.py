"""A scaler fitted on all the data has seen the test rows; fit it on the training rows only."""

import dlnotes  # noqa: F401  # ko: 사이트 도우미 모듈: TensorFlow 로그를 끄고 어느 컴퓨터에서나 같은 결과 # en: the site's helper module: no TensorFlow log lines, the same results on every machine

from sklearn.datasets import load_diabetes
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import MinMaxScaler

x, y = load_diabetes(return_X_y=True)
x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.3, random_state=0)

# --8<-- [start:wrong]
scaler = MinMaxScaler().fit(x)  # ko: 나누기 전 전체 데이터로 fit: 테스트 데이터를 미리 봄 # en: fitted on all rows: it has seen the test rows
x_test_leaky = scaler.transform(x_test)
print(f"test after leaky scaler: min {x_test_leaky.min():.3f}  max {x_test_leaky.max():.3f}")
# --8<-- [end:wrong]
# ko: 전체 데이터로 fit한 스케일러로 변환하면 테스트 데이터의 값이 모두 0 이상 1 이하입니다.
# en: With the scaler fitted on all rows, every test value is between 0 and 1.
assert x_test_leaky.min() >= 0 and x_test_leaky.max() <= 1  # claim: mistakes-leaky-scaler-knows-test-range

# --8<-- [start:fix]
scaler = MinMaxScaler().fit(x_train)  # ko: 학습 데이터로만 fit # en: fit on the training rows only
x_train_s, x_test_s = scaler.transform(x_train), scaler.transform(x_test)  # ko: 둘 다 transform # en: transform both
outside = int(((x_test_s < 0) | (x_test_s > 1)).any(axis=1).sum())
print(f"test after train-only scaler: min {x_test_s.min():.3f}  max {x_test_s.max():.3f}")
print(f"test rows outside [0, 1]: {outside} of {len(x_test_s)}")
# --8<-- [end:fix]
# ko: 학습 데이터로만 fit하면 학습 데이터는 정확히 0부터 1까지
# ko: 펼쳐지고, 테스트 데이터에는 0과 1 범위를 벗어나는 행이 있습니다.
# en: Fitted on the training rows only, the training values run
# en: exactly from 0 to 1, and some test rows fall outside [0, 1].
assert x_train_s.min() == 0 and x_train_s.max() == 1 and outside > 0  # claim: mistakes-train-only-scaler-like-new-data
