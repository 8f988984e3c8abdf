"""Two Dense layers without activation are one Dense layer: kernel W1·W2, bias b1·W2 + b2, for every input."""

import dlnotes  # noqa: F401  (first: quiet, reproducible TensorFlow)

import keras
import numpy as np

keras.utils.set_random_seed(0)
rng = np.random.default_rng(0)

# --8<-- [start:collapse]
# Two stacked layers, no activation: 3 inputs -> 4 hidden nodes -> 1 output
two_layers = keras.Sequential([
    keras.Input(shape=(3,)),
    keras.layers.Dense(4),   # activation=None: h = x·W1 + b1
    keras.layers.Dense(1),   # y = h·W2 + b2
])
# as if it had been trained: random values for every weight and bias
two_layers.set_weights([rng.normal(size=w.shape) for w in two_layers.get_weights()])
W1, b1 = two_layers.layers[0].get_weights()
W2, b2 = two_layers.layers[1].get_weights()

# One single Dense layer with the combined weights
one_layer = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(1)])
one_layer.set_weights([W1 @ W2, b1 @ W2 + b2])

x = rng.normal(size=(1000, 3)).astype("float32")  # 1000 random inputs
out_two, out_one = two_layers.predict(x, verbose=0), one_layer.predict(x, verbose=0)
same = np.allclose(out_two, out_one, atol=1e-5)
print(f"parameters: two layers {two_layers.count_params()}, one layer {one_layer.count_params()}")
print(f"same output for all 1000 inputs: {same} (largest difference {np.abs(out_two - out_one).max():.0e})")
# --8<-- [end:collapse]
assert same
assert two_layers.count_params() == 21 and one_layer.count_params() == 4

# --8<-- [start:with_relu]
# Add activation='relu' to the hidden layer and the shortcut no longer works.
with_relu = keras.Sequential([
    keras.Input(shape=(3,)),
    keras.layers.Dense(4, activation="relu"),
    keras.layers.Dense(1),
])
with_relu.set_weights(two_layers.get_weights())  # the very same weights
diff_relu = np.abs(with_relu.predict(x, verbose=0) - one_layer.predict(x, verbose=0)).max()
print(f"with ReLU, largest difference: {diff_relu:.2f}")
# --8<-- [end:with_relu]
assert diff_relu > 0.1, "a non-linear activation breaks the collapse into one linear layer"
