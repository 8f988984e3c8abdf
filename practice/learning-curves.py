# %% [markdown] tags=["ko"]
# # 코딩 연습: 과적합 곡선 읽고 조기 종료 걸기
#
# 53개 컬럼 데이터에 큰 신경망을 30에포크 학습시킨 `history`가 준비되어 있습니다. 학습 곡선에서 가장 좋았던 에포크를 찾고, 조기 종료로 다시 학습합니다.
# `# TODO` 셀을 채운 뒤 바로 아래 **확인** 셀을 실행하세요. 15분 정도를 목표로 해 보세요.

# %% [markdown] tags=["en"]
# # Coding exercise: reading an overfitting curve and stopping early
#
# A `history` of a large network trained for 30 epochs on 53-column data is ready. Find the best epoch in its learning curve, then train again with early stopping.
# Fill in each `# TODO` cell, then run the **check** cell right below it. Aim for about 15 minutes.

# %%
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"  # ko: TensorFlow의 C++ 로그 메시지 숨기기 # en: hide TensorFlow's C++ log messages
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"  # ko: 어느 컴퓨터에서나 같은 계산 결과 # en: same numerics on every machine

from dlnotes import make_binary_53

import keras
import numpy as np
from dlnotes_check import check
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

x, y = make_binary_53()  # ko: 1000행, 53개 컬럼 # en: 1000 rows, 53 columns
x_train, x_valid, y_train, y_valid = train_test_split(x, y, test_size=0.3, random_state=0, stratify=y)
scaler = StandardScaler().fit(x_train)
x_train, x_valid = scaler.transform(x_train), scaler.transform(x_valid)


def build():
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input(shape=(53,)), keras.layers.Dense(256, activation="relu"),
                              keras.layers.Dense(256, activation="relu"), keras.layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.003), loss="binary_crossentropy",
                  metrics=["accuracy"])
    return model


history = build().fit(x_train, y_train, epochs=30, batch_size=100, validation_data=(x_valid, y_valid), verbose=0)
print([round(v, 3) for v in history.history["val_loss"][:8]], "...")

# %% [markdown] tags=["ko"]
# ## 1. 가장 좋았던 에포크 찾기
#
# `history.history["val_loss"]`에서 검증 손실이 가장 낮았던 에포크를 찾아 `best_epoch`에 담으세요. 에포크는 1부터 셉니다.

# %% [markdown] tags=["en"]
# ## 1. Find the best epoch
#
# Find the epoch with the lowest validation loss in `history.history["val_loss"]` and put it in `best_epoch`. Epochs count from 1.

# %% tags=["starter"]
# TODO
best_epoch = None

# %% tags=["solution"]
best_epoch = int(np.argmin(history.history["val_loss"])) + 1
print(best_epoch)

# %%
check(
    (lambda: 1 <= best_epoch <= 30 and history.history["val_loss"][best_epoch - 1] == min(history.history["val_loss"]),
     "best_epoch는 val_loss가 가장 낮았던 에포크(1부터 셈)여야 합니다.",
     "best_epoch should be the epoch with the lowest val_loss (counting from 1)."),
)

# %% [markdown] tags=["ko"]
# ## 2. 조기 종료로 다시 학습하기
#
# `model = build()`로 새 모델을 만들고, `val_loss`를 지켜보며 5에포크 동안 나아지지 않으면 멈추고 가장 좋았던 가중치로 되돌리는 `EarlyStopping`으로 다시 학습해 `history2`에 담으세요(`epochs=30`, `batch_size=100`).

# %% [markdown] tags=["en"]
# ## 2. Train again with early stopping
#
# Build a new model with `model = build()` and train it again with an `EarlyStopping` that watches `val_loss`, stops after 5 epochs without improvement and restores the best weights; keep the result in `history2` (`epochs=30`, `batch_size=100`).

# %% tags=["starter"]
# TODO
model = history2 = None

# %% tags=["solution"]
model = build()
early_stop = keras.callbacks.EarlyStopping(monitor="val_loss", patience=5, restore_best_weights=True)
history2 = model.fit(x_train, y_train, epochs=30, batch_size=100, validation_data=(x_valid, y_valid),
                     callbacks=[early_stop], verbose=0)
print(f"ran {len(history2.history['loss'])} epochs")

# %%
check(
    (lambda: len(history2.history["loss"]) < 30,
     "조기 종료가 30에포크 전에 학습을 멈춰야 합니다.", "Early stopping should end the training before epoch 30."),
    (lambda: abs(model.evaluate(x_valid, y_valid, verbose=0)[0] - min(history2.history["val_loss"])) < 1e-4,
     "조기 종료가 가장 좋았던 가중치로 되돌려야 합니다.", "Early stopping should restore the best weights."),
)
