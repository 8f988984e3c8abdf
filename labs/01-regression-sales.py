# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown] tags=["ko"]
# # 실습 1: 회귀 모델로 판매량 예측하기
#
# 매장별 카시트 판매량을 예측하는 작은 회귀 모델을 만들고, 그 오차를 제대로 읽는 연습을 합니다.
# 타깃 `Sales`는 **천 개 단위**로 기록되어 있습니다. 이 실습에서 해 볼 내용은 다음과 같습니다.
#
# - 판매 데이터를 만들고, 학습/검증 데이터로 나누고, 표준화하기
# - Keras로 작은 회귀 모델을 학습시키고 학습 곡선 읽기
# - MAE를 실제 개수 단위로 바꿔 읽기 (× 1000)
# - 타깃에 0에 가까운 값이 있을 때 생기는 MAPE의 함정을 알아보고, WAPE로 대신하기
#
# 30분 정도 걸리고, 노트북 전체는 1분 안에 실행됩니다.

# %% [markdown] tags=["ko"]
# ## 1. 준비
#
# 환경 변수는 TensorFlow를 import하기 **전에** 설정해야 합니다. TensorFlow의 로그 메시지를 숨기고,
# 컴퓨터마다 계산 결과의 끝자리가 달라지지 않도록 oneDNN 설정을 끕니다.

# %% [markdown] tags=["en"]
# # Lab 1: Predicting sales with a regression model
#
# In this lab you build a small regression model that predicts a store's car-seat sales, and then read its errors
# correctly. The target `Sales` is recorded **in thousands of units**, so you will practice:
#
# - making a sales table, splitting it into training and validation data, and standardizing it;
# - training a small Keras regression model and reading its learning curve;
# - turning MAE into real units (× 1000);
# - spotting the MAPE trap when some targets are near 0, and using WAPE instead.
#
# It takes about 30 minutes; the whole notebook runs in under a minute.

# %% [markdown] tags=["en"]
# ## 1. Setup
#
# The environment variables must be set **before** TensorFlow is imported: they hide TensorFlow's log messages
# and fix a setting that changes the last digits of the results.

# %%
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"  # ko: TensorFlow의 C++ 로그 메시지 숨기기 # en: hide TensorFlow's C++ log messages
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"  # ko: 어느 컴퓨터에서나 같은 계산 결과 # en: same numerics on every machine
os.environ["KERAS_BACKEND"] = "tensorflow"

import keras
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

plt.rcParams["figure.dpi"] = 80

from dlnotes import dl_history_plot  # ko: 에포크마다 학습 손실과 검증 손실을 그리는 학습 곡선 # en: the learning curve: training loss and validation loss per epoch

# %% [markdown] tags=["ko"]
# ## 2. 데이터: 천 개 단위 판매량
#
# 수업에서 쓰는 카시트 판매 데이터와 비슷한 표를 고정된 시드로 만듭니다. 그래서 언제 실행해도 같은 숫자가 나옵니다.
# 한 행이 매장 하나입니다.
#
# | 컬럼 | 뜻 |
# | --- | --- |
# | `CompPrice` | 같은 지역 경쟁사의 가격 |
# | `Income` | 지역 소득 수준 (천 달러) |
# | `Advertising` | 지역 광고 예산 (천 달러) |
# | `Price` | 이 매장의 카시트 가격 |
# | `Age` | 지역 인구의 평균 나이 |
# | `ShelveGood` | 진열 위치가 좋으면 1, 아니면 0 |
# | `Sales` | **타깃**: 판매량, 천 개 단위 (7.25는 7,250개) |
#
# 판매량은 음수가 될 수 없으니 식으로 계산한 값이 0보다 작으면 0으로 자릅니다. 그래서 판매량이 0이거나 0에 가까운
# 매장이 몇 개 있습니다. 마지막에 중요해지니 기억해 두세요.
# %% [markdown] tags=["en"]
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
from dlnotes import make_sales_data

