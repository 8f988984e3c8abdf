"""One output node per class; softmax gives probabilities that sum to 1; the class is the argmax."""

import dlnotes  # noqa: F401  # ko: 사이트 도우미 모듈: TensorFlow 로그를 끄고 어느 컴퓨터에서나 같은 결과 # en: the site's helper module: no TensorFlow log lines, the same results on every machine

import re

import keras
import numpy as np
from sklearn.datasets import load_iris
from sklearn.preprocessing import StandardScaler

iris = load_iris()
x, y = StandardScaler().fit_transform(iris.data), iris.target


def build(output_nodes):
    keras.utils.set_random_seed(0)
    model = keras.Sequential([
        keras.Input(shape=(4,)),
        keras.layers.Dense(8, activation="relu"),
        keras.layers.Dense(output_nodes, activation="softmax"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.02),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


# --8<-- [start:predict]
n_classes = len(np.unique(y))  # ko: 붓꽃 품종 3가지 -> 출력 노드 3개 # en: 3 kinds of iris -> 3 output nodes
model = build(n_classes)
model.fit(x, y, epochs=30, batch_size=16, verbose=0)

rows = [0, 68, 119]  # ko: 품종마다 한 송이씩 # en: one flower of each kind
proba = model.predict(x[rows], verbose=0)
for p, true in zip(proba, y[rows]):
    print("p = [" + ", ".join(f"{v:.3f}" for v in p) + f"]  sum {p.sum():.3f}"
          f"  argmax -> {iris.target_names[p.argmax()]:<10} true: {iris.target_names[true]}")
# --8<-- [end:predict]
# ko: 출력층의 노드 수가 클래스 수와 같은 3개입니다.
# en: The output layer has as many nodes as there are classes: 3.
assert model.output_shape == (None, n_classes) == (None, 3)  # claim: softmax-one-node-per-class
# ko: softmax가 낸 확률은 모두 0보다 크고, 한 행의 확률을 더하면 1입니다(1e-5 오차 안에서).
# en: Every probability softmax gives is above 0, and each row's probabilities add up to 1 (within 1e-5).
assert (proba > 0).all() and np.allclose(proba.sum(axis=1), 1, atol=1e-5)  # claim: softmax-positive-sum-to-one
# ko: 고른 꽃마다 확률이 가장 큰 자리(argmax)가 실제 품종과 같습니다.
# en: For each chosen flower, the position of the largest probability (argmax) is its true kind.
assert (proba.argmax(axis=1) == y[rows]).all()  # claim: softmax-argmax-is-the-class
accuracy = model.evaluate(x, y, verbose=0)[1]
# ko: 학습에 쓴 데이터에서 모델의 정확도가 0.9보다 높습니다.
# en: On the data it was trained on, the model's accuracy is above 0.9.
assert accuracy > 0.9  # claim: softmax-model-learned

# --8<-- [start:too_few]
too_small = build(2)  # ko: 클래스는 3개인데 출력 노드는 2개 # en: only 2 output nodes for 3 classes
try:
    too_small.fit(x, y, epochs=1, verbose=0)
    message = "no error"
except Exception as error:  # ko: 라벨 2를 맡을 노드가 없어 TensorFlow가 거부함 # en: TensorFlow refuses label 2: there is no node for it
    # ko: 문구는 TensorFlow 커널에 따라 "Received a label value of 2 ..." 또는 "indices[4] = 2 is not in [0, 2)"임
    # en: the wording depends on TensorFlow's kernel: "Received a label value of 2 ..." or "indices[4] = 2 is not in [0, 2)"
    found = re.search(r"(?:label value of|\] =) (\d+) .*?\[0, (\d+)\)", str(error))
    message = f"error: label {found[1]} is outside [0, {found[2]})"
print(message)
# --8<-- [end:too_few]
# ko: 출력 노드가 2개뿐인 모델을 라벨 2가 있는 데이터로 학습시키면, 라벨 2가 [0, 2) 밖이라는 오류가 납니다.
# en: Training a model with only 2 output nodes on data with label 2 fails: label 2 is outside [0, 2).
assert message == "error: label 2 is outside [0, 2)", message  # claim: softmax-too-few-nodes-error
