# ruff: noqa: F821
# The loss is the MAE (the metric asked for), not the MSE.
# expect: ✗ The loss should be the mean squared error (mse).

# %% solution 1
model = keras.Sequential([
    keras.Input(shape=(x_train.shape[1],)),
    keras.layers.Dense(32, activation="relu"),
    keras.layers.Dense(1),
])
model.compile(optimizer="adam", loss="mae", metrics=["mae"])
