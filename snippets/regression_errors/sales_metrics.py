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
# ko: 위의 식은 scikit-learn이 계산하는 것과 정확히 같음
# en: The formulas above are exactly what scikit-learn computes
assert np.isclose(mae, mean_absolute_error(y_val, pred), rtol=1e-5)  # claim: metrics-mae-formula
assert np.isclose(mse, mean_squared_error(y_val, pred), rtol=1e-5)  # claim: metrics-mse-formula
assert np.isclose(mape, mean_absolute_percentage_error(y_val, pred), rtol=1e-5)  # claim: metrics-mape-formula
assert np.isclose(r2, r2_score(y_val, pred), rtol=1e-4)  # claim: metrics-r2-formula
# ko: RMSE는 큰 오차에 더 큰 비중을 두므로 MAE보다 작아지지 않음
# en: RMSE weighs big errors more, so it is never below MAE
assert mae <= rmse  # claim: metrics-rmse-at-least-mae
# ko: RMSE² = MAE² + (|오차|의 분산): 오차 크기가 모두 같으면 RMSE = MAE, 들쭉날쭉할수록 RMSE가 커짐
# en: RMSE² = MAE² + the variance of |error|: equal-sized errors give RMSE = MAE, uneven ones a larger RMSE
abs_err = np.sort(np.abs(err).astype("float64"))[::-1]
n_big = len(abs_err) // 10  # ko: 가장 큰 오차 10 % # en: the largest 10 % of the errors
big_share_abs = float(abs_err[:n_big].sum() / abs_err.sum())
big_share_sq = float((abs_err[:n_big] ** 2).sum() / (abs_err ** 2).sum())
assert np.isclose(float(rmse) ** 2, abs_err.mean() ** 2 + abs_err.var(), rtol=1e-4) \
    and big_share_sq > big_share_abs + 0.05  # claim: metrics-rmse-gap-from-big-errors
assert 1 < rmse / mae < 1.5  # claim: metrics-rmse-a-bit-larger
assert r2 > 0.7 and mae < 1.5  # claim: metrics-model-is-useful
# ko: 10~20 %: scikit-learn은 비율로 돌려줌
# en: 10 to 20 %: scikit-learn returns it as a fraction
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
assert np.isclose(mae_units, 1000 * mae, rtol=1e-5)  # claim: metrics-mae-scales-with-unit
assert np.isclose(rmse_units, 1000 * rmse, rtol=1e-5)  # claim: metrics-rmse-scales-with-unit
assert np.isclose(mse_units, 1e6 * mse, rtol=1e-5)  # claim: metrics-mse-scales-with-square
assert np.isclose(mape_units, mape, rtol=1e-5) and np.isclose(r2_units, r2, rtol=1e-4)  # claim: metrics-mape-r2-unitless
