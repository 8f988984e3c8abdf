# %% [markdown] tags=["ko"]
# # 코딩 연습: 드롭아웃과 L2 규제로 과적합 줄이기
#
# 53개 컬럼 데이터에서 큰 신경망이 과적합한 결과가 준비되어 있습니다. 같은 신경망에 드롭아웃과 L2 규제를 하나씩 넣어 보고, 세 모델을 같은 잣대로 비교한 뒤 마지막으로 조기 종료까지 걸어 봅니다.
# `# TODO` 셀을 채운 뒤 바로 아래 **확인** 셀을 실행하세요. 20분 정도를 목표로 해 보세요.

# %% [markdown] tags=["en"]
# # Coding exercise: less overfitting with dropout and L2 regularization
#
# A large network that overfits the 53-column data is ready. Add dropout and L2 regularization to the same network, one at a time, compare the three models on an equal footing, and finally add early stopping.
# Fill in each `# TODO` cell, then run the **check** cell right below it. Aim for about 20 minutes.

# %%
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"  # ko: TensorFlow의 C++ 로그 메시지 숨기기 # en: hide TensorFlow's C++ log messages
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"  # ko: 어느 컴퓨터에서나 같은 계산 결과 # en: same numerics on every machine

from dlnotes import make_binary_53

import keras
import numpy as np
from dlnotes_check import check
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

x, y = make_binary_53()  # ko: 1000행, 53개 컬럼 # en: 1000 rows, 53 columns
x_train, x_valid, y_train, y_valid = train_test_split(x, y, test_size=0.3, random_state=0, stratify=y)
scaler = StandardScaler().fit(x_train)
x_train, x_valid = scaler.transform(x_train), scaler.transform(x_valid)


def plain_network():
    keras.utils.set_random_seed(0)  # ko: 모델마다 같은 시드에서 시작 # en: every model starts from the same seed
    model = keras.Sequential([
        keras.Input(shape=(53,)),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.003), loss="binary_crossentropy",
                  metrics=["accuracy"])
    return model


def gap(history):  # ko: 마지막 에포크의 검증 손실 − 학습 손실 # en: the last epoch's val_loss − loss
    return history.history["val_loss"][-1] - history.history["loss"][-1]


model_plain = plain_network()
history_plain = model_plain.fit(x_train, y_train, epochs=15, batch_size=100, validation_data=(x_valid, y_valid),
                                verbose=0)
h = history_plain.history
print(f"plain: last loss {h['loss'][-1]:.3f} | last val_loss {h['val_loss'][-1]:.3f} "
      f"| lowest val_loss {min(h['val_loss']):.3f} at epoch {int(np.argmin(h['val_loss'])) + 1} | gap {gap(history_plain):.3f}")

# %% [markdown] tags=["ko"]
# ## 1. 드롭아웃 넣기
#
# `plain_network()`와 같은 신경망에서 은닉층마다 바로 뒤에 `Dropout(0.3)`을 넣고, 같은 방식으로 `compile`해 돌려주는 함수 `dropout_network()`를 만드세요. 함수 맨 앞에서 `keras.utils.set_random_seed(0)`으로 시드를 고정합니다.
# 이 함수로 `model_dropout`을 만들고, 규제 없는 모델과 똑같이(`epochs=15`, `batch_size=100`, `validation_data=(x_valid, y_valid)`) 학습해 결과를 `history_dropout`에 담으세요.

# %% [markdown] tags=["en"]
# ## 1. Add dropout
#
# Write a function `dropout_network()` that returns the network of `plain_network()` with a `Dropout(0.3)` right after each hidden layer, compiled in the same way. Fix the seed with `keras.utils.set_random_seed(0)` at the start of the function.
# Make `model_dropout` with it and train it exactly like the plain model (`epochs=15`, `batch_size=100`, `validation_data=(x_valid, y_valid)`); keep the result in `history_dropout`.

# %% tags=["starter"]
# TODO
model_dropout = history_dropout = None

# %% tags=["solution"]
def dropout_network():
    keras.utils.set_random_seed(0)
    model = keras.Sequential([
        keras.Input(shape=(53,)),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dropout(0.3),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dropout(0.3),
        keras.layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.003), loss="binary_crossentropy",
                  metrics=["accuracy"])
    return model


model_dropout = dropout_network()
history_dropout = model_dropout.fit(x_train, y_train, epochs=15, batch_size=100,
                                    validation_data=(x_valid, y_valid), verbose=0)
print(f"gap: plain {gap(history_plain):.3f} | dropout {gap(history_dropout):.3f}")

