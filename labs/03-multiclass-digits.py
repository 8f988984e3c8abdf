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
# # 실습 3: 손글씨 숫자 다중 분류
#
# scikit-learn에 들어 있는 `load_digits` 데이터로 0부터 9까지 손글씨 숫자를 알아맞힙니다. 이 실습에서 해 볼 내용은
# 다음과 같습니다.
#
# - 다중 분류의 출력층: 클래스 수만큼의 노드와 `softmax`
# - 정수 라벨에 쓰는 `sparse_categorical_crossentropy`
# - 혼동 행렬(히트맵)과 `classification_report` 읽기
# - 불균형 데이터: 드문 클래스에 무슨 일이 생기는지, `class_weight`가 어떻게 돕는지
#
# 40분 정도 걸리고, 노트북 전체는 1분 안에 실행됩니다.

# %% [markdown] tags=["ko"]
# ## 1. 준비
#
# 환경 변수는 TensorFlow를 import하기 **전에** 설정해야 합니다. TensorFlow의 로그 메시지를 숨기고,
# 컴퓨터마다 계산 결과의 끝자리가 달라지지 않도록 oneDNN 설정을 끕니다.

# %% [markdown] tags=["en"]
# # Lab 3: Multi-class classification of handwritten digits
#
# We recognize handwritten digits 0 to 9 with scikit-learn's bundled `load_digits` data. Here you will practice:
#
# - a multi-class output layer: as many nodes as classes, with `softmax`;
# - `sparse_categorical_crossentropy` for integer labels;
# - reading a confusion matrix (as a heat map) and a `classification_report`;
# - an imbalanced variant: what happens to a rare class, and how `class_weight` helps.
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
from sklearn.datasets import load_digits
from sklearn.metrics import accuracy_score, classification_report, confusion_matrix, recall_score
from sklearn.model_selection import train_test_split
from sklearn.utils.class_weight import compute_class_weight

plt.rcParams["figure.dpi"] = 80

from dlnotes import dl_history_plot  # ko: 에포크마다 학습 손실과 검증 손실을 그리는 학습 곡선 # en: the learning curve: training loss and validation loss per epoch


# %% [markdown] tags=["ko"]
# ## 2. 데이터: 8×8 숫자 이미지
#
# `load_digits`에는 8×8 픽셀 이미지가 1,797장 들어 있습니다. 픽셀 하나는 0(흰색)부터 16(검은색)까지의 수이고,
# 이미지 한 장의 64픽셀이 64개 컬럼으로 펼쳐져 있습니다. 타깃은 0~9 중 어떤 숫자인지입니다.

# %% [markdown] tags=["en"]
# ## 2. The data: 8×8 images of digits
#
# `load_digits` has 1,797 images of 8×8 pixels. Each pixel is a number from 0 (white) to 16 (black), and the 64
# pixels of an image are laid out as 64 columns. The target is the digit, 0 to 9.

# %%
digits = load_digits()
x, y = digits.data, digits.target
df = pd.DataFrame(x, columns=[f"pixel_{i}" for i in range(x.shape[1])])
df["digit"] = y
df.head()

# %%
fig, axes = plt.subplots(2, 5, figsize=(6, 3))
for ax, image, label in zip(axes.ravel(), digits.images, digits.target):
    ax.imshow(image, cmap="gray_r")
    ax.set_title(f"label {label}")
    ax.axis("off")
plt.tight_layout()
plt.show()

# %%
print("shape:", x.shape)
print("images per digit:", np.bincount(y))

# %% [markdown] tags=["ko"]
# ## 3. 데이터 나누기와 스케일 맞추기
#
# 학습 75%, 검증 25%로 나누고, `stratify=y`로 두 데이터에 숫자별 비율이 같도록 합니다.
# 모든 픽셀이 0~16이라는 같은 범위를 쓰므로 16으로 나누기만 해도 0~1 범위가 됩니다.

# %% [markdown] tags=["en"]
# ## 3. Split and scaling
#
# 75% training, 25% validation, with the same share of every digit in both parts (`stratify=y`).
# All pixels share the same 0 to 16 scale, so dividing by 16 is enough to bring them to 0 to 1.

# %%
x_train, x_val, y_train, y_val = train_test_split(x / 16.0, y, test_size=0.25, random_state=0, stratify=y)
print("train:", x_train.shape, " validation:", x_val.shape)

