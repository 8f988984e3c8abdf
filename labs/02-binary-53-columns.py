# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown] tags=["ko"]
# # 실습 2: 컬럼 53개짜리 데이터로 이진 분류하기
#
# 수업 노트에 나온 것처럼 특성 컬럼이 53개이고 타깃이 0/1인 표를 다룹니다. 이 실습에서 해 볼 내용은 다음과 같습니다.
#
# - 이진 분류 모델 만들기: 출력 노드 하나에 `sigmoid`, `loss='binary_crossentropy'`
# - 학습 곡선으로 과적합을 살피면서 노드 수, 에포크 수, 학습률 조정하기
# - `EarlyStopping`과 `restore_best_weights=True`
# - `pred >= 0.5`로 확률을 라벨로 바꾸고, 임곗값을 옮기면 정밀도와 재현율이 어떻게 바뀌는지 보기
#
# 40분 정도 걸리고, 노트북 전체는 1분 안에 실행됩니다.

# %% [markdown] tags=["ko"]
# ## 1. 준비
#
# 환경 변수는 TensorFlow를 import하기 **전에** 설정해야 합니다. TensorFlow의 로그 메시지를 숨기고,
# 컴퓨터마다 계산 결과의 끝자리가 달라지지 않도록 oneDNN 설정을 끕니다.

# %% [markdown] tags=["en"]
# # Lab 2: Binary classification with 53 columns
#
# A table with 53 feature columns and a 0/1 target, like the one in the course notes. Here you will practice:
#
# - a binary classifier: a `sigmoid` output node and `loss='binary_crossentropy'`;
# - tuning the number of nodes, the number of epochs and the learning rate, while watching the learning curves for
#   overfitting;
# - `EarlyStopping` with `restore_best_weights=True`;
# - turning probabilities into labels with `pred >= 0.5`, and what moving the threshold does to precision and recall.
#
# It takes about 40 minutes; the whole notebook runs in under a minute.

# %% [markdown] tags=["en"]
# ## 1. Setup
#
# The environment variables must be set **before** TensorFlow is imported: they hide TensorFlow's log messages
# and fix a setting that changes the last digits of the results.

# %%
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"  # ko: TensorFlow의 C++ 로그 메시지 숨기기 # en: hide TensorFlow's C++ log messages
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"  # ko: 어느 컴퓨터에서나 같은 계산 결과 # en: same numerics on every machine
os.environ["KERAS_BACKEND"] = "tensorflow"

import keras
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from sklearn.metrics import accuracy_score, confusion_matrix, precision_score, recall_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

plt.rcParams["figure.dpi"] = 80

from dlnotes import dl_history_plot  # ko: 에포크마다 학습 손실과 검증 손실을 그리는 학습 곡선 # en: the learning curve: training loss and validation loss per epoch

# %% [markdown] tags=["ko"]
# ## 2. 데이터: 1000행, 53개 컬럼
#
# scikit-learn의 `make_classification`으로 고정된 시드를 써서 표를 만듭니다. 53개 컬럼 중 실제로 정보를 담은 것은
# 8개뿐이고, 6개는 그 8개를 조합한 것, 나머지 39개는 잡음입니다. 게다가 8%의 행은 라벨이 무작위로 정해져서(그중 절반쯤은
# 틀린 라벨) 완벽한 모델이라도 100%는 나올 수 없습니다. 파라미터가 너무 많은 모델이라면 이 잡음까지 외워 버릴 여지가
# 충분합니다.
# %% [markdown] tags=["en"]
# ## 2. The data: 1000 rows, 53 columns
#
# scikit-learn's `make_classification` generates the table with a fixed seed. Only 8 of the 53 columns really carry
# information, 6 are combinations of those, and the other 39 are noise. In addition 8% of the rows get a random
# label (about half of them end up wrong), so even a perfect model cannot reach 100%. A model with too many
# parameters has plenty of room here to memorize noise.
# %%
from dlnotes import make_binary_53

x, y = make_binary_53(n=1000, seed=0)
df = pd.DataFrame(x, columns=[f"x{i + 1}" for i in range(x.shape[1])])
df["y"] = y
df.head()

# %%
print("shape:", df.shape)
print("rows per class:", np.bincount(y))

# %% [markdown] tags=["ko"]
# ## 3. 학습/검증 데이터 나누기와 표준화
#
# 학습 70%, 검증 30%로 나눕니다. `stratify=y`를 주면 두 데이터의 클래스 비율이 같아집니다.
# 표준화의 평균과 표준편차는 학습 데이터에서만 구합니다.

