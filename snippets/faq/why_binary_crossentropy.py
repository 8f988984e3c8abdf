"""BCE = -[y log p + (1-y) log(1-p)] as in Keras; it punishes a confident wrong answer far more than MSE."""

import dlnotes  # noqa: F401  (first: quiet, reproducible TensorFlow)
from dlnotes import save_figure

import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

# --8<-- [start:formula]
y = np.array([1.0, 1.0, 0.0, 0.0, 1.0])  # true labels
p = np.array([0.9, 0.6, 0.2, 0.4, 0.3])  # predicted probabilities of class 1

by_hand = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
by_keras = float(keras.losses.binary_crossentropy(y, p))
print(f"BCE by hand : {by_hand:.4f}")
print(f"BCE by Keras: {by_keras:.4f}")

# from_logits=True: give Keras the scores z before the sigmoid, and it applies the sigmoid itself
z = np.array([2.2, 0.4, -1.4, -0.4, -0.85])  # scores (logits) before the sigmoid
from_probs = float(keras.losses.binary_crossentropy(y, 1 / (1 + np.exp(-z))))
from_logits = float(keras.losses.binary_crossentropy(y, z, from_logits=True))
print(f"BCE of sigmoid(z): {from_probs:.4f}   BCE(z, from_logits=True): {from_logits:.4f}")
# --8<-- [end:formula]
assert abs(by_hand - by_keras) < 1e-5
assert abs(from_probs - from_logits) < 1e-5  # from_logits=True applies the sigmoid itself

# --8<-- [start:confident_wrong]
for prob in [0.9, 0.5, 0.1, 0.01]:  # the true label is 1 every time
    bce = float(keras.losses.binary_crossentropy(np.array([1.0]), np.array([prob])))
    mse = float(keras.losses.mean_squared_error(np.array([1.0]), np.array([prob])))
    print(f"y=1, p={prob:<4}:  BCE {bce:6.3f}   MSE {mse:5.3f}")

# The formula has no upper limit, but Keras clips p to [1e-7, 1 - 1e-7] first (the log is natural):
at_zero = float(keras.losses.binary_crossentropy(np.array([1.0]), np.array([0.0])))
print(f"y=1, p=0   :  Keras BCE {at_zero:.2f} = -ln(1e-7) = {-np.log(1e-7):.2f}")
# --8<-- [end:confident_wrong]
assert abs(at_zero - 16.12) < 0.05  # Keras stops near 16.12, not at infinity
bce_wrong = float(keras.losses.binary_crossentropy(np.array([1.0]), np.array([0.01])))
mse_wrong = float(keras.losses.mean_squared_error(np.array([1.0]), np.array([0.01])))
assert abs(bce_wrong - 4.6) < 0.05  # -log(0.01) = 4.605
assert mse_wrong < 1  # (1 - 0.01)^2 = 0.98: MSE can never exceed 1 here
mse_01 = float(keras.losses.mean_squared_error(np.array([1.0]), np.array([0.1])))
assert abs(mse_01 - 0.81) < 1e-3 and abs(mse_wrong - 0.98) < 1e-3  # 0.81 and 0.98: hardly different

# --8<-- [start:gradient]
# The output node computes p = sigmoid(z). How hard does each loss push z when p = 0.01 but y = 1?
y_true = tf.constant([[1.0]])
z = tf.Variable([[-4.595]])  # sigmoid(-4.595) = 0.01
grads = {}
for name, loss_fn in [("BCE", keras.losses.BinaryCrossentropy()), ("MSE", keras.losses.MeanSquaredError())]:
    with tf.GradientTape() as tape:
        loss = loss_fn(y_true, tf.sigmoid(z))
    grads[name] = float(tape.gradient(loss, z)[0, 0])
    print(f"{name}: gradient on z = {grads[name]:.4f}")
# --8<-- [end:gradient]
assert abs(grads["BCE"] - (0.01 - 1)) < 0.01  # BCE: dL/dz = p - y, a strong push
assert abs(grads["MSE"]) < 0.05 and 40 < abs(grads["BCE"]) / abs(grads["MSE"]) < 60  # MSE: ~50 times weaker

probs = np.linspace(0.005, 0.995, 200)
fig, ax = plt.subplots()
ax.plot(probs, -np.log(probs), label="binary cross-entropy: -log(p)", color="#1f77b4")
ax.plot(probs, (1 - probs) ** 2, label="MSE: (1 - p)^2", color="#ff7f0e")
ax.set_xlabel("predicted probability p (true label y = 1)")
ax.set_ylabel("loss")
ax.set_title("Loss for one example with y = 1")
ax.legend()
save_figure(
    fig,
    "bce-vs-mse-loss",
    alt_ko="정답이 1일 때 예측 확률 p에 따른 손실. 이진 교차 엔트로피는 p가 0에 가까워질수록 한없이 커지지만 MSE는 최대 1에서 멈춤",
    alt_en="Loss against the predicted probability p when the true label is 1: binary cross-entropy grows without bound as p approaches 0, while MSE stops at 1",
)