# %% [markdown] tags=["ko"]
# ## 4. 모델: 출력 노드 수 = 클래스 수
#
# - **출력 노드 수 = 클래스 수.** y가 0~9의 10가지 값을 가지므로 출력층 노드는 10개입니다.
# - **`softmax`**: 10개의 점수를 합이 1인 10개의 확률로 바꿉니다. 예측 클래스는 확률이 가장 큰 클래스(argmax)입니다.
# - **`sparse_categorical_crossentropy`**: 라벨이 정수(0, 1, ..., 9)일 때 씁니다. 라벨이 원-핫 벡터라면
#   `categorical_crossentropy`를 쓰고, 손실 값은 똑같습니다.

# %% [markdown] tags=["en"]
# ## 4. The model: as many output nodes as classes
#
# - **Output nodes = number of classes.** y takes 10 values (0 to 9), so the output layer has 10 nodes.
# - **`softmax`** turns the 10 scores into 10 probabilities that add up to 1. The predicted class is the one with the
#   largest probability (argmax).
# - **`sparse_categorical_crossentropy`**: the labels are integers (0, 1, ..., 9). With one-hot labels you would use
#   `categorical_crossentropy` instead; the loss value is the same.

# %%
n_classes = len(np.unique(y_train))
print("number of classes:", n_classes)


