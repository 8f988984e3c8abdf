"""fit returns a History: the loss per epoch for training and validation data, drawn as a learning curve."""

import dlnotes  # noqa: F401  (first: quiet, reproducible TensorFlow)
from dlnotes import dl_history_plot, save_figure

import keras
from sklearn.datasets import load_diabetes
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

keras.utils.set_random_seed(0)
x, y = load_diabetes(return_X_y=True)
x_train, x_val, y_train, y_val = train_test_split(x, y / 100, test_size=0.25, random_state=0)
scaler = StandardScaler().fit(x_train)
x_train, x_val = scaler.transform(x_train), scaler.transform(x_val)

# --8<-- [start:history]
model = keras.Sequential([
    keras.Input(shape=(x_train.shape[1],)),
    keras.layers.Dense(16, activation="relu"),
    keras.layers.Dense(1),
])
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="mse")
history = model.fit(x_train, y_train, validation_data=(x_val, y_val),
                    epochs=30, batch_size=32, verbose=0)

print(list(history.history))  # what fit recorded, once per epoch
for epoch in (1, 5, 30):
    loss, val_loss = history.history["loss"][epoch - 1], history.history["val_loss"][epoch - 1]
    print(f"epoch {epoch:2d}: loss {loss:.2f}  val_loss {val_loss:.2f}")
fig = dl_history_plot(history)
# --8<-- [end:history]
loss, val_loss = history.history["loss"], history.history["val_loss"]
assert len(loss) == len(val_loss) == 30
assert loss[-1] < loss[0] / 3, "training loss falls steeply"
assert val_loss[-1] < val_loss[0] / 3, "and the validation loss follows it"
assert val_loss[0] < loss[0], "epoch 1: val_loss below loss (loss is a mean over the epoch's batches)"

# --8<-- [start:running_mean]
# An epoch's `loss` is the mean over its batches, measured while the weights were still changing;
# val_loss is measured once, with the weights at the end of the epoch.
keras.utils.set_random_seed(0)
again = keras.Sequential([
    keras.Input(shape=(x_train.shape[1],)),
    keras.layers.Dense(16, activation="relu"),
    keras.layers.Dense(1),
])
again.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="mse")
first = again.fit(x_train, y_train, epochs=1, batch_size=32, verbose=0).history["loss"][0]
after = again.evaluate(x_train, y_train, verbose=0)
print(f"epoch 1: loss (mean over its batches) {first:.2f}, "
      f"loss of the same training data after the epoch {after:.2f}")
# --8<-- [end:running_mean]
assert after < 0.8 * first, "the running mean lags behind: the weights at the end of the epoch do better"
save_figure(
    fig,
    "first-learning-curve",
    alt_ko="에포크마다 학습 데이터의 손실(loss)과 검증 데이터의 손실(val_loss)이 처음에 크게 떨어진 뒤 완만해지는 학습 곡선",
    alt_en="Learning curve: training loss and val_loss drop steeply in the first epochs, then flatten",
)
