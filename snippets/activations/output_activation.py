"""Output activation by task: none for regression, sigmoid for binary, softmax for multi-class."""

import dlnotes  # noqa: F401  # ko: 사이트 도우미 모듈: TensorFlow 로그를 끄고 어느 컴퓨터에서나 같은 결과 # en: the site's helper module: no TensorFlow log lines, the same results on every machine

import keras
import numpy as np

keras.utils.set_random_seed(0)
x = np.random.default_rng(0).normal(scale=3.0, size=(5, 4)).astype("float32")  # ko: 5행, 특성 4개 # en: 5 rows, 4 features

# --8<-- [start:outputs]
def make_model(output_layer):
    return keras.Sequential([
        keras.Input(shape=(4,)),
        keras.layers.Dense(8, activation="relu"),  # ko: 은닉층 # en: hidden layer
        output_layer,
    ])

models = {
    "regression": make_model(keras.layers.Dense(1)),                           # ko: 활성화 함수 없음 # en: no activation
    "binary": make_model(keras.layers.Dense(1, activation="sigmoid")),         # ko: 클래스 1의 확률 # en: probability of class 1
    "multi-class": make_model(keras.layers.Dense(3, activation="softmax")),    # ko: 클래스마다 노드 하나 # en: one node per class
}
preds = {}
for task, model in models.items():
    out = model.layers[-1].get_config()
    preds[task] = model.predict(x, verbose=0)
    print(f"{task:>11}: units={out['units']}, activation={out['activation']!r}")
    print(f"{'':>13}first row: {np.round(preds[task][0], 3)}")

print("softmax row sums:", np.round(preds["multi-class"].sum(axis=1), 3))
# --8<-- [end:outputs]
# ko: 활성화 함수를 지정하지 않은 회귀 모델의 출력층은 Keras 설정에 'linear'로 나옵니다.
# en: The regression model's output layer, given no activation, shows 'linear' in its Keras config.
assert models["regression"].layers[-1].get_config()["activation"] == "linear"  # claim: output-regression-linear
# ko: sigmoid 출력층의 예측값은 모두 0보다 크고 1보다 작습니다.
# en: Every prediction of the sigmoid output layer is above 0 and below 1.
assert np.all((preds["binary"] > 0) & (preds["binary"] < 1))  # claim: output-sigmoid-in-0-1
# ko: softmax 출력층의 예측값은 모두 0보다 큽니다.
# en: Every output of the softmax layer is above 0.
assert np.all(preds["multi-class"] > 0)  # claim: output-softmax-positive
# ko: softmax 출력은 어느 행이든 더하면 1입니다(아주 작은 계산 오차는 허용합니다).
# en: Every row of softmax outputs sums to 1 (up to a tiny rounding error).
assert np.allclose(preds["multi-class"].sum(axis=1), 1.0, atol=1e-5)  # claim: output-softmax-rows-sum-to-1
# ko: 선형 출력은 (0, 1) 안으로 눌리지 않습니다. 이 입력에서는 회귀 모델의 예측 중 일부가 0보다 작거나 1보다 큽니다.
# en: A linear output is not squeezed into (0, 1): with these inputs some of the regression model's predictions are
# en: below 0 or above 1.
assert np.any((preds["regression"] < 0) | (preds["regression"] > 1))  # claim: output-linear-unbounded
