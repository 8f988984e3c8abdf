# ruff: noqa: F821
# Three sigmoid outputs: the probabilities of a row do not add up to 1.
# expect: ✗ The output layer needs one node per class and softmax.

# %% solution 1
model = keras.Sequential([
    keras.Input(shape=(13,)),
    keras.layers.Dense(16, activation="relu"),
    keras.layers.Dense(3, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
