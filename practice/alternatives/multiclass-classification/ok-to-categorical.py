# ruff: noqa: F821
# One-hot labels from to_categorical with categorical_crossentropy: the loss fits the labels the model trains on.
# expect: pass

# %% solution 1
y_train = keras.utils.to_categorical(y_train, num_classes=3)
model = keras.Sequential([
    keras.Input(shape=(13,)),
    keras.layers.Dense(16, activation="relu"),
    keras.layers.Dense(3, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])

# %% solution 2
history = model.fit(x_train, y_train, epochs=60, batch_size=16,
                    validation_data=(x_valid, keras.utils.to_categorical(y_valid, num_classes=3)), verbose=0)
