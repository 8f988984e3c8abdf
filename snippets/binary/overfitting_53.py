"""53 columns: a large network overfits (val loss bottoms out early); fewer nodes or early stopping fix it."""

from dlnotes import dl_history_plot, make_binary_53, save_figure

import keras
import matplotlib.pyplot as plt
import numpy as np
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

# --8<-- [start:data]
x, y = make_binary_53()  # ko: 1000행, 53컬럼; 신호가 있는 컬럼은 몇 개뿐 # en: 1000 rows, 53 columns; only a few columns carry signal
x_train, x_val, y_train, y_val = train_test_split(
    x, y, test_size=0.3, random_state=0, stratify=y
)
scaler = StandardScaler().fit(x_train)
x_train, x_val = scaler.transform(x_train), scaler.transform(x_val)
print(f"train {x_train.shape}, validation {x_val.shape}")
# --8<-- [end:data]


# --8<-- [start:compare]
def train(hidden_units, epochs=30, callbacks=None):
    keras.utils.set_random_seed(0)
    model = keras.Sequential(
        [keras.Input(shape=(53,))]
        + [keras.layers.Dense(n, activation="relu") for n in hidden_units]
        + [keras.layers.Dense(1, activation="sigmoid")]
    )
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.003),
                  loss="binary_crossentropy", metrics=["accuracy"])
    history = model.fit(x_train, y_train, epochs=epochs, batch_size=100,
                        validation_data=(x_val, y_val), callbacks=callbacks, verbose=0)
    return model, history


large_model, large = train([256, 256])
small_model, small = train([8])

for name, model, h in [("large", large_model, large.history), ("small", small_model, small.history)]:
    best = int(np.argmin(h["val_loss"]))
    gap = h["val_loss"][-1] - h["loss"][-1]
    print(f"{name}: {model.count_params():>6,} params | lowest val_loss {h['val_loss'][best]:.3f} "
          f"at epoch {best + 1:2d} | last val_loss {h['val_loss'][-1]:.3f} | train/val gap {gap:.3f}")
# --8<-- [end:compare]
lh, sh = large.history, small.history
large_best = int(np.argmin(lh["val_loss"]))
large_gap = lh["val_loss"][-1] - lh["loss"][-1]
small_gap = sh["val_loss"][-1] - sh["loss"][-1]
large_best_epoch = large_best + 1
large_last_val_loss, large_last_loss = lh["val_loss"][-1], lh["loss"][-1]
rising_share = float(np.mean(np.diff(lh["val_loss"][large_best:]) > 0))
# ko: 큰 신경망: 일찍 최저점을 찍고, 그 뒤 val_loss가 훨씬 위로 올라감(과적합)
# en: The large network: minimum early, then val loss climbs well above it (overfitting)
assert large_best_epoch <= 10  # claim: overfit53-large-bottoms-out-early
assert large_last_val_loss > 1.5 * lh["val_loss"][large_best]  # claim: overfit53-large-rises-a-lot
assert rising_share >= 0.8  # claim: overfit53-rises-in-most-epochs
assert large_last_loss < 0.02  # claim: overfit53-large-memorizes
assert large_gap > 2 * small_gap + 0.2  # claim: overfit53-large-gap-wider
# ko: 노드를 줄이면 해결됨: 작은 신경망은 큰 신경망보다 훨씬 낮게, 자기 최저점 가까이에서 끝남
# en: Fewer nodes fix it: the small network ends far below the large one and near its own minimum
assert sh["val_loss"][-1] < 0.7 * large_last_val_loss  # claim: overfit53-small-ends-far-lower
assert sh["val_loss"][-1] < 1.1 * min(sh["val_loss"])  # claim: overfit53-small-near-its-minimum

# --8<-- [start:early_stopping]
stop = keras.callbacks.EarlyStopping(monitor="val_loss", patience=5, restore_best_weights=True)
stopped_model, stopped = train([256, 256], callbacks=[stop])
val_loss, val_accuracy = stopped_model.evaluate(x_val, y_val, verbose=0)
epochs_run, best_epoch = len(stopped.history["loss"]), stop.best_epoch + 1
print(f"EarlyStopping: epochs run {epochs_run} / 30, weights kept from epoch {best_epoch}")
print(f"val_loss {val_loss:.3f} (30 epochs, no stopping: {lh['val_loss'][-1]:.3f}), "
      f"val_accuracy {val_accuracy:.3f}")
# --8<-- [end:early_stopping]
assert epochs_run < 20  # claim: overfit53-early-stopping-stops-early
assert abs(val_loss - min(stopped.history["val_loss"])) < 1e-3  # claim: overfit53-best-weights-restored
assert val_loss < 0.7 * large_last_val_loss  # claim: overfit53-early-stopping-beats-30-epochs

fig, (ax_large, ax_small) = plt.subplots(1, 2, figsize=(9.6, 3.6), sharey=True)
dl_history_plot(large, ax=ax_large, title="large: Dense(256) + Dense(256)")
ax_large.axvline(large_best + 1, color="gray", linestyle="--", linewidth=1)
ax_large.annotate("lowest val_loss", (large_best + 1, lh["val_loss"][large_best]),
                  xytext=(8, -22), textcoords="offset points", fontsize=9, color="gray")
dl_history_plot(small, ax=ax_small, title="small: Dense(8)")
save_figure(
    fig,
    "overfitting-large-vs-small",
    alt_ko="53개 컬럼 데이터의 학습 곡선 비교. 왼쪽 큰 신경망은 손실이 0까지 떨어지는 동안 val_loss가 몇 에포크 만에 최저점을 찍고 계속 올라가 간격이 크게 벌어짐. 오른쪽 작은 신경망은 두 곡선이 함께 내려가며 간격이 작음",
    alt_en="Learning curves on the 53-column data. Left, the large network: train loss drops to zero while val_loss reaches its lowest point within a few epochs and then keeps rising, leaving a wide gap. Right, the small network: both curves fall together with a small gap",
)
