"""One-hot labels with sparse_categorical_crossentropy (and integer labels with categorical_crossentropy) fail."""

import dlnotes  # noqa: F401  # ko: 사이트 도우미 모듈: TensorFlow 로그를 끄고 어느 컴퓨터에서나 같은 결과 # en: the site's helper module: no TensorFlow log lines, the same results on every machine

import keras
import numpy as np
from sklearn.datasets import load_iris
from sklearn.preprocessing import StandardScaler

x, y = load_iris(return_X_y=True)
x = StandardScaler().fit_transform(x)


def make_model(loss):
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(3, activation="softmax")])
    model.compile(optimizer="adam", loss=loss)
    return model


# --8<-- [start:wrong]
y_onehot = keras.utils.to_categorical(y, 3)  # ko: [0, 1, 0] 꼴의 원-핫 라벨 # en: one-hot labels like [0, 1, 0]
print("y_onehot.shape:", y_onehot.shape)
errors = []
for loss, labels in [("sparse_categorical_crossentropy", y_onehot), ("categorical_crossentropy", y)]:
    try:
        make_model(loss).fit(x, labels, epochs=1, verbose=0)
        errors.append(None)
    except Exception as e:  # ko: 오류의 종류와 첫 줄만 출력 # en: print only the error's type and first line
        errors.append(type(e).__name__)
        print(f"{loss}: {type(e).__name__}: {str(e).splitlines()[0].split(' Received')[0]}")
# --8<-- [end:wrong]
# ko: 원-핫 라벨에 sparse_categorical_crossentropy를 쓴 경우와 정수 라벨에
# ko: categorical_crossentropy를 쓴 경우, 두 번 모두 학습하다가 ValueError가 납니다.
# en: One-hot labels with sparse_categorical_crossentropy, and integer
# en: labels with categorical_crossentropy: both fail with a ValueError.
assert errors == ["ValueError", "ValueError"]  # claim: mistakes-labels-loss-mismatch-fails

# --8<-- [start:fix]
history_sparse = make_model("sparse_categorical_crossentropy").fit(x, y, epochs=5, verbose=0)
history_onehot = make_model("categorical_crossentropy").fit(x, y_onehot, epochs=5, verbose=0)
loss_sparse = history_sparse.history["loss"][-1]
loss_onehot = history_onehot.history["loss"][-1]
print(f"sparse + integer labels: loss {loss_sparse:.4f}")
print(f"categorical + one-hot:   loss {loss_onehot:.4f}")
# --8<-- [end:fix]
# ko: 정수 라벨에 sparse_categorical_crossentropy, 원-핫 라벨에 categorical_crossentropy를 쓰면 학습
# ko: 뒤 `loss`가 nan이나 inf가 아닌 제대로 된 숫자로 나오고, 두 `loss`의 차이는 0.0001보다 작습니다.
# en: Integer labels with sparse_categorical_crossentropy and one-hot labels with categorical_crossentropy
# en: end with a proper (finite) loss, and the two losses differ by less than 0.0001.
assert np.isfinite(loss_sparse) and abs(loss_sparse - loss_onehot) < 1e-4  # claim: mistakes-matching-labels-same-loss
