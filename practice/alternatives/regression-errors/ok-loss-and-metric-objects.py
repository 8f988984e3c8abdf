# ruff: noqa: F821
# Loss and metric as objects: history names the metric val_mean_absolute_error, not val_mae.
# expect: pass

# %% solution 1
model = keras.Sequential([
    keras.Input(shape=(x_train.shape[1],)),
    keras.layers.Dense(32, activation="relu"),
    keras.layers.Dense(1),
])
model.compile(optimizer="adam", loss=keras.losses.MeanSquaredError(), metrics=[keras.metrics.MeanAbsoluteError()])

# %% solution 2
history = model.fit(x_train, y_train, epochs=100, batch_size=32, validation_data=(x_valid, y_valid), verbose=0)
print(f"last val_mae {history.history['val_mean_absolute_error'][-1]:.3f}")
