# ruff: noqa: F821
# Hidden layers of other sizes than the task asks for.
# expect: ✗ There should be two hidden Dense layers with relu, of 32 and 16 nodes.

# %% solution 7
model = keras.Sequential([
    keras.Input(shape=(x_train_s.shape[1],)),
    keras.layers.Dense(16, activation="relu"),
    keras.layers.Dense(8, activation="relu"),
    keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
