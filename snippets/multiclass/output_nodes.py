"""Output nodes = number of classes = number of categories of y: one softmax probability per class."""

import dlnotes  # noqa: F401  # ko: 사이트 도우미 모듈: TensorFlow 로그를 끄고 어느 컴퓨터에서나 같은 결과 # en: the site's helper module: no TensorFlow log lines, the same results on every machine

import keras
import numpy as np
from sklearn.datasets import load_digits, load_iris, load_wine

results = []
# --8<-- [start:nodes]
for name, load in [("iris", load_iris), ("wine", load_wine), ("digits", load_digits)]:
    x, y = load(return_X_y=True)
    n_classes = len(np.unique(y))  # ko: y의 범주 수 # en: the number of categories of y

    keras.utils.set_random_seed(0)
    model = keras.Sequential([
        keras.Input(shape=(x.shape[1],)),
        keras.layers.Dense(16, activation="relu"),
        keras.layers.Dense(n_classes, activation="softmax"),  # ko: 클래스마다 출력 노드 하나 # en: one output node per class
    ])
    proba = model.predict(x[:5], verbose=0)
    print(f"{name:<6}: classes of y {np.unique(y)} -> output_shape {model.output_shape}, "
          f"predict(x[:5]).shape {proba.shape}")
    results.append((n_classes, model.output_shape, proba))
# --8<-- [end:nodes]
for n_classes, output_shape, proba in results:
    assert output_shape == (None, n_classes) and proba.shape == (5, n_classes)  # claim: nodes-one-per-class
    # ko: 각 행: 모든 클래스의 확률
    # en: each row: probabilities of all classes
    assert np.allclose(proba.sum(axis=1), 1, atol=1e-5)  # claim: nodes-rows-sum-to-1
assert [r[0] for r in results] == [3, 3, 10]  # claim: nodes-iris-wine-digits-classes
