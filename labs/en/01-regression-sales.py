# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Lab 1: Predicting sales with a regression model
#
# In this lab you build a small regression model that predicts a store's car-seat sales, and then read its errors
# correctly. The target `Sales` is recorded **in thousands of units**, so you will practise:
#
# - making a sales table, splitting it into training and validation data, and standardizing it;
# - training a small Keras regression model and reading its learning curve;
# - turning MAE into real units (× 1000);
# - spotting the MAPE trap when some targets are near 0, and using WAPE instead.
#
# It takes about 30 minutes; the whole notebook runs in under a minute.

# %% [markdown]
# ## 1. Setup
#
# The environment variables must be set **before** TensorFlow is imported: they hide TensorFlow's log messages
# and fix a setting that changes the last digits of the results.

# %%
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"  # hide TensorFlow's C++ log messages
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"  # same numerics on every machine
os.environ["KERAS_BACKEND"] = "tensorflow"

import keras
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

plt.rcParams["figure.dpi"] = 80


def dl_history_plot(history, ax=None, title=None):
    # learning curve: training loss and validation loss per epoch
    hist = getattr(history, "history", history)
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 3.5))
    epochs = np.arange(1, len(hist["loss"]) + 1)
    ax.plot(epochs, hist["loss"], marker=".", label="train loss")
    ax.plot(epochs, hist["val_loss"], marker=".", label="val_loss")
    ax.set_xlabel("epoch")
    ax.set_ylabel("loss")
    if title:
        ax.set_title(title)
    ax.grid(alpha=0.3)
    ax.legend()
    return ax


# %% [markdown]
# ## 2. The data: sales in thousands of units
#
# We generate a table like the course's car-seat sales data with a fixed seed, so you get the same numbers every
# time. Each row is one store.
#
# | column | meaning |
# | --- | --- |
# | `CompPrice` | the competitor's price at the same location |
# | `Income` | the local income level (thousands of dollars) |
# | `Advertising` | the local advertising budget (thousands of dollars) |
# | `Price` | the price this store charges for a car seat |
# | `Age` | the average age of the local population |
# | `ShelveGood` | 1 if the product sits on a good shelf location, otherwise 0 |
# | `Sales` | **target**: units sold, in thousands (7.25 means 7,250 seats) |
#
# Sales cannot be negative, so the formula's result is clipped at 0. That is why a few stores have sales of 0 or
# close to 0. Keep them in mind: they matter at the end.

# %%
rng = np.random.default_rng(0)
n = 400
comp_price = rng.integers(80, 176, n)
price = np.clip(comp_price - rng.normal(10, 20, n), 40, 190).round().astype(int)
income = rng.integers(20, 121, n)
advertising = rng.integers(0, 16, n)
age = rng.integers(25, 81, n)
shelve_good = rng.binomial(1, 0.3, n)
sales = (
    7.5
    - 0.06 * (price - 118)
    + 0.06 * (comp_price - price - 10)
    + 0.12 * (advertising - 7.5)
    + 0.015 * (income - 70)
    - 0.045 * (age - 52)
    + 2.2 * (shelve_good - 0.3)
    + rng.normal(0, 1.0, n)
)
sales = np.clip(sales, 0, None).round(2)  # no negative sales

df = pd.DataFrame({
    "CompPrice": comp_price,
    "Income": income,
    "Advertising": advertising,
    "Price": price,
    "Age": age,
    "ShelveGood": shelve_good,
    "Sales": sales,
})
df.head()

# %% [markdown]
# Let us look at the target's range and at how many stores sold (almost) nothing.

# %%
print(f"rows: {len(df)}, mean Sales: {df['Sales'].mean():.2f} thousand units")
print(f"min {df['Sales'].min():.2f}, max {df['Sales'].max():.2f}")
print(f"stores with Sales == 0: {(df['Sales'] == 0).sum()}, with Sales < 1: {(df['Sales'] < 1).sum()}")

# %% [markdown]
# ## 3. Training/validation split and standardization
#
# We keep 25% of the rows aside as validation data. The features have very different scales (`Price` is around
# 100, `ShelveGood` is 0 or 1), so we standardize them to mean 0 and standard deviation 1.
# The scaler learns the mean and the standard deviation **from the training data only**; the validation data are
# transformed with those same values.

# %%
target = "Sales"
x = df.drop(columns=target)
y = df[target].to_numpy("float64")

x_train, x_val, y_train, y_val = train_test_split(x, y, test_size=0.25, random_state=0)

scaler = StandardScaler()
x_train = scaler.fit_transform(x_train)
x_val = scaler.transform(x_val)
print("train:", x_train.shape, " validation:", x_val.shape)
print("train means after scaling:", x_train.mean(axis=0).round(3) + 0.0)  # + 0.0 turns -0.0 into 0.0
print("train stds after scaling: ", x_train.std(axis=0).round(3))

