# ruff: noqa: F821
# Other names on the way (x_tr, x_va), keras.layers.Input, units= keywords, int32 labels from column 0.
# expect: pass

# %% solution 1
x_tr, x_va, y_tr, y_va = train_test_split(x, y, test_size=0.3, stratify=y, random_state=0)
scaler = StandardScaler().fit(x_tr)
x_train, x_valid = scaler.transform(x_tr), scaler.transform(x_va)
y_train, y_valid = y_tr, y_va

# %% solution 2
model = keras.Sequential([
    keras.layers.Input(shape=(x_train.shape[1],)),
    keras.layers.Dense(units=16, activation="relu"),
    keras.layers.Dense(units=1, activation="sigmoid"),
])
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])

# %% solution 4
pred_labels = (model.predict(x_valid, verbose=0)[:, 0] >= 0.5).astype("int32")
