"""With scikit-learn's labels (1 = benign), a lower threshold misses more malignant tumors; flip the labels first."""

import dlnotes  # noqa: F401  # ko: 사이트 도우미 모듈: TensorFlow 로그를 끄고 어느 컴퓨터에서나 같은 결과 # en: the site's helper module: no TensorFlow log lines, the same results on every machine

import keras
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

x, y_sklearn = load_breast_cancer(return_X_y=True)  # ko: scikit-learn: 0 = 악성, 1 = 양성 # en: scikit-learn: 0 = malignant, 1 = benign
x_train, x_val, y_train, y_val = train_test_split(x, y_sklearn, test_size=0.4, random_state=0, stratify=y_sklearn)
scaler = StandardScaler().fit(x_train)
x_train, x_val = scaler.transform(x_train), scaler.transform(x_val)
malignant_val = y_val == 0


def probabilities(labels_train):
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input(shape=(30,)), keras.layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="binary_crossentropy")
    model.fit(x_train, labels_train, epochs=20, batch_size=32, verbose=0)
    return model.predict(x_val, verbose=0).ravel()


# --8<-- [start:wrong]
proba_benign = probabilities(y_train)  # ko: 클래스 1 = 양성(benign) # en: class 1 = benign
missed_wrong = []
for threshold in [0.5, 0.3, 0.1]:
    called_malignant = proba_benign < threshold  # ko: 1이 아니면 악성으로 판정 # en: not class 1, so called malignant
    missed_wrong.append(int((malignant_val & ~called_malignant).sum()))
    print(f"class 1 = benign,    threshold {threshold}: missed malignant {missed_wrong[-1]}")
# --8<-- [end:wrong]
# ko: 양성 종양(benign)이 클래스 1이면, 임곗값을 낮출 때마다 놓친 악성 종양이 늘어납니다.
# en: With benign as class 1, each lower threshold misses more malignant tumors.
assert missed_wrong[0] < missed_wrong[1] < missed_wrong[2]  # claim: mistakes-threshold-wrong-class-misses-more

# --8<-- [start:fix]
proba_malignant = probabilities(1 - y_train)  # ko: 라벨을 뒤집어 클래스 1 = 악성 # en: flip the labels: class 1 = malignant
missed_right = []
for threshold in [0.5, 0.3, 0.1]:
    called_malignant = proba_malignant >= threshold
    missed_right.append(int((malignant_val & ~called_malignant).sum()))
    print(f"class 1 = malignant, threshold {threshold}: missed malignant {missed_right[-1]}")
# --8<-- [end:fix]
# ko: 라벨을 뒤집어 악성을 클래스 1로 두면, 임곗값을 낮출 때마다 놓친 악성 종양이 줄거나 그대로이고, 늘지는 않습니다.
# en: With the labels flipped (malignant = class 1), each lower
# en: threshold misses fewer malignant tumors or as many, never more.
assert missed_right[0] >= missed_right[1] >= missed_right[2]  # claim: mistakes-threshold-right-class-misses-fewer
# ko: 라벨을 뒤집은 모델은 가장 낮은 임곗값에서 가장 높은 임곗값일 때보다 악성
# ko: 종양을 적게 놓치고, 같은 임곗값에서 라벨을 뒤집기 전보다도 적게 놓칩니다.
# en: At the lowest threshold, the flipped model misses fewer malignant tumors than at
# en: the highest threshold, and fewer than the unflipped model at that same threshold.
assert missed_right[2] < missed_right[0] and missed_right[2] < missed_wrong[2]  # claim: mistakes-threshold-right-class-misses-fewer-strictly
