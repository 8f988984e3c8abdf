"""A hidden layer without activation='relu' keeps the model linear: it cannot separate two circles."""

import dlnotes  # noqa: F401  # ko: 사이트 도우미 모듈: TensorFlow 로그를 끄고 어느 컴퓨터에서나 같은 결과 # en: the site's helper module: no TensorFlow log lines, the same results on every machine

import keras
from sklearn.datasets import make_circles

x, y = make_circles(n_samples=400, noise=0.05, factor=0.5, random_state=0)  # ko: 안쪽 원 = 1, 바깥 원 = 0 # en: inner circle = 1, outer circle = 0


def train(hidden_activation):
    keras.utils.set_random_seed(0)
    model = keras.Sequential([
        keras.Input(shape=(2,)),
        keras.layers.Dense(16, activation=hidden_activation),
        keras.layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.05), loss="binary_crossentropy",
                  metrics=["accuracy"])
    model.fit(x, y, epochs=60, batch_size=64, verbose=0)
    return model.evaluate(x, y, verbose=0)[1]


# --8<-- [start:wrong]
acc_no_activation = train(None)  # ko: Dense(16)만 쓰고 activation을 빠뜨림 # en: Dense(16) with no activation
print(f"no activation: accuracy {acc_no_activation:.3f}")
# --8<-- [end:wrong]
# ko: 은닉층에 activation이 없는 모델은 정확도가 0.7보다 낮습니다.
# en: With no activation in the hidden layer, the model's accuracy is below 0.7.
assert acc_no_activation < 0.7  # claim: mistakes-no-relu-stays-linear

# --8<-- [start:fix]
acc_relu = train("relu")  # ko: 은닉층에 activation='relu'를 넣음 # en: activation='relu' in the hidden layer
print(f"relu:          accuracy {acc_relu:.3f}")
# --8<-- [end:fix]
# ko: 은닉층에 relu를 넣은 모델은 정확도가 0.95를 넘고, activation이 없을 때보다 0.3 넘게 높습니다.
# en: With relu in the hidden layer, the accuracy is above 0.95 and more than 0.3 higher than with no activation.
assert acc_relu > 0.95 and acc_relu - acc_no_activation > 0.3  # claim: mistakes-relu-fixes-circles