df = make_sales_data(n=400, seed=0)
df.head()

# %% [markdown] tags=["ko"]
# 타깃의 범위와, 거의 팔지 못한 매장이 몇 개인지 확인해 봅니다.

# %% [markdown] tags=["en"]
# Let's look at the target's range and at how many stores sold (almost) nothing.

# %%
print(f"rows: {len(df)}, mean Sales: {df['Sales'].mean():.2f} thousand units")
print(f"min {df['Sales'].min():.2f}, max {df['Sales'].max():.2f}")
print(f"stores with Sales == 0: {(df['Sales'] == 0).sum()}, with Sales < 1: {(df['Sales'] < 1).sum()}")

# %% [markdown] tags=["ko"]
# ## 3. 학습/검증 데이터 나누기와 표준화
#
# 전체 행의 25%를 검증 데이터로 떼어 둡니다. 특성마다 크기가 제각각이라(`Price`는 100 안팎, `ShelveGood`는 0 아니면 1)
# 평균 0, 표준편차 1로 표준화합니다.
# 평균과 표준편차는 **학습 데이터에서만** 구하고, 검증 데이터는 그 값을 그대로 써서 변환합니다.

# %% [markdown] tags=["en"]
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
print("train means after scaling:", x_train.mean(axis=0).round(3) + 0.0)  # ko: + 0.0은 -0.0을 0.0으로 바꿈 # en: + 0.0 turns -0.0 into 0.0
print("train stds after scaling: ", x_train.std(axis=0).round(3))

# %% [markdown] tags=["ko"]
# ## 4. 작은 회귀 모델
#
# 은닉층은 ReLU 노드 16개짜리 하나, 출력층은 숫자 하나를 예측하므로 **노드 1개에 활성화 함수 없음**입니다.
# 손실은 `mse`이고, 오차를 타깃 단위로 읽을 수 있도록 `mae`도 함께 기록합니다.
# `Dense` 층의 파라미터 수는 $n_{in} \times n_{out} + n_{out}$입니다(가중치, 그리고 노드마다 편향 하나).

# %% [markdown] tags=["en"]
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
    keras.layers.Dense(1),  # ko: 회귀: 활성화 함수 없음 # en: regression: no activation
])
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="mse", metrics=["mae"])
history = model.fit(x_train, y_train, epochs=60, batch_size=32,
                    validation_data=(x_val, y_val), verbose=0)
print(f"parameters: {model.count_params()}  (hidden: 6*16 + 16 = 112, output: 16*1 + 1 = 17)")
assert model.count_params() == (n_features * 16 + 16) + (16 * 1 + 1)

# %% [markdown] tags=["ko"]
# ## 5. 학습 곡선
#
# 두 곡선 모두 가파르게 떨어지다가 꺾인 뒤 완만해지고, 검증 손실이 학습 손실 가까이에 머뭅니다.
# 바람직한 모양입니다. 학습이 잘 되었고, 과적합의 기미도 없습니다.

# %% [markdown] tags=["en"]
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

# %% [markdown] tags=["ko"]
# ## 6. 천 개 단위 MAE와 실제 개수 단위 MAE
#
# `predict`는 `(n, 1)` 모양의 배열을 돌려줍니다. `.ravel()`로 펴서 `y_val`과 같은 `(n,)` 모양으로 맞춥니다.
#
# MAE는 $|y_i - \hat{y}_i|$의 평균이므로 **타깃과 단위가 같습니다**. 타깃이 천 개 단위이니 MAE가 1이면
# 매장마다 평균 1,000개쯤 빗나갔다는 뜻입니다. 확인을 위해 타깃과 예측값에 1000을 곱해서 MAE를 다시 구해 봅니다.

# %% [markdown] tags=["en"]
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
mae_units = mean_absolute_error(y_val * 1000, pred * 1000)  # ko: 같은 판매량을 '개' 단위로 # en: the same sales, counted in single units
baseline_mae = mean_absolute_error(y_val, np.full_like(y_val, y_train.mean()))  # ko: 늘 평균으로 예측 # en: always predict the mean