# %% [markdown] tags=["en"]
# ## 3. Training/validation split and standardization
#
# 70% training, 30% validation. `stratify=y` keeps the class ratio the same in both parts. The scaler learns from
# the training data only.

# %%
x_train, x_val, y_train, y_val = train_test_split(x, y, test_size=0.3, random_state=0, stratify=y)
scaler = StandardScaler()
x_train = scaler.fit_transform(x_train)
x_val = scaler.transform(x_val)
print("train:", x_train.shape, " validation:", x_val.shape)


# %% [markdown] tags=["ko"]
# ## 4. 모든 실험에 쓸 함수 하나
#
# 아래 실험들에서 바꾸는 것은 은닉층, 학습률, 콜백 세 가지뿐입니다. 나머지는 모두 고정해 두었으니,
# 학습 곡선이 달라졌다면 바꾼 설정 때문입니다.
#
# - 출력층: **노드 1개, `activation='sigmoid'`**. 출력은 0과 1 사이의 수이고, 그 행이 클래스 1일 확률로 읽습니다.
# - loss: `binary_crossentropy`, $-\frac{1}{n}\sum \big[y_i \log p_i + (1 - y_i)\log(1 - p_i)\big]$
# - 모델을 만들 때마다 `keras.utils.set_random_seed(0)`를 불러서 실행끼리 비교할 수 있게 합니다.

# %% [markdown] tags=["en"]
# ## 4. One function for every experiment
#
# Only three things change between the experiments below: the hidden layers, the learning rate and the callbacks.
# Everything else stays fixed, so a difference in the learning curves comes from what we changed.
#
# - Output layer: **one node with `activation='sigmoid'`**. Its output is a number between 0 and 1, read as the
#   probability that the row belongs to class 1.
# - Loss: `binary_crossentropy`, $-\frac{1}{n}\sum \big[y_i \log p_i + (1 - y_i)\log(1 - p_i)\big]$.
# - `keras.utils.set_random_seed(0)` before every model, so the runs can be compared.

# %%
def train(hidden_units, learning_rate=0.003, epochs=30, callbacks=None):
    keras.utils.set_random_seed(0)
    model = keras.Sequential(
        [keras.Input(shape=(x_train.shape[1],))]
        + [keras.layers.Dense(n, activation="relu") for n in hidden_units]
        + [keras.layers.Dense(1, activation="sigmoid")]  # ko: 이진 분류: 노드 1개, sigmoid # en: binary: one node, sigmoid
    )
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
                  loss="binary_crossentropy", metrics=["accuracy"])
    history = model.fit(x_train, y_train, epochs=epochs, batch_size=100,
                        validation_data=(x_val, y_val), callbacks=callbacks, verbose=0)
    return model, history


# %% [markdown] tags=["ko"]
# ## 5. 노드 수: 큰 신경망과 작은 신경망
#
# 수업 노트에 "노드를 늘렸더니 학습 곡선이 더 나빠졌다"는 이야기가 있습니다. 직접 해 봅시다.
# 노드 256개짜리 은닉층 두 개와 노드 8개짜리 은닉층 하나를 각각 30에포크씩 학습시켜 비교합니다.

# %% [markdown] tags=["en"]
# ## 5. Nodes: a large network against a small one
#
# The course notes report: "I added nodes and the learning curve got worse." Let's try it: two hidden layers of
# 256 nodes against a single hidden layer of 8 nodes, both for 30 epochs.

# %%
large_model, large = train([256, 256])
small_model, small = train([8])

for name, model, h in [("large", large_model, large.history), ("small", small_model, small.history)]:
    best = int(np.argmin(h["val_loss"]))
    print(f"{name}: {model.count_params():>6,} parameters | lowest val_loss {h['val_loss'][best]:.3f} "
          f"at epoch {best + 1:2d} | last: loss {h['loss'][-1]:.3f}, val_loss {h['val_loss'][-1]:.3f}")

# %%
fig, (ax_large, ax_small) = plt.subplots(1, 2, figsize=(8, 3.5), sharey=True)
dl_history_plot(large, ax=ax_large, title="large: Dense(256) + Dense(256)")
dl_history_plot(small, ax=ax_small, title="small: Dense(8)")
plt.tight_layout()
plt.show()

