# ruff: noqa: F821
# The mean squared error on a sigmoid output.
# expect: ✗ The loss should be the binary cross-entropy (binary_crossentropy).

# %% solution 2
model = keras.Sequential([
    keras.Input(shape=(30,)),
    keras.layers.Dense(16, activation="relu"),
    keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
