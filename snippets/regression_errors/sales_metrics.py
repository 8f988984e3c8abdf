"""MAE, MSE, RMSE, MAPE and R² of a sales model; MAE is in the target's unit and scales exactly with it."""

from dlnotes import make_sales_data, show

import keras
import numpy as np
import pandas as pd
from sklearn.metrics import (
    mean_absolute_error,
    mean_absolute_percentage_error,
    mean_squared_error,
    r2_score,
)
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

# --8<-- [start:data]
df = make_sales_data()  # ko: Sales의 단위는 천 개: 9.5는 9,500개 # en: Sales is in thousands of units: 9.5 means 9,500 seats
# ko: (거의) 팔지 못한 매장은 MAPE를 폭발시킴: FAQ 참고
# en: stores that sold (almost) nothing would make MAPE explode: see the FAQ
df = df[df["Sales"] >= 1]
show(df.head())
# --8<-- [end:data]

# --8<-- [start:model]
x = df.drop(columns="Sales").to_numpy("float32")
y = df["Sales"].to_numpy("float32")
x_train, x_val, y_train, y_val = train_test_split(x, y, test_size=0.25, random_state=0)
scaler = StandardScaler().fit(x_train)
x_train, x_val = scaler.transform(x_train), scaler.transform(x_val)

keras.utils.set_random_seed(0)
model = keras.Sequential([
    keras.Input(shape=(x.shape[1],)),
    keras.layers.Dense(16, activation="relu"),
    keras.layers.Dense(1),  # ko: 회귀: 활성화 함수 없음 # en: regression: no activation
])
model.compile(optimizer=keras.optimizers.Adam(0.02), loss="mse")
model.fit(x_train, y_train, epochs=40, batch_size=32, verbose=0)
pred = model.predict(x_val, verbose=0).ravel()
# --8<-- [end:model]

# --8<-- [start:metrics]
err = y_val - pred
mae = np.mean(np.abs(err))                       # ko: 평균 절대 오차 # en: mean absolute error
mse = np.mean(err ** 2)                          # ko: 평균 제곱 오차 # en: mean squared error
rmse = np.sqrt(mse)                              # ko: MSE의 제곱근 # en: root of MSE
mape = np.mean(np.abs(err) / np.abs(y_val))      # ko: 평균 절대 백분율 오차(비율) # en: mean absolute percentage error (a fraction)
r2 = 1 - np.sum(err ** 2) / np.sum((y_val - y_val.mean()) ** 2)

show(pd.DataFrame({
    "metric": ["MAE", "MSE", "RMSE", "MAPE", "R2"],
    "value": np.round([mae, mse, rmse, mape, r2], 3),
    "unit": ["thousand units", "(thousand units)^2", "thousand units", "fraction (x100 = %)", "none"],
}))
# --8<-- [end:metrics]
# ko: 식으로 직접 계산한 MAE가 scikit-learn의 mean_absolute_error와 같습니다.
# en: The MAE computed by hand from its formula equals scikit-learn's mean_absolute_error.
assert np.isclose(mae, mean_absolute_error(y_val, pred), rtol=1e-5)  # claim: metrics-mae-formula
# ko: 식으로 직접 계산한 MSE가 scikit-learn의 mean_squared_error와 같습니다.
# en: The MSE computed by hand equals scikit-learn's mean_squared_error.
assert np.isclose(mse, mean_squared_error(y_val, pred), rtol=1e-5)  # claim: metrics-mse-formula
# ko: 식으로 직접 계산한 MAPE가 scikit-learn의 mean_absolute_percentage_error와 같습니다.
# en: The MAPE computed by hand equals scikit-learn's mean_absolute_percentage_error.
assert np.isclose(mape, mean_absolute_percentage_error(y_val, pred), rtol=1e-5)  # claim: metrics-mape-formula
# ko: 식으로 직접 계산한 R²가 scikit-learn의 r2_score와 같습니다.
# en: The R² computed by hand equals scikit-learn's r2_score.
assert np.isclose(r2, r2_score(y_val, pred), rtol=1e-4)  # claim: metrics-r2-formula
# ko: RMSE가 MAE보다 작지 않습니다.
# en: RMSE is not below MAE.
assert mae <= rmse  # claim: metrics-rmse-at-least-mae
# ko: RMSE² = MAE² + (|오차|의 분산): 오차 크기가 모두 같으면 RMSE = MAE, 들쭉날쭉할수록 RMSE가 커짐
# en: RMSE² = MAE² + the variance of |error|: equal-sized errors give RMSE = MAE, uneven ones a larger RMSE
abs_err = np.sort(np.abs(err).astype("float64"))[::-1]
n_big = len(abs_err) // 10  # ko: 가장 큰 오차 10 % # en: the largest 10 % of the errors
big_share_abs = float(abs_err[:n_big].sum() / abs_err.sum())
big_share_sq = float((abs_err[:n_big] ** 2).sum() / (abs_err ** 2).sum())
# ko: RMSE의 제곱이 MAE의 제곱 + |오차|의 분산과 같습니다. 그리고 가장 큰 오차들이
# ko: 전체에서 차지하는 몫은 오차를 제곱해서 더할 때가 그냥 더할 때보다 0.05 넘게 큽니다.
# en: RMSE squared equals MAE squared plus the variance of |error|; and the largest errors take a share
# en: of the summed squared errors more than 0.05 above their share of the summed absolute errors.
assert np.isclose(float(rmse) ** 2, abs_err.mean() ** 2 + abs_err.var(), rtol=1e-4) \
    and big_share_sq > big_share_abs + 0.05  # claim: metrics-rmse-gap-from-big-errors
