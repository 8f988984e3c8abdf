"""The AICE workflow in one script: split (stratified) → scale on the training rows → model → EarlyStopping → evaluate."""

import dlnotes  # noqa: F401  # ko: 사이트 도우미 모듈: TensorFlow 로그를 끄고 어느 컴퓨터에서나 같은 결과 # en: the site's helper module: no TensorFlow log lines, the same results on every machine

import keras
import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.metrics import confusion_matrix
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

# --8<-- [start:template]
# ko: 1. 데이터 나누기: stratify=y는 두 쪽의 클래스 비율을 전체와 같게 맞춤
# en: 1. Split: stratify=y keeps the class shares of both parts equal to the whole data's
x, y = load_breast_cancer(return_X_y=True)
y = 1 - y  # ko: 악성 = 1 # en: malignant = 1
x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.2, random_state=42, stratify=y)

# ko: 2. 표준화: 기준(평균·표준편차)은 학습 데이터로만 정함
# en: 2. Scale: learn the mean and standard deviation on the training rows only
scaler = StandardScaler().fit(x_train)
x_train, x_test = scaler.transform(x_train), scaler.transform(x_test)

# ko: 3. 모델: 은닉층은 relu, 출력층은 문제에 맞게(이진 분류: 노드 1개, sigmoid)
# en: 3. Model: relu in the hidden layers, the output layer to suit the problem (binary: 1 node, sigmoid)
keras.utils.set_random_seed(42)
model = keras.Sequential([
    keras.Input(shape=(x_train.shape[1],)),
    keras.layers.Dense(16, activation="relu"),
    keras.layers.Dropout(0.2),
    keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="binary_crossentropy", metrics=["accuracy"])

# ko: 4. EarlyStopping: val_loss가 5에포크 동안 나아지지 않으면 멈추고 가장 좋았던 가중치로
# en: 4. EarlyStopping: stop once val_loss has not improved for 5 epochs, keep the best weights
stop = keras.callbacks.EarlyStopping(monitor="val_loss", patience=5, restore_best_weights=True)
max_epochs = 200  # ko: 넉넉하게: EarlyStopping이 멈춤 # en: plenty: EarlyStopping stops it
history = model.fit(x_train, y_train, validation_split=0.2, epochs=max_epochs, batch_size=32,
                    callbacks=[stop], verbose=0)

# ko: 5. 평가: 테스트 데이터로 한 번
# en: 5. Evaluate: once, on the test data
test_loss, test_accuracy = model.evaluate(x_test, y_test, verbose=0)
pred = (model.predict(x_test, verbose=0)[:, 0] >= 0.5).astype(int)
tn, fp, fn, tp = confusion_matrix(y_test, pred).ravel()
print(f"epochs run {len(history.history['loss'])} / {max_epochs}")
print(f"test loss {test_loss:.3f}   test accuracy {test_accuracy:.3f}")
print(f"TP {tp}  FN {fn}  FP {fp}  TN {tn}   recall {tp / (tp + fn):.3f}   precision {tp / (tp + fp):.3f}")
# --8<-- [end:template]
epochs_run = len(history.history["loss"])
share_all, share_train, share_test = float(y.mean()), float(y_train.mean()), float(y_test.mean())
tp, fn, fp, tn = int(tp), int(fn), int(fp), int(tn)
# ko: 학습 데이터와 테스트 데이터 모두 클래스 1의 비율이 전체 데이터의 비율과 한 행 차이 안에서 같습니다.
# en: The training and the test part each have the whole data's class-1 share, to within one row.
assert abs(share_train - share_all) < 1 / len(y_train) and abs(share_test - share_all) < 1 / len(y_test)  # claim: template-stratify-keeps-class-share
x_train_raw = train_test_split(x, y, test_size=0.2, random_state=42, stratify=y)[0]
# ko: 스케일러가 기억한 평균은 학습 데이터 행의 평균과 같고, 전체 행의 평균과는 다릅니다.
# en: The scaler's means equal the means of the training rows, not those of all the rows.
assert np.allclose(scaler.mean_, x_train_raw.mean(axis=0)) \
    and not np.allclose(scaler.mean_, x.mean(axis=0))  # claim: template-scaler-fit-on-train
# ko: EarlyStopping이 최대 에포크 수(max_epochs)를 다 채우기 전에 학습을 멈췄습니다.
# en: EarlyStopping stopped training before max_epochs.
assert epochs_run < max_epochs  # claim: template-early-stopping-stopped
# ko: 테스트 정확도가 0.93보다 높습니다.
# en: The test accuracy is above 0.93.
assert test_accuracy > 0.93  # claim: template-test-accuracy
# ko: 혼동 행렬의 네 칸을 더하면 테스트 데이터의 행 수가 되고, TP와
# ko: FN을 더하면 테스트 데이터의 악성(클래스 1) 행 수가 됩니다.
# en: The four cells of the confusion matrix add up to the number of test
# en: rows, and TP + FN is the number of malignant (class 1) test rows.
assert tp + fn + fp + tn == len(y_test) and fn + tp == int(y_test.sum())  # claim: template-confusion-cells
