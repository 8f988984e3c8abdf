# ruff: noqa: F821
# One dummy column left out (drop_first=True) and left as bool, then a split of NumPy arrays.
# expect: pass

# %% solution 4
df = pd.get_dummies(df, columns=["ShelveLoc"], drop_first=True)
print(df.dtypes.to_dict())

# %% solution 5
x = df.drop(columns="High").to_numpy()
y = df["High"].to_numpy()
x_train, x_valid, y_train, y_valid = train_test_split(x, y, test_size=0.2, random_state=0, stratify=y)

# %% solution 9
pred_labels = (model.predict(x_valid_s, verbose=0).ravel() >= 0.5).astype(int)
accuracy = np.mean(pred_labels == y_valid)
