# ruff: noqa: F821
# The functional API, softmax as a function, the loss as a function, np.argmax.
# expect: pass

# %% solution 1
inputs = keras.Input(shape=(x_train.shape[1],))
hidden = keras.layers.Dense(16, activation="relu")(inputs)
outputs = keras.layers.Dense(3, activation=keras.activations.softmax)(hidden)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss=keras.losses.sparse_categorical_crossentropy, metrics=["accuracy"])

# %% solution 3
pred_classes = np.argmax(model.predict(x_valid, verbose=0), axis=-1)
