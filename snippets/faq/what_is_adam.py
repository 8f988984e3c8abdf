"""Adam's first step moves a weight by about the learning rate for any gradient well above Keras' effective epsilon
(about 3e-6 on step 1, because Keras adds epsilon to sqrt(v), not to sqrt(v_hat)); tinier gradients move it less, and
later steps with a sign that flips at random are much shorter. SGD moves a weight by lr x gradient."""

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
# ko: 기울기가 작든 크든 Adam의 첫 스텝은 어느 경우에나 가중치를 학습률 0.001만큼 움직입니다(1% 오차 안에서).
# en: Small or large gradient, Adam's first step moves the weight by the learning rate, 0.001, every time (within 1 %).
assert np.allclose(adam_moves, 0.001, rtol=0.01)  # claim: adam-first-step-is-lr
# ko: SGD는 어느 경우에나 학습률 0.001 × 기울기 크기(2 × scale)만큼 움직입니다. 기울기가 몇 배가 되면 움직이는 거리도
# ko: 그만큼 커집니다.
# en: SGD moves the weight by the learning rate 0.001 × the size of the gradient (2 × scale) every time: the step grows
# en: as the gradient does.
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
# ko: Adam 식으로 손으로 계산한 가중치와 Keras의 Adam이 바꾼 가중치의 차이가 1e-6보다 작습니다.
# en: The weight computed by hand with Adam's formula and the weight Keras' Adam gives differ by less than 1e-6.
assert by_hand_difference < 1e-6  # claim: adam-by-hand-matches-keras


# --8<-- [start:epsilon]
eps_step_1 = eps / np.sqrt(1 - beta_2)  # ko: 첫 스텝에서 Keras가 실제로 쓰는 ε # en: the ε Keras effectively uses on step 1
tiny_grads = [1e-3, 1e-5, 1e-6, 1e-8]
keras_moves, eps_on_v_hat, eps_on_v = [], [], []
for size in tiny_grads:
    w_tiny = keras.Variable(0.0)
    keras.optimizers.Adam(learning_rate=lr).apply_gradients([(tf.constant(size), w_tiny)])
    keras_moves.append(abs(float(w_tiny.numpy())) / lr)  # ko: 학습률의 몇 배를 움직였나 # en: the step, as a multiple of lr
    eps_on_v_hat.append(size / (size + eps))       # ko: 위의 식: ε을 √v̂에 더함 # en: the formula above: ε added to √v̂
    eps_on_v.append(size / (size + eps_step_1))    # ko: Keras: ε을 √v에 더함 # en: Keras: ε added to √v
    print(f"gradient {size:.0e}:  Keras {keras_moves[-1]:.3f} × lr   "
          f"ε on √v̂ {eps_on_v_hat[-1]:.3f} × lr   ε on √v {eps_on_v[-1]:.3f} × lr")
print(f"effective ε on step 1: {eps_step_1:.1e}")
# --8<-- [end:epsilon]
eps_ratio = eps_step_1 / eps
# ko: 첫 스텝에서 Keras가 실제로 쓰는 ε은 3.1e-6보다 크고 3.2e-6보다 작습니다.
# en: The ε Keras effectively uses on step 1 is between 3.1e-6 and 3.2e-6.
assert 3.1e-6 < eps_step_1 < 3.2e-6  # claim: adam-effective-eps-step-1
# ko: 작은 기울기마다 Keras가 움직인 거리가 ε을 √v에 더한 식의 값과 같습니다(0.1% 오차 안에서).
# en: For each small gradient, the step Keras takes matches the formula with ε added to √v (within 0.1 %).
assert np.allclose(keras_moves, eps_on_v, rtol=1e-3)  # claim: adam-keras-eps-on-sqrt-v
# ko: 가장 큰 것을 뺀 작은 기울기들에서는 Keras가 움직인 거리가 ε을 √v̂에 더한 식(위의 식)이 예측한 거리의 0.8배보다
# ko: 짧습니다.
# en: For the small gradients other than the largest, Keras moves the weight less than 0.8 times as far as the formula
# en: with ε on √v̂ (the formula above) predicts.
assert all(k < 0.8 * t for k, t in zip(keras_moves[1:], eps_on_v_hat[1:]))  # claim: adam-textbook-eps-does-not-match
# ko: 작은 기울기 중 가장 큰 것에서는 Keras도, 두 식도 모두 학습률의 0.99배보다 많이 움직입니다.
# en: For the largest of the small gradients, Keras and both formulas all move the weight by more than 0.99 × the
# en: learning rate.
assert min(keras_moves[0], eps_on_v_hat[0], eps_on_v[0]) > 0.99  # claim: adam-first-step-lr-above-eps
# ko: 기울기가 더 작으면 덜 움직입니다. 두 번째로 큰 기울기는 학습률의 0.7배보다 많고 0.8배보다 적게, 세 번째는
# ko: 0.2배보다 많고 0.3배보다 적게, 가장 작은 기울기는 0.005배보다 적게 움직입니다.
# en: Smaller gradients move it less: the second largest by between 0.7 and 0.8 × the learning rate, the third by
# en: between 0.2 and 0.3 ×, the smallest by less than 0.005 ×.
assert 0.7 < keras_moves[1] < 0.8 and 0.2 < keras_moves[2] < 0.3 and keras_moves[3] < 0.005  # claim: adam-tiny-gradient-moves-less

