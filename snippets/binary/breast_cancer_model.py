"""Dense(1, sigmoid) outputs a probability; a threshold turns it into the 0/1 label accuracy counts."""

import dlnotes  # noqa: F401  (first: quiet, reproducible TensorFlow)
from dlnotes import dl_history_plot, save_figure

import keras
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

# --8<-- [start:data]
data = load_breast_cancer()  # 569 tumors, 30 columns
print("scikit-learn's coding:", dict(enumerate(data.target_names)))  # 0 = malignant, 1 = benign
x = data.data
y = 1 - data.target  # flip it: 1 = malignant, the case we must not miss, is the positive class
x_train, x_val, y_train, y_val = train_test_split(
    x, y, test_size=0.3, random_state=0, stratify=y
)
scaler = StandardScaler().fit(x_train)  # learn the scaling on the training part only
x_train, x_val = scaler.transform(x_train), scaler.transform(x_val)
print(f"train {x_train.shape}, validation {x_val.shape}, share of 1s (malignant): {y.mean():.2f}")
# --8<-- [end:data]
assert list(data.target_names) == ["malignant", "benign"]  # scikit-learn: 0 = malignant
assert y.sum() == (data.target == 0).sum() == 212  # after the flip, 1 = malignant

# --8<-- [start:model]
keras.utils.set_random_seed(0)
model = keras.Sequential([
    keras.Input(shape=(x_train.shape[1],)),
    keras.layers.Dense(8, activation="relu"),
    keras.layers.Dense(1, activation="sigmoid"),  # one node: the probability of class 1
])
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.003),
              loss="binary_crossentropy", metrics=["accuracy"])
history = model.fit(x_train, y_train, epochs=30, batch_size=32,
                    validation_data=(x_val, y_val), verbose=0)
# --8<-- [end:model]

# --8<-- [start:predict]
pred = model.predict(x_val, verbose=0)  # shape (n, 1): probabilities between 0 and 1
print("first 5 probabilities:", " ".join(f"{p:.3f}" for p in pred[:5, 0]))
print(f"all between {pred.min():.3f} and {pred.max():.3f}")
# --8<-- [end:predict]
assert pred.shape == (len(x_val), 1)
assert 0.0 <= pred.min() and pred.max() <= 1.0  # sigmoid output: always a probability

# --8<-- [start:threshold]
labels = (pred[:, 0] >= 0.5).astype(int)  # probability -> 0/1 label
my_accuracy = (labels == y_val).mean()
val_loss, val_accuracy = model.evaluate(x_val, y_val, verbose=0)
print("first 5 labels:", labels[:5])
print(f"accuracy by hand:  {my_accuracy:.4f}")
print(f"Keras val_accuracy: {val_accuracy:.4f}   (val_loss {val_loss:.4f})")
print("probabilities exactly 0.5:", int((pred == 0.5).sum()))  # Keras counts p > 0.5 as 1

for threshold in [0.5, 0.3, 0.1]:  # a lower threshold calls more tumors malignant
    missed = int(((pred[:, 0] < threshold) & (y_val == 1)).sum())
    false_alarms = int(((pred[:, 0] >= threshold) & (y_val == 0)).sum())
    print(f"threshold {threshold}: missed malignant {missed}, false alarms {false_alarms}")
# --8<-- [end:threshold]
# Keras' accuracy calls p > 0.5 class 1; `>=` differs only at exactly 0.5, and no probability is 0.5 here.
assert not np.any(pred == 0.5)
assert abs(((pred[:, 0] > 0.5).astype(int) == y_val).mean() - val_accuracy) < 1e-6
assert abs(my_accuracy - val_accuracy) < 1e-6
assert val_accuracy > 0.93
missed = [int(((pred[:, 0] < t) & (y_val == 1)).sum()) for t in [0.5, 0.3, 0.1]]
alarms = [int(((pred[:, 0] >= t) & (y_val == 0)).sum()) for t in [0.5, 0.3, 0.1]]
assert missed[0] >= missed[1] >= missed[2], "a lower threshold never misses more malignant tumors"
assert alarms[0] <= alarms[1] <= alarms[2], "...and raises at least as many false alarms"
assert missed[2] < missed[0] and alarms[2] > alarms[0]  # both change clearly between 0.5 and 0.1

# --8<-- [start:curves]
h = history.history
for epoch in [1, 10, 20, 30]:
    i = epoch - 1
    print(f"epoch {epoch:2d}: val_loss {h['val_loss'][i]:.3f}   val_accuracy {h['val_accuracy'][i]:.3f}")
# --8<-- [end:curves]
# Early on both move; later the loss keeps falling while accuracy hardly changes.
assert h["val_loss"][9] < 0.5 * h["val_loss"][0] and h["val_accuracy"][9] > h["val_accuracy"][0] + 0.1
assert h["val_loss"][-1] < 0.85 * h["val_loss"][9]
assert abs(h["val_accuracy"][-1] - h["val_accuracy"][9]) < 0.05
assert 0.93 < h["val_accuracy"][-1] < 0.98  # "about 0.95" in the figure's alt text

fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(9.6, 3.6))
dl_history_plot(history, ax=ax_loss, title="loss (binary cross-entropy)")
dl_history_plot(history, metric="accuracy", ax=ax_acc, title="accuracy")
save_figure(
    fig,
    "val-loss-accuracy",
    alt_ko="유방암 데이터 이진 분류의 에포크별 학습·검증 loss(왼쪽)와 정확도(오른쪽): loss는 계속 내려가고, 정확도는 초반에 빠르게 0.95 근처까지 오른 뒤 거의 변하지 않음",
    alt_en="Training and validation loss (left) and accuracy (right) per epoch on breast cancer: the loss keeps falling while accuracy climbs quickly to about 0.95 and then barely changes",
)