# %% [markdown] tags=["ko"]
# 큰 신경망은 학습 데이터 700행에 파라미터가 약 8만 개나 됩니다. 학습 손실을 거의 0까지 끌어내리는데, 잡음과 틀린
# 라벨까지 통째로 외웠다는 뜻입니다. 검증 손실은 몇 에포크 만에 가장 낮은 점을 찍고 그 뒤로는 꾸준히 올라갑니다.
# 이렇게 두 곡선 사이가 점점 벌어지는 것이 **과적합**입니다.
#
# 작은 신경망은 더 천천히 배우지만, 두 곡선이 함께 내려가고 서로 가까이 붙어 있습니다.
#
# **스스로 확인하기.**

# %% [markdown] tags=["en"]
# The large network (about 80,000 parameters for 700 training rows) drives the training loss almost to 0: it
# memorizes the training rows, noise and wrong labels included. Its validation loss reaches its lowest point
# within a few epochs and then climbs steadily. That widening gap between the two curves is **overfitting**.
#
# The small network learns more slowly, but its two curves go down together and stay close.
#
# **Check yourself.**

# %%
lh, sh = large.history, small.history
large_best = int(np.argmin(lh["val_loss"]))
assert large_best + 1 <= 10, "the large network's val_loss bottoms out early"
assert lh["val_loss"][-1] > 1.5 * lh["val_loss"][large_best], "...and then rises a lot"
assert lh["loss"][-1] < 0.05, "the large network memorizes the training data"
assert lh["val_loss"][-1] - lh["loss"][-1] > 2 * (sh["val_loss"][-1] - sh["loss"][-1]) + 0.2, "much wider gap"
assert sh["val_loss"][-1] < 0.7 * lh["val_loss"][-1], "the small network ends far lower"
print("all checks passed")

# %% [markdown] tags=["ko"]
# ## 6. 에포크 수: EarlyStopping으로 알맞은 때 멈추기
#
# 큰 신경망을 꼭 써야 한다면, 검증 손실이 가장 낮은 지점에서 학습을 멈추는 방법이 있습니다.
# `EarlyStopping`은 `val_loss`를 지켜보다가 `patience` 에포크 동안 나아지지 않으면 학습을 멈춥니다.
# `restore_best_weights=True`를 주면 가장 좋았던 에포크의 가중치로 되돌려 놓습니다. 이 옵션이 없으면 마지막 에포크의
# 가중치가 남는데, 그때는 이미 과적합된 상태입니다.

# %% [markdown] tags=["en"]
# ## 6. Epochs: stop at the right time with EarlyStopping
#
# If a large network is what you want, you can stop training where the validation loss is lowest instead.
# `EarlyStopping` watches `val_loss` and stops when it has not improved for `patience` epochs.
# With `restore_best_weights=True` the model gets back the weights of its best epoch. Without it you would keep the
# weights of the last epoch, which are already overfitted.

# %%
stop = keras.callbacks.EarlyStopping(monitor="val_loss", patience=5, restore_best_weights=True)
stopped_model, stopped = train([256, 256], epochs=30, callbacks=[stop])
es_loss, es_accuracy = stopped_model.evaluate(x_val, y_val, verbose=0)

print(f"ran {len(stopped.history['loss'])} of 30 epochs; kept the weights of epoch {stop.best_epoch + 1}")
print(f"val_loss {es_loss:.3f} (large network after 30 epochs: {lh['val_loss'][-1]:.3f}), "
      f"val accuracy {es_accuracy:.3f}")

# %%
ax = dl_history_plot(stopped, title="large network with EarlyStopping(patience=5)").axes[0]
ax.axvline(stop.best_epoch + 1, color="gray", linestyle="--", label="restored epoch")
ax.legend()
plt.show()

# %%
assert len(stopped.history["loss"]) < 20, "training stopped long before epoch 30"
assert np.isclose(es_loss, min(stopped.history["val_loss"]), atol=1e-3), "the best weights were restored"
assert es_loss < 0.7 * lh["val_loss"][-1], "much better than training the large network for 30 epochs"
print("all checks passed")

# %% [markdown] tags=["ko"]
# ## 7. 학습률: 보폭과 에포크 수
#
# 학습률은 옵티마이저가 한 번에 내딛는 보폭입니다. 작은 신경망을 세 가지 학습률로 40에포크씩 학습시키고
# 검증 손실을 비교합니다.

# %% [markdown] tags=["en"]
# ## 7. Learning rate: step size against number of epochs
#
# The learning rate is the size of each step the optimizer takes. We train the small network for 40 epochs at three
# learning rates and compare the validation loss.

