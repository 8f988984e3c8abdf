# %% [markdown] tags=["ko"]
# # 코딩 연습: 매장 판매량 회귀
#
# 카시트 매장 400곳의 판매량(`Sales`, 천 개 단위)을 예측하는 회귀 모델을 만들고, 오차를 **낱개 단위**로 읽습니다.
# `# TODO` 셀을 채운 뒤 바로 아래 **확인** 셀을 실행하세요. 20분 정도를 목표로 해 보세요.

# %% [markdown] tags=["en"]
# # Coding exercise: regression of store sales
#
# Build a regression model for the sales of 400 car-seat stores (`Sales`, in thousands) and read its error **in single units**.
# Fill in each `# TODO` cell, then run the **check** cell right below it. Aim for about 20 minutes.

# %%
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"  # ko: TensorFlow의 C++ 로그 메시지 숨기기 # en: hide TensorFlow's C++ log messages
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"  # ko: 어느 컴퓨터에서나 같은 계산 결과 # en: same numerics on every machine

from dlnotes import make_sales_data

import keras
import numpy as np
from dlnotes_check import check
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

keras.utils.set_random_seed(0)
df = make_sales_data()  # ko: Sales는 천 개 단위 # en: Sales in thousands
x = df.drop(columns="Sales").to_numpy()
y = df["Sales"].to_numpy()
x_train, x_valid, y_train, y_valid = train_test_split(x, y, test_size=0.25, random_state=0)
scaler = StandardScaler().fit(x_train)  # ko: 학습 데이터로만 fit # en: fit on the training rows only
x_train, x_valid = scaler.transform(x_train), scaler.transform(x_valid)
print(x_train.shape, x_valid.shape)

# %% [markdown] tags=["ko"]
# ## 1. 모델 만들기
#
# `relu` 은닉층 하나(노드 32개)와 회귀에 맞는 출력층을 가진 `model`을 만들고, 옵티마이저 `adam`, 손실 `mse`, 지표 `mae`로 `compile`하세요.

# %% [markdown] tags=["en"]
# ## 1. Build the model
#
# Build a `model` with one hidden `relu` layer of 32 nodes and the output layer regression needs; `compile` it with the `adam` optimizer, the `mse` loss and the `mae` metric.

# %% tags=["starter"]
# TODO
model = None

# %% tags=["solution"]
model = keras.Sequential([
    keras.Input(shape=(x_train.shape[1],)),
    keras.layers.Dense(32, activation="relu"),
    keras.layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse", metrics=["mae"])

# %%
probe_true = np.array([[1.0], [2.0], [4.0]])  # ko: 손실 함수와 지표에 넣어 볼 정답과 예측 # en: known targets and predictions for the loss and the metric
probe_pred = np.array([[1.5], [2.0], [2.0]])
probe_z = np.array([-2.0, 0.0, 3.0], dtype="float32")  # ko: 활성화 함수에 넣어 볼 값 # en: inputs to try the activations on
check(
    (lambda: [(layer.units, bool(np.allclose(layer.activation(probe_z), np.maximum(probe_z, 0))))
              for layer in model.layers if isinstance(layer, keras.layers.Dense)][:-1] == [(32, True)],
     "은닉층은 relu를 쓰는 노드 32개짜리 Dense 층 하나여야 합니다.",
     "There should be one hidden Dense layer of 32 nodes with relu."),
    (lambda: model.layers[-1].units == 1 and np.allclose(model.layers[-1].activation(probe_z), probe_z),
     "출력층은 노드 1개에 활성화 함수가 없어야 합니다.", "The output layer needs 1 node and no activation."),
    (lambda: np.isclose(np.mean(keras.losses.get(model.loss)(probe_true, probe_pred)),
                        np.mean((probe_true - probe_pred) ** 2)),
     "손실 함수는 평균 제곱 오차(mse)여야 합니다.", "The loss should be the mean squared error (mse)."),
    (lambda: any(np.isclose(float(value), np.mean(np.abs(probe_true - probe_pred)))
                 for key, value in model.compute_metrics(None, probe_true, probe_pred).items() if key != "loss"),
     "compile의 metrics에 평균 절대 오차(mae)를 넣어야 합니다.", "Give compile the mean absolute error (mae) as a metric."),
)

# %% [markdown] tags=["ko"]
# ## 2. 학습하기
#
# `epochs=100`, `batch_size=32`, `validation_data=(x_valid, y_valid)`로 학습하고 결과를 `history`에 담으세요.

# %% [markdown] tags=["en"]
# ## 2. Train
#
# Train with `epochs=100`, `batch_size=32`, `validation_data=(x_valid, y_valid)` and keep the result in `history`.

# %% tags=["starter"]
# TODO
history = None

# %% tags=["solution"]
history = model.fit(x_train, y_train, epochs=100, batch_size=32, validation_data=(x_valid, y_valid), verbose=0)
print(f"last val_mae {history.history['val_mae'][-1]:.3f}")

# %%
check(
    (lambda: len(history.history.get("val_loss", [])) == 100,
     "검증 데이터를 주고 100에포크 동안 학습해야 합니다.", "Train for 100 epochs with validation data."),
    (lambda: (lambda valid_mae: any(key.startswith("val_") and np.isclose(values[-1], valid_mae, rtol=1e-3)
                                    for key, values in history.history.items()))(
        np.mean(np.abs(y_valid - np.ravel(model.predict(x_valid, verbose=0))))),
     "history에 검증 MAE가 기록되어야 합니다(compile의 metrics에 mae를 넣으세요).",
     "history should record the validation MAE (give compile the mae metric)."),
    (lambda: np.mean(np.abs(y_valid - np.ravel(model.predict(x_valid, verbose=0)))) < 1.5,
     "검증 MAE가 1.5(천 개)보다 작아야 합니다.", "The validation MAE should be below 1.5 (thousand)."),
)

# %% [markdown] tags=["ko"]
# ## 3. 오차를 낱개 단위로 읽기
#
# 검증 데이터를 예측해 scikit-learn으로 MAE를 구해 `mae`에 담고, 이를 **낱개 단위**로 바꾼 값을 `mae_units`에 담으세요.

# %% [markdown] tags=["en"]
# ## 3. Read the error in single units
#
# Predict the validation rows, compute the MAE with scikit-learn into `mae`, and the same error **in single units** into `mae_units`.

# %% tags=["starter"]
# TODO
mae = mae_units = None

# %% tags=["solution"]
pred = model.predict(x_valid, verbose=0).ravel()
mae = mean_absolute_error(y_valid, pred)
mae_units = mae * 1000
print(f"MAE {mae:.3f} thousand = {mae_units:,.0f} units")

# %%
check(
    (lambda: np.isclose(mae, np.mean(np.abs(y_valid - np.ravel(model.predict(x_valid, verbose=0)))), rtol=1e-4),
     "mae는 검증 데이터로 구한 MAE여야 합니다.", "mae should be the MAE on the validation rows."),
    (lambda: np.isclose(mae_units / mae, 1e3),
     "mae_units는 낱개 단위여야 합니다(Sales는 천 개 단위입니다).", "mae_units should be in single units (Sales is in thousands)."),
)
