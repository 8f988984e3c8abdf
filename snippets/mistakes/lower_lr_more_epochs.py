"""A learning rate ten times lower with the same epochs stops far from the minimum; it needs more epochs."""

import dlnotes  # noqa: F401  # ko: 사이트 도우미 모듈: TensorFlow 로그를 끄고 어느 컴퓨터에서나 같은 결과 # en: the site's helper module: no TensorFlow log lines, the same results on every machine

import keras
import numpy as np

rng = np.random.default_rng(0)
x = rng.normal(size=(256, 1))
y = 3 * x[:, 0] + 2 + rng.normal(0, 0.1, 256)  # ko: y = 3x + 2 에 작은 잡음 # en: y = 3x + 2 plus a little noise


def final_loss(learning_rate, epochs):
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=learning_rate), loss="mse")
    return model.fit(x, y, epochs=epochs, batch_size=32, verbose=0).history["loss"][-1]


# --8<-- [start:wrong]
loss_ref = final_loss(0.1, epochs=5)
loss_low = final_loss(0.01, epochs=5)  # ko: 학습률만 1/10로 줄임 # en: only the learning rate cut to 1/10
print(f"lr 0.1,  5 epochs: loss {loss_ref:.3f}")
print(f"lr 0.01, 5 epochs: loss {loss_low:.3f}")
# --8<-- [end:wrong]
# ko: 에포크 수는 그대로 두고 학습률만 낮추면, 마지막 `loss`가 원래 학습률일 때의 10배보다 큽니다.
# en: With the same number of epochs, the lower learning rate ends with a loss more than 10 times the original one's.
assert loss_low > 10 * loss_ref  # claim: mistakes-low-lr-same-epochs-underfits

# --8<-- [start:fix]
loss_low_long = final_loss(0.01, epochs=50)  # ko: 학습률이 1/10이면 에포크는 약 10배 # en: a tenth of the learning rate, about ten times the epochs
print(f"lr 0.01, 50 epochs: loss {loss_low_long:.3f}")
# --8<-- [end:fix]
# ko: 낮춘 학습률로 에포크를 늘려 학습하면, 마지막 `loss`가 원래 학습률일 때의 `loss`와 5 % 안쪽으로 같아집니다.
# en: With the lower learning rate and more epochs, the last loss comes within 5 % of the original learning rate's loss.
assert abs(loss_low_long / loss_ref - 1) < 0.05  # claim: mistakes-low-lr-needs-more-epochs
