"""One training step by hand: forward pass, loss, gradient, then w ← w − lr · grad — exactly what SGD does."""

import dlnotes  # noqa: F401  (first: quiet, reproducible TensorFlow)

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
twin.set_weights(model.get_weights())  # the same starting point for both

# --8<-- [start:step]
loss_fn = keras.losses.MeanSquaredError()
with tf.GradientTape() as tape:
    pred = model(x)            # 1. forward propagation: predict
    loss = loss_fn(y, pred)    # 2. the loss measures the error
grads = tape.gradient(loss, model.trainable_variables)  # 3. back-propagation: gradients
manual = [w.numpy() - lr * g.numpy() for w, g in zip(model.trainable_variables, grads)]  # 4. update

twin.compile(optimizer=keras.optimizers.SGD(learning_rate=lr), loss="mse")
twin.train_on_batch(x, y)  # Keras does one step of the same thing
for mine, keras_w in zip(manual, twin.get_weights()):
    print("max difference:", float(np.max(np.abs(mine - keras_w))))
# --8<-- [end:step]
for mine, keras_w in zip(manual, twin.get_weights()):
    assert np.allclose(mine, keras_w, atol=1e-6)
assert not np.allclose(manual[0], model.get_weights()[0])  # the step did move the weights