print(f"MAE: {mae_thousands:.3f} thousand units = {mae_units:,.0f} units")
print(f"baseline (always predict the training mean): {baseline_mae:.3f} thousand units")

# %% [markdown] tags=["ko"]
# 예측값과 실제값을 점으로 찍어 보면 같은 사실이 보입니다. 점들이 대각선 주위에 모여 있습니다.

# %% [markdown] tags=["en"]
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

# %% [markdown] tags=["ko"]
# **스스로 확인하기.** MAE는 단위를 바꾼 만큼 정확히 바뀌고, 모델은 늘 평균으로 예측하는 것보다 확실히 낫습니다.

# %% [markdown] tags=["en"]
# **Check yourself.** The MAE changes exactly with the unit, and the model is clearly better than always predicting
# the mean.

# %%
assert np.isclose(mae_units, mae_thousands * 1000), "MAE has the target's unit: x1000 exactly"
assert mae_thousands < 0.6 * baseline_mae, "the model beats the mean by a wide margin"
assert 0.5 < mae_thousands < 1.5, "about 1 thousand units off on average"
print("all checks passed")

# %% [markdown] tags=["ko"]
# ## 7. MAPE의 함정
#
# MAPE는 오차를 실제값으로 나눈 비율을 평균 낸 값입니다.
#
# $$\text{MAPE} = \frac{1}{n}\sum_{i=1}^{n} \frac{|y_i - \hat{y}_i|}{|y_i|}$$
#
# 단위가 없어서 편리해 보입니다. scikit-learn으로 계산해 봅시다.

# %% [markdown] tags=["en"]
# ## 7. The MAPE trap
#
# MAPE divides every error by the true value and averages the ratios:
#
# $$\text{MAPE} = \frac{1}{n}\sum_{i=1}^{n} \frac{|y_i - \hat{y}_i|}{|y_i|}$$
#
# It looks handy because it has no unit. Let's compute it with scikit-learn.

# %%
mape = mean_absolute_percentage_error(y_val, pred)
print(f"MAPE from scikit-learn: {mape:.3g}")

# %% [markdown] tags=["ko"]
# 말도 안 되는 숫자가 나왔습니다. 평균 오차는 천 개 안팎이었는데 무슨 일일까요?
# 행마다 비율을 직접 계산해서, 비율이 가장 큰 행부터 살펴봅니다.
# (scikit-learn은 0으로 나누지 않으려고 $\max(|y_i|, \varepsilon)$으로 나눕니다.
# $\varepsilon \approx 2.2\times10^{-16}$은 아주 작은 수입니다.)

# %% [markdown] tags=["en"]
# An absurd number! The model was off by only about 1 thousand units on average, so what happened?
# Let's compute the ratio for every row and look at the rows with the largest ratios.
# (scikit-learn divides by $\max(|y_i|, \varepsilon)$ with a tiny $\varepsilon \approx 2.2\times10^{-16}$,
# to avoid dividing by 0.)

# %%
eps = np.finfo(np.float64).eps
ape = np.abs(y_val - pred) / np.maximum(np.abs(y_val), eps)  # ko: 행마다의 비율 # en: the ratio of every row
rows = pd.DataFrame({"Sales": y_val, "pred": pred.round(2), "abs_error": np.abs(y_val - pred).round(2), "ratio": ape})
rows.sort_values("ratio", ascending=False).head()

# %% [markdown] tags=["ko"]
# 범인은 판매량이 0이거나 0에 가까운 매장입니다. 그 행의 절대 오차는 평범한데, 실제값 0으로(실제로는 $\varepsilon$으로)
# 나누니 비율이 천문학적으로 커지고, 그 한 행이 평균 전체를 좌우합니다.
# 아래 그림은 $y_i > 0$인 행들의 비율을 실제값에 따라 찍은 것입니다.
# ($y_i = 0$인 행은 그래프 위로 한참 벗어나서 뺐습니다.) $y_i$가 0에 가까울수록 비율이 커집니다.

