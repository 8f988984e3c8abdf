# ruff: noqa: F821
# A relu on the output layer: a regression output needs no activation.
# expect: ✗ The output layer needs 1 node and no activation.

# %% solution 1
model = keras.Sequential([
    keras.Input(shape=(x_train.shape[1],)),
    keras.layers.Dense(32, activation="relu"),
    keras.layers.Dense(1, activation="relu"),
])
model.compile(optimizer="adam", loss="mse", metrics=["mae"])
