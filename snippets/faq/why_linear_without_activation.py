"""Two Dense layers without activation are one Dense layer: kernel W1·W2, bias b1·W2 + b2, for every input."""

import dlnotes  # noqa: F401  # ko: 사이트 도우미 모듈: TensorFlow 로그를 끄고 어느 컴퓨터에서나 같은 결과 # en: the site's helper module: no TensorFlow log lines, the same results on every machine

import keras
import numpy as np

keras.utils.set_random_seed(0)
rng = np.random.default_rng(0)

# --8<-- [start:collapse]
# ko: 활성화 함수 없이 층 두 개: 입력 3 -> 은닉 노드 4 -> 출력 1
# en: two stacked layers, no activation: 3 inputs -> 4 hidden nodes -> 1 output
two_layers = keras.Sequential([
    keras.Input(shape=(3,)),
    keras.layers.Dense(4),   # ko: 활성화 함수 없음: h = x·W1 + b1 # en: activation=None: h = x·W1 + b1
    keras.layers.Dense(1),   # ko: 출력: y = h·W2 + b2 # en: y = h·W2 + b2
])
# ko: 학습이 끝난 셈 치고 모든 가중치와 편향에 무작위 값을 넣음
# en: as if it had been trained: random values for every weight and bias
two_layers.set_weights([rng.normal(size=w.shape) for w in two_layers.get_weights()])
W1, b1 = two_layers.layers[0].get_weights()
W2, b2 = two_layers.layers[1].get_weights()

# ko: 합친 가중치를 넣은 Dense 층 하나
# en: one single Dense layer with the combined weights
one_layer = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(1)])
one_layer.set_weights([W1 @ W2, b1 @ W2 + b2])

x = rng.normal(size=(1000, 3)).astype("float32")  # ko: 무작위 입력 1000개 # en: 1000 random inputs
out_two, out_one = two_layers.predict(x, verbose=0), one_layer.predict(x, verbose=0)
same = np.allclose(out_two, out_one, atol=1e-5)
largest_difference = float(np.abs(out_two - out_one).max())
print(f"parameters: two layers {two_layers.count_params()}, one layer {one_layer.count_params()}")
print(f"same output on 1000 inputs: {same}   largest difference {largest_difference:.0e}")
# --8<-- [end:collapse]
# ko: 활성화 함수 없는 두 층과 가중치를 합친 한 층이 무작위 입력 모두에서 같은 출력을 냅니다. 가장 큰 차이가 1e-5보다
# ko: 작습니다.
# en: The two layers without activation and the one layer with the combined weights give the same output on every random
# en: input: the largest difference is below 1e-5.
assert same and largest_difference < 1e-5  # claim: linear-two-layers-are-one
params_two, params_one = two_layers.count_params(), one_layer.count_params()
# ko: 두 층은 파라미터가 21개, 한 층은 4개입니다.
# en: The two layers have 21 parameters, the one layer 4.
assert params_two == 21 and params_one == 4  # claim: linear-more-params-same-function

# --8<-- [start:with_relu]
# ko: 은닉층에 activation='relu'를 넣으면 하나로 합쳐지지 않음
# en: add activation='relu' to the hidden layer and the shortcut no longer works
with_relu = keras.Sequential([
    keras.Input(shape=(3,)),
    keras.layers.Dense(4, activation="relu"),
    keras.layers.Dense(1),
])
with_relu.set_weights(two_layers.get_weights())  # ko: 똑같은 가중치 # en: the very same weights
diff_relu = np.abs(with_relu.predict(x, verbose=0) - one_layer.predict(x, verbose=0)).max()
print(f"with ReLU: largest difference {diff_relu:.2f}")
# --8<-- [end:with_relu]
# ko: 똑같은 가중치라도 은닉층에 relu를 넣으면 한 층의 출력과 0.1 넘게 차이 나는 입력이 있습니다.
# en: With relu in the hidden layer and the very same weights, the output differs from the one layer's by more than 0.1
# en: on some input.
assert diff_relu > 0.1  # claim: linear-relu-breaks-collapse
