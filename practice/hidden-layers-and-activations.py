# %% [markdown] tags=["ko"]
# # 코딩 연습: 은닉층으로 원 안팎 나누기
#
# 원 안의 점과 바깥의 점은 직선 하나로 나눌 수 없습니다. 은닉층과 활성화 함수를 더해 이 두 클래스를 나누는 모델을 만듭니다.
# `# TODO` 셀을 채운 뒤 바로 아래 **확인** 셀을 실행하세요. 15분 정도를 목표로 해 보세요.

# %% [markdown] tags=["en"]
# # Coding exercise: separating inside from outside a circle with a hidden layer
#
# No straight line separates the points inside a circle from those outside. Add a hidden layer with an activation function to build a model that does.
# Fill in each `# TODO` cell, then run the **check** cell right below it. Aim for about 15 minutes.

# %%
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"  # ko: TensorFlow의 C++ 로그 메시지 숨기기 # en: hide TensorFlow's C++ log messages
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"  # ko: 어느 컴퓨터에서나 같은 계산 결과 # en: same numerics on every machine

import keras
from dlnotes_check import check
from sklearn.datasets import make_circles

keras.utils.set_random_seed(0)
x, y = make_circles(n_samples=400, noise=0.05, factor=0.5, random_state=0)  # ko: 시드를 고정한 데이터 # en: seeded data

# ko: 비교용: 은닉층 없는 모델 # en: for comparison: a model without a hidden layer
plain = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(1, activation="sigmoid")])
plain.compile(optimizer=keras.optimizers.Adam(0.05), loss="binary_crossentropy", metrics=["accuracy"])
plain.fit(x, y, epochs=50, batch_size=32, verbose=0)
plain_accuracy = plain.evaluate(x, y, verbose=0)[1]
print(f"no hidden layer: accuracy {plain_accuracy:.2f}")

# %% [markdown] tags=["ko"]
# ## 1. 은닉층이 있는 모델
#
# 입력 2개, `relu` 은닉층 하나(노드 16개), 이진 분류의 출력층을 가진 `model`을 만들고, `keras.optimizers.Adam(0.05)`, 알맞은 손실 함수, `accuracy` 지표로 `compile`하세요.

# %% [markdown] tags=["en"]
# ## 1. A model with a hidden layer
#
# Build a `model` with 2 inputs, one hidden `relu` layer of 16 nodes and the output layer of a binary classifier; `compile` it with `keras.optimizers.Adam(0.05)`, the right loss and the `accuracy` metric.

# %% tags=["starter"]
# TODO
model = None

# %% tags=["solution"]
model = keras.Sequential([
    keras.Input(shape=(2,)),
    keras.layers.Dense(16, activation="relu"),
    keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer=keras.optimizers.Adam(0.05), loss="binary_crossentropy", metrics=["accuracy"])

# %%
check(
    (lambda: len(model.layers) == 2 and model.layers[0].units == 16,
     "은닉층(노드 16개) 하나와 출력층이 있어야 합니다.", "There should be one hidden layer of 16 nodes and the output layer."),
    (lambda: model.layers[0].activation.__name__ != "linear",
     "은닉층에 활성화 함수가 있어야 합니다(없으면 모델은 여전히 선형입니다).", "The hidden layer needs an activation (without one the model stays linear)."),
)

# %% [markdown] tags=["ko"]
# ## 2. 학습하고 정확도 비교하기
#
# `epochs=50`, `batch_size=32`로 `x`, `y` 전체를 학습하고, `model.evaluate`로 구한 정확도를 `accuracy`에 담으세요.

# %% [markdown] tags=["en"]
# ## 2. Train and compare the accuracy
#
# Train on all of `x`, `y` with `epochs=50`, `batch_size=32`, and put the accuracy from `model.evaluate` in `accuracy`.

# %% tags=["starter"]
# TODO
accuracy = None

# %% tags=["solution"]
model.fit(x, y, epochs=50, batch_size=32, verbose=0)
accuracy = model.evaluate(x, y, verbose=0)[1]
print(f"one hidden ReLU layer: accuracy {accuracy:.2f}")

# %%
check(
    (lambda: accuracy > 0.95, "정확도가 0.95를 넘어야 합니다.", "The accuracy should be above 0.95."),
    (lambda: accuracy > plain_accuracy + 0.3,
     "은닉층 없는 모델보다 훨씬 나아야 합니다.", "It should do much better than the model without a hidden layer."),
)
