"""Sparse (integer y) and categorical (one-hot y) cross-entropy train the very same model."""

import dlnotes  # noqa: F401  # ko: 사이트 도우미 모듈: TensorFlow 로그를 끄고 어느 컴퓨터에서나 같은 결과 # en: the site's helper module: no TensorFlow log lines, the same results on every machine

import re

import keras
import numpy as np
from sklearn.datasets import load_wine
from sklearn.preprocessing import StandardScaler

x, y = load_wine(return_X_y=True)
x = StandardScaler().fit_transform(x)


def train(loss, labels):
    keras.utils.set_random_seed(0)  # ko: 둘 다 같은 초기 가중치에서 시작 # en: the same starting weights for both
    model = keras.Sequential([
        keras.Input(shape=(13,)),
        keras.layers.Dense(8, activation="relu"),
        keras.layers.Dense(3, activation="softmax"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss=loss)
    history = model.fit(x, labels, epochs=10, batch_size=32, verbose=0)
    return model, history.history["loss"]


# --8<-- [start:train]
rows = [0, 70, 140]
print("integer labels:", y[rows])
print("one-hot labels:", keras.utils.to_categorical(y[rows], 3).astype(int).tolist())
sparse_model, sparse_loss = train("sparse_categorical_crossentropy", y)
onehot_model, onehot_loss = train("categorical_crossentropy", keras.utils.to_categorical(y, 3))
for epoch in [0, 4, 9]:
    print(f"epoch {epoch + 1:>2}: sparse {sparse_loss[epoch]:.4f}   categorical {onehot_loss[epoch]:.4f}")
weights_equal = all(np.allclose(a, b, atol=1e-4) for a, b in zip(sparse_model.get_weights(), onehot_model.get_weights()))
print(f"same trained weights: {weights_equal}")
# --8<-- [end:train]
# ko: 같은 초기 가중치에서 시작하면 sparse_categorical_crossentropy(정수 라벨)와 categorical_crossentropy(원-핫 라벨)의
# ko: `loss`가 에포크마다 같습니다(1e-5 오차 안에서).
# en: Starting from the same weights, sparse_categorical_crossentropy (integer labels) and categorical_crossentropy
# en: (one-hot labels) give the same loss at every epoch (within 1e-5).
assert np.allclose(sparse_loss, onehot_loss, atol=1e-5)  # claim: sparse-same-loss-every-epoch
# ko: 학습이 끝난 가중치도 두 방식에서 서로 같습니다(아주 작은 오차 안에서).
# en: The trained weights of the two ways are the same too (within a tiny tolerance).
assert weights_equal  # claim: sparse-same-weights
# ko: 마지막 에포크의 `loss`가 첫 에포크 `loss`의 절반보다 작습니다.
# en: The loss of the last epoch is less than half the loss of the first.
assert sparse_loss[-1] < 0.5 * sparse_loss[0]  # claim: sparse-model-learned

# --8<-- [start:mismatch]
try:
    train("categorical_crossentropy", y)  # ko: 원-핫용 손실에 정수 라벨 # en: one-hot loss, but integer labels
    problem = "no error"
except ValueError as error:
    problem = str(error).split(". Received")[0]
print("categorical_crossentropy + integer labels ->", problem)
# --8<-- [end:mismatch]
# ko: categorical_crossentropy에 정수 라벨을 주면 ValueError가 나고, 메시지에 "same rank"가 들어 있습니다.
# en: Giving categorical_crossentropy integer labels raises a ValueError whose message contains "same rank".
assert "same rank" in problem  # claim: sparse-mismatch-error

# --8<-- [start:labels_from_1]
y_from_1 = y + 1  # ko: 클래스 번호가 1, 2, 3인 라벨 # en: classes numbered 1, 2, 3
probabilities = sparse_model.predict(x[rows], verbose=0)  # ko: 클래스마다 한 행씩 # en: one row of each class
try:
    keras.losses.sparse_categorical_crossentropy(y_from_1[rows], probabilities)  # ko: 라벨 1, 2, 3 # en: labels 1, 2, 3
    label_problem = "no error"
except Exception as error:  # ko: TensorFlow의 InvalidArgumentError # en: TensorFlow's InvalidArgumentError
    # ko: 메시지는 TensorFlow 설정마다 조금 다름: "label value of 3 ... [0, 3)" 또는 "indices[..] = 3 is not in [0, 3)"
    # en: the message differs with TensorFlow's settings: "label value of 3 ... [0, 3)" or "indices[..] = 3 is not in [0, 3)"
    found = re.search(r"(?:label value of|indices\[\d+\] =) (\d+)\D.*?(\[0, \d+\))", str(error))
    label_problem = f"{type(error).__name__}: label {found[1]} is outside {found[2]}" if found else str(error)[:300]
print("labels 1, 2, 3 ->", label_problem)
_, shifted_loss = train("sparse_categorical_crossentropy", y_from_1 - 1)  # ko: 1을 빼서 0, 1, 2로 # en: subtract 1 to get 0, 1, 2
print(f"labels 0, 1, 2 -> trains, loss after 10 epochs {shifted_loss[-1]:.4f}")
# --8<-- [end:labels_from_1]
# ko: 출력 노드가 3개인 모델에 라벨 3을 주면 sparse_categorical_crossentropy가 InvalidArgumentError를 내고, 라벨 3이 [0,
# ko: 3) 밖이라고 알려 줍니다.
# en: Given label 3 for a model with 3 output nodes, sparse_categorical_crossentropy raises InvalidArgumentError: label
# en: 3 is outside [0, 3).
assert label_problem == "InvalidArgumentError: label 3 is outside [0, 3)"  # claim: sparse-labels-must-start-at-0
# ko: 라벨을 다시 0부터 매기면 학습이 되고, `loss`가 에포크마다 원래 라벨로 학습했을 때와 같습니다.
# en: With the labels numbered from 0 again, the model trains, with the same loss at every epoch as with the original
# en: labels.
assert np.allclose(shifted_loss, sparse_loss)  # claim: sparse-labels-shifted-train
