# ruff: noqa: F821
# The hidden layer has no activation: the model stays linear.
# expect: ✗ There should be one hidden Dense layer of 32 nodes with relu.

# %% solution 1
model = keras.Sequential([
    keras.Input(shape=(x_train.shape[1],)),
    keras.layers.Dense(32),
    keras.layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse", metrics=["mae"])
