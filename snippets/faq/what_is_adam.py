"""Adam's first step moves a weight by about the learning rate whatever the gradient's size; SGD moves it by lr x gradient."""

import dlnotes  # noqa: F401  # ko: 먼저: 조용하고 재현 가능한 TensorFlow # en: first: quiet, reproducible TensorFlow
from dlnotes import save_figure

import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler


# --8<-- [start:one_step]
def one_step(optimizer, scale):
    # ko: 가중치 하나(w = 0)에 손실 scale × (w - 1)²: 기울기는 -2 × scale
    # en: One weight (w = 0) and the loss scale × (w - 1)²: the gradient is -2 × scale
    w = keras.Variable(0.0)
    with tf.GradientTape() as tape:
        loss = scale * (w - 1.0) ** 2
    grad = tape.gradient(loss, w)
    optimizer.apply_gradients([(grad, w)])
    return float(grad), abs(float(w.numpy()))  # ko: (기울기, 움직인 거리 |Δw|) # en: (gradient, distance moved |Δw|)


scales = [0.001, 1.0, 1000.0]
sgd_moves, adam_moves = [], []
for scale in scales:
    grad, sgd_move = one_step(keras.optimizers.SGD(learning_rate=0.001), scale)
    _, adam_move = one_step(keras.optimizers.Adam(learning_rate=0.001), scale)
    sgd_moves.append(sgd_move)
    adam_moves.append(adam_move)
    print(f"gradient {grad:>8.3f}   SGD |Δw| = {sgd_move:.6f}   Adam |Δw| = {adam_move:.6f}")
# --8<-- [end:one_step]
# ko: Adam의 첫 스텝: m̂ = g, v̂ = g²이므로 Δw = lr · g / (|g| + 1e-7) ≈ lr
# en: Adam's first step: m̂ = g and v̂ = g², so Δw = lr · g / (|g| + 1e-7) ≈ lr
assert np.allclose(adam_moves, 0.001, rtol=0.01)  # claim: adam-first-step-is-lr
# ko: SGD는 학습률 × 기울기: 기울기가 백만 배면 스텝도 백만 배
# en: SGD moves by lr × gradient: a million times the gradient, a million times the step
assert np.allclose(sgd_moves, [0.001 * 2 * s for s in scales], rtol=1e-3)  # claim: adam-sgd-step-is-lr-times-grad
sgd_spread = sgd_moves[-1] / sgd_moves[0]
adam_spread = adam_moves[-1] / adam_moves[0]


# --8<-- [start:by_hand]
lr, beta_1, beta_2, eps = 0.001, 0.9, 0.999, 1e-7  # ko: Keras Adam의 기본값 # en: Keras' Adam defaults
w_keras = keras.Variable(0.0)
adam = keras.optimizers.Adam(learning_rate=lr)
w, m, v = 0.0, 0.0, 0.0
for t in range(1, 4):  # ko: 세 스텝 # en: three steps
    with tf.GradientTape() as tape:
        loss = (w_keras - 1.0) ** 2
    g = float(tape.gradient(loss, w_keras))
    adam.apply_gradients([(tf.constant(g), w_keras)])
    m = beta_1 * m + (1 - beta_1) * g       # ko: 기울기의 이동 평균(모멘텀) # en: running mean of the gradient (momentum)
    v = beta_2 * v + (1 - beta_2) * g ** 2  # ko: 기울기 제곱의 이동 평균 # en: running mean of the squared gradient
    m_hat, v_hat = m / (1 - beta_1 ** t), v / (1 - beta_2 ** t)  # ko: 초반 보정 # en: correction for the first steps
    w = w - lr * m_hat / (np.sqrt(v_hat) + eps)
    print(f"step {t}: by hand w = {w:.6f}   Keras Adam w = {float(w_keras.numpy()):.6f}")
# --8<-- [end:by_hand]
by_hand_difference = abs(w - float(w_keras.numpy()))
assert by_hand_difference < 1e-6  # claim: adam-by-hand-matches-keras

x, y = load_breast_cancer(return_X_y=True)
x_train, x_val, y_train, y_val = train_test_split(x, y, test_size=0.3, random_state=0, stratify=y)
scaler = StandardScaler().fit(x_train)
x_train, x_val = scaler.transform(x_train), scaler.transform(x_val)


# --8<-- [start:train]
epochs = 20


def train(optimizer):
    keras.utils.set_random_seed(0)  # ko: 같은 초기 가중치 # en: the same starting weights
    model = keras.Sequential([
        keras.Input(shape=(30,)),
        keras.layers.Dense(16, activation="relu"),
        keras.layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer=optimizer, loss="binary_crossentropy")
    return model.fit(x_train, y_train, validation_data=(x_val, y_val), epochs=epochs, batch_size=32, verbose=0)


histories = {
    "SGD (lr=0.01)": train(keras.optimizers.SGD()),  # ko: 기본 학습률 0.01 # en: default learning rate 0.01
    "Adam (lr=0.001)": train(keras.optimizers.Adam()),  # ko: 기본 학습률 0.001 # en: default learning rate 0.001
}
for name, history in histories.items():
    print(f"{name:<16} loss after 1 epoch {history.history['loss'][0]:.3f}   "
          f"after {epochs} epochs {history.history['loss'][-1]:.3f}   val_loss {history.history['val_loss'][-1]:.3f}")
# --8<-- [end:train]
sgd_loss = histories["SGD (lr=0.01)"].history["loss"]
adam_loss = histories["Adam (lr=0.001)"].history["loss"]
sgd_val = histories["SGD (lr=0.01)"].history["val_loss"][-1]
adam_val = histories["Adam (lr=0.001)"].history["val_loss"][-1]
sgd_final, adam_final = sgd_loss[-1], adam_loss[-1]
assert adam_final < 0.7 * sgd_final and adam_val < sgd_val  # claim: adam-lower-loss-than-sgd

fig, ax = plt.subplots()
ax.plot(range(1, epochs + 1), sgd_loss, marker="o", color="#1f77b4", label="SGD (lr=0.01), loss")
ax.plot(range(1, epochs + 1), adam_loss, marker="s", color="#d62728", label="Adam (lr=0.001), loss")
ax.set_xlabel("epoch")
ax.set_ylabel("loss")
ax.set_xticks(range(2, epochs + 1, 2))
ax.legend()
save_figure(
    fig,
    "adam-vs-sgd-loss",
    alt_ko="유방암 데이터로 같은 모델을 20 에포크 학습한 loss 곡선. 기본 학습률의 Adam이 기본 학습률의 SGD보다 loss가 더 빨리 내려간다",
    alt_en="Loss curves of the same model trained for 20 epochs on the breast cancer data: Adam with its default "
    "learning rate lowers the loss faster than SGD with its default learning rate",
)
