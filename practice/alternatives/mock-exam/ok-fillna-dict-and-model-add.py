# ruff: noqa: F821
# np.where for the target, drop and fillna in place on df itself (which pandas 3 keeps), model.add, loss objects.
# expect: pass

# %% solution 1
df = raw.copy()
df["High"] = np.where(df["Sales"] > 8, 1, 0)
df.drop(columns="Sales", inplace=True)

# %% solution 3
df.fillna({"Income": df["Income"].median()}, inplace=True)

# %% solution 7
model = keras.Sequential()
model.add(keras.layers.Dense(32, activation="relu"))
model.add(keras.layers.Dense(16, activation="relu"))
model.add(keras.layers.Dense(1, activation="sigmoid"))
model.compile(optimizer="adam", loss=keras.losses.BinaryCrossentropy(), metrics=[keras.metrics.BinaryAccuracy()])

# %% solution 9
pred_labels = np.where(model.predict(x_valid_s, verbose=0)[:, 0] >= 0.5, 1, 0)
accuracy = (pred_labels == y_valid).mean()
