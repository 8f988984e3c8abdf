"""With sales in thousands, MAE = 1 means an average miss of 1,000 units: MAE scales exactly with the unit."""

import numpy as np
from sklearn.metrics import mean_absolute_error, mean_squared_error

# --8<-- [start:thousands]
sales = np.array([9.5, 12.0, 7.25, 11.0])  # in thousands of units: 9.5 = 9,500 units
pred = np.array([10.0, 10.5, 8.25, 10.0])   # misses: 0.5, 1.5, 1.0, 1.0 (thousand)

mae_thousands = mean_absolute_error(sales, pred)
mae_units = mean_absolute_error(sales * 1000, pred * 1000)  # the same data in single units
print(f"MAE with Sales in thousands: {mae_thousands:.2f}")
print(f"MAE with Sales in units    : {mae_units:,.0f}")
# --8<-- [end:thousands]
assert mae_thousands == 1.0
assert np.isclose(mae_units, 1000 * mae_thousands)  # exactly 1000 x: same unit as the target

# --8<-- [start:mean_error]
me = np.mean(pred - sales)  # mean error: the signs stay, so over- and under-predictions cancel
print(f"ME (mean error, signed): {me:.2f}   MAE: {mae_thousands:.2f}")
# --8<-- [end:mean_error]
assert np.isclose(me, -0.25) and abs(me) < mae_thousands  # ME is not MAE

# --8<-- [start:squared]
mse_thousands = mean_squared_error(sales, pred)
mse_units = mean_squared_error(sales * 1000, pred * 1000)
print(f"MSE: {mse_thousands:.4f} (thousand units)^2 = {mse_units:,.0f} units^2  (x 1000^2)")
print(f"RMSE: {np.sqrt(mse_thousands):.4f} thousand units = {np.sqrt(mse_units):,.1f} units  (x 1000)")
# --8<-- [end:squared]
assert np.isclose(mse_units, 1000**2 * mse_thousands)
assert np.isclose(np.sqrt(mse_units), 1000 * np.sqrt(mse_thousands))