# ko: 다음 스텝들도 Keras와 같은 식(ε을 √v에): 아주 작은 기울기로 다섯 스텝
# en: later steps follow the same form (ε on √v): five steps with a tiny gradient
w_five, m5, v5, w_by_form, w_by_formula = keras.Variable(0.0), 0.0, 0.0, 0.0, 0.0
adam_five = keras.optimizers.Adam(learning_rate=lr)
for t in range(1, 6):
    adam_five.apply_gradients([(tf.constant(1e-6), w_five)])
    m5 = beta_1 * m5 + (1 - beta_1) * 1e-6
    v5 = beta_2 * v5 + (1 - beta_2) * 1e-12
    w_by_form -= lr * np.sqrt(1 - beta_2 ** t) / (1 - beta_1 ** t) * m5 / (np.sqrt(v5) + eps)
    w_by_formula -= lr * (m5 / (1 - beta_1 ** t)) / (np.sqrt(v5 / (1 - beta_2 ** t)) + eps)
# ko: 아주 작은 기울기로 여러 스텝을 이어 간 뒤에도 Keras의 가중치가 ε을 √v에 더한 식으로 계산한 값과 같습니다(0.1% 오차
# ko: 안에서).
# en: After several steps with a tiny gradient, Keras' weight still matches the formula with ε on √v (within 0.1 %).
assert np.isclose(float(w_five.numpy()), w_by_form, rtol=1e-3)  # claim: adam-keras-form-every-step
# ko: 같은 스텝들을 ε을 √v̂에 더한 식으로 계산하면 가중치가 Keras보다 2배 넘게 멀리 움직입니다.
# en: Computed with ε on √v̂, the same steps move the weight more than twice as far as Keras does.
assert abs(w_by_formula) > 2 * abs(float(w_five.numpy()))  # claim: adam-textbook-eps-does-not-match-later


# --8<-- [start:later_steps]
n_steps, later_from = 200, 50  # ko: 스텝 수, 평균을 내기 시작하는 스텝 # en: number of steps, first step of the average


def mean_steps(next_gradient):
    w_run = keras.Variable(0.0)
    optimizer = keras.optimizers.Adam(learning_rate=lr)
    moves = []
    for _ in range(n_steps):
        before = float(w_run.numpy())
        optimizer.apply_gradients([(tf.constant(next_gradient(), dtype="float32"), w_run)])
        moves.append(abs(float(w_run.numpy()) - before) / lr)  # ko: 학습률의 몇 배 # en: as a multiple of lr
    return moves[0], float(np.mean(moves[later_from - 1:]))  # ko: 첫 스텝, 50~200번째 스텝의 평균 # en: step 1, and the mean of steps 50 to 200


rng = np.random.default_rng(0)
first_steady, later_steady = mean_steps(lambda: rng.uniform(0.5, 1.5))  # ko: 늘 양수, 크기만 흔들림 # en: always positive, noisy size
first_noisy, later_noisy = mean_steps(lambda: rng.choice([-1, 1]) * rng.uniform(0.5, 1.5))  # ko: 같은 크기, 부호는 무작위 # en: same sizes, random sign
print(f"same sign:   step 1 {first_steady:.2f} × lr   steps {later_from}-{n_steps} {later_steady:.2f} × lr on average")
print(f"random sign: step 1 {first_noisy:.2f} × lr   steps {later_from}-{n_steps} {later_noisy:.2f} × lr on average")
# --8<-- [end:later_steps]
# ko: 기울기의 부호가 한결같을 때도, 무작위로 바뀔 때도 첫 스텝은 학습률의 0.99배보다 많이 움직입니다.
# en: Whether the gradient's sign stays the same or flips at random, the first step moves the weight by more than 0.99 ×
# en: the learning rate.
assert first_steady > 0.99 and first_noisy > 0.99  # claim: adam-later-first-step-is-lr
# ko: 부호가 한결같으면 뒤쪽 스텝들도 평균 학습률의 0.75배보다 많이 움직입니다.
# en: With a steady sign, the later steps still move it by more than 0.75 × the learning rate on average.
assert later_steady > 0.75  # claim: adam-later-steady-stays-near-lr
# ko: 부호가 무작위로 바뀌면 뒤쪽 스텝들은 평균 학습률의 0.3배보다 적게 움직이고, 부호가 한결같을 때의 3분의 1보다도
# ko: 적습니다.
# en: With a random sign, the later steps move it by less than 0.3 × the learning rate on average, and by less than a
# en: third of the steady case.
assert later_noisy < 0.3 and later_noisy < later_steady / 3  # claim: adam-later-noisy-steps-shrink

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
# ko: 둘 다 기본 학습률로 같은 에포크 동안 학습하면 Adam의 마지막 `loss`가 SGD의 0.7배보다 작고, 마지막 `val_loss`도 Adam
# ko: 쪽이 더 낮습니다.
# en: Both trained for the same epochs with their default learning rates, Adam ends with a loss below 0.7 × SGD's, and a
# en: lower val_loss too.
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
    alt_ko="유방암 데이터로 같은 모델을 20에포크 학습한 손실 곡선. 기본 학습률의 Adam이 기본 학습률의 SGD보다 손실이 더 빨리 내려간다",
    alt_en="Loss curves of the same model trained for 20 epochs on the breast cancer data: Adam with its default "
    "learning rate lowers the loss faster than SGD with its default learning rate",
)