# %%
learning_rates = [0.0003, 0.003, 0.1]
lr_histories = {}
for lr in learning_rates:
    _, h = train([8], learning_rate=lr, epochs=40)
    lr_histories[lr] = h.history

fig, ax = plt.subplots(figsize=(6, 3.5))
for lr, h in lr_histories.items():
    ax.plot(np.arange(1, 41), h["val_loss"], marker=".", label=f"learning_rate={lr}")
ax.set_xlabel("epoch")
ax.set_ylabel("val_loss")
ax.set_title("Small network: validation loss at three learning rates")
ax.grid(alpha=0.3)
ax.legend()
plt.show()

# %% [markdown] tags=["ko"]
# - **0.0003 (너무 작음):** 곡선은 매끄럽지만 느립니다. 40에포크가 지나도 아직 내려가는 중입니다.
#   학습률이 작으면 에포크가 더 많이 필요합니다.
# - **0.003:** 가파르게 떨어지다가 꺾이고, 그 뒤로 완만하게 내려갑니다. 바람직한 모양입니다.
# - **0.1 (너무 큼):** 몇 에포크 만에 가장 낮은 점에 닿은 뒤, 거의 매 에포크 **꾸준히** 올라갑니다. 지그재그가 아니라
#   **빠른 과적합**입니다. 보폭이 커서 작은 신경망도 학습 데이터를 금세 외워 버리고, 학습 손실은 0 가까이 떨어집니다.
#
# 치트 시트의 진단표와 어긋나 보이지만 그렇지 않습니다. 진단표는 "곡선이 지그재그면 학습률이 크다"는 한 방향의 규칙입니다.
# 거꾸로 학습률이 크다고 곡선이 늘 지그재그가 되지는 않습니다. 큰 보폭이 최솟값을 앞뒤로 넘나들지, 아니면 학습 데이터를 빠르게 외워 나갈지는 데이터와 옵티마이저에 따라 다릅니다.
# 이 데이터에서는 뒤쪽이어서, 곡선은 흔들리지 않고 꾸준히 올라갑니다.
#
# 곡선의 모양은 세 가지 숫자로 구별합니다. 가장 낮은 점 뒤에 `val_loss`가 **올라간 에포크의 비율**(꾸준히 오르면 1에 가깝습니다),
# 곡선이 오르다 내리거나 내리다 오르며 **방향을 바꾼 횟수**(지그재그라면 많습니다), 그리고 마지막 에포크의 **학습 손실**입니다.

# %% [markdown] tags=["en"]
# - **0.0003 (too small):** the curve is smooth but slow; after 40 epochs it is still going down. A smaller learning
#   rate needs more epochs.
# - **0.003:** a steep drop, a bend, then a gentle slope. This is the shape we want.
# - **0.1 (too large):** the lowest point comes after a few epochs, and then the curve climbs **steadily**, in almost
#   every epoch. That is not a zig-zag but **fast overfitting**: with such large steps even the small network soon
#   memorizes the training rows, and its training loss falls close to 0.
#
# This does not contradict the cheat sheet's table. Its rule goes one way: a zig-zag curve points to a learning rate
# that is too large. A learning rate that is too large does not always make a zig-zag, though: whether big steps jump
# back and forth across the minimum or quickly memorize the training rows depends on the data and the optimizer.
# Here they do the second, so the curve climbs steadily instead of zig-zagging.
#
# Three numbers tell the shapes apart: the **share of epochs after the lowest point in which `val_loss` rose** (close
# to 1 for a steady climb), the **number of turns**, where the curve switches between going up and going down (many
# for a zig-zag), and the **training loss** of the last epoch.

# %%
rows = []
for lr, h in lr_histories.items():
    v = np.array(h["val_loss"])
    steps, after_lowest = np.sign(np.diff(v)), np.diff(v[v.argmin():])
    rows.append({"learning_rate": lr, "lowest val_loss": v.min(), "at epoch": int(v.argmin()) + 1,
                 "last val_loss": v[-1], "rising after lowest": float(np.mean(after_lowest > 0)) if len(after_lowest) else 0.0,
                 "turns": int(np.sum(steps[1:] != steps[:-1])), "last loss": h["loss"][-1]})
lr_table = pd.DataFrame(rows).set_index("learning_rate")
lr_table.round(4)

