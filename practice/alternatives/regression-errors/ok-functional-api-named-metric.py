# ruff: noqa: F821
# The functional API, the activation as a function, and an MAE metric with a name of its own (val_error).
# expect: pass

# %% solution 1
inputs = keras.Input(shape=(6,))
hidden = keras.layers.Dense(32, activation=keras.activations.relu)(inputs)
outputs = keras.layers.Dense(1)(hidden)
model = keras.Model(inputs, outputs)
model.compile(optimizer=keras.optimizers.Adam(), loss="mean_squared_error",
              metrics=[keras.metrics.MeanAbsoluteError(name="error")])

# %% solution 2
history = model.fit(x_train, y_train, epochs=100, batch_size=32, validation_data=(x_valid, y_valid), verbose=0)

# %% solution 3
mae = mean_absolute_error(y_valid, model.predict(x_valid, verbose=0).ravel())
mae_units = 1000 * mae
