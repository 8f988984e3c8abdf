"""One training step by hand: forward pass, loss, gradient, then w ← w − lr · grad — exactly what SGD does."""

import dlnotes  # noqa: F401  # ko: 사이트 도우미 모듈: TensorFlow 로그를 끄고 어느 컴퓨터에서나 같은 결과 # en: the site's helper module: no TensorFlow log lines, the same results on every machine

import keras
import numpy as np
import tensorflow as tf

keras.utils.set_random_seed(0)
rng = np.random.default_rng(2)
x = rng.normal(size=(32, 3)).astype("float32")
y = rng.normal(size=(32, 1)).astype("float32")
lr = 0.1

model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(1)])
twin = keras.models.clone_model(model)
twin.set_weights(model.get_weights())  # ko: 두 모델 모두 같은 가중치에서 출발 # en: the same starting point for both

# --8<-- [start:step]
loss_fn = keras.losses.MeanSquaredError()
with tf.GradientTape() as tape:
    pred = model(x)            # ko: 1. 순전파: 예측 # en: 1. forward propagation: predict
    loss = loss_fn(y, pred)    # ko: 2. 손실로 오차를 잼 # en: 2. the loss measures the error
grads = tape.gradient(loss, model.trainable_variables)  # ko: 3. 오차 역전파: 기울기 # en: 3. back-propagation: gradients
# ko: 4. 업데이트: w - 학습률 × 기울기
# en: 4. update: w - learning rate × gradient
manual = [w.numpy() - lr * g.numpy() for w, g in zip(model.trainable_variables, grads)]

twin.compile(optimizer=keras.optimizers.SGD(learning_rate=lr), loss="mse")
twin.train_on_batch(x, y)  # ko: Keras가 같은 일을 한 스텝 함 # en: Keras does one step of the same thing
max_difference = max(float(np.max(np.abs(mine - keras_w))) for mine, keras_w in zip(manual, twin.get_weights()))
print(f"max |by hand - Keras SGD| = {max_difference:.1e}")
# --8<-- [end:step]
for mine, keras_w in zip(manual, twin.get_weights()):
    # ko: 손으로 계산한 w - 학습률 × 기울기가 Keras의 SGD로 한 스텝 학습한 가중치와 거의 같습니다(kernel과 편향 모두).
    # en: The weights computed by hand, w - learning rate × gradient, almost equal the weights after one Keras SGD step
    # en: (kernel and bias).
    assert np.allclose(mine, keras_w, atol=1e-6)  # claim: step-by-hand-equals-sgd
# ko: 손으로 계산한 한 스텝이 실제로 가중치를 움직였습니다. 새 kernel이 원래 kernel과 다릅니다.
# en: The step computed by hand does move the weights: the new kernel differs from the original one.
assert not np.allclose(manual[0], model.get_weights()[0])  # claim: step-moves-weights