# ko: RMSE가 MAE보다 크지만, MAE의 1.5배보다는 작습니다.
# en: RMSE is larger than MAE, but less than 1.5 times it.
assert 1 < rmse / mae < 1.5  # claim: metrics-rmse-a-bit-larger
# ko: R²가 0.7보다 크고, MAE가 1.5(천 개)보다 작습니다.
# en: R² is above 0.7, and the MAE is below 1.5 (thousand units).
assert r2 > 0.7 and mae < 1.5  # claim: metrics-model-is-useful
# ko: MAPE가 0.05와 0.2 사이입니다. 비율로 적은 값이라, 퍼센트로는 5~20 %입니다.
# en: The MAPE is between 0.05 and 0.2: a fraction, which is 5 to 20 % in percent.
assert 0.05 < mape < 0.2  # claim: metrics-mape-is-a-fraction
# ko: 이 MAPE는 판매량 1(천 개) 미만인 매장을 뺀 뒤에 잰 값임
# en: this MAPE is measured after dropping the stores that sold less than 1 (thousand)
# ko: 그 매장들을 검증 데이터에 되돌리면 MAPE가 폭발함
# en: put back into the validation data, those stores make it explode
all_stores = make_sales_data()
small_stores = all_stores[all_stores["Sales"] < 1]
n_stores, n_dropped = len(all_stores), len(small_stores)
pred_small = model.predict(scaler.transform(small_stores.drop(columns="Sales").to_numpy("float32")), verbose=0).ravel()
mape_with_small = mean_absolute_percentage_error(np.concatenate([y_val, small_stores["Sales"].to_numpy("float32")]),
                                                 np.concatenate([pred, pred_small]))
# ko: 판매량이 1(천 개) 미만인 매장이 있고, 데이터에서 딱 그 매장 수만큼 빠졌으며, 남은 매장의
# ko: 판매량은 모두 1 이상입니다. 그 매장들을 검증 데이터에 되돌리면 MAPE가 1000배 넘게 커집니다.
# en: Some stores sold less than 1 (thousand); the data lost exactly that many stores, and every store left
# en: sold at least 1. Put back into the validation data, they make the MAPE more than 1000 times larger.
assert n_dropped > 0 and len(df) == n_stores - n_dropped and y.min() >= 1 \
    and mape_with_small > 1000 * mape  # claim: metrics-mape-without-small-stores

# --8<-- [start:units]
y_units, pred_units = y_val * 1000, pred * 1000  # ko: 같은 판매량을 낱개 단위로 # en: the same sales, counted in single units
mae_units = mean_absolute_error(y_units, pred_units)
mse_units = mean_squared_error(y_units, pred_units)
rmse_units = float(np.sqrt(mse_units))
mape_units, r2_units = mean_absolute_percentage_error(y_units, pred_units), r2_score(y_units, pred_units)
print(f"MAE:  {mae:.3f} (thousands) -> {mae_units:,.0f} (units)   x1000")
print(f"RMSE: {rmse:.3f} (thousands) -> {rmse_units:,.0f} (units)   x1000")
print(f"MSE:  {mse:.3f} (thousands^2) -> {mse_units:.3g} (units^2)   x1,000,000")
print(f"MAPE: {mape:.3f} -> {mape_units:.3f}   R2: {r2:.3f} -> {r2_units:.3f}   (no unit)")
# --8<-- [end:units]
mae, mse, rmse, mape, r2 = float(mae), float(mse), float(rmse), float(mape), float(r2)
# ko: 낱개 단위로 계산한 MAE가 천 개 단위로 계산한 MAE의 1000배입니다.
# en: The MAE in single units is 1000 times the MAE in thousands.
assert np.isclose(mae_units, 1000 * mae, rtol=1e-5)  # claim: metrics-mae-scales-with-unit
# ko: 낱개 단위로 계산한 RMSE가 천 개 단위로 계산한 RMSE의 1000배입니다.
# en: The RMSE in single units is 1000 times the RMSE in thousands.
assert np.isclose(rmse_units, 1000 * rmse, rtol=1e-5)  # claim: metrics-rmse-scales-with-unit
# ko: 낱개 단위로 계산한 MSE는 천 개 단위로 계산한 MSE의 1,000,000배입니다.
# en: The MSE in single units is 1,000,000 times the MSE in thousands.
assert np.isclose(mse_units, 1e6 * mse, rtol=1e-5)  # claim: metrics-mse-scales-with-square
# ko: 단위를 바꿔도 MAPE와 R²는 그대로입니다.
# en: MAPE and R² stay the same when the unit changes.
assert np.isclose(mape_units, mape, rtol=1e-5) and np.isclose(r2_units, r2, rtol=1e-4)  # claim: metrics-mape-r2-unitless
