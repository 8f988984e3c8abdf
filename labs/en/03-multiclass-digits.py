# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Lab 3: Multi-class classification of handwritten digits
#
# We recognize handwritten digits 0 to 9 with scikit-learn's bundled `load_digits` data. Here you will practise:
#
# - a multi-class output layer: as many nodes as classes, with `softmax`;
# - `sparse_categorical_crossentropy` for integer labels;
# - reading a confusion matrix (as a heat map) and a `classification_report`;
# - an imbalanced variant: what happens to a rare class, and how `class_weight` helps.
#
# It takes about 40 minutes; the whole notebook runs in under a minute.

# %% [markdown]
# ## 1. Setup
#
# The environment variables must be set **before** TensorFlow is imported: they hide TensorFlow's log messages
# and fix a setting that changes the last digits of the results.

# %%
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"  # hide TensorFlow's C++ log messages
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"  # same numerics on every machine
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


def dl_history_plot(history, ax=None, title=None):
    # learning curve: training loss and validation loss per epoch
    hist = getattr(history, "history", history)
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 3.5))
    epochs = np.arange(1, len(hist["loss"]) + 1)
    ax.plot(epochs, hist["loss"], marker=".", label="train loss")
    ax.plot(epochs, hist["val_loss"], marker=".", label="val_loss")
    ax.set_xlabel("epoch")
    ax.set_ylabel("loss")
    if title:
        ax.set_title(title)
    ax.grid(alpha=0.3)
    ax.legend()
    return ax


# %% [markdown]
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

# %% [markdown]
# ## 3. Split and scaling
#
# 75% training, 25% validation, with the same share of every digit in both parts (`stratify=y`).
# All pixels share the same 0 to 16 scale, so dividing by 16 is enough to bring them to 0 to 1.

# %%
x_train, x_val, y_train, y_val = train_test_split(x / 16.0, y, test_size=0.25, random_state=0, stratify=y)
print("train:", x_train.shape, " validation:", x_val.shape)

# %% [markdown]
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
        keras.layers.Dense(n_classes, activation="softmax"),  # one node per class
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

# %% [markdown]
# The curves drop steeply, bend and flatten, and the validation loss stays close to the training loss: training went
# well.
#
# ## 5. Softmax: probabilities that add up to 1
#
# `predict` returns one row of 10 probabilities per image. Let us look at the first three validation images.

# %%
probs = model.predict(x_val, verbose=0)
print("probs shape:", probs.shape)
pd.DataFrame(probs[:3], columns=[f"p({k})" for k in range(n_classes)]).round(3)

# %%
pred = probs.argmax(axis=1)  # the class with the largest probability
print("row sums of the first 3 rows:", probs[:3].sum(axis=1).round(6))
print("predicted:", pred[:10])
print("true:     ", y_val[:10])
val_loss, val_accuracy = model.evaluate(x_val, y_val, verbose=0)
print(f"accuracy by hand {accuracy_score(y_val, pred):.3f}, Keras val accuracy {val_accuracy:.3f}")

# %% [markdown]
# Softmax computes $p_k = \dfrac{e^{z_k}}{\sum_j e^{z_j}}$ from the scores $z_k$. The same formula in NumPy gives
# exactly what Keras' `softmax` gives, and the largest score always gets the largest probability.

# %%
scores = np.array([[2.0, 1.0, 0.1, -1.0]])
by_hand = np.exp(scores) / np.exp(scores).sum(axis=1, keepdims=True)
by_keras = keras.ops.convert_to_numpy(keras.activations.softmax(scores))
print("softmax by hand: ", by_hand.round(3))
print("softmax by Keras:", by_keras.round(3))

# %% [markdown]
# The labels here are integers, hence `sparse_categorical_crossentropy`. Turn them into one-hot vectors and
# `categorical_crossentropy` gives the same value: the two differ only in the format of the labels.

# %%
one_hot = keras.utils.to_categorical(y_val, n_classes)
print("label", y_val[0], "-> one-hot", one_hot[0])
sparse_ce = float(keras.ops.convert_to_numpy(keras.losses.SparseCategoricalCrossentropy()(y_val, probs)))
categorical_ce = float(keras.ops.convert_to_numpy(keras.losses.CategoricalCrossentropy()(one_hot, probs)))
print(f"sparse_categorical_crossentropy {sparse_ce:.4f}, categorical_crossentropy {categorical_ce:.4f}, "
      f"val_loss {val_loss:.4f}")

# %% [markdown]
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

# %% [markdown]
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

# %% [markdown]
# `classification_report` gives, for every class, precision (of the images predicted as this digit, the share that
# are right), recall (of the images of this digit, the share found) and their harmonic mean, f1-score. `support` is
# the number of validation images of the class.

# %%
print(classification_report(y_val, pred, digits=3))

# %%
assert cm.sum() == len(y_val) and np.trace(cm) == (pred == y_val).sum(), "diagonal = correct predictions"
assert np.allclose(np.diag(cm) / cm.sum(axis=1), recall_score(y_val, pred, average=None)), "recall per row"
print("all checks passed")

# %% [markdown]
# ## 7. An imbalanced variant: a rare class
#
# In real data some classes are rare. Let us make digit 9 rare on purpose: we keep only **10%** of the 9s in the
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

# %% [markdown]
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

# %% [markdown]
# **Check yourself.** High accuracy can hide a neglected class; `class_weight` raises its recall.

# %%
assert accuracy_score(y_val, pred_imb) > 0.9, "the accuracy still looks fine..."
assert recall_imb[rare] < 0.75 and recall_imb[rare] < recall_full[rare] - 0.15, "...but the rare digit is missed"
assert recall_weighted[rare] > recall_imb[rare] + 0.08, "class_weight raises the rare class's recall"
assert class_weight[rare] > 5 * class_weight[0], "the rare class weighs much more"
print("all checks passed")

# %% [markdown]
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
# ## Try it yourself
#
# 1. Find the largest number off the diagonal of the confusion matrix. Display a few of those images with
#    `plt.imshow(x_val[i].reshape(8, 8), cmap="gray_r")`: would you have confused them too?
# 2. Make a different digit rare (for example 3 or 8) or keep only 5% of it. Is every digit hurt equally?
# 3. Try the imbalanced model with `class_weight={**{k: 1.0 for k in range(10)}, 9: 3.0}`. How does the recall of 9
#    compare with the "balanced" weights?
