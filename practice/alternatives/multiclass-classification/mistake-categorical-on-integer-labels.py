# ruff: noqa: F821
# categorical_crossentropy while y_train holds integers: the check shows Keras's complaint about the shapes.
# expect: ✗ The loss should match the labels in y_train (integer labels, or one-hot ones?).
# expect: ↳ ValueError

# %% solution 1
model = keras.Sequential([
    keras.Input(shape=(13,)),
    keras.layers.Dense(16, activation="relu"),
    keras.layers.Dense(3, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
