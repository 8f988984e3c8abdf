# ruff: noqa: F821
# categorical_crossentropy on one sigmoid node: the rows labeled 0 add nothing to the loss.
# expect: ✗ The loss should be the binary cross-entropy (binary_crossentropy).

# %% solution 7
model = keras.Sequential([
    keras.Input(shape=(x_train_s.shape[1],)),
    keras.layers.Dense(32, activation="relu"),
    keras.layers.Dense(16, activation="relu"),
    keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
