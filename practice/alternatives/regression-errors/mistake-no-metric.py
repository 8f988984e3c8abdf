# ruff: noqa: F821
# compile without metrics: history will have no MAE.
# expect: ✗ Give compile the mean absolute error (mae) as a metric.

# %% solution 1
model = keras.Sequential([
    keras.Input(shape=(x_train.shape[1],)),
    keras.layers.Dense(32, activation="relu"),
    keras.layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")
