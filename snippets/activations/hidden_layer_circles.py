"""Two rings: with no hidden layer a model stays near chance; one hidden ReLU layer separates them."""

from dlnotes import save_figure

import keras
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import make_circles

# --8<-- [start:data]
x, y = make_circles(n_samples=400, noise=0.08, factor=0.5, random_state=0)
x = x.astype("float32")
print("x.shape:", x.shape, " class counts:", np.bincount(y))
# --8<-- [end:data]

# --8<-- [start:models]
keras.utils.set_random_seed(0)
# ko: 은닉층 없음: 입력 -> 출력. 경계는 직선 하나뿐임
# en: No hidden layer: input -> output. The boundary can only be a straight line
no_hidden = keras.Sequential([
    keras.Input(shape=(2,)),
    keras.layers.Dense(1, activation="sigmoid"),
])
# ko: 은닉층 하나: 층들을 리스트 [ ... ]로 Sequential에 넘김
# en: One hidden layer: the layers are given to Sequential as a list [ ... ]
hidden = keras.Sequential([
    keras.Input(shape=(2,)),
    keras.layers.Dense(16, activation="relu"),   # ko: 은닉층: 새 특성 공간 # en: hidden layer: a new feature space
    keras.layers.Dense(1, activation="sigmoid"),  # ko: 출력층 # en: output layer
])
for model in (no_hidden, hidden):
    model.compile(optimizer=keras.optimizers.Adam(0.03), loss="binary_crossentropy", metrics=["accuracy"])
    model.fit(x, y, epochs=25, batch_size=40, verbose=0)

acc_no_hidden = no_hidden.evaluate(x, y, verbose=0)[1]
acc_hidden = hidden.evaluate(x, y, verbose=0)[1]
print(f"no hidden layer        : accuracy {acc_no_hidden:.2f}")
print(f"one hidden ReLU layer  : accuracy {acc_hidden:.2f}")
# --8<-- [end:models]
# ko: 학습한 점들로 재면, 은닉층이 없는 모델의 정확도는 0.65보다 낮습니다.
# en: On the points it was trained on, the model without a hidden layer has an accuracy below 0.65.
assert acc_no_hidden < 0.65  # claim: circles-line-stays-near-chance
# ko: 같은 점들로 재면, 은닉층이 하나 있는 모델의 정확도는 0.9보다 높습니다.
# en: On the same points, the model with one hidden layer has an accuracy above 0.9.
assert acc_hidden > 0.9  # claim: circles-hidden-layer-separates

# --8<-- [start:feature_space]
# ko: 은닉층은 숫자 2개짜리 점 하나를 새 숫자 16개(새 특성 공간)로 바꿈
# en: The hidden layer turns each 2-number point into 16 new numbers (the new feature space)
hidden_layer = hidden.layers[0]
features = hidden_layer(x[:3]).numpy()
print("input shape:", x[:3].shape, "-> hidden layer output shape:", features.shape)
# --8<-- [end:feature_space]
# ko: 점 3개를 은닉층에 넣으면 점마다 숫자 16개가 나오고(모양 (3, 16)), 그 값은 모두 0 이상입니다(ReLU).
# en: Three points through the hidden layer give 16 numbers each (shape (3, 16)), all of them 0 or more (ReLU).
assert features.shape == (3, 16) and (features >= 0).all()  # claim: circles-hidden-features-16

# ko: 두 모델의 결정 영역 # en: Decision regions of the two models
grid = np.linspace(-1.5, 1.5, 151, dtype="float32")
gx, gy = np.meshgrid(grid, grid)
points = np.c_[gx.ravel(), gy.ravel()]
fig, axes = plt.subplots(1, 2, figsize=(8.0, 3.8), sharey=True)
for ax, model, title in [
    (axes[0], no_hidden, f"no hidden layer (accuracy {acc_no_hidden:.2f})"),
    (axes[1], hidden, f"hidden ReLU layer (accuracy {acc_hidden:.2f})"),
]:
    p = model.predict(points, batch_size=4096, verbose=0).reshape(gx.shape)
    ax.contourf(gx, gy, p, levels=[0, 0.5, 1], colors=["#c6dbef", "#fdd0a2"], alpha=0.8)
    ax.scatter(x[y == 0, 0], x[y == 0, 1], s=8, color="#1f77b4", label="class 0")
    ax.scatter(x[y == 1, 0], x[y == 1, 1], s=8, color="#ff7f0e", label="class 1")
    ax.set_title(title, fontsize=10)
    ax.set_xlabel("x1")
    ax.set_aspect("equal")
axes[0].set_ylabel("x2")
axes[1].legend(loc="upper right", fontsize=8)
save_figure(
    fig,
    "circles-decision-regions",
    alt_ko="두 개의 동심원 데이터에서 은닉층이 없는 모델은 직선 하나로만 나누고, ReLU 은닉층이 있는 모델은 안쪽 원을 둘러싸는 경계를 만든 그림",
    alt_en="Two concentric rings: the model without a hidden layer splits them with one straight line, "
    "the model with a ReLU hidden layer draws a boundary around the inner ring",
)
