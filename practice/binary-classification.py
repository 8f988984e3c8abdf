# %% [markdown] tags=["ko"]
# # 코딩 연습: 유방암 진단 이진 분류
#
# AICE 시험과 같은 순서로 풀어 봅니다. 데이터 나누기 → 표준화 → 모델 만들기 → 조기 종료로 학습 → 임곗값으로 라벨 만들기.
# `# TODO`가 있는 셀을 채운 뒤, 바로 아래 **확인** 셀을 실행하세요. 통과하지 못한 항목은 ✗로 표시되고 무엇이 틀렸는지 알려 줍니다.
#
# 25분 정도를 목표로 해 보세요.

# %% [markdown] tags=["en"]
# # Coding exercise: binary classification of breast cancer
#
# In the exam's order: split the data → scale it → build the model → train it with early stopping → turn probabilities into labels with a threshold.
# Fill in each cell marked `# TODO`, then run the **check** cell right below it. Every check that does not pass is marked ✗ and says what is wrong.
#
# Aim for about 25 minutes.

# %%
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"  # ko: TensorFlow의 C++ 로그 메시지 숨기기 # en: hide TensorFlow's C++ log messages
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"  # ko: 어느 컴퓨터에서나 같은 계산 결과 # en: same numerics on every machine

import keras
import numpy as np
from dlnotes_check import check
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

keras.utils.set_random_seed(0)
data = load_breast_cancer()
x = data.data
y = 1 - data.target  # ko: 악성(malignant)을 1로 # en: malignant as 1
print(x.shape, y.mean().round(2))

# %% [markdown] tags=["ko"]
# ## 1. 데이터 나누기와 표준화
#
# `train_test_split`으로 30%를 검증 데이터로 떼어 내세요(`random_state=0`, `stratify=y`). 그다음 `StandardScaler`를 **학습 데이터로만** fit하고, 학습 데이터와 검증 데이터를 모두 변환하세요.
# 결과는 `x_train`, `x_valid`, `y_train`, `y_valid`, `scaler`에 담습니다.

# %% [markdown] tags=["en"]
# ## 1. Split and scale
#
# Hold out 30% for validation with `train_test_split` (`random_state=0`, `stratify=y`). Then fit a `StandardScaler` on **the training rows only** and transform both sets.
# Keep the results in `x_train`, `x_valid`, `y_train`, `y_valid` and `scaler`.

# %% tags=["starter"]
# TODO
x_train = x_valid = y_train = y_valid = None
scaler = None

# %% tags=["solution"]
x_train, x_valid, y_train, y_valid = train_test_split(x, y, test_size=0.3, random_state=0, stratify=y)
scaler = StandardScaler().fit(x_train)
x_train, x_valid = scaler.transform(x_train), scaler.transform(x_valid)

# %%
x_values = np.round(x, 8)  # ko: 원래 데이터의 값들: 변환을 되돌린 값과 비교함 # en: the data's own values, to compare with what the scaler undoes
check(
    (lambda: len(x_train) + len(x_valid) == len(x) and abs(len(x_valid) / len(x) - 0.3) < 0.01,
     "검증 데이터는 전체 행의 30%여야 합니다.", "The validation set should be 30% of the rows."),
    (lambda: abs(np.sum(y_valid) - len(y_valid) * np.mean(np.concatenate([y_train, y_valid]))) <= 0.5,
     "검증 데이터의 악성 비율이 전체와 같아야 합니다(train_test_split에 stratify=y를 주세요).",
     "The validation set should keep the share of malignant rows (give train_test_split stratify=y)."),
    (lambda: (lambda rows: np.allclose(scaler.mean_, rows.mean(axis=0)))(
        x_train if np.isin(x_train, x).all() else scaler.inverse_transform(x_train)),
     "스케일러는 학습 데이터로만 fit해야 합니다(전체 행이나 검증 데이터로 fit하지 마세요).",
     "Fit the scaler on the training rows only (not on all rows, nor on the validation rows)."),
    (lambda: np.isin(np.round(scaler.inverse_transform(x_train), 8), x_values).all(),
     "x_train은 scaler로 변환한 값이어야 합니다.", "x_train should be the training rows transformed by scaler."),
    (lambda: np.isin(np.round(scaler.inverse_transform(x_valid), 8), x_values).all(),
     "x_valid도 학습 데이터로 fit한 scaler로 변환해야 합니다(검증 데이터로 다시 fit하지 마세요).",
     "Transform x_valid with the scaler fitted on the training rows too (do not fit it again on x_valid)."),
)

# %% [markdown] tags=["ko"]
# ## 2. 모델 만들기
#
# 입력 30개, `relu` 은닉층 하나(노드 16개), 이진 분류에 맞는 출력층을 가진 `model`을 만들고 `compile`하세요. 옵티마이저는 `adam`, 지표는 `accuracy`입니다.

# %% [markdown] tags=["en"]
# ## 2. Build the model
#
# Build and `compile` a `model` with 30 inputs, one hidden `relu` layer of 16 nodes, and the output layer a binary classifier needs. Use the `adam` optimizer and the `accuracy` metric.

# %% tags=["starter"]
# TODO
model = None