# %%
last, rising = lr_table["last val_loss"], lr_table["rising after lowest"]
# ko: 0.1: 가장 낮은 점 뒤로 거의 매 에포크 오르고, 학습 손실은 0 가까이: 빠른 과적합
# en: 0.1: after its lowest point val_loss rises in almost every epoch and the training loss is near 0: fast overfitting
assert lr_table.loc[0.1, "at epoch"] <= 10 and rising[0.1] >= 0.75, "a steady climb, not a zig-zag"
assert lr_table.loc[0.1, "turns"] < 0.5 * len(lr_histories[0.1]["val_loss"]), "few turns: not a zig-zag"
assert lr_table.loc[0.1, "last loss"] < 0.05, "the training rows are memorized"
assert last[0.0003] > last[0.003] + 0.1, "a small learning rate has not got there after 40 epochs"
assert lr_histories[0.0003]["val_loss"][-1] < lr_histories[0.0003]["val_loss"][-10], "...but it is still improving"
assert last[0.1] > 2 * last[0.003], "the large learning rate ends overfitted"
print("all checks passed")

# %% [markdown] tags=["ko"]
# ## 8. 확률을 라벨로: `pred >= 0.5`
#
# `predict`가 돌려주는 것은 라벨이 아니라 확률입니다. `pred >= 0.5`는 확률 하나하나를 `True`/`False`로 바꾸고,
# `.astype(int)`가 그것을 1/0으로 바꿉니다. `np.where(pred >= 0.5, 1, 0)`도 똑같습니다.
# 5절에서 만든 작은 신경망을 씁니다.

# %% [markdown] tags=["en"]
# ## 8. From probabilities to labels: `pred >= 0.5`
#
# `predict` returns probabilities, not labels. `pred >= 0.5` turns each probability into `True`/`False`, and
# `.astype(int)` turns those into 1/0. `np.where(pred >= 0.5, 1, 0)` does the same thing.
# We use the small network from section 5.

# %%
pred = small_model.predict(x_val, verbose=0).ravel()  # ko: 클래스 1일 확률 # en: probabilities of class 1
print("first 5 probabilities:", pred[:5].round(3))

labels = (pred >= 0.5).astype(int)
print("first 5 labels:       ", labels[:5])
print("confusion matrix (rows: true 0/1, columns: predicted 0/1):")
print(confusion_matrix(y_val, labels))

keras_loss, keras_accuracy = small_model.evaluate(x_val, y_val, verbose=0)
print(f"accuracy by hand {accuracy_score(y_val, labels):.3f}, Keras accuracy {keras_accuracy:.3f}")

# %%
assert np.array_equal(labels, np.where(pred >= 0.5, 1, 0)), "the same labels either way"
assert np.isclose(accuracy_score(y_val, labels), keras_accuracy, atol=1e-3), "Keras also cuts at 0.5"
print("all checks passed")

# %% [markdown] tags=["ko"]
# ### 임곗값 옮겨 보기
#
# 0.5는 기본값일 뿐입니다. 임곗값을 낮추면 1로 판정하는 행이 늘어납니다. 실제 1을 덜 놓치니 **재현율**은 올라가거나
# 그대로이고, 내려가는 일은 없습니다. 대신 1로 판정한 것 중에 틀린 것도 늘어나 **정밀도**는 대개 내려갑니다.
# 임곗값을 높이면 반대가 됩니다.
#
# - 정밀도(precision) = 1로 예측한 행 중에서 실제로 1인 비율
# - 재현율(recall) = 실제로 1인 행 중에서 1로 예측한 비율

# %% [markdown] tags=["en"]
# ### Moving the threshold
#
# 0.5 is only the default. With a lower threshold more rows are called 1: fewer true 1s are missed, so **recall**
# goes up or stays the same, never down; but more of the rows called 1 are wrong, so **precision** usually goes down.
# A higher threshold does the opposite.
#
# - precision = of the rows predicted 1, the share that really are 1;
# - recall = of the rows that really are 1, the share predicted 1.

# %%
thresholds = [0.3, 0.5, 0.7]
rows = []
for t in thresholds:
    labels_t = (pred >= t).astype(int)
    rows.append({"threshold": t, "predicted 1": int(labels_t.sum()),
                 "precision": precision_score(y_val, labels_t),
                 "recall": recall_score(y_val, labels_t),
                 "accuracy": accuracy_score(y_val, labels_t)})
threshold_table = pd.DataFrame(rows).set_index("threshold")
threshold_table.round(3)

# %%
grid = np.linspace(0.05, 0.95, 19)
precisions = [precision_score(y_val, (pred >= t).astype(int), zero_division=0) for t in grid]
recalls = [recall_score(y_val, (pred >= t).astype(int)) for t in grid]