# %% [markdown]
# ## 4. A small regression model
#
# One hidden layer with 16 ReLU nodes, and an output layer with **one node and no activation**, because the model
# predicts a number. The loss is `mse`; we also record `mae` so that we can read the error in the target's unit.
# A `Dense` layer has $n_{in} \times n_{out} + n_{out}$ parameters (weights plus one bias per node).

# %%
n_features = x_train.shape[1]

keras.utils.set_random_seed(0)
model = keras.Sequential([
    keras.Input(shape=(n_features,)),
    keras.layers.Dense(16, activation="relu"),
    keras.layers.Dense(1),  # regression: no activation
])
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="mse", metrics=["mae"])
history = model.fit(x_train, y_train, epochs=60, batch_size=32,
                    validation_data=(x_val, y_val), verbose=0)
print(f"parameters: {model.count_params()}  (hidden: 6*16 + 16 = 112, output: 16*1 + 1 = 17)")
assert model.count_params() == (n_features * 16 + 16) + (16 * 1 + 1)

# %% [markdown]
# ## 5. The learning curve
#
# Both curves drop steeply, bend, and then flatten out, and the validation loss stays close to the training loss.
# That is the shape we want: training went well and there is no sign of overfitting.

# %%
dl_history_plot(history, title="Sales model: MSE per epoch")
plt.show()

# %%
last_loss, last_val_loss = history.history["loss"][-1], history.history["val_loss"][-1]
print(f"last epoch: loss {last_loss:.3f}, val_loss {last_val_loss:.3f}")
assert last_val_loss < 0.5 * history.history["val_loss"][0], "the validation loss dropped a lot"
assert last_val_loss < 2.5 * last_loss, "validation stays close to training (no strong overfitting)"

# %% [markdown]
# ## 6. MAE in thousands, and in real units
#
# `predict` returns an array of shape `(n, 1)`; `.ravel()` flattens it to `(n,)`, the same shape as `y_val`.
#
# The MAE is the mean of $|y_i - \hat{y}_i|$, so it has **the same unit as the target**. Our target is in
# thousands of units, so an MAE of 1 would mean the model is off by about 1,000 car seats per store on average.
# To be sure, we multiply the targets and the predictions by 1000 and compute the MAE again.

# %%
pred = model.predict(x_val, verbose=0).ravel()

mae_thousands = mean_absolute_error(y_val, pred)
mae_units = mean_absolute_error(y_val * 1000, pred * 1000)  # the same sales, counted in single units
baseline_mae = mean_absolute_error(y_val, np.full_like(y_val, y_train.mean()))  # always predict the mean

print(f"MAE: {mae_thousands:.3f} thousand units = {mae_units:,.0f} units")
print(f"baseline (always predict the training mean): {baseline_mae:.3f} thousand units")

# %% [markdown]
# Plotting the predictions against the true values shows the same thing: the points gather around the diagonal.

# %%
fig, ax = plt.subplots(figsize=(6, 3.5))
ax.scatter(y_val, pred, s=12, alpha=0.7)
lims = [0, max(y_val.max(), pred.max()) + 0.5]
ax.plot(lims, lims, color="gray", linestyle="--", label="perfect prediction")
ax.set_xlabel("true Sales (thousand units)")
ax.set_ylabel("predicted Sales (thousand units)")
ax.set_title("Validation data: prediction vs truth")
ax.grid(alpha=0.3)
ax.legend()
plt.show()

# %% [markdown]
# **Check yourself.** The MAE changes exactly with the unit, and the model is clearly better than always predicting
# the mean.

# %%
assert np.isclose(mae_units, mae_thousands * 1000), "MAE has the target's unit: x1000 exactly"
assert mae_thousands < 0.6 * baseline_mae, "the model beats the mean by a wide margin"
assert 0.5 < mae_thousands < 1.5, "about 1 thousand units off on average"
print("all checks passed")

# %% [markdown]
# ## 7. The MAPE trap
#
# MAPE divides every error by the true value and averages the ratios:
#
# $$\text{MAPE} = \frac{1}{n}\sum_{i=1}^{n} \frac{|y_i - \hat{y}_i|}{|y_i|}$$
#
# It looks handy because it has no unit. Let us compute it with scikit-learn.

# %%
mape = mean_absolute_percentage_error(y_val, pred)
print(f"MAPE from scikit-learn: {mape:.3g}")

