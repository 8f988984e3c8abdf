"""MAE, MSE, RMSE, MAPE and R² of a sales model; MAE is in the target's unit and scales exactly with it."""

import dlnotes  # noqa: F401  (first: quiet, reproducible TensorFlow)
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
df = make_sales_data()  # Sales is in thousands of units: 9.5 means 9,500 seats
df = df[df["Sales"] >= 1]  # stores that sold (almost) nothing would make MAPE explode: see the FAQ
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
    keras.layers.Dense(1),  # regression: no activation
])
model.compile(optimizer=keras.optimizers.Adam(0.02), loss="mse")
model.fit(x_train, y_train, epochs=40, batch_size=32, verbose=0)
pred = model.predict(x_val, verbose=0).ravel()
# --8<-- [end:model]

# --8<-- [start:metrics]
err = y_val - pred
mae = np.mean(np.abs(err))                       # mean absolute error
mse = np.mean(err ** 2)                          # mean squared error
rmse = np.sqrt(mse)                              # root of MSE
mape = np.mean(np.abs(err) / np.abs(y_val))      # mean absolute percentage error (a fraction)
r2 = 1 - np.sum(err ** 2) / np.sum((y_val - y_val.mean()) ** 2)

show(pd.DataFrame({
    "metric": ["MAE", "MSE", "RMSE", "MAPE", "R2"],
    "value": np.round([mae, mse, rmse, mape, r2], 3),
    "unit": ["thousand units", "(thousand units)^2", "thousand units", "fraction (x100 = %)", "none"],
}))
# --8<-- [end:metrics]
# The formulas above are exactly what scikit-learn computes.
assert np.isclose(mae, mean_absolute_error(y_val, pred), rtol=1e-5)
assert np.isclose(mse, mean_squared_error(y_val, pred), rtol=1e-5)
assert np.isclose(mape, mean_absolute_percentage_error(y_val, pred), rtol=1e-5)
assert np.isclose(r2, r2_score(y_val, pred), rtol=1e-4)
assert mae <= rmse  # RMSE weighs big errors more, so it is never below MAE
assert r2 > 0.7 and mae < 1.5  # the model is useful: it explains most of the variance
assert 0.05 < mape < 0.2  # about 10 %: scikit-learn returns it as a fraction

# --8<-- [start:units]
y_units, pred_units = y_val * 1000, pred * 1000  # the same sales, counted in single units
mae_units = mean_absolute_error(y_units, pred_units)
print(f"MAE in thousands: {mae:.3f}  ->  MAE in units: {mae_units:,.0f} seats")
print(f"RMSE in units: {np.sqrt(mean_squared_error(y_units, pred_units)):,.0f} (x1000),  "
      f"MSE in units^2: {mean_squared_error(y_units, pred_units):.3g} (x1,000,000)")
print(f"MAPE {mean_absolute_percentage_error(y_units, pred_units):.3f} and "
      f"R2 {r2_score(y_units, pred_units):.3f}: unchanged, they have no unit")
# --8<-- [end:units]
assert np.isclose(mae_units, 1000 * mae, rtol=1e-5), "MAE scales exactly with the unit"
assert np.isclose(mean_squared_error(y_units, pred_units), 1e6 * mse, rtol=1e-5)
assert np.isclose(mean_absolute_percentage_error(y_units, pred_units), mape, rtol=1e-5)
assert np.isclose(r2_score(y_units, pred_units), r2, rtol=1e-4)