fig, ax = plt.subplots(figsize=(6, 3.5))
ax.plot(grid, precisions, marker=".", label="precision")
ax.plot(grid, recalls, marker=".", label="recall")
ax.axvline(0.5, color="gray", linestyle="--", label="threshold 0.5")
ax.set_xlabel("threshold")
ax.set_ylabel("score")
ax.set_title("Precision and recall against the threshold")
ax.grid(alpha=0.3)
ax.legend()
plt.show()

# %%
p, r = threshold_table["precision"], threshold_table["recall"]
assert r[0.3] >= r[0.5] >= r[0.7] and r[0.3] > r[0.7] + 0.1, "a lower threshold raises recall"
assert p[0.3] < p[0.7] - 0.05, "...and lowers precision"
assert all(a >= b for a, b in zip(recalls, recalls[1:])), "recall never falls as the threshold is lowered"
print("all checks passed")

# %% [markdown] tags=["ko"]
# 어느 임곗값이 맞는지는 어떤 실수가 더 비싼지에 달려 있습니다. 질병이나 사기 거래처럼 1을 놓치면 손해가 크다면
# 임곗값을 낮추고, 오경보가 더 곤란하다면 높입니다.

# %% [markdown] tags=["ko"]
# ## 정리
#
# - 이진 분류: 출력층은 `Dense(1, activation='sigmoid')`, 손실은 `binary_crossentropy`입니다.
#   `predict`는 클래스 1일 확률을 돌려줍니다.
# - **노드 수:** 노드가 많다고 늘 좋은 것은 아닙니다. 컬럼 53개, 학습 데이터 700행에서 큰 신경망은 학습 데이터를
#   외워 버려서 학습 손실은 0 가까이 떨어지고 검증 손실은 올라갔습니다. 이것이 과적합입니다.
# - **에포크 수:** `EarlyStopping(monitor='val_loss', patience=..., restore_best_weights=True)`는 알맞은 때 멈추고
#   가장 좋았던 가중치를 남깁니다.
# - **학습률:** 너무 크면 금세 과적합하거나 곡선이 요동치고, 너무 작으면 에포크가 훨씬 많이 필요합니다.
# - `(pred >= 0.5).astype(int)`는 확률을 라벨로 바꿉니다. 임곗값을 낮추면 재현율은 내려가지 않고, 정밀도는 대개 내려갑니다.
#
# ## 직접 해 보기: 신경망 크기, 드롭아웃, 재현율을 올리는 임곗값
#
# 1. `train([32])`와 `train([64, 32])`도 학습시키고 `dl_history_plot`으로 학습 곡선을 그려 보세요.
#    어느 크기부터 두 곡선 사이가 벌어지기 시작하나요?
# 2. `train` 함수에서 은닉층마다 뒤에 `keras.layers.Dropout(0.5)`를 넣고 큰 신경망을 다시 학습시켜 보세요.
#    두 곡선 사이의 간격이 줄어드나요?
# 3. 재현율이 0.95 이상이 되는 임곗값을 찾아보세요. 그 대가로 정밀도는 얼마나 내려가나요?

# %% [markdown] tags=["en"]
# Which threshold is right depends on which mistake costs more. When a missed 1 is expensive (a disease, a fraud),
# lower the threshold; when a false alarm is expensive, raise it.

# %% [markdown] tags=["en"]
# ## Summary
#
# - Binary classification: output `Dense(1, activation='sigmoid')`, `loss='binary_crossentropy'`; `predict` gives
#   probabilities of class 1.
# - **Nodes:** more nodes are not always better. With 53 columns and 700 rows the large network memorized the training
#   data: the training loss fell to about 0 while the validation loss rose. That is overfitting.
# - **Epochs:** `EarlyStopping(monitor='val_loss', patience=..., restore_best_weights=True)` stops at the right time and
#   keeps the best weights.
# - **Learning rate:** too large overfits fast or makes the curve swing; too small needs many more epochs.
# - `(pred >= 0.5).astype(int)` turns probabilities into labels. A lower threshold never lowers recall, and usually lowers precision.
#
# ## Try it yourself: network size, dropout and a threshold for recall
#
# 1. Try `train([32])` and `train([64, 32])` and draw their learning curves with `dl_history_plot`. From what size on
#    does the gap between the two curves start to widen?
# 2. In `train`, add `keras.layers.Dropout(0.5)` after each hidden layer and train the large network again. Does the
#    gap between the curves shrink?
# 3. Find the threshold at which recall is at least 0.95. How much precision does it cost?