# %% [markdown]
# An absurd number! The model was off by only about 1 thousand units on average, so what happened?
# Let us compute the ratio for every row and look at the rows with the largest ratios.
# (scikit-learn divides by $\max(|y_i|, \varepsilon)$ with a tiny $\varepsilon \approx 2.2\times10^{-16}$,
# to avoid dividing by 0.)

# %%
eps = np.finfo(np.float64).eps
ape = np.abs(y_val - pred) / np.maximum(np.abs(y_val), eps)  # the ratio of every row
rows = pd.DataFrame({"Sales": y_val, "pred": pred.round(2), "abs_error": np.abs(y_val - pred).round(2), "ratio": ape})
rows.sort_values("ratio", ascending=False).head()

# %% [markdown]
# The culprits are the stores with sales of 0 or close to 0. The absolute error there is ordinary, but dividing by
# a true value of 0 (in practice by $\varepsilon$) gives an astronomical ratio, and that one row dominates the
# average. The plot shows the ratio of every row with $y_i > 0$ against its true value (the row with $y_i = 0$
# would be far off the top of the chart): the closer $y_i$ gets to 0, the larger the ratio.

# %%
positive = y_val > 0
fig, ax = plt.subplots(figsize=(6, 3.5))
ax.scatter(y_val[positive], ape[positive], s=12, alpha=0.7)
ax.set_yscale("log")
ax.set_xlabel("true Sales (thousand units)")
ax.set_ylabel("|error| / |true value| (log scale)")
ax.set_title("Per-row ratio used by MAPE")
ax.grid(alpha=0.3)
plt.show()

# %% [markdown]
# ### A fraction, not a percentage
#
# Without the stores that sold less than 1 thousand units, MAPE becomes reasonable. Note that scikit-learn returns
# MAPE as a **fraction**: 0.15 means 15%, not 0.15%. Multiply by 100 to report it as a percentage.
#
# ### WAPE: one division instead of many
#
# WAPE (weighted absolute percentage error) divides the **sum** of the absolute errors by the **sum** of the true
# values, once:
#
# $$\text{WAPE} = \frac{\sum_i |y_i - \hat{y}_i|}{\sum_i |y_i|}$$
#
# A single small target can no longer dominate the result, and you do not have to drop any rows.

# %%
big_enough = y_val >= 1
mape_without_small = mean_absolute_percentage_error(y_val[big_enough], pred[big_enough])
wape = np.sum(np.abs(y_val - pred)) / np.sum(np.abs(y_val))

print(f"rows with Sales < 1: {(~big_enough).sum()} of {len(y_val)}")
print(f"MAPE, all rows:           {mape:.3g}")
print(f"MAPE, rows with Sales >= 1: {mape_without_small:.3f}  ->  {mape_without_small * 100:.1f}%")
print(f"WAPE, all rows:           {wape:.3f}  ->  {wape * 100:.1f}%")

# %% [markdown]
# **Check yourself.** One target at 0 is enough to make MAPE absurd; without the small targets it is an ordinary
# fraction; WAPE stays ordinary with every row included.

# %%
assert (y_val == 0).any(), "the validation data contain a store with zero sales"
assert mape > 1, "MAPE explodes: more than 100% although the MAE is below 1.5 thousand units"
assert np.isclose(mape, ape.mean()), "scikit-learn computes exactly the mean of the ratios"
assert mape_without_small < 0.5, "without the near-zero targets MAPE is an ordinary fraction"
assert 0.05 < wape < 0.3, "WAPE stays ordinary with every row included"
assert np.isclose(wape, mae_thousands / np.mean(np.abs(y_val))), "WAPE = MAE / mean |y|"
print("all checks passed")

# %% [markdown]
# ## Summary
#
# - The output layer of a regression model is `Dense(1)` with no activation; `mse` is the usual loss.
# - Standardize the features with statistics of the training data only.
# - A learning curve that drops steeply, bends and flattens, with validation close to training, means training
#   went well.
# - MAE has the target's unit. Sales in thousands → MAE 1 = 1,000 units; × 1000 converts it exactly.
# - MAPE divides by each true value: targets at or near 0 make it explode. scikit-learn returns it as a fraction
#   (0.15 = 15%).
# - WAPE $= \sum|e_i| / \sum|y_i|$ (equivalently MAE divided by the mean of $|y|$) is a percentage error that does
#   not explode.
#
# ## Try it yourself
#
# 1. Change `Dense(16)` to `Dense(64)` and add a second hidden layer. Does the learning curve or the MAE change much?
# 2. Set the learning rate to `0.1`, then to `0.001` (with the same 60 epochs). How does the learning curve change?
# 3. Replace the clipping `np.clip(sales, 0, None)` with `np.clip(sales, 2, None)` (every store sells at least
#    2 thousand units) and compute MAPE again. What happens to the trap?