# %% [markdown] tags=["en"]
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

# %% [markdown] tags=["ko"]
# ### 퍼센트가 아니라 비율
#
# 판매량이 천 개 미만인 매장을 빼면 MAPE가 정상적인 값으로 돌아옵니다. 여기서 주의할 점이 있습니다.
# scikit-learn은 MAPE를 **비율**로 돌려줍니다. 0.15는 0.15%가 아니라 15%입니다. 퍼센트로 보고하려면 100을 곱하세요.
#
# ### WAPE: 행마다 나누지 말고 한 번만
#
# WAPE(가중 절대 백분율 오차)는 절대 오차의 **합**을 실제값의 **합**으로 한 번만 나눕니다.
#
# $$\text{WAPE} = \frac{\sum_i |y_i - \hat{y}_i|}{\sum_i |y_i|}$$
#
# 작은 타깃 하나가 결과를 좌우하지 못하고, 행을 뺄 필요도 없습니다.

# %% [markdown] tags=["en"]
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

# %% [markdown] tags=["ko"]
# **스스로 확인하기.** 타깃 하나만 0이어도 MAPE는 터무니없이 커집니다. 작은 타깃을 빼면 평범한 비율이 되고,
# WAPE는 모든 행을 넣고도 평범한 값을 유지합니다.

# %% [markdown] tags=["en"]
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

# %% [markdown] tags=["ko"]
# ## 정리
#
# - 회귀 모델의 출력층은 활성화 함수 없는 `Dense(1)`이고, 손실은 보통 `mse`입니다.
# - 특성은 학습 데이터에서 구한 통계로만 표준화합니다.
# - 학습 곡선이 가파르게 떨어지다가 꺾여서 완만해지고, 검증 곡선이 학습 곡선 가까이에 있으면 학습이 잘 된 것입니다.
# - MAE는 타깃과 단위가 같습니다. 판매량이 천 개 단위이면 MAE 1은 1,000개이고, 1000을 곱하면 정확히 개수 단위가 됩니다.
# - MAPE는 실제값 하나하나로 나누기 때문에 0이거나 0에 가까운 타깃이 있으면 폭발합니다.
#   scikit-learn의 MAPE는 비율입니다(0.15 = 15%).
# - WAPE $= \sum|e_i| / \sum|y_i|$(MAE를 $|y|$의 평균으로 나눈 것과 같음)는 폭발하지 않는 백분율 오차입니다.
#
# ## 직접 해 보기: 층, 학습률, MAPE의 함정 바꿔 보기
#
# 1. `Dense(16)`을 `Dense(64)`로 바꾸고 은닉층을 하나 더 쌓아 보세요. 학습 곡선이나 MAE가 많이 달라지나요?
# 2. 학습률을 `0.1`로, 또 `0.001`로 바꿔 보세요(에포크는 똑같이 60). 학습 곡선이 어떻게 달라지나요?
# 3. `np.clip(sales, 0, None)`을 `np.clip(sales, 2, None)`으로 바꿔(모든 매장이 최소 2천 개는 판다고 가정) MAPE를
#    다시 계산해 보세요. 함정은 어떻게 되나요?

# %% [markdown] tags=["en"]
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
# ## Try it yourself: layers, learning rate and the MAPE trap
#
# 1. Change `Dense(16)` to `Dense(64)` and add a second hidden layer. Does the learning curve or the MAE change much?
# 2. Set the learning rate to `0.1`, then to `0.001` (with the same 60 epochs). How does the learning curve change?
# 3. Replace the clipping `np.clip(sales, 0, None)` with `np.clip(sales, 2, None)` (every store sells at least
#    2 thousand units) and compute MAPE again. What happens to the trap?
