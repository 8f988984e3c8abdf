# ruff: noqa: F821
# fit_transform on the training rows, model.add without keras.Input, the loss and the metric as objects.
# expect: pass

# %% solution 1
x_train, x_valid, y_train, y_valid = train_test_split(x, y, stratify=y, test_size=0.3, random_state=0)
scaler = StandardScaler()
x_train = scaler.fit_transform(x_train)
x_valid = scaler.transform(x_valid)

# %% solution 2
model = keras.Sequential()
model.add(keras.layers.Dense(16, activation="relu"))
model.add(keras.layers.Dense(1, activation="sigmoid"))
model.compile(optimizer=keras.optimizers.Adam(), loss=keras.losses.BinaryCrossentropy(),
              metrics=[keras.metrics.BinaryAccuracy()])

# %% solution 3
early_stop = keras.callbacks.EarlyStopping(monitor="val_loss", mode="min", patience=5, restore_best_weights=True)
history = model.fit(x_train, y_train, validation_data=(x_valid, y_valid), epochs=200, batch_size=32,
                    callbacks=[early_stop], verbose=0)
