"""Per problem type: the output layer, its activation, its loss, and how predictions become labels."""

import dlnotes  # noqa: F401  # ko: 사이트 도우미 모듈: TensorFlow 로그를 끄고 어느 컴퓨터에서나 같은 결과 # en: the site's helper module: no TensorFlow log lines, the same results on every machine

import keras
import numpy as np

rng = np.random.default_rng(0)
x = rng.normal(size=(8, 4))  # ko: 입력 8행, 특성 4개 # en: 8 rows, 4 features


def model_with(output_layer, loss):
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(8, activation="relu"), output_layer])
    model.compile(optimizer="adam", loss=loss)
    return model


# --8<-- [start:regression]
model = model_with(keras.layers.Dense(1), loss="mse")  # ko: 회귀: 노드 1개, activation 없음 # en: regression: 1 node, no activation
pred_reg = model.predict(x * 10, verbose=0)
print("regression  predict shape:", pred_reg.shape, " min", round(float(pred_reg.min()), 2),
      " max", round(float(pred_reg.max()), 2))
# --8<-- [end:regression]
# ko: 회귀 모델의 predict 결과는 (8, 1) 모양이고, 0보다 작거나 1보다 큰 값이 있습니다. 0과 1 사이에 갇혀 있지 않습니다.
# en: The regression model's predict returns shape (8, 1), with a value
# en: below 0 or above 1: its outputs are not held between 0 and 1.
assert pred_reg.shape == (8, 1) and (pred_reg.min() < 0 or pred_reg.max() > 1)  # claim: cheat-regression-output-unbounded
# ko: 회귀 모델의 예측 중에 음수가 있습니다.
# en: Some of the regression model's predictions are negative.
assert pred_reg.min() < 0  # claim: cheat-regression-output-can-be-negative

# --8<-- [start:binary]
model = model_with(keras.layers.Dense(1, activation="sigmoid"), loss="binary_crossentropy")  # ko: 이진 분류 # en: binary
proba = model.predict(x, verbose=0)
labels_binary = (proba >= 0.5).astype(int).ravel()  # ko: 확률 -> 0/1 # en: probability -> 0/1
print("binary      predict shape:", proba.shape, " labels:", labels_binary)
# --8<-- [end:binary]
# ko: sigmoid 출력은 (8, 1) 모양이고 모든 값이 0보다 크고 1보다 작습니다. 임곗값으로 바꾼 라벨은 모두 0 아니면 1입니다.
# en: The sigmoid output has shape (8, 1) and every value lies strictly
# en: between 0 and 1; the labels made with the threshold are all 0 or 1.
assert proba.shape == (8, 1) and ((proba > 0) & (proba < 1)).all() and set(labels_binary) <= {0, 1}  # claim: cheat-binary-sigmoid-threshold

# --8<-- [start:multiclass]
model = model_with(keras.layers.Dense(3, activation="softmax"), loss="sparse_categorical_crossentropy")  # ko: 다중 분류, 클래스 3개 # en: multiclass, 3 classes
proba3 = model.predict(x, verbose=0)
labels_multi = proba3.argmax(axis=1)  # ko: 가장 큰 확률의 위치 = 클래스 # en: the position of the largest probability = the class
print("multiclass  predict shape:", proba3.shape, " row sums:", proba3.sum(axis=1).round(3)[:3], " labels:", labels_multi)
# --8<-- [end:multiclass]
# ko: softmax 출력은 (8, 3) 모양이고, 행마다 확률의 합이 1입니다(차이 0.00001 이내).
# en: The softmax output has shape (8, 3), and the probabilities of each row add up to 1 (to within 0.00001).
assert proba3.shape == (8, 3) and np.allclose(proba3.sum(axis=1), 1, atol=1e-5)  # claim: cheat-softmax-rows-sum-to-1
# ko: argmax로 얻은 라벨은 모두 0, 1, 2 중 하나, 곧 클래스 번호입니다.
# en: Every label from argmax is 0, 1 or 2: a class number.
assert set(labels_multi) <= {0, 1, 2}  # claim: cheat-argmax-gives-class
