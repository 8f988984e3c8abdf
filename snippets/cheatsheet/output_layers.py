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
assert pred_reg.shape == (8, 1) and (pred_reg.min() < 0 or pred_reg.max() > 1)  # claim: cheat-regression-output-unbounded
assert pred_reg.min() < 0  # claim: cheat-regression-output-can-be-negative

# --8<-- [start:binary]
model = model_with(keras.layers.Dense(1, activation="sigmoid"), loss="binary_crossentropy")  # ko: 이진 분류 # en: binary
proba = model.predict(x, verbose=0)
labels_binary = (proba >= 0.5).astype(int).ravel()  # ko: 확률 -> 0/1 # en: probability -> 0/1
print("binary      predict shape:", proba.shape, " labels:", labels_binary)
# --8<-- [end:binary]
assert proba.shape == (8, 1) and ((proba > 0) & (proba < 1)).all() and set(labels_binary) <= {0, 1}  # claim: cheat-binary-sigmoid-threshold

# --8<-- [start:multiclass]
model = model_with(keras.layers.Dense(3, activation="softmax"), loss="sparse_categorical_crossentropy")  # ko: 다중 분류, 클래스 3개 # en: multiclass, 3 classes
proba3 = model.predict(x, verbose=0)
labels_multi = proba3.argmax(axis=1)  # ko: 가장 큰 확률의 위치 = 클래스 # en: the position of the largest probability = the class
print("multiclass  predict shape:", proba3.shape, " row sums:", proba3.sum(axis=1).round(3)[:3], " labels:", labels_multi)
# --8<-- [end:multiclass]
assert proba3.shape == (8, 3) and np.allclose(proba3.sum(axis=1), 1, atol=1e-5)  # claim: cheat-softmax-rows-sum-to-1
assert set(labels_multi) <= {0, 1, 2}  # claim: cheat-argmax-gives-class
