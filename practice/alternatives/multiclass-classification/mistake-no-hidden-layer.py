# ruff: noqa: F821
# The hidden layer is left out.
# expect: ✗ There should be one hidden Dense layer of 16 nodes with relu.

# %% solution 1
model = keras.Sequential([
    keras.Input(shape=(13,)),
    keras.layers.Dense(3, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
