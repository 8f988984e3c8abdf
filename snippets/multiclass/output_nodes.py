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
    # ko: 세 데이터 모두 모델의 출력 모양이 (None, 클래스 수)이고, 샘플 5개를 predict한 결과의 모양은 (5,
    # ko: 클래스 수)입니다.
    # en: For each data set, the model's output shape is (None, number of classes), and predict on 5 samples returns
    # en: shape (5, number of classes).
    assert output_shape == (None, n_classes) and proba.shape == (5, n_classes)  # claim: nodes-one-per-class
    # ko: 세 데이터 모두 predict 결과의 각 행은 합이 1입니다.
    # en: For each data set, every row of predict's output sums to 1.
    assert np.allclose(proba.sum(axis=1), 1, atol=1e-5)  # claim: nodes-rows-sum-to-1
# ko: y의 클래스 수가 붓꽃 3개, 와인 3개, 숫자 10개입니다.
# en: The number of classes of y is 3 for iris, 3 for wine and 10 for digits.
assert [r[0] for r in results] == [3, 3, 10]  # claim: nodes-iris-wine-digits-classes
