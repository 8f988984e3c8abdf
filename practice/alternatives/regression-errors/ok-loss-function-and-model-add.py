# ruff: noqa: F821
# model.add without keras.Input (the model is built by fit), the loss as a function, the metric by its long name.
# expect: pass

# %% solution 1
model = keras.Sequential()
model.add(keras.layers.Dense(32, activation="relu"))
model.add(keras.layers.Dense(1, activation="linear"))
model.compile(optimizer="adam", loss=keras.losses.mean_squared_error, metrics=["mean_absolute_error"])

# %% solution 2
history = model.fit(x_train, y_train, validation_data=(x_valid, y_valid), epochs=100, batch_size=32, verbose=0)
print(history.history.keys())

# %% solution 3
pred = model.predict(x_valid, verbose=0)
mae = mean_absolute_error(y_valid, pred)
mae_units = mae * 1_000
print(round(mae_units))
