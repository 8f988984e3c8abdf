# ruff: noqa: F821
# assign, dummies with a prefix of their own, features picked with loc, fit_transform, the functional API.
# expect: pass

# %% solution 1
df = raw.assign(High=(raw["Sales"] > 8).astype(int)).drop(columns=["Sales"])

# %% solution 4
df = pd.get_dummies(df, columns=["ShelveLoc"], prefix="Shelf", dtype=int)

# %% solution 5
x = df.loc[:, df.columns != "High"]
y = df["High"].values
x_train, x_valid, y_train, y_valid = train_test_split(x, y, stratify=y, random_state=0, test_size=0.2)

# %% solution 6
scaler = StandardScaler()
x_train_s = scaler.fit_transform(x_train)
x_valid_s = scaler.transform(x_valid)

# %% solution 7
inputs = keras.Input(shape=(x_train_s.shape[1],))
hidden = keras.layers.Dense(32, activation="relu")(inputs)
hidden = keras.layers.Dense(16, activation="relu")(hidden)
outputs = keras.layers.Dense(1, activation="sigmoid")(hidden)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss=keras.losses.binary_crossentropy, metrics=["accuracy"])
model.summary(print_fn=print)

# %% solution 9
proba = model.predict(x_valid_s, verbose=0).ravel()
pred_labels = (proba >= 0.5).astype(int)
accuracy = (pred_labels == y_valid).mean()
