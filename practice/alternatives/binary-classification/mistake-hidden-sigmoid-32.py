# ruff: noqa: F821
# A hidden layer of another size and activation than the task asks for.
# expect: ✗ There should be one hidden Dense layer of 16 nodes with relu.

# %% solution 2
model = keras.Sequential([
    keras.Input(shape=(30,)),
    keras.layers.Dense(32, activation="sigmoid"),
    keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
