"""With sales in thousands, MAE = 1 means an average miss of 1,000 units: MAE scales exactly with the unit."""

import numpy as np
from sklearn.metrics import mean_absolute_error, mean_squared_error

# --8<-- [start:thousands]
sales = np.array([9.5, 12.0, 7.25, 11.0])  # ko: 천 개 단위: 9.5는 9,500개 # en: in thousands of units: 9.5 = 9,500 units
pred = np.array([10.0, 10.5, 8.25, 10.0])   # ko: 오차: 0.5, 1.5, 1.0, 1.0 (천 개) # en: misses: 0.5, 1.5, 1.0, 1.0 (thousand)

mae_thousands = mean_absolute_error(sales, pred)
mae_units = mean_absolute_error(sales * 1000, pred * 1000)  # ko: 같은 데이터를 낱개 단위로 # en: the same data in single units
print(f"MAE (thousands) = {mae_thousands:.2f}")
print(f"MAE (units)     = {mae_units:,.0f}")
# --8<-- [end:thousands]
misses_units = np.abs(sales - pred) * 1000
smallest_miss, largest_miss = misses_units.min(), misses_units.max()
# ko: 천 개 단위로 계산한 MAE가 정확히 1.0입니다.
# en: In thousands, the MAE is exactly 1.0.
assert mae_thousands == 1.0  # claim: mae-units-one-thousand
# ko: 낱개 단위로 계산한 MAE가 천 개 단위로 계산한 MAE의 1000배와 같습니다.
# en: The MAE in single units equals 1000 times the MAE in thousands.
assert np.isclose(mae_units, 1000 * mae_thousands)  # claim: mae-units-scale-exactly
# ko: 매장별 오차는 가장 작은 것이 500개, 가장 큰 것이 1500개이고, 그 평균이 낱개 단위로 계산한 MAE와 같습니다.
# en: The store-by-store misses go from 500 to 1500 units, and their mean equals the MAE in single units.
assert smallest_miss == 500 and largest_miss == 1500 and np.isclose(misses_units.mean(), mae_units)  # claim: mae-units-is-an-average

# --8<-- [start:mean_error]
me = np.mean(pred - sales)  # ko: 평균 오차: 부호가 남아 많이·적게 예측한 오차가 상쇄됨 # en: mean error: the signs stay, so over- and under-predictions cancel
print(f"ME = {me:.2f}   MAE = {mae_thousands:.2f}")
# --8<-- [end:mean_error]
# ko: ME는 -0.25이고, 그 크기(부호를 뗀 값)는 MAE의 절반보다 작습니다.
# en: The ME is -0.25, and its size (without the sign) is less than half the MAE.
assert np.isclose(me, -0.25) and abs(me) < mae_thousands / 2  # claim: mae-units-me-is-not-mae

# --8<-- [start:squared]
mse_thousands = mean_squared_error(sales, pred)
mse_units = mean_squared_error(sales * 1000, pred * 1000)
rmse_thousands, rmse_units = np.sqrt(mse_thousands), np.sqrt(mse_units)
print(f"MSE  = {mse_thousands:.4f} (thousands)^2 = {mse_units:,.0f} units^2")
print(f"RMSE = {rmse_thousands:.4f} thousands = {rmse_units:,.1f} units")
# --8<-- [end:squared]
# ko: 낱개 단위로 계산한 MSE가 천 개 단위로 계산한 MSE의 1000²배와 같습니다.
# en: The MSE in single units equals 1000² times the MSE in thousands.
assert np.isclose(mse_units, 1000**2 * mse_thousands)  # claim: mae-units-mse-squared
# ko: 낱개 단위로 계산한 RMSE가 천 개 단위로 계산한 RMSE의 1000배와 같습니다.
# en: The RMSE in single units equals 1000 times the RMSE in thousands.
assert np.isclose(rmse_units, 1000 * rmse_thousands)  # claim: mae-units-rmse-scales
