"""BCE = -[y log p + (1-y) log(1-p)] as in Keras; it punishes a confident wrong answer far more than MSE."""

from dlnotes import save_figure

import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

# --8<-- [start:formula]
y = np.array([1.0, 1.0, 0.0, 0.0, 1.0])  # ko: 정답 라벨 # en: true labels
p = np.array([0.9, 0.6, 0.2, 0.4, 0.3])  # ko: 클래스 1일 예측 확률 # en: predicted probabilities of class 1

by_hand = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
by_keras = float(keras.losses.binary_crossentropy(y, p))
print(f"BCE by hand : {by_hand:.4f}")
print(f"BCE by Keras: {by_keras:.4f}")

# ko: from_logits=True: sigmoid 전의 점수 z를 주면 Keras가 sigmoid를 직접 적용함
# en: from_logits=True: give Keras the scores z before the sigmoid, and it applies the sigmoid itself
z = np.array([2.2, 0.4, -1.4, -0.4, -0.85])  # ko: sigmoid 전의 점수(logit) # en: scores (logits) before the sigmoid
from_probs = float(keras.losses.binary_crossentropy(y, 1 / (1 + np.exp(-z))))
from_logits = float(keras.losses.binary_crossentropy(y, z, from_logits=True))
print(f"BCE of sigmoid(z): {from_probs:.4f}   BCE(z, from_logits=True): {from_logits:.4f}")
# --8<-- [end:formula]
# ko: 식으로 직접 계산한 BCE와 Keras의 binary_crossentropy의 차이가 1e-5보다 작습니다.
# en: BCE computed by hand from the formula and Keras' binary_crossentropy agree within 1e-5.
assert abs(by_hand - by_keras) < 1e-5  # claim: bce-matches-formula
# ko: sigmoid를 씌운 확률로 계산한 BCE와, 점수(logit)에 from_logits=True를 준 BCE의 차이가 1e-5보다 작습니다.
# en: BCE from the sigmoid probabilities and BCE from the scores (logits) with from_logits=True agree within 1e-5.
assert abs(from_probs - from_logits) < 1e-5  # claim: bce-from-logits

# --8<-- [start:confident_wrong]
for prob in [0.9, 0.5, 0.1, 0.01]:  # ko: 정답은 매번 1 # en: the true label is 1 every time
    bce = float(keras.losses.binary_crossentropy(np.array([1.0]), np.array([prob])))
    mse = float(keras.losses.mean_squared_error(np.array([1.0]), np.array([prob])))
    print(f"y=1, p={prob:<4}:  BCE {bce:6.3f}   MSE {mse:5.3f}")

# ko: 식에는 상한이 없지만 Keras는 먼저 p를 [1e-7, 1 - 1e-7]로 자름(로그는 자연로그)
# en: the formula has no upper limit, but Keras clips p to [1e-7, 1 - 1e-7] first (the log is natural)
at_zero = float(keras.losses.binary_crossentropy(np.array([1.0]), np.array([0.0])))
print(f"y=1, p=0   :  Keras BCE {at_zero:.2f} = -ln(1e-7) = {-np.log(1e-7):.2f}")
# --8<-- [end:confident_wrong]
# ko: 정답이 1인데 확률 0을 넣어도 Keras의 BCE는 무한대가 아닙니다. 16.12와의 차이가 0.05보다 작습니다.
# en: With label 1 and probability 0, Keras' BCE is not infinite: it is within 0.05 of 16.12.
assert abs(at_zero - 16.12) < 0.05  # claim: bce-keras-clips
bce_wrong = float(keras.losses.binary_crossentropy(np.array([1.0]), np.array([0.01])))
mse_wrong = float(keras.losses.mean_squared_error(np.array([1.0]), np.array([0.01])))
# ko: 정답이 1인데 확률 0.01로 틀리면 BCE와 4.6의 차이가 0.05보다 작습니다.
# en: With label 1 and probability 0.01, the BCE is within 0.05 of 4.6.
assert abs(bce_wrong - 4.6) < 0.05  # claim: bce-confident-wrong-costs-4-6
# ko: 같은 오답(정답 1, 확률 0.01)에 MSE는 1보다 작습니다.
# en: For the same wrong answer (label 1, probability 0.01), the MSE is below 1.
assert mse_wrong < 1  # claim: bce-mse-below-one
mse_01 = float(keras.losses.mean_squared_error(np.array([1.0]), np.array([0.1])))
# ko: 정답이 1일 때 MSE는 확률 0.1이면 0.81, 확률 0.01이면 0.98입니다(0.001 오차 안에서).
# en: With label 1, the MSE is 0.81 for probability 0.1 and 0.98 for probability 0.01 (within 0.001).
assert abs(mse_01 - 0.81) < 1e-3 and abs(mse_wrong - 0.98) < 1e-3  # claim: bce-mse-hardly-different