# %%
check(
    (lambda: [layer.units for layer in model_dropout.layers if isinstance(layer, keras.layers.Dense)] == [128, 128, 1],
     "Dense 층은 주어진 신경망과 같아야 합니다(노드 128, 128, 1).",
     "Keep the Dense layers of the given network (128, 128 and 1 nodes)."),
    (lambda: [type(layer).__name__ for layer in model_dropout.layers] == ["Dense", "Dropout", "Dense", "Dropout", "Dense"]
     and all(layer.rate == 0.3 for layer in model_dropout.layers if isinstance(layer, keras.layers.Dropout)),
     "은닉층마다 바로 뒤에 Dropout(0.3)이 하나씩 있어야 합니다.",
     "Each hidden layer should be followed right away by one Dropout(0.3)."),
    (lambda: len(history_dropout.history["loss"]) == 15 and gap(history_dropout) < 0.75 * gap(history_plain),
     "15에포크 학습한 드롭아웃 모델의 간격(검증 손실 − 학습 손실)이 규제 없는 모델의 3/4보다 작아야 합니다.",
     "Trained for 15 epochs, the dropout model's gap (val_loss − loss) should be below 3/4 of the plain model's."),
)

# %% [markdown] tags=["ko"]
# ## 2. L2 규제 넣기
#
# 이번에는 드롭아웃 없이, `plain_network()`와 같은 신경망의 은닉층마다 L2 규제 `l2(0.01)`을 건 모델을 돌려주는 함수 `l2_network()`를 만드세요. 한 번에 하나씩만 바꿔야 무엇이 효과를 냈는지 알 수 있습니다.
# 이 함수로 `model_l2`를 만들어 1번과 똑같이 학습하고, 결과를 `history_l2`에 담으세요.

# %% [markdown] tags=["en"]
# ## 2. Add L2 regularization
#
# This time without dropout: write a function `l2_network()` that returns the network of `plain_network()` with the L2 regularization `l2(0.01)` on each hidden layer. Change one thing at a time, so that you know what helped.
# Make `model_l2` with it, train it exactly as in step 1 and keep the result in `history_l2`.

# %% tags=["starter"]
# TODO
model_l2 = history_l2 = None

# %% tags=["solution"]
def l2_network():
    keras.utils.set_random_seed(0)
    penalty = keras.regularizers.l2(0.01)
    model = keras.Sequential([
        keras.Input(shape=(53,)),
        keras.layers.Dense(128, activation="relu", kernel_regularizer=penalty),
        keras.layers.Dense(128, activation="relu", kernel_regularizer=penalty),
        keras.layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.003), loss="binary_crossentropy",
                  metrics=["accuracy"])
    return model


model_l2 = l2_network()
history_l2 = model_l2.fit(x_train, y_train, epochs=15, batch_size=100, validation_data=(x_valid, y_valid),
                          verbose=0)
print(f"gap: plain {gap(history_plain):.3f} | l2 {gap(history_l2):.3f}")

# %%
check(
    (lambda: [layer.units for layer in model_l2.layers if isinstance(layer, keras.layers.Dense)] == [128, 128, 1],
     "Dense 층은 주어진 신경망과 같아야 합니다(노드 128, 128, 1).",
     "Keep the Dense layers of the given network (128, 128 and 1 nodes)."),
    (lambda: all(isinstance(layer.kernel_regularizer, keras.regularizers.L2) and np.isclose(layer.kernel_regularizer.l2, 0.01)
                 for layer in model_l2.layers[:2]),
     "은닉층 두 개 모두에 L2 규제(0.01)가 있어야 합니다.", "Both hidden layers should have an L2 regularization of 0.01."),
    (lambda: not any(isinstance(layer, keras.layers.Dropout) for layer in model_l2.layers),
     "L2 모델에는 드롭아웃을 넣지 마세요. 한 번에 하나씩만 바꿉니다.",
     "Leave dropout out of the L2 model: change one thing at a time."),
    (lambda: len(history_l2.history["loss"]) == 15 and gap(history_l2) < 0.75 * gap(history_plain),
     "15에포크 학습한 L2 모델의 간격(검증 손실 − 학습 손실)이 규제 없는 모델의 3/4보다 작아야 합니다.",
     "Trained for 15 epochs, the L2 model's gap (val_loss − loss) should be below 3/4 of the plain model's."),
)

# %% [markdown] tags=["ko"]
# ## 3. 세 모델을 같은 잣대로 비교하기
#
# L2 모델의 `loss`와 `val_loss`에는 벌점 $0.01 \times \sum w^2$가 더해져 있습니다. 그래서 `history_l2`의 `val_loss`를 규제 없는 모델의 `val_loss`와 그대로 견주면 공정하지 않습니다.
# 세 모델 모두 `predict`로 검증 데이터의 확률을 구하고, 그 확률로 이진 교차 엔트로피(BCE)를 계산해 `bce_plain`, `bce_dropout`, `bce_l2`에 담으세요. `keras.losses.BinaryCrossentropy()`를 써도 되고 scikit-learn의 `log_loss`를 써도 됩니다.
# 세 모델의 마지막 `val_accuracy`도 함께 출력해 보세요. 규제가 정확도까지 올려 준다는 보장은 없습니다.

