"""predict returns shape (n, 1): compared with y of shape (n,), it broadcasts to (n, n) and the accuracy is wrong."""

import dlnotes  # noqa: F401  # ko: 사이트 도우미 모듈: TensorFlow 로그를 끄고 어느 컴퓨터에서나 같은 결과 # en: the site's helper module: no TensorFlow log lines, the same results on every machine

import keras
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

x, y_benign = load_breast_cancer(return_X_y=True)
y = 1 - y_benign  # ko: 악성 = 1 # en: malignant = 1
x_train, x_val, y_train, y_val = train_test_split(x, y, test_size=0.3, random_state=0, stratify=y)
scaler = StandardScaler().fit(x_train)
x_train, x_val = scaler.transform(x_train), scaler.transform(x_val)
keras.utils.set_random_seed(0)
model = keras.Sequential([keras.Input(shape=(30,)), keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="binary_crossentropy",
              metrics=["accuracy"])
model.fit(x_train, y_train, epochs=20, batch_size=32, verbose=0)

# --8<-- [start:wrong]
pred = model.predict(x_val, verbose=0)
labels = (pred >= 0.5).astype(int)
print("pred.shape:", pred.shape, "  y_val.shape:", y_val.shape)
print("(labels == y_val).shape:", (labels == y_val).shape)
acc_wrong = (labels == y_val).mean()
print(f"accuracy (wrong): {acc_wrong:.3f}")
# --8<-- [end:wrong]
n = len(y_val)
# ko: 검증 데이터가 n행이면 predict 결과는 (n, 1) 모양입니다. 이것을 y_val과
# ko: 그대로 비교하면 (n, n) 표가 되고, 그렇게 구한 정확도는 0.6보다 낮습니다.
# en: For n validation rows, predict returns shape (n, 1). Compared with y_val as it
# en: is, it makes an (n, n) table, and the accuracy computed from it is below 0.6.
assert pred.shape == (n, 1) and (labels == y_val).shape == (n, n) and acc_wrong < 0.6  # claim: mistakes-predict-shape-broadcasts

# --8<-- [start:fix]
labels = (pred.ravel() >= 0.5).astype(int)  # ko: (n, 1) -> (n,) 로 편 다음 비교 # en: flatten (n, 1) -> (n,) first
acc_right = (labels == y_val).mean()
acc_keras = model.evaluate(x_val, y_val, verbose=0)[1]
print(f"accuracy (ravel): {acc_right:.3f}   Keras evaluate: {acc_keras:.3f}")
# --8<-- [end:fix]
# ko: .ravel()로 편 다음 구한 정확도는 0.9를 넘고, Keras evaluate가 계산한 정확도와 같습니다.
# en: The accuracy computed after .ravel() is above 0.9 and equals the accuracy from Keras' evaluate.
assert acc_right > 0.9 and abs(acc_right - acc_keras) < 1e-6  # claim: mistakes-ravel-fixes-accuracy
