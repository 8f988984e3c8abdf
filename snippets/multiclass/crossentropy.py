"""sparse_categorical_crossentropy (integer y) = categorical_crossentropy (one-hot y)."""

import dlnotes  # noqa: F401  # ko: 사이트 도우미 모듈: TensorFlow 로그를 끄고 어느 컴퓨터에서나 같은 결과 # en: the site's helper module: no TensorFlow log lines, the same results on every machine

import keras
import numpy as np

# --8<-- [start:same]
y = np.array([0, 2, 1, 2])                 # ko: 정수 라벨: 클래스 번호 # en: integer labels: the class numbers
y_onehot = keras.utils.to_categorical(y, num_classes=3)
print("one-hot labels:\n", y_onehot)

proba = np.array([[0.7, 0.2, 0.1],         # ko: 샘플 4개에 대한 softmax 출력 # en: the model's softmax output for 4 samples
                  [0.1, 0.3, 0.6],
                  [0.2, 0.5, 0.3],
                  [0.3, 0.3, 0.4]], dtype="float32")

sparse = float(keras.losses.SparseCategoricalCrossentropy()(y, proba))
categorical = float(keras.losses.CategoricalCrossentropy()(y_onehot, proba))
# ko: 정답 클래스에 매긴 확률의 -log
# en: -log of the probability given to the true class
by_hand = float(np.mean(-np.log(proba[np.arange(len(y)), y])))
print(f"sparse_categorical_crossentropy (integer y): {sparse:.4f}")
print(f"categorical_crossentropy        (one-hot y): {categorical:.4f}")
print(f"mean of -log p[true class]                 : {by_hand:.4f}")
# --8<-- [end:same]
# ko: 정수 라벨로 계산한 sparse_categorical_crossentropy와 원-핫 라벨로 계산한
# ko: categorical_crossentropy가 같고(차이 1e-6 미만), 정답 클래스 확률의 -log를 직접 평균
# ko: 낸 값과도 같습니다(차이 1e-5 미만).
# en: sparse_categorical_crossentropy on integer labels equals categorical_crossentropy on one-hot labels (difference
# en: below 1e-6), and both equal the mean of -log of the true class's probability computed by hand (difference below
# en: 1e-5).
assert abs(sparse - categorical) < 1e-6 and abs(sparse - by_hand) < 1e-5  # claim: crossentropy-sparse-equals-categorical
# ko: 원-핫 라벨마다 가장 큰 값이 있는 자리(argmax)가 원래 정수 라벨과 같습니다.
# en: In every one-hot label, the position of its largest value (its argmax) is the original integer label.
assert (y_onehot.argmax(axis=1) == y).all()  # claim: crossentropy-onehot-keeps-the-class
rng = np.random.default_rng(0)  # ko: 이 네 행뿐 아니라 무작위 행 여러 개에서도 같음 # en: the same on many random rows, not just these four
labels = rng.integers(0, 5, size=200)
p = rng.dirichlet(np.ones(5), size=200).astype("float32")
# ko: 무작위로 만든 여러 행의 라벨과 확률에서도 sparse_categorical_crossentropy와
# ko: categorical_crossentropy가 같습니다.
# en: On many random rows of labels and probabilities too, sparse_categorical_crossentropy equals
# en: categorical_crossentropy.
assert np.isclose(float(keras.losses.SparseCategoricalCrossentropy()(labels, p)),  # claim: crossentropy-same-on-random-rows
                  float(keras.losses.CategoricalCrossentropy()(keras.utils.to_categorical(labels, 5), p)),
                  rtol=1e-5)