# %% [markdown] tags=["en"]
# ## 3. Compare the three models on an equal footing
#
# The L2 model's `loss` and `val_loss` include the penalty $0.01 \times \sum w^2$, so comparing the `val_loss` in `history_l2` with the plain model's `val_loss` is not fair.
# For all three models, get the probabilities of the validation rows with `predict` and compute the binary cross-entropy (BCE) from them into `bce_plain`, `bce_dropout` and `bce_l2`. `keras.losses.BinaryCrossentropy()` or scikit-learn's `log_loss` will do.
# Print the three models' last `val_accuracy` as well: regularization does not promise a higher accuracy.

# %% tags=["starter"]
# TODO
bce_plain = bce_dropout = bce_l2 = None

# %% tags=["solution"]
bce = keras.losses.BinaryCrossentropy()
bce_plain = float(bce(y_valid, model_plain.predict(x_valid, verbose=0)))
bce_dropout = float(bce(y_valid, model_dropout.predict(x_valid, verbose=0)))
bce_l2 = float(bce(y_valid, model_l2.predict(x_valid, verbose=0)))
print(f"validation BCE: plain {bce_plain:.3f} | dropout {bce_dropout:.3f} | l2 {bce_l2:.3f}")
print(f"l2 val_loss with its penalty: {history_l2.history['val_loss'][-1]:.3f}")
for name, history in [("plain", history_plain), ("dropout", history_dropout), ("l2", history_l2)]:
    print(f"{name}: last val_accuracy {history.history['val_accuracy'][-1]:.3f}")

# %%
check(
    (lambda: abs(bce_plain - model_plain.evaluate(x_valid, y_valid, verbose=0)[0]) < 0.01,
     "bce_plain은 규제 없는 모델의 검증 BCE여야 합니다.", "bce_plain should be the plain model's validation BCE."),
    (lambda: abs(bce_dropout - model_dropout.evaluate(x_valid, y_valid, verbose=0)[0]) < 0.01,
     "bce_dropout은 드롭아웃 모델의 검증 BCE여야 합니다.", "bce_dropout should be the dropout model's validation BCE."),
    (lambda: abs(bce_l2 - (model_l2.evaluate(x_valid, y_valid, verbose=0)[0] - sum(float(w) for w in model_l2.losses))) < 0.01,
     "bce_l2는 벌점을 뺀 검증 BCE여야 합니다. val_loss에는 벌점이 들어 있으니 predict로 구한 확률에서 계산하세요.",
     "bce_l2 should be the validation BCE without the penalty: val_loss includes it, so compute it from the probabilities predict returns."),
    (lambda: bce_dropout < bce_plain and bce_l2 < bce_plain,
     "두 규제 모델의 검증 BCE가 모두 규제 없는 모델보다 낮아야 합니다.",
     "Both regularized models should end with a lower validation BCE than the plain one."),
)

# %% [markdown] tags=["ko"]
# ## 4. 드롭아웃에 조기 종료 더하기
#
# `dropout_network()`로 새 모델 `model_stop`을 만들고, 이번에는 `EarlyStopping`을 걸어 학습한 뒤(최대 `epochs=50`, `batch_size=100`, `validation_data=(x_valid, y_valid)`) 결과를 `history_stop`에 담으세요.
# `val_loss`를 지켜보다가 5에포크 동안 나아지지 않으면 멈추고, 가장 좋았던 에포크의 가중치로 되돌려야 합니다.

# %% [markdown] tags=["en"]
# ## 4. Add early stopping to dropout
#
# Make a new model `model_stop` with `dropout_network()` and this time train it with an `EarlyStopping` (at most `epochs=50`, `batch_size=100`, `validation_data=(x_valid, y_valid)`); keep the result in `history_stop`.
# It should watch `val_loss`, stop after 5 epochs without improvement and go back to the weights of the best epoch.

# %% tags=["starter"]
# TODO
model_stop = history_stop = None

# %% tags=["solution"]
model_stop = dropout_network()
early_stop = keras.callbacks.EarlyStopping(monitor="val_loss", patience=5, restore_best_weights=True)
history_stop = model_stop.fit(x_train, y_train, epochs=50, batch_size=100, validation_data=(x_valid, y_valid),
                              callbacks=[early_stop], verbose=0)
val_loss = history_stop.history["val_loss"]
print(f"ran {len(val_loss)} epochs, lowest val_loss {min(val_loss):.3f} at epoch {int(np.argmin(val_loss)) + 1}")

# %%
check(
    (lambda: any(isinstance(layer, keras.layers.Dropout) for layer in model_stop.layers),
     "model_stop은 dropout_network()로 만든 모델이어야 합니다.", "model_stop should be made with dropout_network()."),
    (lambda: len(history_stop.history["loss"]) < 50,
     "조기 종료가 50에포크 전에 학습을 멈춰야 합니다.", "Early stopping should end the training before epoch 50."),
    (lambda: abs(model_stop.evaluate(x_valid, y_valid, verbose=0)[0] - min(history_stop.history["val_loss"])) < 1e-4,
     "조기 종료가 가장 좋았던 에포크의 가중치로 되돌려야 합니다.", "Early stopping should restore the weights of the best epoch."),
)
