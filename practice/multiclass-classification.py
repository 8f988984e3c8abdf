# %% [markdown] tags=["ko"]
# # 코딩 연습: 와인 품종 다중 분류
#
# scikit-learn의 `load_wine` 데이터(품종 3가지)로 다중 분류 모델을 만듭니다. 데이터 나누기와 표준화는 준비되어 있습니다.
# `# TODO` 셀을 채운 뒤 바로 아래 **확인** 셀을 실행하세요. 20분 정도를 목표로 해 보세요.

# %% [markdown] tags=["en"]
# # Coding exercise: multi-class classification of wines
#
# A multi-class model on scikit-learn's `load_wine` data (three cultivars). Splitting and scaling are done for you.
# Fill in each `# TODO` cell, then run the **check** cell right below it. Aim for about 20 minutes.

# %%
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"  # ko: TensorFlow의 C++ 로그 메시지 숨기기 # en: hide TensorFlow's C++ log messages
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"  # ko: 어느 컴퓨터에서나 같은 계산 결과 # en: same numerics on every machine

import keras
import numpy as np
from dlnotes_check import check
from sklearn.datasets import load_wine
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

keras.utils.set_random_seed(0)
x, y = load_wine(return_X_y=True)
x_train, x_valid, y_train, y_valid = train_test_split(x, y, test_size=0.3, random_state=0, stratify=y)
scaler = StandardScaler().fit(x_train)  # ko: 학습 데이터로만 fit # en: fit on the training rows only
x_train, x_valid = scaler.transform(x_train), scaler.transform(x_valid)
print(x_train.shape, "classes:", np.unique(y_train))

# %% [markdown] tags=["ko"]
# ## 1. 모델 만들기
#
# 입력 13개, `relu` 은닉층 하나(노드 16개), 세 품종 가운데 하나를 고르는 출력층을 가진 `model`을 만드세요.
# 라벨 `y_train`은 `0, 1, 2` 같은 정수입니다. 여기에 맞는 손실 함수로 `compile`하세요(옵티마이저 `adam`, 지표 `accuracy`).

# %% [markdown] tags=["en"]
# ## 1. Build the model
#
# Build a `model` with 13 inputs, one hidden `relu` layer of 16 nodes, and an output layer that picks one of the three cultivars.
# The labels `y_train` are integers such as `0, 1, 2`: `compile` with the loss that fits them (optimizer `adam`, metric `accuracy`).

# %% tags=["starter"]
# TODO
model = None

# %% tags=["solution"]
model = keras.Sequential([
    keras.Input(shape=(13,)),
    keras.layers.Dense(16, activation="relu"),
    keras.layers.Dense(3, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])

# %%
probe_proba = np.array([[0.7, 0.2, 0.1], [0.1, 0.6, 0.3], [0.2, 0.2, 0.6]])  # ko: 손실 함수에 넣어 볼 확률과 정답 # en: known probabilities and classes for the loss
probe_classes = np.array([0, 2, 2])
probe_z = np.array([[-2.0, 0.0, 3.0]], dtype="float32")  # ko: 활성화 함수에 넣어 볼 값 # en: inputs to try the activations on
check(
    (lambda: not model.built or model.input_shape[-1] == 13,
     "입력은 특성 13개여야 합니다.", "The input should have the 13 features."),
    (lambda: [(layer.units, bool(np.allclose(layer.activation(probe_z), np.maximum(probe_z, 0))))
              for layer in model.layers if isinstance(layer, keras.layers.Dense)][:-1] == [(16, True)],
     "은닉층은 relu를 쓰는 노드 16개짜리 Dense 층 하나여야 합니다.",
     "There should be one hidden Dense layer of 16 nodes with relu."),
    (lambda: model.layers[-1].units == 3
     and np.allclose(model.layers[-1].activation(probe_z), np.exp(probe_z) / np.exp(probe_z).sum()),
     "출력층은 클래스 수만큼의 노드와 softmax여야 합니다.", "The output layer needs one node per class and softmax."),
    (lambda: np.isclose(np.mean(keras.losses.get(model.loss)(
        probe_classes if np.ndim(y_train) == 1 else np.eye(3)[probe_classes], probe_proba)),
        -np.mean(np.log(probe_proba[np.arange(3), probe_classes])), rtol=1e-4),
     "손실 함수가 y_train의 라벨 형식에 맞아야 합니다(정수 라벨인가요, 원-핫 라벨인가요?).",
     "The loss should match the labels in y_train (integer labels, or one-hot ones?)."),
)

# %% [markdown] tags=["ko"]
# ## 2. 학습하기
#
# `epochs=60`, `batch_size=16`, `validation_data=(x_valid, y_valid)`로 학습하고 결과를 `history`에 담으세요.

# %% [markdown] tags=["en"]
# ## 2. Train
#
# Train with `epochs=60`, `batch_size=16`, `validation_data=(x_valid, y_valid)` and keep the result in `history`.

# %% tags=["starter"]
# TODO
history = None

# %% tags=["solution"]
history = model.fit(x_train, y_train, epochs=60, batch_size=16, validation_data=(x_valid, y_valid), verbose=0)
print(f"last val_loss {history.history['val_loss'][-1]:.3f}")

# %%
check(
    (lambda: len(history.history.get("val_loss", [])) == 60,
     "검증 데이터를 주고 60에포크 동안 학습해야 합니다.", "Train for 60 epochs with validation data."),
    (lambda: history.history["val_loss"][-1] < history.history["val_loss"][0],
     "val_loss가 학습하는 동안 내려가야 합니다.", "val_loss should fall during training."),
)

# %% [markdown] tags=["ko"]
# ## 3. 클래스 예측하기
#
# 검증 데이터의 확률을 예측하고, 행마다 확률이 가장 큰 클래스를 골라 1차원 배열 `pred_classes`에 담으세요. 정확도는 0.9를 넘어야 합니다.

# %% [markdown] tags=["en"]
# ## 3. Predict the classes
#
# Predict the probabilities of the validation rows and pick, in each row, the class with the largest one: a one-dimensional array `pred_classes`. The accuracy should be above 0.9.

# %% tags=["starter"]
# TODO
pred_classes = None

# %% tags=["solution"]
proba = model.predict(x_valid, verbose=0)
pred_classes = proba.argmax(axis=1)
print(f"accuracy: {(pred_classes == y_valid).mean():.3f}")

# %%
check(
    (lambda: np.shape(pred_classes) == (len(y_valid),),
     "pred_classes는 검증 데이터의 행마다 값 하나인 1차원 배열이어야 합니다.",
     "pred_classes should be one-dimensional, one value per validation row."),
    (lambda: set(np.unique(pred_classes)) <= {0, 1, 2},
     "예측한 값은 클래스 번호 0, 1, 2여야 합니다.", "The predictions should be class numbers 0, 1, 2."),
    (lambda: np.mean(np.ravel(pred_classes).astype(int)
                     == (np.argmax(y_valid, axis=-1) if np.ndim(y_valid) == 2 else y_valid)) > 0.9,
     "검증 정확도가 0.9를 넘어야 합니다.", "The validation accuracy should be above 0.9."),
)
