# ruff: noqa: F821
# The functional API, activations as functions, the loss as a function, labels with np.where.
# expect: pass

# %% solution 2
inputs = keras.Input(shape=(30,))
hidden = keras.layers.Dense(16, activation=keras.activations.relu)(inputs)
outputs = keras.layers.Dense(1, activation=keras.activations.sigmoid)(hidden)
model = keras.Model(inputs=inputs, outputs=outputs)
model.compile(optimizer="adam", loss=keras.losses.binary_crossentropy, metrics=["accuracy"])

# %% solution 4
pred_labels = np.where(model.predict(x_valid, verbose=0).ravel() >= 0.5, 1, 0)