# --8<-- [start:in_fit]
# ko: 출력층 sigmoid의 점수(logit)가 -30인 모델: p = sigmoid(-30) ≈ 9e-14, 정답은 1
# en: a model whose sigmoid output gets the score (logit) -30: p = sigmoid(-30) ≈ 9e-14, the label is 1
one_x, one_y = np.zeros((1, 1)), np.ones((1, 1))
model = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1, activation="sigmoid")])
model.layers[0].set_weights([np.zeros((1, 1)), np.array([-30.0])])  # ko: 가중치 0, 편향 -30 # en: weight 0, bias -30
model.compile(loss="binary_crossentropy")
p_model = model.predict(one_x, verbose=0)
loss_on_probability = float(keras.losses.binary_crossentropy(one_y, p_model)[0])  # ko: 확률을 넣으면 잘림 # en: given the probability: clipped
loss_in_evaluate = float(model.evaluate(one_x, one_y, verbose=0))  # ko: evaluate·fit 안에서는 logit으로 계산 # en: inside evaluate and fit: computed from the logit
print(f"p = {float(p_model[0, 0]):.1e}")
print(f"binary_crossentropy(y, p): {loss_on_probability:.2f}")
print(f"model.evaluate           : {loss_in_evaluate:.2f}")
# --8<-- [end:in_fit]
# ko: 모델이 낸 아주 작은 확률을 손실 함수에 넣으면, 확률 0을 넣었을 때의 잘린 값과 차이가 0.01보다 작습니다.
# en: Given the model's tiny probability, the loss function returns the clipped value it gives for probability 0 (within
# en: 0.01).
assert abs(loss_on_probability - at_zero) < 0.01  # claim: bce-clips-on-probabilities
# ko: 같은 모델을 model.evaluate로 재면 잘리지 않습니다. `loss`와 30의 차이가 0.01보다 작습니다.
# en: model.evaluate on the same model does not clip: its loss is within 0.01 of 30.
assert abs(loss_in_evaluate - 30.0) < 0.01  # claim: bce-fit-uses-logit-no-clip

# --8<-- [start:gradient]
# ko: 출력 노드는 p = sigmoid(z)를 계산함. p = 0.01인데 y = 1이면 각 손실이 z를 얼마나 세게 미는지 비교
# en: the output node computes p = sigmoid(z). How hard does each loss push z when p = 0.01 but y = 1?
y_true = tf.constant([[1.0]])
z = tf.Variable([[-4.595]])  # ko: sigmoid(-4.595) = 0.01, 곧 p = 0.01 # en: sigmoid(-4.595) = 0.01
grads = {}
for name, loss_fn in [("BCE", keras.losses.BinaryCrossentropy()), ("MSE", keras.losses.MeanSquaredError())]:
    with tf.GradientTape() as tape:
        loss = loss_fn(y_true, tf.sigmoid(z))
    grads[name] = float(tape.gradient(loss, z)[0, 0])
    print(f"{name}: gradient on z = {grads[name]:.4f}")
# --8<-- [end:gradient]
grad_ratio = abs(grads["BCE"]) / abs(grads["MSE"])
# ko: p = 0.01, 정답 1일 때 BCE가 z에 주는 기울기와 p - y = 0.01 - 1의 차이가 0.01보다 작습니다.
# en: With p = 0.01 and label 1, the gradient BCE gives z is within 0.01 of p - y = 0.01 - 1.
assert abs(grads["BCE"] - (0.01 - 1)) < 0.01  # claim: bce-gradient-p-minus-y
# ko: 같은 경우 MSE가 z에 주는 기울기는 크기가 0.05보다 작고, BCE의 기울기는 그보다 40배 넘게, 60배 안 되게 큽니다.
# en: In the same case, MSE's gradient on z is smaller than 0.05 in size, and BCE's gradient is between 40 and 60 times
# en: larger.
assert abs(grads["MSE"]) < 0.05 and 40 < grad_ratio < 60  # claim: bce-mse-gradient-50-times-weaker

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