# %% tags=["solution"]
model = keras.Sequential([
    keras.Input(shape=(30,)),
    keras.layers.Dense(16, activation="relu"),
    keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])

# %%
probe_true = np.array([[0.0], [1.0], [1.0], [0.0]])  # ko: 손실 함수에 넣어 볼 정답과 확률 # en: known labels and probabilities for the loss
probe_pred = np.array([[0.1], [0.8], [0.6], [0.3]])
probe_z = np.array([-2.0, 0.0, 3.0], dtype="float32")  # ko: 활성화 함수에 넣어 볼 값 # en: inputs to try the activations on
check(
    (lambda: not model.built or model.input_shape[-1] == 30,
     "입력은 특성 30개여야 합니다.", "The input should have the 30 features."),
    (lambda: [(layer.units, bool(np.allclose(layer.activation(probe_z), np.maximum(probe_z, 0))))
              for layer in model.layers if isinstance(layer, keras.layers.Dense)][:-1] == [(16, True)],
     "은닉층은 relu를 쓰는 노드 16개짜리 Dense 층 하나여야 합니다.",
     "There should be one hidden Dense layer of 16 nodes with relu."),
    (lambda: model.layers[-1].units == 1 and np.allclose(model.layers[-1].activation(probe_z), 1 / (1 + np.exp(-probe_z))),
     "출력층은 노드 1개와 sigmoid여야 합니다.", "The output layer needs 1 node and a sigmoid."),
    (lambda: np.isclose(np.mean(keras.losses.get(model.loss)(probe_true, probe_pred)),
                        -np.mean(probe_true * np.log(probe_pred) + (1 - probe_true) * np.log(1 - probe_pred)), rtol=1e-4),
     "손실 함수는 이진 교차 엔트로피(binary_crossentropy)여야 합니다.",
     "The loss should be the binary cross-entropy (binary_crossentropy)."),
)

# %% [markdown] tags=["ko"]
# ## 3. 조기 종료로 학습하기
#
# `EarlyStopping`으로 `val_loss`를 지켜보다가 5에포크 동안 나아지지 않으면 멈추고, **가장 좋았던 가중치로 되돌리도록** 하세요. `epochs=200`, `batch_size=32`, `validation_data=(x_valid, y_valid)`로 학습하고 결과를 `history`에 담습니다.

# %% [markdown] tags=["en"]
# ## 3. Train with early stopping
#
# Use `EarlyStopping` to watch `val_loss`, stop after 5 epochs without improvement and **restore the best weights**. Train with `epochs=200`, `batch_size=32`, `validation_data=(x_valid, y_valid)` and keep the result in `history`.

# %% tags=["starter"]
# TODO
history = None

# %% tags=["solution"]
early_stop = keras.callbacks.EarlyStopping(monitor="val_loss", patience=5, restore_best_weights=True)
history = model.fit(x_train, y_train, epochs=200, batch_size=32, validation_data=(x_valid, y_valid),
                    callbacks=[early_stop], verbose=0)
print(f"epochs: {len(history.history['loss'])}, lowest val_loss {min(history.history['val_loss']):.3f}")

# %%
check(
    (lambda: "val_loss" in history.history,
     "검증 데이터를 주고 학습해야 val_loss가 기록됩니다.", "Train with validation data so that val_loss is recorded."),
    (lambda: len(history.history["loss"]) < 200,
     "조기 종료가 학습을 200에포크 전에 멈춰야 합니다.", "Early stopping should end the training before epoch 200."),
    (lambda: abs(model.evaluate(x_valid, y_valid, verbose=0, return_dict=True)["loss"]
                 - min(history.history["val_loss"])) < 1e-4,
     "조기 종료가 가장 좋았던 가중치로 되돌려야 합니다.", "Early stopping should restore the best weights."),
)

# %% [markdown] tags=["ko"]
# ## 4. 임곗값 0.5로 라벨 만들기
#
# 검증 데이터의 확률을 예측하고, 0.5 이상을 1로 바꾼 1차원 정수 배열 `pred_labels`를 만드세요. 정확도는 0.93을 넘어야 합니다.

# %% [markdown] tags=["en"]
# ## 4. Labels with a 0.5 threshold
#
# Predict the probabilities of the validation rows and turn those of 0.5 or more into 1: a one-dimensional integer array `pred_labels`. The accuracy should be above 0.93.

# %% tags=["starter"]
# TODO
pred_labels = None

# %% tags=["solution"]
proba = model.predict(x_valid, verbose=0)
pred_labels = (proba >= 0.5).astype(int).ravel()
print(f"accuracy: {(pred_labels == y_valid).mean():.3f}")

# %%
check(
    (lambda: np.shape(pred_labels) == (len(y_valid),),
     "pred_labels는 검증 데이터의 행마다 값 하나인 1차원 배열이어야 합니다.",
     "pred_labels should be one-dimensional, one value per validation row."),
    (lambda: set(np.unique(pred_labels)) <= {0, 1}, "라벨은 0과 1이어야 합니다.", "The labels should be 0 and 1."),
    (lambda: np.mean(np.ravel(pred_labels).astype(int) == np.ravel(y_valid)) > 0.93,
     "검증 정확도가 0.93을 넘어야 합니다.", "The validation accuracy should be above 0.93."),
)
