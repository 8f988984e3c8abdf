# %% [markdown] tags=["ko"]
# # 코딩 연습: `fit`이 가중치를 몇 번 고치는지 세기
#
# $y = 3x + 2$에 잡음을 섞은 데이터로 `Dense(1)` 모델을 학습시키면서, 업데이트 횟수를 직접 계산하고 `fit`을 이어서 호출해 봅니다.
# `# TODO` 셀을 채운 뒤 바로 아래 **확인** 셀을 실행하세요. 15분 정도를 목표로 해 보세요.

# %% [markdown] tags=["en"]
# # Coding exercise: counting how often `fit` updates the weights
#
# Train a `Dense(1)` model on noisy $y = 3x + 2$ data, work out the number of updates yourself, and call `fit` again to continue.
# Fill in each `# TODO` cell, then run the **check** cell right below it. Aim for about 15 minutes.

# %%
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"  # ko: TensorFlow의 C++ 로그 메시지 숨기기 # en: hide TensorFlow's C++ log messages
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"  # ko: 어느 컴퓨터에서나 같은 계산 결과 # en: same numerics on every machine

import keras
import numpy as np
from dlnotes_check import check

keras.utils.set_random_seed(0)
rng = np.random.default_rng(0)
x = rng.uniform(-1, 1, size=(300, 1))
y = 3 * x[:, 0] + 2 + rng.normal(0, 0.1, 300)
model = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1)])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1), loss="mse")

# %% [markdown] tags=["ko"]
# ## 1. 업데이트 횟수 계산하기
#
# 아래 셀은 `epochs=4`, `batch_size=32`, `validation_split=0.2`로 학습합니다. 실행하기 **전에** 가중치가 몇 번 업데이트될지 계산해 `expected_updates`에 담으세요.

# %% [markdown] tags=["en"]
# ## 1. Work out the number of updates
#
# The cell below trains with `epochs=4`, `batch_size=32`, `validation_split=0.2`. **Before** running it, work out how many times the weights are updated and put it in `expected_updates`.

# %% tags=["starter"]
# TODO
expected_updates = None

# %% tags=["solution"]
n_train = int(np.floor(len(x) * (1 - 0.2)))  # ko: Keras처럼 내림, 학습 데이터 240행 # en: rounded down, as Keras does: 240 training rows
expected_updates = 4 * int(np.ceil(n_train / 32))
print(expected_updates)

# %%
history = model.fit(x, y, epochs=4, batch_size=32, validation_split=0.2, verbose=0)
check(
    (lambda: expected_updates == int(model.optimizer.iterations),
     "expected_updates가 실제 업데이트 횟수와 같아야 합니다. 검증 데이터의 행은 배치에 들어가지 않고, 마지막 배치는 작아도 한 번입니다.",
     "expected_updates should equal the real number of updates: validation rows are not batched; a smaller last batch counts."),
)

# %% [markdown] tags=["ko"]
# ## 2. 이어서 학습하기
#
# 같은 `model`로 `fit`을 한 번 더 호출해 4에포크를 더 학습하고, 그 결과를 `history2`에 담으세요. 모델을 새로 만들지 마세요.

# %% [markdown] tags=["en"]
# ## 2. Continue training
#
# Call `fit` once more on the same `model` for 4 more epochs, keeping the result in `history2`. Do not build a new model.

# %% tags=["starter"]
# TODO
history2 = None

# %% tags=["solution"]
history2 = model.fit(x, y, epochs=4, batch_size=32, validation_split=0.2, verbose=0)
print(f"{history.history['loss'][-1]:.4f} -> {history2.history['loss'][0]:.4f}")

# %%
check(
    (lambda: int(model.optimizer.iterations) == 2 * expected_updates,
     "같은 모델로 4에포크를 더 학습해야 합니다.", "Train the same model for 4 more epochs."),
    (lambda: history2.history["loss"][0] < history.history["loss"][0],
     "두 번째 fit은 앞에서 학습한 가중치에서 이어서 시작해야 합니다.",
     "The second fit should start from the weights the first one ended with."),
)