def train(x_tr, y_tr, class_weight=None):
    keras.utils.set_random_seed(0)
    model = keras.Sequential([
        keras.Input(shape=(x_tr.shape[1],)),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(n_classes, activation="softmax"),  # ko: 클래스마다 노드 하나 # en: one node per class
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.003),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    history = model.fit(x_tr, y_tr, epochs=30, batch_size=32, validation_data=(x_val, y_val),
                        class_weight=class_weight, verbose=0)
    return model, history


model, history = train(x_train, y_train)
print("output shape:", model.output_shape)

# %%
dl_history_plot(history, title="Digits: loss per epoch")
plt.show()

# %% [markdown] tags=["ko"]
# 두 곡선이 가파르게 떨어지다가 꺾여 완만해지고, 검증 손실이 학습 손실 가까이에 머뭅니다. 학습이 잘 되었습니다.
#
# ## 5. softmax: 합이 1인 확률
#
# `predict`는 이미지마다 확률 10개를 한 줄로 돌려줍니다. 검증 이미지 세 장을 먼저 봅시다.

# %% [markdown] tags=["en"]
# The curves drop steeply, bend and flatten, and the validation loss stays close to the training loss: training went
# well.
#
# ## 5. Softmax: probabilities that add up to 1
#
# `predict` returns one row of 10 probabilities per image. Let's look at the first three validation images.

# %%
probs = model.predict(x_val, verbose=0)
print("probs shape:", probs.shape)
pd.DataFrame(probs[:3], columns=[f"p({k})" for k in range(n_classes)]).round(3)

# %%
pred = probs.argmax(axis=1)  # ko: 확률이 가장 큰 클래스 # en: the class with the largest probability
print("row sums of the first 3 rows:", probs[:3].sum(axis=1).round(6))
print("predicted:", pred[:10])
print("true:     ", y_val[:10])
val_loss, val_accuracy = model.evaluate(x_val, y_val, verbose=0)
print(f"accuracy by hand {accuracy_score(y_val, pred):.3f}, Keras val accuracy {val_accuracy:.3f}")

# %% [markdown] tags=["ko"]
# softmax는 점수 $z_k$로부터 $p_k = \dfrac{e^{z_k}}{\sum_j e^{z_j}}$를 계산합니다. 같은 식을 NumPy로 옮기면 Keras의
# `softmax`와 똑같은 값이 나오고, 점수가 가장 큰 클래스가 언제나 확률도 가장 큽니다.

# %% [markdown] tags=["en"]
# Softmax computes $p_k = \dfrac{e^{z_k}}{\sum_j e^{z_j}}$ from the scores $z_k$. The same formula in NumPy gives
# exactly what Keras' `softmax` gives, and the largest score always gets the largest probability.

# %%
scores = np.array([[2.0, 1.0, 0.1, -1.0]])
by_hand = np.exp(scores) / np.exp(scores).sum(axis=1, keepdims=True)
by_keras = keras.ops.convert_to_numpy(keras.activations.softmax(scores))
print("softmax by hand: ", by_hand.round(3))
print("softmax by Keras:", by_keras.round(3))

# %% [markdown] tags=["ko"]
# 여기서는 라벨이 정수라서 `sparse_categorical_crossentropy`를 썼습니다. 라벨을 원-핫 벡터로 바꿔
# `categorical_crossentropy`로 계산해도 값은 같습니다. 둘의 차이는 라벨 형식뿐입니다.

# %% [markdown] tags=["en"]
# The labels here are integers, hence `sparse_categorical_crossentropy`. Turn them into one-hot vectors and
# `categorical_crossentropy` gives the same value: the two differ only in the format of the labels.

# %%
one_hot = keras.utils.to_categorical(y_val, n_classes)
print("label", y_val[0], "-> one-hot", one_hot[0])
sparse_ce = float(keras.ops.convert_to_numpy(keras.losses.SparseCategoricalCrossentropy()(y_val, probs)))
categorical_ce = float(keras.ops.convert_to_numpy(keras.losses.CategoricalCrossentropy()(one_hot, probs)))
print(f"sparse_categorical_crossentropy {sparse_ce:.4f}, categorical_crossentropy {categorical_ce:.4f}, "
      f"val_loss {val_loss:.4f}")

# %% [markdown] tags=["ko"]
# **스스로 확인하기.**

# %% [markdown] tags=["en"]
# **Check yourself.**

# %%
assert model.output_shape == (None, n_classes) == (None, 10), "one output node per class"
assert np.allclose(probs.sum(axis=1), 1, atol=1e-5), "every row of softmax sums to 1"
assert np.allclose(by_hand, by_keras, atol=1e-6), "the formula is Keras' softmax"
assert by_hand.argmax() == scores.argmax(), "argmax of the probabilities = argmax of the scores"
assert np.isclose(accuracy_score(y_val, pred), val_accuracy, atol=1e-3), "Keras' accuracy uses the argmax too"
assert np.isclose(sparse_ce, categorical_ce, atol=1e-5), "same loss, only the label format differs"
assert np.isclose(sparse_ce, val_loss, atol=1e-3), "...and it is the val_loss Keras reports"
assert val_accuracy > 0.93, "a small network recognizes most digits"
print("all checks passed")

# %% [markdown] tags=["ko"]
# ## 6. 혼동 행렬
#
# 정확도는 숫자 하나라서 **어떤** 숫자를 어떤 숫자와 헷갈렸는지 알려 주지 않습니다. 혼동 행렬은 알려 줍니다.
# 행은 실제 숫자, 열은 예측한 숫자입니다. 대각선은 맞힌 개수이고, 대각선 밖은 모두 틀린 것입니다.

# %% [markdown] tags=["en"]
# ## 6. The confusion matrix
#
# Accuracy is one number: it does not say **which** digits get confused with which. The confusion matrix does.
# Row = true digit, column = predicted digit; the diagonal holds the correct predictions, everything off the diagonal
# is a mistake.

# %%
cm = confusion_matrix(y_val, pred)

fig, ax = plt.subplots(figsize=(6, 4.5))
im = ax.imshow(cm, cmap="Blues")
for i in range(n_classes):
    for j in range(n_classes):
        if cm[i, j]:
            ax.text(j, i, cm[i, j], ha="center", va="center", fontsize=8,
                    color="white" if cm[i, j] > cm.max() / 2 else "black")
ax.set_xticks(range(n_classes))
ax.set_yticks(range(n_classes))
ax.set_xlabel("predicted digit")
ax.set_ylabel("true digit")
ax.set_title("Confusion matrix (validation data)")
fig.colorbar(im, ax=ax)
plt.show()

# %% [markdown] tags=["ko"]
# `classification_report`는 클래스마다 정밀도(그 숫자로 예측한 이미지 중 맞은 비율), 재현율(그 숫자인 이미지 중
# 찾아낸 비율), 둘의 조화 평균인 f1-score를 보여 줍니다. `support`는 그 클래스의 검증 이미지 수입니다.

# %% [markdown] tags=["en"]
# `classification_report` gives, for every class, precision (of the images predicted as this digit, the share that
# are right), recall (of the images of this digit, the share found) and their harmonic mean, f1-score. `support` is
# the number of validation images of the class.

# %%
print(classification_report(y_val, pred, digits=3))

# %%
assert cm.sum() == len(y_val) and np.trace(cm) == (pred == y_val).sum(), "diagonal = correct predictions"
assert np.allclose(np.diag(cm) / cm.sum(axis=1), recall_score(y_val, pred, average=None)), "recall per row"
print("all checks passed")

# %% [markdown] tags=["ko"]
# ## 7. 불균형 데이터: 드문 클래스
#
# 실제 데이터에는 드문 클래스가 있기 마련입니다. 일부러 숫자 9를 드물게 만들어 봅시다. 학습 데이터에서 9는
# **10%만** 남기고, 검증 데이터는 그대로 둡니다. 그래야 모델이 실제 9를 어떻게 다루는지 볼 수 있습니다.

# %% [markdown] tags=["en"]
# ## 7. An imbalanced variant: a rare class
#
# In real data some classes are rare. Let's make digit 9 rare on purpose: we keep only **10%** of the 9s in the
# training data. The validation data stay as they are, so we can see what the model does with real 9s.

# %%
rare = 9
rng = np.random.default_rng(0)
rare_rows = np.flatnonzero(y_train == rare)
keep = rng.choice(rare_rows, size=round(0.1 * len(rare_rows)), replace=False)
mask = y_train != rare
mask[keep] = True
x_imb, y_imb = x_train[mask], y_train[mask]
print(f"{rare}s in training: {len(rare_rows)} -> {(y_imb == rare).sum()}")
print("images per digit (training):", np.bincount(y_imb))

# %%
imb_model, _ = train(x_imb, y_imb)
pred_imb = imb_model.predict(x_val, verbose=0).argmax(axis=1)
recall_full = recall_score(y_val, pred, average=None)
recall_imb = recall_score(y_val, pred_imb, average=None)
print(f"accuracy: {accuracy_score(y_val, pred_imb):.3f} (with all the {rare}s: {accuracy_score(y_val, pred):.3f})")
print(f"recall of digit {rare}: {recall_imb[rare]:.3f} (with all the {rare}s: {recall_full[rare]:.3f})")
print(f"true {rare}s were predicted as:", np.bincount(pred_imb[y_val == rare], minlength=n_classes))

# %% [markdown] tags=["ko"]
# 정확도는 여전히 좋아 보이지만, 모델은 실제 9를 꽤 많이 놓치고 다른 숫자로 부릅니다.
# 학습할 때 9가 워낙 적어서 9를 틀려도 손실이 거의 달라지지 않았고, 그래서 모델이 9를 무시하도록 배운 것입니다.
# 정확도만 봐서는 절대 알아챌 수 없습니다.
#
# ### class_weight: 드문 클래스에 큰 클래스 가중치를
#
# `class_weight`는 각 행의 손실에 그 행이 속한 클래스의 가중치를 곱합니다. `compute_class_weight("balanced", ...)`는
# 클래스마다 $\dfrac{n_\text{행}}{n_\text{클래스} \times n_\text{그 클래스의 행}}$을 가중치로 줍니다.
# 그러면 몇 안 되는 9가 합쳐서 다른 숫자와 비슷한 비중을 갖게 됩니다.

# %% [markdown] tags=["en"]
# The accuracy still looks good, but the model misses a good share of the real 9s and calls them other digits.
# During training a mistake on a 9 hardly changed the loss, because there were so few 9s, so the model learned to
# neglect them. Looking only at accuracy, you would never notice.
#
# ### class_weight: make the rare class count more
#
# `class_weight` multiplies each row's loss by the weight of its class. `compute_class_weight("balanced", ...)` gives
# every class the weight $\dfrac{n_\text{rows}}{n_\text{classes} \times n_\text{rows of the class}}$, so the few 9s
# count about as much in total as any other digit.

# %%
weights = compute_class_weight("balanced", classes=np.arange(n_classes), y=y_imb)
class_weight = dict(enumerate(weights))
print("class_weight:", {k: round(float(w), 2) for k, w in class_weight.items()})

weighted_model, _ = train(x_imb, y_imb, class_weight=class_weight)
pred_weighted = weighted_model.predict(x_val, verbose=0).argmax(axis=1)
recall_weighted = recall_score(y_val, pred_weighted, average=None)
print(f"accuracy: {accuracy_score(y_val, pred_weighted):.3f}")
print(f"recall of digit {rare}: {recall_imb[rare]:.3f} -> {recall_weighted[rare]:.3f} with class_weight")

# %%
fig, ax = plt.subplots(figsize=(6, 3.5))
ks = np.arange(n_classes)
ax.bar(ks - 0.2, recall_imb, width=0.4, label="imbalanced")
ax.bar(ks + 0.2, recall_weighted, width=0.4, label="imbalanced + class_weight")
ax.set_xticks(ks)
ax.set_xlabel("digit")
ax.set_ylabel("recall")
ax.set_ylim(0, 1.25)
ax.set_title(f"Recall per digit when {rare} is rare in training")
ax.legend(loc="upper center", ncol=2)
plt.show()

# %% [markdown] tags=["ko"]
# **스스로 확인하기.** 정확도가 높아도 무시당하는 클래스가 숨어 있을 수 있습니다. `class_weight`는 그 클래스의 재현율을
# 올립니다.

# %% [markdown] tags=["en"]
# **Check yourself.** High accuracy can hide a neglected class; `class_weight` raises its recall.

# %%
assert accuracy_score(y_val, pred_imb) > 0.9, "the accuracy still looks fine..."
assert recall_imb[rare] < 0.75 and recall_imb[rare] < recall_full[rare] - 0.15, "...but the rare digit is missed"
assert recall_weighted[rare] > recall_imb[rare] + 0.08, "class_weight raises the rare class's recall"
assert class_weight[rare] > 5 * class_weight[0], "the rare class weighs much more"
print("all checks passed")

# %% [markdown] tags=["ko"]
# ## 정리
#
# - 다중 분류의 출력층은 `Dense(클래스 수, activation='softmax')`입니다. softmax의 출력은 행마다 합이 1인 확률이고,
#   예측은 `argmax(axis=1)`로 고릅니다.
# - 라벨이 정수이면 `sparse_categorical_crossentropy`, 원-핫이면 `categorical_crossentropy`를 씁니다.
# - 혼동 행렬은 어떤 클래스끼리 헷갈리는지 보여 줍니다(행 = 실제, 열 = 예측).
#   `classification_report`는 클래스별 정밀도, 재현율, f1을 보여 줍니다.
# - 드문 클래스는 무시당합니다. 정확도는 괜찮아 보여도 그 클래스의 재현율은 떨어집니다. `class_weight`로 그 행들의
#   클래스 가중치를 키우면 재현율이 올라가고, 대신 다른 클래스가 조금 손해를 볼 수 있습니다.
#
# ## 직접 해 보기: 헷갈린 숫자, 드문 숫자, class_weight
#
# 1. 혼동 행렬에서 대각선 밖의 가장 큰 숫자를 찾고, 해당 이미지 몇 장을
#    `plt.imshow(x_val[i].reshape(8, 8), cmap="gray_r")`로 띄워 보세요. 여러분이라도 헷갈렸을까요?
# 2. 다른 숫자(예: 3이나 8)를 드물게 만들거나, 5%만 남겨 보세요. 모든 숫자가 똑같이 피해를 보나요?
# 3. 불균형 모델에 `class_weight={**{k: 1.0 for k in range(10)}, 9: 3.0}`을 줘 보세요. "balanced" 가중치와 비교해
#    9의 재현율은 어떤가요?

# %% [markdown] tags=["en"]
# ## Summary
#
# - Multi-class output layer: `Dense(number of classes, activation='softmax')`. Softmax gives probabilities that sum
#   to 1 in every row; the prediction is `argmax(axis=1)`.
# - Integer labels → `sparse_categorical_crossentropy`; one-hot labels → `categorical_crossentropy`.
# - The confusion matrix shows which classes are confused (rows = truth, columns = prediction);
#   `classification_report` gives precision, recall and f1 per class.
# - A rare class is neglected: its recall drops while accuracy still looks good. `class_weight` makes its rows count
#   more and raises its recall; other classes may lose a little in exchange.
#
# ## Try it yourself: confused digits, a rare digit and class_weight
#
# 1. Find the largest number off the diagonal of the confusion matrix. Display a few of those images with
#    `plt.imshow(x_val[i].reshape(8, 8), cmap="gray_r")`: would you have confused them too?
# 2. Make a different digit rare (for example 3 or 8) or keep only 5% of it. Is every digit hurt equally?
# 3. Try the imbalanced model with `class_weight={**{k: 1.0 for k in range(10)}, 9: 3.0}`. How does the recall of 9
#    compare with the "balanced" weights?
