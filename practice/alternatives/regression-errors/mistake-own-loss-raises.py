# ruff: noqa: F821
# A loss function of the student's own with a bug: the check shows it as that error, raised from that function.
# expect: ✗ The loss should be the mean squared error (mse).
# expect: ↳ my_mse
# expect: ↳ NameError: name 'n' is not defined
# expect: raises NameError

# %% solution 1
def my_mse(y_true, y_pred):
    return keras.ops.sum(keras.ops.square(y_true - y_pred), axis=-1) / n


model = keras.Sequential([
    keras.Input(shape=(x_train.shape[1],)),
    keras.layers.Dense(32, activation="relu"),
    keras.layers.Dense(1),
])
model.compile(optimizer="adam", loss=my_mse, metrics=["mae"])
